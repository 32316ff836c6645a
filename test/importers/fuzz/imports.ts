/**
 * The import-level property: importing a mutated file ends, within a budget, in a stored batch or a clean
 * domain error, and the rows stored are exactly the batches' new records — nothing of a rejected record, nothing
 * of a file that failed beyond what its batch counts.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { sql } from 'kysely';
import type { ReaderName } from '../../../src/importers/registry.js';
import type { Context } from '../../../src/services/context.js';
import { importFile } from '../../../src/services/import.service.js';
import { IMPORTED_TABLES } from '../../../src/storage/repositories/import.repository.js';
import type { Platform } from '../../../src/shared/vocabulary.js';
import { buildRegion, channelOf } from '../setup.js';
import { errorProblem, type Outcome } from './outcome.js';

const PLATFORM: Readonly<Record<ReaderName, Platform | undefined>> = {
  telegram: 'telegram',
  facebook: 'facebook',
  instagram: 'instagram',
  feed: 'website',
  xlsx: undefined,
  csv: undefined,
};

/** The channels files go to, one per platform, made once per database. */
export async function importTargets(ctx: Context): Promise<Partial<Record<Platform, string>>> {
  const { region } = await buildRegion(ctx);
  const targets: Partial<Record<Platform, string>> = {};
  for (const platform of new Set(Object.values(PLATFORM))) {
    if (platform) targets[platform] = await channelOf(ctx, region, platform);
  }
  return targets;
}

/** Rows of every imported table, and the new records the kept batches count. */
async function ledger(ctx: Context): Promise<{ rows: number; counted: number }> {
  const db = ctx.db.kysely;
  let rows = 0;
  for (const table of IMPORTED_TABLES) {
    const { count } = await db
      .selectFrom(table)
      .select(sql<number>`count(*)`.as('count'))
      .executeTakeFirstOrThrow();
    rows += Number(count);
  }
  const { counted } = await db
    .selectFrom('importBatch')
    .select(sql<number>`coalesce(sum(new_count), 0)`.as('counted'))
    .where('undoneAt', 'is', null)
    .executeTakeFirstOrThrow();
  return { rows, counted: Number(counted) };
}

/** Imports the bytes as a file of that name (in its own folder) and judges how it ended. */
export async function importOutcome(
  ctx: Context,
  targets: Partial<Record<Platform, string>>,
  dir: string,
  seed: { name: string; reader: ReaderName },
  bytes: Buffer,
  budgetMs: number,
): Promise<Outcome> {
  const file = join(dir, seed.name);
  writeFileSync(file, bytes);
  const platform = PLATFORM[seed.reader];
  const channel = platform ? targets[platform] : undefined;
  let timer: NodeJS.Timeout | undefined;
  const work = (async (): Promise<Outcome> => {
    try {
      const summary = await importFile(ctx, { file, ...(channel ? { channel } : {}), analyze: false });
      return { kind: 'read', items: summary.new + summary.updated, rejected: summary.rejected };
    } catch (error) {
      const problem = errorProblem(error, seed.name);
      return problem
        ? { kind: 'crash', detail: problem }
        : { kind: 'clean', code: String((error as { code: string }).code) };
    }
  })();
  const budget = new Promise<Outcome>((resolve) => {
    timer = setTimeout(() => resolve({ kind: 'hang', detail: `no end within ${budgetMs} ms` }), budgetMs);
  });
  const outcome = await Promise.race([work, budget]).finally(() => clearTimeout(timer));
  if (outcome.kind === 'hang') return outcome;
  const { rows, counted } = await ledger(ctx);
  if (rows !== counted)
    return { kind: 'crash', detail: `${rows} rows stored where the batches count ${counted} new records` };
  return outcome;
}
