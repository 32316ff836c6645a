/** Installation settings: JSON values by key. */
import type { Kysely } from 'kysely';
import { fromJson, toJson } from '../rows.js';
import type { Database } from '../schema.js';

export async function readSettings(db: Kysely<Database>): Promise<Record<string, unknown>> {
  const rows = await db.selectFrom('setting').select(['key', 'value']).execute();
  return Object.fromEntries(rows.map((row) => [row.key, fromJson(row.value)]));
}

export async function writeSetting(
  db: Kysely<Database>,
  key: string,
  value: unknown,
  now: string,
): Promise<void> {
  await db
    .insertInto('setting')
    .values({ key, value: toJson(value) ?? 'null', updatedAt: now })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value: toJson(value) ?? 'null', updatedAt: now }))
    .execute();
}
