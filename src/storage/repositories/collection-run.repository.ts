/**
 * Collection runs: one row per channel per attempt (manual or scheduled), written when it starts and when it ends,
 * and the channels' health read from them (last success, failing since, the last error).
 */
import type { Insertable, Kysely, Selectable, Updateable } from 'kysely';
import type { CollectionRunTable, Database } from '../schema.js';

export type CollectionRun = Omit<Selectable<CollectionRunTable>, 'errorParams'> & {
  errorParams: Record<string, string | number> | null;
};

export interface CollectionHealth {
  /** When the last run that ended well ended. */
  lastSuccessAt: string | null;
  /** When the last run that ended (well, failed or skipped) started. */
  lastRunAt: string | null;
  /** When the first of the failed runs since the last success started; null while not failing. */
  failingSince: string | null;
  /** The last ended run's error (or skip reason) when it did not end well. */
  lastError: { code: string; params: Record<string, string | number> } | null;
}

const paramsOf = (text: string | null) =>
  text === null ? null : (JSON.parse(text) as Record<string, string | number>);

export async function insertCollectionRun(
  db: Kysely<Database>,
  row: Insertable<CollectionRunTable>,
): Promise<number> {
  const { id } = await db.insertInto('collectionRun').values(row).returning('id').executeTakeFirstOrThrow();
  return id;
}

export async function finishCollectionRun(
  db: Kysely<Database>,
  id: number,
  changes: Updateable<CollectionRunTable>,
): Promise<void> {
  await db.updateTable('collectionRun').set(changes).where('id', '=', id).execute();
}

/** Ends as interrupted the channel's runs still `running` (their process died: the caller holds the channel). */
export async function interruptRunningRuns(
  db: Kysely<Database>,
  channelId: number,
  at: string,
): Promise<void> {
  await db
    .updateTable('collectionRun')
    .set({ status: 'failed', finishedAt: at, errorCode: 'collect_interrupted', errorParams: '{}' })
    .where('channelId', '=', channelId)
    .where('status', '=', 'running')
    .execute();
}

/** A channel's runs, newest first. */
export async function listCollectionRuns(
  db: Kysely<Database>,
  channelId: number,
  limit: number,
): Promise<CollectionRun[]> {
  const rows = await db
    .selectFrom('collectionRun')
    .selectAll()
    .where('channelId', '=', channelId)
    .orderBy('startedAt', 'desc')
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
  return rows.map((row) => ({ ...row, errorParams: paramsOf(row.errorParams) }));
}

/** Each channel's health, by channel id; a channel never collected has nulls. */
export async function collectionHealthOf(
  db: Kysely<Database>,
  channelIds: readonly number[],
): Promise<Map<number, CollectionHealth>> {
  const health = new Map<number, CollectionHealth>(
    channelIds.map((id) => [
      id,
      { lastSuccessAt: null, lastRunAt: null, failingSince: null, lastError: null },
    ]),
  );
  if (channelIds.length === 0) return health;
  const ids = [...channelIds];
  const [times, failing, last] = await Promise.all([
    db
      .selectFrom('collectionRun')
      .select(({ fn, eb }) => [
        'channelId',
        fn.max(eb.case().when('status', '=', 'ok').then(eb.ref('finishedAt')).end()).as('lastSuccessAt'),
        fn.max('startedAt').as('lastRunAt'),
      ])
      .where('channelId', 'in', ids)
      .where('status', '<>', 'running')
      .groupBy('channelId')
      .execute(),
    db
      .selectFrom('collectionRun as r')
      .select(({ fn }) => ['r.channelId', fn.min('r.startedAt').as('since')])
      .where('r.channelId', 'in', ids)
      .where('r.status', '=', 'failed')
      .where(({ not, exists, selectFrom }) =>
        not(
          exists(
            selectFrom('collectionRun as o')
              .select('o.id')
              .whereRef('o.channelId', '=', 'r.channelId')
              .where('o.status', '=', 'ok')
              .whereRef('o.startedAt', '>', 'r.startedAt'),
          ),
        ),
      )
      .groupBy('r.channelId')
      .execute(),
    db
      .selectFrom('collectionRun as r')
      .select(['r.channelId', 'r.status', 'r.errorCode', 'r.errorParams'])
      .where('r.channelId', 'in', ids)
      .where('r.id', '=', (eb) =>
        eb
          .selectFrom('collectionRun as o')
          .select('o.id')
          .whereRef('o.channelId', '=', 'r.channelId')
          .where('o.status', '<>', 'running')
          .orderBy('o.startedAt', 'desc')
          .orderBy('o.id', 'desc')
          .limit(1),
      )
      .execute(),
  ]);
  for (const row of times) {
    const entry = health.get(row.channelId);
    if (!entry) continue;
    entry.lastSuccessAt = (row.lastSuccessAt as string | null) ?? null;
    entry.lastRunAt = (row.lastRunAt as string | null) ?? null;
  }
  for (const row of failing) {
    const entry = health.get(row.channelId);
    if (entry) entry.failingSince = (row.since as string | null) ?? null;
  }
  for (const row of last) {
    const entry = health.get(row.channelId);
    if (entry && row.status !== 'ok' && row.errorCode !== null)
      entry.lastError = { code: row.errorCode, params: paramsOf(row.errorParams) ?? {} };
  }
  return health;
}
