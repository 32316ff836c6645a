/**
 * Lexicons compiled once into lookup tables, then matched against a post's tokens in one pass.
 *
 * A term is one word or a phrase of words (each next word right after the previous one or one token later). Each word is:
 * - in a Russian list: a word form, matched by its Snowball stem («суд» matches «суда», «судом», never
 *   «обсудили», whose stem is «обсуд»);
 * - in a Kazakh list: a root, matched at the start of a word followed by a valid suffix chain (kazakh.ts);
 * - `word*`: any word starting with these letters (word starts only, never inside a word);
 * - `=word`: exactly this form; `#`: any number.
 *
 * Stems and word starts collide with other words: Snowball gives «стать» (to become) the stem of «статья», and
 * «судя» (judging by) the stem of «суд». A list names such forms in `except`, and they match none of its label's
 * terms. A list whose terms name the topic only in some contexts («статья» is an article of a law, or of a
 * newspaper) names that context in `requires`: its terms count only in a post that has one of those terms too.
 */
import { isSuffixChain, rootVariants } from './kazakh.js';
import { memoize, russianStem } from './stemmers.js';
import type { Token } from './tokens.js';

export interface TermList<L extends string> {
  label: L;
  weight: number;
  ru?: readonly string[];
  kk?: readonly string[];
  /** Terms of which one must occur anywhere in the post for this list's terms to count. */
  requires?: { ru?: readonly string[]; kk?: readonly string[] };
  /** Word forms (lower case, ё as е) that match no term of this label: known collisions of stems and starts. */
  except?: readonly string[];
}

export interface LexiconEntry<L extends string> {
  readonly label: L;
  readonly weight: number;
  /** The term as written in the lexicon. */
  readonly term: string;
  /** Word patterns, in order. */
  readonly words: readonly number[];
  /** The context group one of whose terms the post must have, if any. */
  readonly requires?: number;
  /** Set on a context term: the group it stands for; such entries are not reported. */
  readonly context?: number;
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
  /** Per word form, the labels it must not match. */
  private readonly excepted = new Map<string, Set<string>>();
  private contextGroups = 0;
  private longestRoot = 0;
  readonly entries: LexiconEntry<L>[] = [];

  constructor(lists: readonly TermList<L>[]) {
    for (const list of lists) {
      const requires = list.requires ? this.contextGroups++ : undefined;
      for (const term of list.ru ?? []) this.add(list, term, 'ru', { requires });
      for (const term of list.kk ?? []) this.add(list, term, 'kk', { requires });
      for (const term of list.requires?.ru ?? []) this.add(list, term, 'ru', { context: requires });
      for (const term of list.requires?.kk ?? []) this.add(list, term, 'kk', { context: requires });
      for (const form of list.except ?? []) {
        const key = form.toLowerCase().replaceAll('ё', 'е');
        const labels = this.excepted.get(key) ?? new Set<string>();
        labels.add(list.label);
        this.excepted.set(key, labels);
      }
    }
  }

  private add(
    list: TermList<L>,
    term: string,
    lang: 'ru' | 'kk',
    condition: { requires?: number | undefined; context?: number | undefined },
  ): void {
    const words = term
      .toLowerCase()
      .replaceAll('ё', 'е')
      .split(/\s+/)
      .filter((word) => word.length > 0)
      .map((word) => this.patternOf(word, lang));
    if (words.length === 0) throw new Error(`empty lexicon term in ${list.label}`);
    const entry: LexiconEntry<L> = {
      label: list.label,
      weight: list.weight,
      term,
      words,
      ...(condition.requires !== undefined ? { requires: condition.requires } : {}),
      ...(condition.context !== undefined ? { context: condition.context } : {}),
    };
    if (entry.context === undefined) this.entries.push(entry);
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
    // Every Kazakh root the word starts with and continues with suffixes: «ұстаздармен» is «ұстаз» (a context of
    // its own) as well as the «ұстаздар» of «ұстаздар күні».
    for (let length = Math.min(word.length, this.longestRoot); length >= 2; length--) {
      const slot = this.kazakh.get(word.slice(0, length));
      if (slot && isSuffixChain(word.slice(length), slot.rootLength)) ids.push(...slot.ids);
    }
    return ids.length === 0 ? NO_PATTERNS : ids;
  }

  /** Calls `visit` for each term found: the entry and the indexes of its first and last token. */
  match(
    tokens: readonly Token[],
    visit: (entry: LexiconEntry<L>, first: number, last: number) => void,
  ): void {
    const patterns = tokens.map((token) => this.patternsOf(token));
    const excepted = tokens.map((token) => this.excepted.get(token.norm));
    const found = new Set<number>();
    let pending: { entry: LexiconEntry<L>; first: number; last: number }[] | undefined;
    for (let index = 0; index < tokens.length; index++) {
      for (const pattern of patterns[index] as readonly number[]) {
        const entries = this.entriesByFirst.get(pattern);
        if (!entries) continue;
        for (const entry of entries) {
          if (excepted[index]?.has(entry.label)) continue;
          const last =
            entry.words.length === 1 ? index : phraseEnd(entry.words, patterns, index, excepted, entry.label);
          if (last < 0) continue;
          if (entry.context !== undefined) found.add(entry.context);
          else if (entry.requires !== undefined) (pending ??= []).push({ entry, first: index, last });
          else visit(entry, index, last);
        }
      }
    }
    for (const hit of pending ?? []) {
      if (found.has(hit.entry.requires as number)) visit(hit.entry, hit.first, hit.last);
    }
  }
}

/** Index of the phrase's last token when it starts at `first`, or -1. */
function phraseEnd(
  words: readonly number[],
  patterns: readonly (readonly number[])[],
  first: number,
  excepted: readonly (ReadonlySet<string> | undefined)[],
  label: string,
): number {
  let position = first;
  for (let w = 1; w < words.length; w++) {
    const word = words[w] as number;
    let found = -1;
    const limit = Math.min(patterns.length - 1, position + 1 + PHRASE_GAP);
    for (let next = position + 1; next <= limit; next++) {
      if ((patterns[next] as readonly number[]).includes(word) && !excepted[next]?.has(label)) {
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
