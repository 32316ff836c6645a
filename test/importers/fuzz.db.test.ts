/**
 * Fuzzing imports on every database: a mutated file's import ends in a stored batch or a clean domain error,
 * and the rows stored are exactly the new records the batches count, so nothing of a rejected record is kept.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { type Context, openContext } from '../../src/services/context.js';
import type { Platform } from '../../src/shared/vocabulary.js';
import { createTestDatabase, DIALECTS, type TestDatabase } from '../helpers/databases.js';
import { importOutcome, importTargets } from './fuzz/imports.js';
import { bytesOf, describeCase, fuzzCase } from './fuzz/property.js';
import { loadSeeds, type Seed } from './fuzz/seeds.js';
import { scratchDir } from './setup.js';

const RUNS = 100;
const BUDGET_MS = 20_000;
const dir = scratchDir();

describe.each(DIALECTS)('fuzzing imports (%s)', (dialect) => {
  let database: TestDatabase;
  let ctx: Context;
  let targets: Partial<Record<Platform, string>>;
  let seeds: Seed[];

  beforeAll(async () => {
    database = await createTestDatabase(dialect);
    ctx = await openContext({ db: database.target, env: {} });
    targets = await importTargets(ctx);
    seeds = await loadSeeds();
  });
  afterAll(async () => {
    await ctx.db.close();
    await database.drop();
  });

  it('every import ends in a stored batch or a clean error, storing only what its batch counts', async () => {
    await fc.assert(
      fc.asyncProperty(fuzzCase(seeds), async (item) => {
        const outcome = await importOutcome(ctx, targets, dir, item.seed, bytesOf(item), BUDGET_MS);
        if (outcome.kind === 'crash' || outcome.kind === 'hang')
          throw new Error(`${outcome.kind}: ${outcome.detail}\n${describeCase(item)}`);
      }),
      { seed: 18, numRuns: RUNS, endOnFailure: true },
    );
  }, 240_000);
});
