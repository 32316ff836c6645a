/**
 * Stems of Russian words (Snowball) and Kazakh words (suffix rules of our own, see kazakh.ts). Both are memoized:
 * a union's posts reuse a small vocabulary, so after warm-up a stem is one map lookup.
 */
import { newStemmer } from 'snowball-stemmers';
import { stripKazakhSuffixes } from './kazakh.js';

/** Memo size at which a cache starts over; keeps memory bounded on any stream of posts. */
const CACHE_LIMIT = 200_000;

/** A function of a word, computed once per word form. */
export function memoize<T>(compute: (word: string) => T): (word: string) => T {
  const cache = new Map<string, T>();
  return (word) => {
    let value = cache.get(word);
    if (value === undefined) {
      if (cache.size >= CACHE_LIMIT) cache.clear();
      value = compute(word);
      cache.set(word, value);
    }
    return value;
  };
}

const snowball = newStemmer('russian');

/** Snowball's Russian stem of a lower-case word with ё already folded. */
export const russianStem = memoize((word) => snowball.stem(word));

/** The Kazakh stem of a lower-case word: its inflection and common derivation suffixes stripped. */
export const kazakhStem = memoize(stripKazakhSuffixes);
