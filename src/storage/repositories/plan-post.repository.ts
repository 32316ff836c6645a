/** Planned posts and their sendings to channels (services/plan/). */
import type { Kysely } from 'kysely';
import type { OrgScope } from '../../domain/scope.js';
import type { PlanPostState, PlanSendState, Platform, Topic } from '../../shared/vocabulary.js';
import type { Database, PlanPostTable } from '../schema.js';
import { inScope } from '../scope.js';

export interface PlanPostRow {
  id: number;
  orgId: number;
  orgCode: string;
  timeZone: string;
  textRu: string | null;
  textKk: string | null;
  plannedAt: string;
  topic: Topic | null;
  imageType: string | null;
  mediaToken: string | null;
  state: PlanPostState;
  comment: string | null;
  authorId: number | null;
  createdAt: string;
  updatedAt: string;
}

export interface PlanSendingRow {
  postId: number;
  channelId: number;
  channelCode: string;
  platform: Platform;
  channelUrl: string | null;
  /** The channel's owner: its time zone is the publication's calendar. */
  channelOrgId: number;
  timeZone: string;
  channelName: string;
  state: PlanSendState;
  externalId: string | null;
  url: string | null;
  error: unknown;
  attemptedAt: string | null;
  attempts: number;
  messageIds: unknown;
}

function posts(db: Kysely<Database>, scope: OrgScope) {
  return db
    .selectFrom('planPost as p')
    .innerJoin('organization as o', 'o.id', 'p.orgId')
    .select([
      'p.id',
      'p.orgId',
      'o.code as orgCode',
      'o.timeZone',
      'p.textRu',
      'p.textKk',
      'p.plannedAt',
      'p.topic',
      'p.imageType',
      'p.mediaToken',
      'p.state',
      'p.comment',
      'p.authorId',
      'p.createdAt',
      'p.updatedAt',
    ])
    .where(inScope(scope, 'p.orgId'));
}

export function findPlanPost(
  db: Kysely<Database>,
  scope: OrgScope,
  id: number,
): Promise<PlanPostRow | undefined> {
  return posts(db, scope).where('p.id', '=', id).executeTakeFirst();
}

export interface PlanPostFilter {
  /** The posts of this organization's subtree. */
  rootId?: number;
  state?: PlanPostState;
}

export function listPlanPosts(
  db: Kysely<Database>,
  scope: OrgScope,
  filter: PlanPostFilter,
): Promise<PlanPostRow[]> {
  let query = posts(db, scope);
  if (filter.rootId !== undefined) {
    const { rootId } = filter;
    query = query.where('p.orgId', 'in', (eb) =>
      eb.selectFrom('orgClosure').select('descendantId').where('ancestorId', '=', rootId),
    );
  }
  if (filter.state !== undefined) query = query.where('p.state', '=', filter.state);
  return query.orderBy('p.plannedAt').orderBy('p.id').execute();
}

export async function insertPlanPost(
  db: Kysely<Database>,
  row: Omit<PlanPostTable, 'id'>,
  channelIds: readonly number[],
  /** The album's images after the first (which is the row's). */
  more: readonly { image: Buffer; type: string }[] = [],
): Promise<number> {
  const { id } = await db.insertInto('planPost').values(row).returning('id').executeTakeFirstOrThrow();
  if (more.length > 0)
    await db
      .insertInto('planPostImage')
      .values(
        more.map((image, index) => ({
          postId: id,
          position: index + 1,
          image: image.image,
          imageType: image.type,
        })),
      )
      .execute();
  await db
    .insertInto('planPostChannel')
    .values(
      channelIds.map((channelId) => ({ postId: id, channelId, state: 'pending' as const, error: null })),
    )
    .execute();
  return id;
}

/** The post's image, for sending. */
export async function planPostImage(
  db: Kysely<Database>,
  id: number,
): Promise<{ image: Buffer; type: string } | undefined> {
  const row = await db
    .selectFrom('planPost')
    .select(['image', 'imageType'])
    .where('id', '=', id)
    .executeTakeFirst();
  return row?.image && row.imageType ? { image: Buffer.from(row.image), type: row.imageType } : undefined;
}

/** The post's images in order: the first (the post's own), then the album's others. */
export async function planPostImages(
  db: Kysely<Database>,
  id: number,
): Promise<{ image: Buffer; type: string }[]> {
  const first = await planPostImage(db, id);
  if (!first) return [];
  const rows = await db
    .selectFrom('planPostImage')
    .select(['image', 'imageType'])
    .where('postId', '=', id)
    .orderBy('position')
    .execute();
  return [first, ...rows.map((row) => ({ image: Buffer.from(row.image), type: row.imageType }))];
}

/** How many images each post has beyond the first, by post id (none: absent). */
export async function planPostMoreImages(
  db: Kysely<Database>,
  ids: readonly number[],
): Promise<Map<number, number>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .selectFrom('planPostImage')
    .select((eb) => ['postId', eb.fn.countAll<number | string>().as('count')])
    .where('postId', 'in', [...ids])
    .groupBy('postId')
    .execute();
  return new Map(rows.map((row) => [row.postId, Number(row.count)]));
}

/**
 * The image served under a post's media token, only while the post is approved or being published: a draft's, a
 * returned, published or failed post's image is not public.
 */
export async function planPostImageByToken(
  db: Kysely<Database>,
  token: string,
): Promise<{ image: Buffer; type: string } | undefined> {
  const row = await db
    .selectFrom('planPost')
    .select(['image', 'imageType'])
    .where('mediaToken', '=', token)
    .where('state', 'in', ['approved', 'scheduled'])
    .executeTakeFirst();
  return row?.image && row.imageType ? { image: Buffer.from(row.image), type: row.imageType } : undefined;
}

/**
 * Moves the post from one of the states to another, with what else changes; whether it moved (another process or
 * request may have moved it first: one statement, so only one of them does).
 */
export async function movePlanPost(
  db: Kysely<Database>,
  id: number,
  from: readonly PlanPostState[],
  set: { state: PlanPostState; updatedAt: string; comment?: string | null },
): Promise<boolean> {
  const result = await db
    .updateTable('planPost')
    .set(set)
    .where('id', '=', id)
    .where('state', 'in', [...from])
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/** Changes a post still in the author's hands (a draft or returned); whether it was one. */
export async function updateEditablePost(
  db: Kysely<Database>,
  id: number,
  set: Partial<Pick<PlanPostTable, 'textRu' | 'textKk' | 'plannedAt' | 'topic'>> & { updatedAt: string },
): Promise<boolean> {
  const result = await db
    .updateTable('planPost')
    .set(set)
    .where('id', '=', id)
    .where('state', 'in', ['draft', 'returned'])
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/**
 * The channels by code that a post of the organization may go to: the organization's own and its ancestors', not
 * closed. Those of other organizations (a sibling's, a branch's below it) are not among them.
 */
export function channelsAbove(
  db: Kysely<Database>,
  orgId: number,
  codes: readonly string[],
): Promise<{ id: number; code: string; platform: Platform }[]> {
  return db
    .selectFrom('channel')
    .innerJoin('orgClosure as c', 'c.ancestorId', 'channel.orgId')
    .select(['channel.id', 'channel.code', 'channel.platform'])
    .where('c.descendantId', '=', orgId)
    .where('channel.code', 'in', [...codes])
    .where('channel.closedOn', 'is', null)
    .execute();
}

export async function planSendings(
  db: Kysely<Database>,
  postIds: readonly number[],
): Promise<PlanSendingRow[]> {
  if (postIds.length === 0) return [];
  return db
    .selectFrom('planPostChannel as s')
    .innerJoin('channel as ch', 'ch.id', 's.channelId')
    .innerJoin('organization as o', 'o.id', 'ch.orgId')
    .select([
      's.postId',
      's.channelId',
      'ch.code as channelCode',
      'ch.platform',
      'ch.url as channelUrl',
      'ch.orgId as channelOrgId',
      'o.timeZone',
      'ch.name as channelName',
      's.state',
      's.externalId',
      's.url',
      's.error',
      's.attemptedAt',
      's.attempts',
      's.messageIds',
    ])
    .where('s.postId', 'in', [...postIds])
    .orderBy('s.postId')
    .orderBy('ch.code')
    .execute();
}

/** Posts approved (or taken by a publisher) whose instant is at or before `now`, oldest first. */
export async function duePlanPostIds(db: Kysely<Database>, now: string): Promise<number[]> {
  const rows = await db
    .selectFrom('planPost')
    .select('id')
    .where('state', 'in', ['approved', 'scheduled'])
    .where('plannedAt', '<=', now)
    .orderBy('plannedAt')
    .orderBy('id')
    .execute();
  return rows.map((row) => row.id);
}

/**
 * Claims one channel's sending of a post for this process: a pending one (`fresh`), or one left `sending` since
 * before `staleBefore` by a process that stopped mid-way (`uncertain`: it may have reached the platform). Each is
 * one statement, so two processes cannot both win; undefined when neither.
 */
export async function claimPlanSending(
  db: Kysely<Database>,
  postId: number,
  channelId: number,
  now: string,
  staleBefore: string,
): Promise<'fresh' | 'uncertain' | undefined> {
  const claim = (from: PlanSendState, stale: boolean) => {
    let query = db
      .updateTable('planPostChannel')
      .set((eb) => ({ state: 'sending' as const, attemptedAt: now, attempts: eb('attempts', '+', 1) }))
      .where('postId', '=', postId)
      .where('channelId', '=', channelId)
      .where('state', '=', from);
    if (stale) query = query.where('attemptedAt', '<', staleBefore);
    return query.executeTakeFirst();
  };
  if (Number((await claim('pending', false)).numUpdatedRows) > 0) return 'fresh';
  if (Number((await claim('sending', true)).numUpdatedRows) > 0) return 'uncertain';
  return undefined;
}

export async function finishPlanSending(
  db: Kysely<Database>,
  postId: number,
  channelId: number,
  outcome: { externalId: string; url: string | null; messageIds?: string | null } | { error: string },
): Promise<void> {
  await db
    .updateTable('planPostChannel')
    .set(
      'error' in outcome
        ? { state: 'failed', error: outcome.error }
        : {
            state: 'published',
            externalId: outcome.externalId,
            url: outcome.url,
            messageIds: outcome.messageIds ?? null,
            error: null,
          },
    )
    .where('postId', '=', postId)
    .where('channelId', '=', channelId)
    .execute();
}

/** Puts a post's failed sendings back to wait (the post approved again). */
export async function resetFailedSendings(db: Kysely<Database>, postId: number): Promise<void> {
  await db
    .updateTable('planPostChannel')
    .set({ state: 'pending', error: null })
    .where('postId', '=', postId)
    .where('state', '=', 'failed')
    .execute();
}
