/** Row counts of every table: "nothing stored" and "nothing changed" are asserted against them. */
import type { Context } from '../../src/services/context.js';
import type { TableName } from '../../src/storage/schema.js';

export const TABLES: TableName[] = [
  'organization',
  'orgClosure',
  'membershipSnapshot',
  'person',
  'channel',
  'audienceSnapshot',
  'importBatch',
  'publication',
  'outlet',
  'mediaMention',
  'pressSubscription',
  'material',
  'event',
  'decision',
  'task',
  'appUsage',
  'target',
  'setting',
  'attributionRule',
  'importChange',
  'importRejection',
  'publicationBand',
  'publicationCorrection',
  'analysisModel',
  'appUser',
  'userSession',
  'apiToken',
  'loginAttempt',
  'auditEntry',
  'publicationMonth',
];

export async function rowCounts(ctx: Context): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const table of TABLES) {
    const row = await ctx.db.kysely
      .selectFrom(table)
      .select((eb) => eb.fn.countAll<number>().as('count'))
      .executeTakeFirstOrThrow();
    counts[table] = Number(row.count);
  }
  return counts;
}
