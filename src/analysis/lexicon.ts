/**
 * Lexicons compiled once into lookup tables, then matched against a post's tokens in one pass.
 *
 * A term is one word or a phrase of words (each next word right after the previous one or one token later). Each word is:
 * - in a Russian list: a word form, matched by its Snowball stem («суд» matches «суда», «судом», never
 *   «обсудили», whose stem is «обсуд»);
 * - in a Kazakh list: a root, matched at the start of a word followed by a valid suffix chain (kazakh.ts);
 * - `word*`: any word starting with these letters (word starts only, never inside a word);
 * - `=word`: exactly this form; `#`: any number.
 */
import { isSuffixChain, rootVariants } from './kazakh.js';
import { memoize, russianStem } from './stemmers.js';
import type { Token } from './tokens.js';

export interface TermList<L extends string> {
  label: L;
  weight: number;
  ru?: readonly string[];
  kk?: readonly string[];
}

export interface LexiconEntry<L extends string> {
  readonly label: L;
  readonly weight: number;
  /** The term as written in the lexicon. */
  readonly term: string;
  /** Word patterns, in order. */
  readonly words: readonly number[];
}

/** A phrase's next word may follow after at most this many other tokens. */
const PHRASE_GAP = 1;
const NUMBER = 0;
const NO_PATTERNS: readonly number[] = [];
const KAZAKH_LETTER_RE = /[әғқңөұүһі]/;
const JUST_NUMBER: readonly number[] = [NUMBER];

export class Lexicon<L extends string> {
  private readonly russian = new Map<string, number[]>();
  private readonly kazakh = new Map<string, { rootLength: number; ids: number[] }>();
  private readonly exact = new Map<string, number[]>();
  private readonly prefixes: { prefix: string; id: number }[] = [];
  private readonly patternIds = new Map<string, number>([['#', NUMBER]]);
  private readonly entriesByFirst = new Map<number, LexiconEntry<L>[]>();
  /** Word patterns a word form matches. */
  private readonly patternsOfWord = memoize((word) => this.computePatterns(word));
  private longestRoot = 0;
  readonly entries: LexiconEntry<L>[] = [];

  constructor(lists: readonly TermList<L>[]) {
    for (const list of lists) {
      for (const term of list.ru ?? []) this.add(list, term, 'ru');
      for (const term of list.kk ?? []) this.add(list, term, 'kk');
    }
  }

  private add(list: TermList<L>, term: string, lang: 'ru' | 'kk'): void {
    const words = term
      .toLowerCase()
      .replaceAll('ё', 'е')
      .split(/\s+/)
      .filter((word) => word.length > 0)
      .map((word) => this.patternOf(word, lang));
    if (words.length === 0) throw new Error(`empty lexicon term in ${list.label}`);
    const entry: LexiconEntry<L> = { label: list.label, weight: list.weight, term, words };
    this.entries.push(entry);
    const first = words[0] as number;
    const group = this.entriesByFirst.get(first);
    if (group) group.push(entry);
    else this.entriesByFirst.set(first, [entry]);
  }

  private patternOf(word: string, lang: 'ru' | 'kk'): number {
    const key =
      word === '#' || word.startsWith('=') || word.endsWith('*')
        ? word
        : lang === 'ru'
          ? `ru:${russianStem(word)}`
          : `kk:${word}`;
    const known = this.patternIds.get(key);
    if (known !== undefined) return known;
    const id = this.patternIds.size;
    this.patternIds.set(key, id);
    if (word.startsWith('=')) push(this.exact, word.slice(1), id);
    else if (word.endsWith('*')) this.prefixes.push({ prefix: word.slice(0, -1), id });
    else if (lang === 'ru') push(this.russian, key.slice(3), id);
    else {
      for (const variant of rootVariants(word)) {
        const slot = this.kazakh.get(variant) ?? { rootLength: word.length, ids: [] };
        slot.ids.push(id);
        this.kazakh.set(variant, slot);
      }
      this.longestRoot = Math.max(this.longestRoot, word.length);
    }
    return id;
  }

  private patternsOf(token: Token): readonly number[] {
    return token.kind === 'number' ? JUST_NUMBER : this.patternsOfWord(token.norm);
  }

  private computePatterns(word: string): readonly number[] {
    const ids: number[] = [];
    // Kazakh words do not take Russian stems.
    if (!KAZAKH_LETTER_RE.test(word)) ids.push(...(this.russian.get(russianStem(word)) ?? NO_PATTERNS));
    ids.push(...(this.exact.get(word) ?? NO_PATTERNS));
    for (const { prefix, id } of this.prefixes) if (word.startsWith(prefix)) ids.push(id);
    // The longest Kazakh root the word starts with and continues with suffixes.
    for (let length = Math.min(word.length, this.longestRoot); length >= 2; length--) {
      const slot = this.kazakh.get(word.slice(0, length));
      if (slot && isSuffixChain(word.slice(length), slot.rootLength)) {
        ids.push(...slot.ids);
        break;
      }
    }
    return ids.length === 0 ? NO_PATTERNS : ids;
  }

  /** Calls `visit` for each term found: the entry and the indexes of its first and last token. */
  match(
    tokens: readonly Token[],
    visit: (entry: LexiconEntry<L>, first: number, last: number) => void,
  ): void {
    const patterns = tokens.map((token) => this.patternsOf(token));
    for (let index = 0; index < tokens.length; index++) {
      for (const pattern of patterns[index] as readonly number[]) {
        const entries = this.entriesByFirst.get(pattern);
        if (!entries) continue;
        for (const entry of entries) {
          const last = entry.words.length === 1 ? index : phraseEnd(entry.words, patterns, index);
          if (last >= 0) visit(entry, index, last);
        }
      }
    }
  }
}

/** Index of the phrase's last token when it starts at `first`, or -1. */
function phraseEnd(
  words: readonly number[],
  patterns: readonly (readonly number[])[],
  first: number,
): number {
  let position = first;
  for (let w = 1; w < words.length; w++) {
    const word = words[w] as number;
    let found = -1;
    const limit = Math.min(patterns.length - 1, position + 1 + PHRASE_GAP);
    for (let next = position + 1; next <= limit; next++) {
      if ((patterns[next] as readonly number[]).includes(word)) {
        found = next;
        break;
      }
    }
    if (found < 0) return -1;
    position = found;
  }
  return position;
}

function push(map: Map<string, number[]>, key: string, id: number): void {
  const list = map.get(key);
  if (list) list.push(id);
  else map.set(key, [id]);
}
