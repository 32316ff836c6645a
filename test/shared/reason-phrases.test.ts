/**
 * The analysis' reasons in words: every kind of token the analysis can emit has a phrase in ru, kk and en (the
 * kinds are read from the code that makes them, so a new kind without a phrase fails here), and no phrase shows a
 * token's internal kind.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { classify } from '../../src/analysis/classify.js';
import { repostFromMarks } from '../../src/analysis/repost.js';
import {
  BRANCH_POSTS,
  LEGAL_POSTS,
  REGION_POSTS,
  SECTOR_NEWS,
  SECTOR_OWN_POSTS,
  WEBSITE_POSTS,
} from '../../src/services/demo/abai.texts.js';
import type { PublicationReasons } from '../../src/shared/dashboard.js';
import {
  factsSummary,
  REASON_PHRASES,
  reasonGroups,
  reasonPhrase,
  reasonPhrases,
} from '../../src/shared/reason-phrases.js';
import { UI_LANGS } from '../../src/shared/vocabulary.js';

const SRC = fileURLToPath(new URL('../../src/', import.meta.url));

/** Files of src/analysis whose `x:` strings are lookup keys of stems and features, not reasons. */
const KEY_FILES = new Set(['lexicon.ts', 'naive-bayes.ts']);
/** Prefixes in those files that are no reason: `user:ID` names who made a correction. */
const NOT_REASONS = new Set(['user']);

/** The code that makes reasons: the analysis and the service that adds repost and correction reasons. */
function reasonSources(): string[] {
  const analysis = readdirSync(join(SRC, 'analysis'))
    .filter((name) => name.endsWith('.ts') && !name.endsWith('.d.ts') && !KEY_FILES.has(name))
    .map((name) => join(SRC, 'analysis', name));
  return [...analysis, join(SRC, 'services', 'analysis.service.ts')];
}

/** Every `kind:` a string literal of that code opens with (comments, which show examples, and modules imported
 * such as `node:fs` left out). */
function emittedKinds(): Set<string> {
  const kinds = new Set<string>();
  for (const file of reasonSources()) {
    const code = readFileSync(file, 'utf8')
      .replace(/\/\*[\s\S]*?\*\//g, '')
      .replace(/^\s*\/\/.*$/gm, '')
      .replace(/\bfrom\s+['"][^'"]*['"]/g, '')
      .replace(/\bimport\(\s*['"][^'"]*['"]/g, '');
    for (const match of code.matchAll(/[`'"]([a-z][a-z_]*):/g)) {
      if (!NOT_REASONS.has(match[1] as string)) kinds.add(match[1] as string);
    }
  }
  return kinds;
}

/**
 * A kind as the analysis writes it, its detail right after the colon (`kk_word:күні`, `date:20.12.2023`), which no
 * phrase may show; an English phrase's «date: 20.12.2023» and an address's «https://» are no such token.
 */
const RAW_TOKEN = /(?<![\p{L}_])[a-z]+(?:_[a-z]+)*:(?![\s/])|[a-z]_[a-z]/u;

describe('reason phrases', () => {
  it('names every kind of reason the analysis emits, in each language', () => {
    const kinds = emittedKinds();
    // The reading of the code works: kinds of each producer are found.
    for (const known of [
      'kazakh_letters',
      'kk_word',
      'date',
      'quantity',
      'forwarded_from',
      'near_duplicate',
      'model',
    ])
      expect(kinds).toContain(known);
    const missing = [...kinds].filter((kind) => !(kind in REASON_PHRASES));
    expect(missing, 'kinds of reasons without a phrase').toEqual([]);
    for (const kind of kinds) {
      for (const lang of UI_LANGS) {
        const phrase = reasonPhrase(`${kind}:x 0.5`, lang);
        expect(phrase, `${kind} in ${lang}`).not.toMatch(RAW_TOKEN);
        expect(phrase.length).toBeGreaterThan(3);
      }
    }
  });

  it('says which facts a post has, as the issue words it', () => {
    const tokens = ['date:20.12.2023', 'quantity:15'];
    expect(factsSummary(tokens, 'ru')).toBe('есть дата и число');
    expect(factsSummary(tokens, 'kk')).toBe('күні мен саны көрсетілген');
    expect(factsSummary(tokens, 'en')).toBe('has a date and a number');
    expect(factsSummary(['money:186 400 тенге', 'person:Ержан Касымов', 'rule:не позднее'], 'kk')).toBe(
      'ақша сомасы, адамның аты-жөні мен нақты талап көрсетілген',
    );
    expect(factsSummary(['quantity:2', 'rule:обязан', 'date:1 мая'], 'kk')).toBe(
      'саны, нақты талап пен күні көрсетілген',
    );
    expect(factsSummary([], 'ru')).toBeNull();
  });

  it('renders each token as a phrase, the post’s words kept as a quote', () => {
    expect(reasonPhrases(['date:20.12.2023', 'quantity:15', 'quantity:30'], 'ru')).toEqual([
      'дата: 20.12.2023',
      'число: 15, 30',
    ]);
    expect(reasonPhrases(['kazakh_letters:үі', 'kk_word:күні', 'kk_word:және'], 'kk')).toEqual([
      'қазақ әріптері: ү, і',
      'қазақ сөздері: күні, және',
    ]);
    expect(reasonPhrases(['ru_word:и', 'latin_words:4'], 'en')).toEqual([
      'Russian words: и',
      'words in Latin script: 4',
    ]);
    expect(reasonPhrases(['other_letters:єї', 'other_word:що', 'other_word:це'], 'kk')).toEqual([
      'басқа кирилл әліпбилерінің әріптері: є, ї',
      'басқа тілдердің сөздері: що, це',
    ]);
    expect(reasonPhrases(['kk_latin_word:jäne', 'kk_latin_word:bılım'], 'ru')).toEqual([
      'казахские слова латиницей: jäne, bılım',
    ]);
    expect(reasonPhrase('script:cyrillic', 'en')).toBe('Cyrillic script only, no other sign of the language');
    expect(reasonPhrase('forwarded_from:Отраслевой профсоюз', 'ru')).toBe(
      'переслано из «Отраслевой профсоюз»',
    );
    expect(reasonPhrase('forwarded_from:hidden', 'kk')).toBe('қайта жіберілген, авторы жасырылған');
    expect(reasonPhrase('forwarded_from:hidden', 'en')).toBe('forwarded, author hidden');
    expect(reasonPhrase('text_mark:Репост с сайта ЦК', 'en')).toBe(
      'the text marks a repost: "Репост с сайта ЦК"',
    );
    expect(reasonPhrase('near_duplicate:https://t.me/union/12 0.83', 'ru')).toBe(
      'почти копия публикации https://t.me/union/12 (сходство 83 %)',
    );
    expect(reasonPhrase('near_duplicate:https://t.me/union/12 0.83', 'kk')).toBe(
      'https://t.me/union/12 жарияланымының көшірмесіне жуық (ұқсастығы 83 %)',
    );
    expect(reasonPhrase('near_duplicate:https://t.me/union/12 0.83', 'en')).toBe(
      'a near copy of https://t.me/union/12 (83% alike)',
    );
    expect(reasonPhrase('model:legal 0.82', 'kk')).toBe(
      'үйретілген модель «Құқықтық қорғау» тақырыбын таңдады (82 %)',
    );
    expect(reasonPhrase('model:concrete 0.70', 'ru')).toBe(
      'обученная модель считает текст конкретным (70 %)',
    );
    expect(reasonPhrase('source_mark:', 'en')).toBe('the source marked it a repost');
    expect(reasonPhrase('primaryTopic by user:3 at 2024-05-01T10:00:00Z', 'kk')).toBe(
      'қолмен түзетілген: тақырып',
    );
    expect(reasonPhrase('isRepost by operator at 2024-05-01T10:00:00Z', 'en')).toBe(
      'corrected by hand: repost',
    );
    // A kind this code does not know (stored by a later version) shows its detail only.
    expect(reasonPhrase('future_kind:слово', 'ru')).toBe('«слово»');
  });

  it('groups a post’s reasons under the labels they explain, in words', () => {
    const reasons: PublicationReasons = {
      language: ['kazakh_letters:ү', 'kk_word:күні'],
      topics: { legal: ['еңбек кодексі'] },
      concrete: ['date:20.12.2023', 'quantity:15'],
      declarative: ['жұмыс жүргізілуде'],
      repost: [],
    };
    expect(reasonGroups(reasons, 'kk')).toEqual([
      { title: 'Тақырып сөздері «Құқықтық қорғау»', phrases: ['«еңбек кодексі»'] },
      {
        title: 'Нақты деректер',
        summary: 'күні мен саны көрсетілген',
        phrases: ['күні: 20.12.2023', 'саны: 15'],
      },
      { title: 'Деректерсіз жалпы сөздер', phrases: ['«жұмыс жүргізілуде»'] },
      { title: 'Мәтін тілі', phrases: ['қазақ әріптері: ү', 'қазақ сөздері: күні'] },
    ]);
  });

  it('shows no internal token for any demo post or repost mark, in any language', () => {
    const posts = [
      ...REGION_POSTS,
      ...SECTOR_NEWS,
      ...LEGAL_POSTS,
      ...WEBSITE_POSTS,
      ...BRANCH_POSTS,
      ...SECTOR_OWN_POSTS,
    ];
    const marks = [
      repostFromMarks('', { forwardedFrom: null }),
      repostFromMarks('', { sharedFrom: 'ЦК профсоюза' }),
      repostFromMarks('Репост с сайта ЦК: новости'),
      repostFromMarks('Текст.\nИсточник: kasipodaq.kz'),
    ];
    let tokens = 0;
    for (const post of posts) {
      const { reasons } = classify({ title: post.title, text: post.text });
      const all: PublicationReasons = {
        ...reasons,
        repost: marks.map((mark) => mark.reason as string),
        model: ['model:pay 0.91', 'model:concrete 0.66'],
        corrected: ['declarative by user:1 at 2024-01-01T00:00:00Z'],
      };
      tokens += all.language.length + all.concrete.length;
      for (const lang of UI_LANGS) {
        for (const group of reasonGroups(all, lang)) {
          for (const phrase of [group.title, group.summary ?? '', ...group.phrases]) {
            expect(phrase, `${post.title} (${lang})`).not.toMatch(RAW_TOKEN);
          }
        }
      }
    }
    // The demo posts give reasons to render: dates, numbers, Kazakh words.
    expect(tokens).toBeGreaterThan(posts.length);
  });
});
