/**
 * Concreteness of a post in 0..1 and the `declarative` flag. A post is concrete when it reports checkable facts
 * beyond the mere occurrence of an event: quantities, sums, shares, named people and institutions, specific
 * norms, results achieved. It is declarative when it states effort, importance or good wishes without them
 * («работа ведется», «особое внимание уделяется»). The score is a logistic function of the evidence, weighted so
 * that one fact suffices (docs/LABELLING.md).
 */
import type { Signal } from './lexicons/signals.js';
import { numberValue, type Token } from './tokens.js';

export interface SignalHit {
  readonly label: Signal;
  readonly weight: number;
  readonly first: number;
  readonly last: number;
}

export interface ConcretenessResult {
  concreteness: number;
  declarative: boolean;
  /** Concrete evidence, each `kind:quote`, e.g. `money:186 400 тенге`, `person:Ержан Касымов`. */
  concrete: string[];
  /** Declarative formulas and appeals as quoted from the post. */
  declarativeReasons: string[];
}

/** Below this concreteness a post is declarative (a setting: `DEFAULT_SETTINGS.declarativeBelow`). */
export const DECLARATIVE_BELOW = 0.5;

/**
 * The weights of the evidence. One checkable fact makes a post concrete (docs/LABELLING.md): each kind of fact
 * outweighs the bias alone, except a date and a rule word («в течение», «обязан»), which need another fact; a
 * declarative formula («жұмыстары жүргізіліп жатыр») weighs less than a count beside it, which stays a fact.
 */
const WEIGHTS = {
  bias: -1.1,
  quantity: 2.2,
  money: 1.5,
  percent: 1.5,
  date: 1.0,
  time: 1.0,
  person: 1.5,
  institution: 1.5,
  outcome: 1.4,
  norm: 1.2,
  official: 1.5,
  rule: 0.7,
  numberWord: 1.5,
  declarative: -0.6,
  appeal: -1.2,
} as const;

/** Surnames in ru and kk, with the case endings Kazakh adds to them. */
const SURNAME_RE =
  /^[\p{Lu}][\p{Ll}]+(?:ов|ев|ёв|ин|ова|ева|ёва|ина|ұлы|қызы|улы|кызы)(?:а|у|ым|ой|тың|тің|қа|ке|ға|ге|ты|ті|ны|ні|пен|мен|ның|нің|ы|і|на|ке)?$/u;
const YEAR_WORD_RE = /^(?:год|года|году|годы|годов|г|гг|жыл|жылы|жылға|жылғы|жылдың|жылдары|жылдарға)$/;

function isYear(token: Token, next: Token | undefined, text: string): boolean {
  const value = numberValue(token);
  if (!Number.isInteger(value) || value < 1990 || value > 2100) return false;
  if (next && YEAR_WORD_RE.test(next.norm)) return true;
  // A range of years («2025–2027») or a year after a date separator.
  const around = text.slice(Math.max(0, token.start - 1), token.end + 1);
  return (
    /[–—-]/.test(around) ||
    text
      .slice(token.end, token.end + 3)
      .trimStart()
      .startsWith('жыл')
  );
}

function precededBy(text: string, token: Token, mark: string): boolean {
  return text.slice(Math.max(0, token.start - 3), token.start).includes(mark);
}

/**
 * A number, neither a date, a sum nor a share, that counts nothing: «1» is the indefinite «бір», «один» («1
 * баланың өзін»); «3D» is a name; «5)» opening a line numbers an item; «@screened-147» is part of an account.
 */
function countsNothing(text: string, token: Token, previous: Token | undefined): boolean {
  if (token.norm === '1') return true;
  if (/\p{Lu}/u.test(text[token.end] ?? '')) return true;
  if (text[token.end] === ')' && /(?:^|\n)\s*$/.test(text.slice(0, token.start))) return true;
  return previous?.markup === 'link' && /^[-_]$/.test(text.slice(previous.end, token.start));
}

const ORDINAL_SUFFIX_RE = /^(?:ыншы|інші|ншы|нші|шы|ші)$/;

const ORDINAL_RE =
  /^(?:мың|бір|екі|үш|төрт|бес|алты|жеті|сегіз|тоғыз|он|жиырма|отыз|қырық|елу|алпыс|жетпіс|сексен|тоқсан)(?:ыншы|інші|ншы|нші)/;

/**
 * Whether the number word at `index` is part of a year spelled out: a run of number words with «мың» (thousand)
 * before «жыл» («екі мың тоғызыншы жылғы»). A date alone is no fact.
 */
function spellsYear(tokens: readonly Token[], signalAt: ReadonlyMap<number, Signal>, index: number): boolean {
  let first = index;
  while (signalAt.get(first - 1) === 'number_word') first--;
  let last = index;
  while (signalAt.get(last + 1) === 'number_word') last++;
  let thousand = false;
  for (let i = first; i <= last; i++) if ((tokens[i] as Token).norm.startsWith('мың')) thousand = true;
  // The year's last word is an ordinal: «тоғызыншы», or the thousand's own («екі мыңыншы жылдары»: the 2000s).
  if (ORDINAL_RE.test(tokens[last + 1]?.norm ?? '')) {
    last++;
    if ((tokens[last] as Token).norm.startsWith('мың')) thousand = true;
  }
  return thousand && (tokens[last + 1]?.norm.startsWith('жыл') ?? false);
}

const SPAN_BEFORE_RE = /^(?:осы|өткен|соңғы|эти|этих|за|последние|прошедшие)$/;
const SPAN_YEARS_RE = /^(?:лет|года|год|жыл|жылда|жылдың|жылдан)$/;

/**
 * Whether the number from `first` to `last` counts the years of a span, «осы төрт жылдың ішінде», «за эти пять
 * лет»: a time like a date, no count of anything (docs/LABELLING.md).
 */
function spansYears(tokens: readonly Token[], first: number, last: number): boolean {
  const before = tokens[first - 1]?.norm ?? '';
  const after = tokens[last + 1]?.norm ?? '';
  return SPAN_BEFORE_RE.test(before) && SPAN_YEARS_RE.test(after);
}

/**
 * The index of a name just before the noun at `index` (one word, such as «мемлекеттік», may come between): a
 * capitalized word within a sentence («Мәскеу мемлекеттік университетінің»), or a quoted one («Еңбек»
 * бағдарламасы). A sentence's first word is capitalized anyway («Біздің мектеп»), so it names nothing.
 */
function nameBefore(text: string, tokens: readonly Token[], index: number): number | undefined {
  for (let back = index - 1; back >= Math.max(0, index - 2); back--) {
    const token = tokens[back] as Token;
    const gap = text.slice(token.end, (tokens[back + 1] as Token).start);
    // Not across a sentence or a comma: «3D модельдеу, бағдарлама жасау».
    if ((tokens[back + 1] as Token).sentenceStart || !/^[\s»"-]*$/.test(gap)) break;
    if (gap.includes('»') || gap.includes('"')) return back;
    const named = token.kind === 'word' && token.capital && token.norm.length > 1;
    if (named && !token.sentenceStart && !token.markup) return back;
  }
  return undefined;
}

/** Whether the sentence around `offset` ends with a question mark. */
function inQuestion(text: string, offset: number): boolean {
  const end = text.slice(offset).search(/[.!?\n]/);
  return end >= 0 && text[offset + end] === '?';
}

type Feature = Exclude<keyof typeof WEIGHTS, 'bias'>;

interface Evidence {
  /** Each kind of evidence, capped: the fifth number in a post adds nothing the fourth did not. */
  features: Record<Feature, number>;
  concrete: string[];
  declarativeReasons: string[];
}

/** The evidence of a post: what it counts and quotes. */
function collectEvidence(text: string, tokens: readonly Token[], hits: readonly SignalHit[]): Evidence {
  const quote = (first: number, last: number) =>
    text.slice((tokens[first] as Token).start, (tokens[last] as Token).end);
  const signalAt = new Map<number, Signal>();
  for (const hit of hits) signalAt.set(hit.first, hit.label);
  const concrete: string[] = [];
  const declarativeReasons: string[] = [];
  const counts = {
    quantity: 0,
    money: 0,
    percent: 0,
    date: 0,
    time: 0,
    person: 0,
    institution: 0,
    outcome: 0,
    norm: 0,
    official: 0,
    rule: 0,
    numberWord: 0,
  };
  let declarative = 0;
  let appeal = 0;

  for (let index = 0; index < tokens.length; index++) {
    const token = tokens[index] as Token;
    const next = tokens[index + 1];
    if (token.kind === 'number') {
      // Kazakh writes an ordinal's suffix apart («5-інші қаңтарда»): the month follows it.
      const suffixed = ORDINAL_SUFFIX_RE.test(next?.norm ?? '') ? 1 : 0;
      const nextSignal = signalAt.get(index + 1 + suffixed);
      const previousSignal = signalAt.get(index - 1);
      if (precededBy(text, token, '№')) {
        counts.institution++;
        concrete.push(`institution:№ ${token.norm}`);
      } else if (token.norm.includes(':')) {
        counts.time++;
        concrete.push(`time:${token.norm}`);
      } else if (token.norm.split('.').length === 3 || nextSignal === 'month') {
        counts.date++;
        concrete.push(`date:${quote(index, nextSignal === 'month' ? index + 1 + suffixed : index)}`);
      } else if (isYear(token, next, text)) {
        continue;
      } else if (spansYears(tokens, index, index)) {
        counts.date++;
        concrete.push(`date:${quote(index, index + 1)}`);
      } else if (nextSignal === 'norm' || previousSignal === 'norm') {
        counts.norm++;
        concrete.push(
          `norm:${quote(nextSignal === 'norm' ? index : index - 1, nextSignal === 'norm' ? index + 1 : index)}`,
        );
      } else if (nextSignal === 'money' || signalAt.get(index + 2) === 'money') {
        counts.money++;
        concrete.push(`money:${quote(index, nextSignal === 'money' ? index + 1 : index + 2)}`);
      } else if (
        nextSignal === 'percent' ||
        text[token.end] === '%' ||
        text.slice(token.end, token.end + 2) === ' %'
      ) {
        counts.percent++;
        concrete.push(`percent:${token.norm}%`);
      } else if (!countsNothing(text, token, tokens[index - 1])) {
        counts.quantity++;
        concrete.push(`quantity:${token.norm}`);
      }
      continue;
    }
    if (token.capital && SURNAME_RE.test(text.slice(token.start, token.end))) {
      const previous = tokens[index - 1];
      const named =
        previous?.capital && previous.kind === 'word' && !previous.sentenceStart ? index - 1 : index;
      if (!token.sentenceStart || next?.capital || named < index) {
        counts.person++;
        concrete.push(`person:${quote(named, index)}`);
      }
    } else if (
      token.capital &&
      token.norm.length === 1 &&
      text[token.end] === '.' &&
      next?.capital &&
      next.start - token.end <= 2
    ) {
      counts.person++;
      concrete.push(`person:${quote(index, index + 1)}`);
      index++;
    }
  }
  for (const hit of hits) {
    if (hit.label === 'outcome') {
      // A result asked about («почему правительство решило…?») is not reported.
      if (inQuestion(text, (tokens[hit.last] as Token).end)) continue;
      counts.outcome++;
      concrete.push(`outcome:${quote(hit.first, hit.last)}`);
    } else if (hit.label === 'institution') {
      // A named institution: «детский сад «Балапан»», «Еңбек министрлігі», «Серебрянск қаласындағы зауыт».
      const after = text.slice((tokens[hit.last] as Token).end, tokens[hit.last + 1]?.start ?? text.length);
      const name = nameBefore(text, tokens, hit.first);
      if (after.includes('«') || after.includes('"')) {
        counts.institution++;
        concrete.push(`institution:${quote(hit.first, Math.min(hit.last + 1, tokens.length - 1))}`);
      } else if (name !== undefined) {
        counts.institution++;
        concrete.push(`institution:${quote(name, hit.last)}`);
      }
    } else if (hit.label === 'rule') {
      counts.rule++;
      concrete.push(`rule:${quote(hit.first, hit.last)}`);
    } else if (hit.label === 'law') {
      counts.norm++;
      concrete.push(`norm:${quote(hit.first, hit.last)}`);
    } else if (hit.label === 'official') {
      counts.official++;
      concrete.push(`official:${quote(hit.first, hit.last)}`);
    } else if (hit.label === 'number_word') {
      if (spellsYear(tokens, signalAt, hit.first)) continue;
      if (spansYears(tokens, hit.first, hit.last)) {
        counts.date++;
        concrete.push(`date:${quote(hit.first, hit.last + 1)}`);
        continue;
      }
      counts.numberWord++;
      concrete.push(`quantity:${quote(hit.first, hit.last)}`);
    } else if (hit.label === 'declarative') {
      declarative += hit.weight;
      declarativeReasons.push(quote(hit.first, hit.last));
    } else if (hit.label === 'appeal') {
      appeal += hit.weight;
      declarativeReasons.push(quote(hit.first, hit.last));
    }
  }
  return {
    features: {
      quantity: Math.min(counts.quantity, 4),
      money: Math.min(counts.money, 3),
      percent: Math.min(counts.percent, 3),
      // A day and an hour make a schedule; two days are still only when (docs/LABELLING.md).
      date: Math.min(counts.date, 1),
      time: Math.min(counts.time, 1),
      person: Math.min(counts.person, 3),
      institution: Math.min(counts.institution, 3),
      outcome: Math.min(counts.outcome, 4),
      norm: Math.min(counts.norm, 2),
      official: Math.min(counts.official, 2),
      rule: Math.min(counts.rule, 2),
      numberWord: Math.min(counts.numberWord, 2),
      declarative: Math.min(declarative, 5),
      appeal: Math.min(appeal, 4),
    },
    concrete,
    declarativeReasons,
  };
}

/** Concreteness from evidence: the logistic function of its weighted sum. */
function concretenessOf(features: Readonly<Record<Feature, number>>): number {
  let z: number = WEIGHTS.bias;
  for (const feature of Object.keys(features) as Feature[]) z += WEIGHTS[feature] * features[feature];
  return 1 / (1 + Math.exp(-z));
}

export function assessConcreteness(
  text: string,
  tokens: readonly Token[],
  hits: readonly SignalHit[],
  declarativeBelow = DECLARATIVE_BELOW,
): ConcretenessResult {
  const { features, concrete, declarativeReasons } = collectEvidence(text, tokens, hits);
  const concreteness = concretenessOf(features);
  return { concreteness, declarative: concreteness < declarativeBelow, concrete, declarativeReasons };
}
