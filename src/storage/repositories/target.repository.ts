/** An organization's targets of a year, for the content plan against fact (services/plan/plan-fact.service.ts). */
import type { Kysely } from 'kysely';
import type { Database } from '../schema.js';

export async function targetsOf(
  db: Kysely<Database>,
  orgId: number,
  year: number,
): Promise<{ metric: string; value: number }[]> {
  const rows = await db
    .selectFrom('target')
    .select(['metric', 'value'])
    .where('orgId', '=', orgId)
    .where('year', '=', year)
    .orderBy('metric')
    .execute();
  return rows.map((row) => ({ metric: row.metric, value: Number(row.value) }));
}
