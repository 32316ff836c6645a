/** The fuzzing cases: a seed file, what is done to it, and the size of the chunks it is read in. */
import fc from 'fast-check';
import { applyAll, describe as describeMutation, type Mutation, mutations } from './mutations.js';
import type { Seed } from './seeds.js';

export interface FuzzCase {
  seed: Seed;
  changes: Mutation[];
  chunk: number;
}

export const fuzzCase = (seeds: readonly Seed[]): fc.Arbitrary<FuzzCase> =>
  fc.record({
    seed: fc.constantFrom(...seeds),
    changes: mutations,
    chunk: fc.integer({ min: 256, max: 256 * 1024 }),
  });

export const bytesOf = (item: FuzzCase) => applyAll(item.seed, item.changes);

export const describeCase = (item: FuzzCase) =>
  `${item.seed.name} (${item.seed.reader}), chunks of ${item.chunk}: ${item.changes.map(describeMutation).join('; ')}`;
