/** Briefs e-mailed on a schedule, and each period's sending of them. */
import type { Kysely } from 'kysely';
import type { OrgScope } from '../../domain/scope.js';
import type { Database } from '../schema.js';
import { inScope } from '../scope.js';

export interface BriefScheduleRow {
  id: number;
  orgId: number;
  orgCode: string;
  timeZone: string;
  every: Database['briefSchedule']['every'];
  langs: string;
  formats: string;
  recipients: string;
  createdAt: string;
}

export interface BriefSendingRow {
  scheduleId: number;
  period: string;
  claimedAt: string;
  attempts: number;
  sentAt: string | null;
  error: string | null;
}

function schedules(db: Kysely<Database>, scope: OrgScope) {
  return db
    .selectFrom('briefSchedule as s')
    .innerJoin('organization as o', 'o.id', 's.orgId')
    .select([
      's.id',
      's.orgId',
      'o.code as orgCode',
      'o.timeZone',
      's.every',
      's.langs',
      's.formats',
      's.recipients',
      's.createdAt',
    ])
    .where(inScope(scope, 's.orgId'))
    .orderBy('o.code')
    .orderBy('s.id');
}

export function listBriefSchedules(db: Kysely<Database>, scope: OrgScope): Promise<BriefScheduleRow[]> {
  return schedules(db, scope).execute();
}

export function findBriefSchedule(
  db: Kysely<Database>,
  scope: OrgScope,
  id: number,
): Promise<BriefScheduleRow | undefined> {
  return schedules(db, scope).where('s.id', '=', id).executeTakeFirst();
}

export async function insertBriefSchedule(
  db: Kysely<Database>,
  row: Omit<Database['briefSchedule'], 'id'> & { createdBy: number | null },
): Promise<number> {
  const { id } = await db.insertInto('briefSchedule').values(row).returning('id').executeTakeFirstOrThrow();
  return id;
}

/** Deletes the schedule (its sendings go with it); whether there was one. */
export async function deleteBriefSchedule(db: Kysely<Database>, id: number): Promise<boolean> {
  const result = await db.deleteFrom('briefSchedule').where('id', '=', id).executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

/** Each schedule's latest sending. */
export async function latestSendings(
  db: Kysely<Database>,
  scheduleIds: readonly number[],
): Promise<Map<number, BriefSendingRow>> {
  const latest = new Map<number, BriefSendingRow>();
  if (scheduleIds.length === 0) return latest;
  const rows = await db
    .selectFrom('briefSending')
    .select(['scheduleId', 'period', 'claimedAt', 'attempts', 'sentAt', 'error'])
    .where('scheduleId', 'in', [...scheduleIds])
    .orderBy('claimedAt')
    .execute();
  for (const row of rows) latest.set(row.scheduleId, row);
  return latest;
}

/**
 * Claims the schedule's sending of a period for this process: a new row (the unique pair makes a second
 * process's insert find it taken), or one that was claimed before `retryBefore` and never sent (it failed, or
 * its process ended mid-way). Each is one statement, so two processes cannot both win. Whether it was claimed.
 */
export async function claimBriefSending(
  db: Kysely<Database>,
  scheduleId: number,
  period: string,
  now: string,
  retryBefore: string,
): Promise<boolean> {
  const inserted = await db
    .insertInto('briefSending')
    .values({ scheduleId, period, claimedAt: now })
    .onConflict((conflict) => conflict.columns(['scheduleId', 'period']).doNothing())
    .returning('id')
    .executeTakeFirst();
  if (inserted) return true;
  const retried = await db
    .updateTable('briefSending')
    .set((eb) => ({ claimedAt: now, error: null, attempts: eb('attempts', '+', 1) }))
    .where('scheduleId', '=', scheduleId)
    .where('period', '=', period)
    .where('sentAt', 'is', null)
    .where('claimedAt', '<', retryBefore)
    .executeTakeFirst();
  return Number(retried.numUpdatedRows) > 0;
}

export async function finishBriefSending(
  db: Kysely<Database>,
  scheduleId: number,
  period: string,
  outcome: { sentAt: string } | { error: string },
): Promise<void> {
  await db
    .updateTable('briefSending')
    .set('sentAt' in outcome ? { sentAt: outcome.sentAt, error: null } : { error: outcome.error })
    .where('scheduleId', '=', scheduleId)
    .where('period', '=', period)
    .execute();
}
