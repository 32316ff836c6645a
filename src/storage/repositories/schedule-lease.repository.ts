/**
 * Scheduled jobs' leases: a row per job key, locked while a process decides whether to take it (PostgreSQL skips a
 * row another process has locked, rather than wait for it: that process is taking the run).
 */
import type { Kysely, Selectable } from 'kysely';
import { isPostgres } from '../parameters.js';
import type { Database, ScheduleLeaseTable } from '../schema.js';

export async function ensureLease(db: Kysely<Database>, key: string): Promise<void> {
  await db
    .insertInto('scheduleLease')
    .values({ key })
    .onConflict((oc) => oc.column('key').doNothing())
    .execute();
}

/** The lease's row, locked until the transaction ends; none when another transaction holds it (PostgreSQL). */
export async function lockLease(
  db: Kysely<Database>,
  key: string,
): Promise<Selectable<ScheduleLeaseTable> | undefined> {
  const query = db.selectFrom('scheduleLease').selectAll().where('key', '=', key);
  return (isPostgres(db) ? query.forUpdate().skipLocked() : query).executeTakeFirst();
}

export async function holdLease(
  db: Kysely<Database>,
  key: string,
  holder: string,
  until: string,
): Promise<boolean> {
  const result = await db
    .updateTable('scheduleLease')
    .set({ heldBy: holder, heldUntil: until })
    .where('key', '=', key)
    .where('heldBy', '=', holder)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

export async function takeLease(
  db: Kysely<Database>,
  key: string,
  holder: string,
  until: string,
): Promise<void> {
  await db
    .updateTable('scheduleLease')
    .set({ heldBy: holder, heldUntil: until })
    .where('key', '=', key)
    .execute();
}

/** Lets the lease go; with the due instant it ran for when the run is done. */
export async function releaseLease(
  db: Kysely<Database>,
  key: string,
  holder: string,
  doneDueAt: string | undefined,
): Promise<void> {
  await db
    .updateTable('scheduleLease')
    .set({ heldBy: null, heldUntil: null, ...(doneDueAt !== undefined ? { doneDueAt } : {}) })
    .where('key', '=', key)
    .where('heldBy', '=', holder)
    .execute();
}
