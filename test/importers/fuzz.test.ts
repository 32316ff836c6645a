/**
 * Fuzzing every reader (seeded, bounded): files built from our fixtures, the tests' generated exports, the
 * spreadsheet templates and, when present, the real samples, then truncated, flipped, nested, padded, given
 * BOMs, huge strings, invalid UTF-8 or values of the wrong type. Each read ends within its budget, read through
 * with well-formed rejections or stopped by a domain error naming the file. `npm run fuzz` runs longer.
 */
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { SHARED_ABSENT, skippedBecause } from '../helpers/real-files.js';
import { readOutcome } from './fuzz/outcome.js';
import { bytesOf, describeCase, fuzzCase } from './fuzz/property.js';
import { loadSeeds, realSamplesPresent, realSeeds, type Seed } from './fuzz/seeds.js';

const RUNS = 400;
const BUDGET_MS = 10_000;

let seeds: Seed[] = [];
beforeAll(async () => {
  seeds = await loadSeeds();
});

describe('fuzzing the readers', () => {
  it.skipIf(!realSamplesPresent())(
    skippedBecause('starts from the real samples too', realSamplesPresent() ? undefined : SHARED_ABSENT),
    () => {
      const real = realSeeds().map((seed) => seed.name);
      expect(real.length).toBeGreaterThan(0);
      expect(seeds.map((seed) => seed.name)).toEqual(expect.arrayContaining(real));
    },
  );

  it('every read ends within its budget, in items or a clean error naming the file', async () => {
    await fc.assert(
      fc.asyncProperty(fuzzCase(seeds), async (item) => {
        const outcome = await readOutcome(item.seed.reader, item.seed.name, bytesOf(item), {
          chunk: item.chunk,
          budgetMs: BUDGET_MS,
        });
        if (outcome.kind === 'crash' || outcome.kind === 'hang')
          throw new Error(`${outcome.kind}: ${outcome.detail}\n${describeCase(item)}`);
      }),
      { seed: 18, numRuns: RUNS, endOnFailure: true },
    );
  }, 120_000);
});
