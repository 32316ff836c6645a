/**
 * The analysis' reasons in words. The analysis stores each reason as a token, `kind:detail` (`date:20.12.2023`,
 * `kk_word:күні`, `near_duplicate:… 0.83`), which other tools read; users read these phrases instead, in their
 * language. The detail is the post's own words or a source's name, so it stays as a quote; a kind becomes words.
 * A token of a kind not named here (a stored one older or newer than this code) shows its detail only, never the
 * kind: test/shared/reason-phrases.test.ts reads the kinds the analysis emits from its code and fails on one
 * without a phrase.
 */
import { TOPIC_LABELS } from './labels.js';
import type { PublicationReasons } from './dashboard.js';
import { TOPICS, type Topic, type UiLang } from './vocabulary.js';

type Texts = Readonly<Record<UiLang, string>>;

/** How a concrete fact reads: its noun alone (before a quote) and as the thing a post has (in a summary). */
interface FactWords {
  /** Before the post's words: «дата: 20.12.2023». */
  readonly noun: Texts;
  /** In «есть дата и число» / «күні мен саны көрсетілген» / "has a date and a number". */
  readonly has: Texts;
}

/** The concrete facts concreteness.ts finds (`Reasons.concrete`). */
export const FACT_WORDS = {
  date: { noun: { ru: 'дата', kk: 'күні', en: 'date' }, has: { ru: 'дата', kk: 'күні', en: 'a date' } },
  time: { noun: { ru: 'время', kk: 'уақыты', en: 'time' }, has: { ru: 'время', kk: 'уақыты', en: 'a time' } },
  quantity: {
    noun: { ru: 'число', kk: 'саны', en: 'number' },
    has: { ru: 'число', kk: 'саны', en: 'a number' },
  },
  money: {
    noun: { ru: 'сумма', kk: 'сомасы', en: 'sum' },
    has: { ru: 'сумма денег', kk: 'ақша сомасы', en: 'a sum of money' },
  },
  percent: {
    noun: { ru: 'доля', kk: 'үлесі', en: 'share' },
    has: { ru: 'доля в процентах', kk: 'пайыздық үлесі', en: 'a percentage' },
  },
  person: {
    noun: { ru: 'человек', kk: 'адам', en: 'person' },
    has: { ru: 'имя человека', kk: 'адамның аты-жөні', en: 'a named person' },
  },
  official: {
    noun: { ru: 'должностное лицо', kk: 'лауазымды тұлға', en: 'official' },
    has: { ru: 'должностное лицо', kk: 'лауазымды тұлға', en: 'a named official' },
  },
  institution: {
    noun: { ru: 'учреждение', kk: 'мекеме', en: 'institution' },
    has: { ru: 'название учреждения', kk: 'мекеменің атауы', en: 'a named institution' },
  },
  norm: {
    noun: { ru: 'норма', kk: 'норма', en: 'legal norm' },
    has: { ru: 'ссылка на норму закона', kk: 'заң нормасына сілтеме', en: 'a reference to a legal norm' },
  },
  outcome: {
    noun: { ru: 'результат', kk: 'нәтиже', en: 'outcome' },
    has: { ru: 'достигнутый результат', kk: 'қол жеткізілген нәтиже', en: 'an outcome achieved' },
  },
  rule: {
    noun: { ru: 'требование', kk: 'талап', en: 'requirement' },
    has: { ru: 'конкретное требование', kk: 'нақты талап', en: 'a specific requirement' },
  },
} as const satisfies Record<string, FactWords>;

export type FactKind = keyof typeof FACT_WORDS;

/** A phrase of a reason's detail (a quote, a name, a figure) in a language. */
type Phrase = (detail: string, lang: UiLang) => string;

/** Quotation marks as each language writes them. */
export function quoted(text: string, lang: UiLang): string {
  return lang === 'en' ? `"${text}"` : `«${text}»`;
}

const percentOf = (share: string, lang: UiLang) => {
  const value = Math.round(Number(share) * 100);
  return lang === 'en' ? `${value}%` : `${value} %`;
};

/** Splits `SOURCE 0.83` (what near_duplicate and model reasons end with) into the name and the figure. */
function withFigure(detail: string): [string, string] {
  const space = detail.lastIndexOf(' ');
  return space < 0 ? [detail, ''] : [detail.slice(0, space), detail.slice(space + 1)];
}

function topicName(topic: string, lang: UiLang): string {
  return TOPICS.includes(topic as Topic) ? TOPIC_LABELS[lang][topic as Topic] : topic;
}

const text =
  (words: Texts): Phrase =>
  (detail, lang) =>
    `${words[lang]}: ${detail}`;

/** Every kind of reason token the analysis and the analysis service emit, as a phrase. */
export const REASON_PHRASES: Readonly<Record<string, Phrase>> = {
  // Language (language.ts).
  kazakh_letters: (letters, lang) =>
    `${{ ru: 'казахские буквы', kk: 'қазақ әріптері', en: 'Kazakh letters' }[lang]}: ${[...letters].join(', ')}`,
  kk_word: text({ ru: 'казахские слова', kk: 'қазақ сөздері', en: 'Kazakh words' }),
  ru_word: text({ ru: 'русские слова', kk: 'орыс сөздері', en: 'Russian words' }),
  latin_words: text({
    ru: 'слов латиницей',
    kk: 'латын әрпімен жазылған сөздер',
    en: 'words in Latin script',
  }),
  kk_latin_word: text({
    ru: 'казахские слова латиницей',
    kk: 'латын әрпімен жазылған қазақ сөздері',
    en: 'Kazakh words in Latin script',
  }),
  other_letters: (letters, lang) =>
    `${{ ru: 'буквы других кириллических алфавитов', kk: 'басқа кирилл әліпбилерінің әріптері', en: 'letters of other Cyrillic alphabets' }[lang]}: ${[...letters].join(', ')}`,
  other_word: text({
    ru: 'слова других языков',
    kk: 'басқа тілдердің сөздері',
    en: 'words of other languages',
  }),
  script: (script, lang) =>
    script === 'cyrillic'
      ? {
          ru: 'только кириллица, других признаков языка нет',
          kk: 'тек кирилл жазуы, тілдің басқа белгісі жоқ',
          en: 'Cyrillic script only, no other sign of the language',
        }[lang]
      : `${{ ru: 'письмо', kk: 'жазу', en: 'script' }[lang]}: ${script}`,
  // Concrete facts (concreteness.ts).
  ...Object.fromEntries(
    Object.entries(FACT_WORDS).map(([kind, words]): [string, Phrase] => [
      kind,
      (detail, lang) => `${words.noun[lang]}: ${detail}`,
    ]),
  ),
  // Reposts (repost.ts, analysis.service.ts).
  forwarded_from: (source, lang) =>
    source === 'hidden'
      ? {
          ru: 'переслано, автор скрыт',
          kk: 'қайта жіберілген, авторы жасырылған',
          en: 'forwarded, author hidden',
        }[lang]
      : `${{ ru: 'переслано из', kk: 'қайта жіберілген, қайдан:', en: 'forwarded from' }[lang]} ${quoted(source, lang)}`,
  shared_from: (source, lang) =>
    `${{ ru: 'поделились записью', kk: 'бөлісілген жазба, қайдан:', en: 'shared from' }[lang]} ${quoted(source, lang)}`,
  text_mark: (mark, lang) =>
    `${{ ru: 'в тексте отметка о репосте', kk: 'мәтінде репост белгісі бар', en: 'the text marks a repost' }[lang]}: ${quoted(mark, lang)}`,
  source_mark: (source, lang) => {
    const marked = {
      ru: 'источник отметил запись как репост',
      kk: 'дереккөз жазбаны репост деп белгілеген',
      en: 'the source marked it a repost',
    }[lang];
    return source ? `${marked}: ${source}` : marked;
  },
  near_duplicate: (detail, lang) => {
    const [source, similarity] = withFigure(detail);
    const alike = similarity ? percentOf(similarity, lang) : '';
    return {
      ru: `почти копия публикации ${source}${alike ? ` (сходство ${alike})` : ''}`,
      kk: `${source} жарияланымының көшірмесіне жуық${alike ? ` (ұқсастығы ${alike})` : ''}`,
      en: `a near copy of ${source}${alike ? ` (${alike} alike)` : ''}`,
    }[lang];
  },
  // The learned model (classify.ts).
  model: (detail, lang) => {
    const [label, probability] = withFigure(detail);
    const sure = probability ? ` (${percentOf(probability, lang)})` : '';
    if (label === 'concrete') {
      return {
        ru: `обученная модель считает текст конкретным${sure}`,
        kk: `үйретілген модель мәтінді нақты деп санайды${sure}`,
        en: `the trained model finds the text concrete${sure}`,
      }[lang];
    }
    const topic = quoted(topicName(label, lang), lang);
    return {
      ru: `обученная модель выбрала тему ${topic}${sure}`,
      kk: `үйретілген модель ${topic} тақырыбын таңдады${sure}`,
      en: `the trained model chose the topic ${topic}${sure}`,
    }[lang];
  },
};

/** The labels a user may correct, as the corrected reason names them (`primaryTopic by user:3 at …`). */
const FIELD_WORDS: Readonly<Record<string, Texts>> = {
  primaryTopic: { ru: 'тема', kk: 'тақырып', en: 'topic' },
  topics: { ru: 'темы', kk: 'тақырыптар', en: 'topics' },
  declarative: { ru: 'декларативность', kk: 'декларативтік', en: 'declarative' },
  isRepost: { ru: 'репост', kk: 'репост', en: 'repost' },
  language: { ru: 'язык', kk: 'тілі', en: 'language' },
};

const CORRECTED_RE = /^(\w+) by .+ at .+$/s;
const TOKEN_RE = /^([a-z][a-z_]*):(.*)$/s;

/** One reason token as a phrase in the language. */
export function reasonPhrase(token: string, lang: UiLang): string {
  const corrected = CORRECTED_RE.exec(token);
  if (corrected) {
    const field = FIELD_WORDS[corrected[1] as string]?.[lang] ?? corrected[1];
    return `${{ ru: 'исправлено вручную', kk: 'қолмен түзетілген', en: 'corrected by hand' }[lang]}: ${field}`;
  }
  const match = TOKEN_RE.exec(token);
  if (!match) return quoted(token, lang);
  const phrase = REASON_PHRASES[match[1] as string];
  return phrase ? phrase(match[2] as string, lang) : quoted(match[2] as string, lang);
}

/** Kazakh's «and» between nouns follows the sound before it: «күні мен саны», «қыз бен …», «талап пен …». */
function kazakhAnd(word: string): string {
  const last = word.at(-1) ?? '';
  if (/[жз]/.test(last)) return ' бен ';
  return /[аәеиіоөуұүыэюяйлмнңр]/.test(last) ? ' мен ' : ' пен ';
}

/** Joins words as a list reads in the language: «дата, число и сумма», «күні, саны мен сомасы». */
export function listed(words: readonly string[], lang: UiLang): string {
  if (words.length < 2) return words[0] ?? '';
  const before = words[words.length - 2] as string;
  const and = { ru: ' и ', kk: kazakhAnd(before), en: ' and ' }[lang];
  return `${words.slice(0, -1).join(', ')}${and}${words[words.length - 1]}`;
}

/** The kinds of concrete facts among the reasons, in the order they first appear. */
function factKinds(tokens: readonly string[]): FactKind[] {
  const kinds: FactKind[] = [];
  for (const token of tokens) {
    const kind = TOKEN_RE.exec(token)?.[1];
    if (kind && kind in FACT_WORDS && !kinds.includes(kind as FactKind)) kinds.push(kind as FactKind);
  }
  return kinds;
}

/** What concrete facts a post has, in one phrase: «есть дата и число» / «күні мен саны көрсетілген». */
export function factsSummary(tokens: readonly string[], lang: UiLang): string | null {
  const kinds = factKinds(tokens);
  if (kinds.length === 0) return null;
  const words = listed(
    kinds.map((kind) => FACT_WORDS[kind].has[lang]),
    lang,
  );
  return { ru: `есть ${words}`, kk: `${words} көрсетілген`, en: `has ${words}` }[lang];
}

/** Language evidence gathers by kind: one phrase lists the Kazakh words found. */
const GATHERED: ReadonlySet<string> = new Set([
  'kazakh_letters',
  'kk_word',
  'ru_word',
  'kk_latin_word',
  'other_letters',
  'other_word',
]);

/**
 * Tokens of one kind as one phrase, details joined («казахские слова: күні, және»), in the order the kinds first
 * appear; tokens that are quotes (topics, declarative formulas) or corrections stay one each.
 */
export function reasonPhrases(tokens: readonly string[], lang: UiLang): string[] {
  const byKind = new Map<string, string[]>();
  const phrases: (string | { kind: string })[] = [];
  for (const token of tokens) {
    const match = CORRECTED_RE.test(token) ? null : TOKEN_RE.exec(token);
    const kind = match?.[1];
    // Facts and language evidence gather by kind; a repost's or the model's reason is one sentence each.
    if (kind && (kind in FACT_WORDS || GATHERED.has(kind))) {
      const details = byKind.get(kind);
      if (details) details.push(match[2] as string);
      else {
        byKind.set(kind, [match[2] as string]);
        phrases.push({ kind });
      }
    } else phrases.push(reasonPhrase(token, lang));
  }
  return phrases.map((entry) => {
    if (typeof entry === 'string') return entry;
    const details = byKind.get(entry.kind) ?? [];
    const join = entry.kind.endsWith('_letters') ? '' : ', ';
    return reasonPhrase(`${entry.kind}:${details.join(join)}`, lang);
  });
}

/** A group of reasons as the publication's view shows it: what it explains, in words, and the phrases. */
export interface ReasonGroup {
  /** The label explained, in words: «Тема «Правовая защита»», «Язык текста». */
  title: string;
  /** The summary («есть дата и число»), when the group has one. */
  summary?: string;
  phrases: string[];
}

const GROUP_TITLES = {
  topic: { ru: 'Слова темы', kk: 'Тақырып сөздері', en: 'Words of the topic' },
  concrete: { ru: 'Конкретные факты', kk: 'Нақты деректер', en: 'Concrete facts' },
  declarative: {
    ru: 'Общие слова без фактов',
    kk: 'Деректерсіз жалпы сөздер',
    en: 'General words without facts',
  },
  repost: { ru: 'Репост', kk: 'Репост', en: 'Repost' },
  language: { ru: 'Язык текста', kk: 'Мәтін тілі', en: 'Language of the text' },
  model: { ru: 'Обученная модель', kk: 'Үйретілген модель', en: 'Trained model' },
  corrected: { ru: 'Исправления', kk: 'Түзетулер', en: 'Corrections' },
} as const satisfies Record<string, Texts>;

/** The quotes once each, whatever their case: a title's «Есепті-сайлау» and the text's «есепті-сайлау» are one term. */
function distinct(quotes: readonly string[]): string[] {
  const seen = new Set<string>();
  return quotes.filter((quote) => {
    const key = quote.toLocaleLowerCase();
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** Every group of a publication's reasons in words, empty groups left out. */
export function reasonGroups(reasons: PublicationReasons, lang: UiLang): ReasonGroup[] {
  const groups: ReasonGroup[] = [];
  for (const topic of TOPICS) {
    const quotes = reasons.topics[topic];
    if (quotes && quotes.length > 0) {
      groups.push({
        title: `${GROUP_TITLES.topic[lang]} ${quoted(TOPIC_LABELS[lang][topic], lang)}`,
        phrases: distinct(quotes).map((quote) => quoted(quote, lang)),
      });
    }
  }
  const add = (
    key: keyof typeof GROUP_TITLES,
    tokens: readonly string[] | undefined,
    summary?: string | null,
  ) => {
    if (!tokens || tokens.length === 0) return;
    groups.push({
      title: GROUP_TITLES[key][lang],
      ...(summary ? { summary } : {}),
      phrases: reasonPhrases(tokens, lang),
    });
  };
  add('concrete', reasons.concrete, factsSummary(reasons.concrete, lang));
  if (reasons.declarative.length > 0) {
    groups.push({
      title: GROUP_TITLES.declarative[lang],
      phrases: distinct(reasons.declarative).map((quote) => quoted(quote, lang)),
    });
  }
  add('repost', reasons.repost);
  add('language', reasons.language);
  add('model', reasons.model);
  add('corrected', reasons.corrected);
  return groups;
}
