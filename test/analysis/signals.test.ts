import { describe, expect, it } from 'vitest';
import { classify } from '../../src/analysis/classify.js';
import { isSuffixChain, stripKazakhSuffixes } from '../../src/analysis/kazakh.js';
import { fingerprintOf, jaccard, NearDuplicateIndex } from '../../src/analysis/near-duplicate.js';
import { repostFromMarks } from '../../src/analysis/repost.js';
import { tokenize } from '../../src/analysis/tokens.js';

describe('language', () => {
  it('detects a Kazakh post by its letters and function words', () => {
    const result = classify(
      'Аягөз ауданында бастауыш ұйым төрағаларына арналған семинар өтті. Семинарға 32 адам қатысты және тәжірибе алмасты.',
    );
    expect(result.language).toBe('kk');
    expect(result.reasons.language).toContain('kk_word:және');
    expect(result.reasons.language.find((reason) => reason.startsWith('kazakh_letters:'))).toMatch(/ө/);
  });

  it('tells Russian, bilingual and Latin-script posts apart', () => {
    expect(
      classify('В районе прошло собрание профсоюзного актива, обсуждены текущие вопросы.').language,
    ).toBe('ru');
    expect(
      classify(
        'Ұстаздар күні құтты болсын! Барша әріптестерге зор денсаулық тілейміз. С Днем учителя, дорогие коллеги! Здоровья и вдохновения!',
      ).language,
    ).toBe('mixed');
    expect(classify('Happy Teachers’ Day to all educators around the world!').language).toBe('other');
  });
});

describe('topics', () => {
  it('tags a conciliation-commission seminar as legal, with the terms found as reasons', () => {
    const ru = classify(
      'В Жарминском районе прошел семинар для председателей первичных организаций по работе согласительных комиссий. Разобраны сроки рассмотрения индивидуальных трудовых споров.',
    );
    expect(ru.primaryTopic).toBe('legal');
    expect(ru.reasons.topics.legal).toEqual(
      expect.arrayContaining(['согласительных комиссий', 'трудовых споров']),
    );
    const kk = classify(
      'Жарма ауданында бастауыш ұйым төрағаларына арналған келісім комиссияларының жұмысы бойынша семинар өтті. Еңбек дауларын қарау тәртібі түсіндірілді.',
    );
    expect(kk.primaryTopic).toBe('legal');
    expect(kk.reasons.topics.legal).toEqual(
      expect.arrayContaining(['келісім комиссияларының', 'Еңбек дауларын']),
    );
  });

  it('gives several topics with scores in 0..1, the primary first', () => {
    const result = classify(
      'Благодаря вмешательству правового инспектора учителю возвращена доплата за классное руководство — 186 400 тенге.',
    );
    expect(result.topics[0]?.topic).toBe(result.primaryTopic);
    expect(result.topics.map((item) => item.topic)).toEqual(expect.arrayContaining(['legal', 'pay']));
    for (const { score } of result.topics) expect(score).toBeGreaterThan(0);
    for (const { score } of result.topics) expect(score).toBeLessThan(1);
  });

  it('matches stems at word starts, never inside a word', () => {
    // «суд» is inside «обсудили», Kazakh «дау» (dispute) inside «қолдау» (support).
    const discussed = classify('На собрании обсудили план работы и поддержку ветеранов.');
    expect(discussed.reasons.topics.legal).toBeUndefined();
    expect(classify('Суд восстановил учителя на работе.').reasons.topics.legal).toContain('Суд');
    const support = classify('Жас мамандарды қолдау жұмысы жалғасуда.');
    expect(support.reasons.topics.legal).toBeUndefined();
    expect(classify('Еңбек дауы сотта қаралды.').reasons.topics.legal).toEqual(
      expect.arrayContaining(['Еңбек дауы', 'сотта']),
    );
  });

  it('falls back to other when no union topic is named', () => {
    expect(classify('Доброе утро, друзья! Хорошего настроения!').primaryTopic).toBe('other');
  });
});

describe('Kazakh suffix rules', () => {
  it('accepts a root followed by a suffix chain, and short roots take inflection only', () => {
    expect(isSuffixChain('ларды', 3)).toBe(true); // дау-лар-ды
    expect(isSuffixChain('ы', 3)).toBe(true); // дау-ы
    expect(isSuffixChain('ыс', 3)).toBe(false); // дауыс is «voice», not a dispute
    expect(isSuffixChain('сыз', 3)).toBe(false); // даусыз: derivation after a short root
    expect(isSuffixChain('тарын', 5)).toBe(true); // құқық-тар-ы-н
  });

  it('gives the forms of one word one stem', () => {
    const stems = ['мектеп', 'мектепте', 'мектептің', 'мектебі', 'мектептерде'].map(stripKazakhSuffixes);
    expect(new Set(stems)).toEqual(new Set(['мектеп']));
    expect(stripKazakhSuffixes('мүшелері')).toBe(stripKazakhSuffixes('мүшеге'));
  });
});

describe('concreteness', () => {
  it('flags «работа ведётся по укреплению…» declarative, with the phrase as its reason', () => {
    const result = classify(
      'Работа ведётся по укреплению профсоюзных рядов. Особое внимание уделяется мотивации членства.',
    );
    expect(result.declarative).toBe(true);
    expect(result.concreteness).toBeLessThan(0.5);
    expect(result.reasons.declarative).toEqual(expect.arrayContaining(['Работа ведётся', 'Особое внимание']));
  });

  it('flags a post with numbers, sums, names and results concrete, each fact a reason', () => {
    const result = classify(
      'Правовой инспектор Гульнара Оспанова добилась перерасчета: 74 педагогам доплачено 3,1 млн тенге.',
    );
    expect(result.declarative).toBe(false);
    expect(result.concreteness).toBeGreaterThan(0.8);
    expect(result.reasons.concrete).toEqual(
      expect.arrayContaining([
        'person:Гульнара Оспанова',
        'quantity:74',
        'money:3,1 млн',
        'outcome:доплачено',
      ]),
    );
  });

  it('does not count a date alone as a fact', () => {
    const result = classify(
      '12.05.2024 состоялось заседание президиума. Рассмотрены вопросы текущей деятельности, приняты соответствующие постановления.',
    );
    expect(result.declarative).toBe(true);
  });
});

describe('reposts by marks', () => {
  it('marks a forwarded Telegram post a repost, its source named', () => {
    // As the importer passes a message's `forwarded_from`.
    const message = { forwarded_from: 'Отраслевой профсоюз работников образования', text: 'С Днем знаний!' };
    const result = classify({ text: message.text, marks: { forwardedFrom: message.forwarded_from } });
    expect(result.isRepost).toBe(true);
    expect(result.repostSource).toBe('Отраслевой профсоюз работников образования');
    expect(result.reasons.repost).toEqual(['forwarded_from:Отраслевой профсоюз работников образования']);
    expect(repostFromMarks('С Днем знаний!', { forwardedFrom: null })).toMatchObject({
      isRepost: true,
      source: null,
      reason: 'forwarded_from:hidden',
    });
  });

  it("reads the text's own marks", () => {
    expect(repostFromMarks('Репост с сайта ЦК. Состоялся Пленум.')).toMatchObject({
      isRepost: true,
      source: 'сайта ЦК',
    });
    expect(repostFromMarks('Новость дня.\nИсточник: bilim-kasipodagy.kz')).toMatchObject({
      isRepost: true,
      source: 'bilim-kasipodagy.kz',
    });
    expect(repostFromMarks('Прошел семинар для председателей.').isRepost).toBe(false);
  });
});

describe('reposts by near-copies', () => {
  const original =
    'Отраслевой профсоюз провел республиканский конкурс «Лучшая первичная профсоюзная организация». Из 312 конкурсантов в финал вышли 17, победителем стала первичная организация школы-гимназии № 38 Астаны.';
  const copy = `Отраслевой профсоюз провел республиканский конкурс «Лучшая первичная профсоюзная организация»! Из 312 конкурсантов в финал вышли 17, а победителем стала первичная организация школы-гимназии № 38 Астаны. Поздравляем!`;
  const other =
    'В Урджарском районе проведена проверка соблюдения трудового законодательства в шести организациях образования, выявлено 23 нарушения.';
  const print = (text: string) => {
    const fingerprint = fingerprintOf(text);
    if (!fingerprint) throw new Error('too short');
    return fingerprint;
  };

  it('finds a near-copy of a sector-union text published earlier on another channel', () => {
    const index = new NearDuplicateIndex<string>(0.6);
    expect(
      index.addAndFind({ key: 'sector', channel: 'sector-website', fingerprint: print(original) }),
    ).toBeNull();
    expect(
      index.addAndFind({ key: 'unrelated', channel: 'region-page', fingerprint: print(other) }),
    ).toBeNull();
    const found = index.addAndFind({ key: 'copy', channel: 'region-page', fingerprint: print(copy) });
    expect(found?.source.key).toBe('sector');
    expect(found?.similarity).toBeGreaterThanOrEqual(0.6);
    expect(jaccard(print(original).shingles, print(copy).shingles)).toBe(found?.similarity);
  });

  it('ignores copies on the same channel and respects the threshold', () => {
    const sameChannel = new NearDuplicateIndex<string>(0.6);
    sameChannel.addAndFind({ key: 'a', channel: 'site', fingerprint: print(original) });
    expect(sameChannel.addAndFind({ key: 'b', channel: 'site', fingerprint: print(copy) })).toBeNull();
    const strict = new NearDuplicateIndex<string>(0.95);
    strict.addAndFind({ key: 'a', channel: 'site', fingerprint: print(original) });
    expect(strict.addAndFind({ key: 'b', channel: 'page', fingerprint: print(copy) })).toBeNull();
    expect(fingerprintOf('С Днем знаний!')).toBeNull();
  });
});

describe('tokens', () => {
  it('keeps thousands, decimals and dates whole, and splits hyphenated words', () => {
    expect(
      tokenize('25 116 членов, 2,4 млн, 01.09.2024, отчетно-выборная').map((token) => token.norm),
    ).toEqual(['25116', 'членов', '2,4', 'млн', '01.09.2024', 'отчетно', 'выборная']);
  });
});
