/** The demo data's seeded randomness: the same seed always builds the same records. */
import { uniformInt } from 'pure-rand/distribution/uniformInt';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';

export class Random {
  readonly #rng;

  constructor(seed: number) {
    this.#rng = xoroshiro128plus(seed);
  }

  /** An integer in [from, to]. */
  int(from: number, to: number): number {
    return uniformInt(this.#rng, from, to);
  }

  pick<T>(items: readonly T[]): T {
    const item = items[this.int(0, items.length - 1)];
    if (item === undefined) throw new Error('pick from an empty list');
    return item;
  }

  /** True with the given probability. */
  chance(probability: number): boolean {
    return this.int(0, 9_999) < probability * 10_000;
  }

  /** `count` distinct integers of [from, to], in ascending order. */
  distinct(count: number, from: number, to: number): number[] {
    const chosen = new Set<number>();
    while (chosen.size < count) chosen.add(this.int(from, to));
    return [...chosen].sort((a, b) => a - b);
  }

  /** A new array with the items in random order. */
  shuffle<T>(items: readonly T[]): T[] {
    const result = [...items];
    for (let index = result.length - 1; index > 0; index--) {
      const other = this.int(0, index);
      [result[index], result[other]] = [result[other] as T, result[index] as T];
    }
    return result;
  }
}
