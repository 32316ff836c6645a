/**
 * Stems of Russian words (Snowball) and Kazakh words (suffix rules of our own, see kazakh.ts). Both are memoized:
 * a union's posts reuse a small vocabulary, so after warm-up a stem is one map lookup.
 */
import { createRequire } from 'node:module';
import type * as Snowball from 'snowball-stemmers';
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

// Loaded at the first Russian word: the package holds every language's stemmer (14 MB in each process that
// imports it), and an import without content analysis stems nothing.
let snowball: Snowball.Stemmer | undefined;
const russian = () =>
  (snowball ??= (createRequire(import.meta.url)('snowball-stemmers') as typeof Snowball).newStemmer(
    'russian',
  ));

/** Snowball's Russian stem of a lower-case word with ё already folded. */
export const russianStem = memoize((word) => russian().stem(word));

/** The Kazakh stem of a lower-case word: its inflection and common derivation suffixes stripped. */
export const kazakhStem = memoize(stripKazakhSuffixes);
