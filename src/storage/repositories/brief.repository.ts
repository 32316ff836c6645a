/** The reads the brief needs beyond counts: decisions with tasks, page presence, content aggregates, samples. */
import { type Kysely, type SqlBool, sql } from 'kysely';
import type { ContentRow } from '../../domain/content.measure.js';
import type { Period } from '../../domain/period.js';
import type { PresenceChannel } from '../../domain/presence.measure.js';
import type { OrgScope } from '../../domain/scope.js';
import type { Platform, Topic } from '../../shared/vocabulary.js';
import type { Database } from '../schema.js';
import { toBool } from '../rows.js';
import { inScope } from '../scope.js';

export async function listTasks(db: Kysely<Database>, decisionIds: readonly number[]) {
  if (decisionIds.length === 0) return [];
  return db
    .selectFrom('task')
    .selectAll()
    .where('decisionId', 'in', [...decisionIds])
    .orderBy('id')
    .execute();
}

/** Channels of the organizations with their latest publication's local date on or before `asOf`. */
export async function listPresenceChannels(
  db: Kysely<Database>,
  scope: OrgScope,
  orgIds: readonly number[],
  asOf: string,
): Promise<PresenceChannel[]> {
  if (orgIds.length === 0) return [];
  const rows = await db
    .selectFrom('channel as ch')
    .select((eb) => [
      'ch.id as channelId',
      'ch.orgId',
      'ch.platform',
      'ch.url',
      'ch.createdOn',
      'ch.closedOn',
      // The channel's latest date straight from the (channel, local date) index, no scan of its publications.
      eb
        .selectFrom('publication as p')
        .select((inner) => inner.fn.max('p.localDate').as('last'))
        .whereRef('p.channelId', '=', 'ch.id')
        .where('p.localDate', '<=', asOf)
        .as('lastPublished'),
    ])
    .where('ch.orgId', 'in', [...orgIds])
    .where(inScope(scope, 'ch.orgId'))
    .orderBy('ch.id')
    .execute();
  return rows.map((row) => ({ ...row, lastPublished: row.lastPublished ?? null }));
}

export interface SubtreePublications {
  rootId: number;
  period: Period;
  platforms: readonly Platform[];
}

/** Publications whose subject lies in the root's subtree, on the platforms, in the period: the closure first. */
function subtreePublications(db: Kysely<Database>, scope: OrgScope, filter: SubtreePublications) {
  return db
    .selectFrom('orgClosure as c')
    .innerJoin('publication as p', 'p.subjectOrgId', 'c.descendantId')
    .innerJoin('channel as ch', 'ch.id', 'p.channelId')
    .where('c.ancestorId', '=', filter.rootId)
    .where(inScope(scope, 'c.ancestorId'))
    .where('p.localDate', '>=', filter.period.from)
    .where('p.localDate', '<=', filter.period.to)
    .where(
      filter.platforms.length
        ? sql<SqlBool>`ch.platform in (${sql.join(filter.platforms)})`
        : sql<SqlBool>`1 = 0`,
    );
}

/**
 * One row per channel × primary topic × repost × declarative, summed in SQL: every column it reads is in the
 * (subject, local date, …) covering index, so no publication row (nor its text) is read.
 */
export function contentRowsQuery(db: Kysely<Database>, scope: OrgScope, filter: SubtreePublications) {
  const interactions = sql<number>`coalesce(p.reactions, 0) + coalesce(p.comments, 0) + coalesce(p.shares, 0)`;
  return subtreePublications(db, scope, filter)
    .select((eb) => [
      'p.channelId',
      'p.primaryTopic',
      'p.isRepost',
      'p.declarative',
      eb.fn.countAll<number>().as('posts'),
      eb.fn.sum<number>(interactions).as('interactions'),
      eb.fn.sum<number>(sql`coalesce(p.views, 0)`).as('views'),
      eb.fn.count<number>('p.views').as('postsWithViews'),
      eb.fn
        .sum<number>(sql`case when p.views is null then 0 else ${interactions} end`)
        .as('interactionsWithViews'),
    ])
    .groupBy(['p.channelId', 'p.primaryTopic', 'p.isRepost', 'p.declarative']);
}

export async function listContentRows(
  db: Kysely<Database>,
  scope: OrgScope,
  filter: SubtreePublications,
): Promise<ContentRow[]> {
  const rows = await contentRowsQuery(db, scope, filter).execute();
  return rows.map((row) => ({
    channelId: row.channelId,
    primaryTopic: row.primaryTopic,
    isRepost: toBool(row.isRepost),
    declarative: toBool(row.declarative, 'nullable'),
    posts: Number(row.posts),
    interactions: Number(row.interactions ?? 0),
    views: Number(row.views ?? 0),
    postsWithViews: Number(row.postsWithViews),
    interactionsWithViews: Number(row.interactionsWithViews ?? 0),
  }));
}

/**
 * Some publications of the subtree, oldest first: the records behind a finding. The first ones are chosen from
 * the covering index, and only they are read with their texts.
 */
export async function listPublicationSamples(
  db: Kysely<Database>,
  scope: OrgScope,
  filter: SubtreePublications & { primaryTopic?: Topic; declarative?: boolean; limit: number },
) {
  let first = subtreePublications(db, scope, filter).select('p.id');
  if (filter.primaryTopic) first = first.where('p.primaryTopic', '=', filter.primaryTopic);
  if (filter.declarative !== undefined) first = first.where('p.declarative', '=', filter.declarative);
  first = first.orderBy('p.localDate').orderBy('p.id').limit(filter.limit);
  return db
    .selectFrom('publication as p')
    .select(['p.id', 'p.title', 'p.text', 'p.localDate', 'p.url'])
    .where('p.id', 'in', first)
    .orderBy('p.localDate')
    .orderBy('p.id')
    .execute();
}
