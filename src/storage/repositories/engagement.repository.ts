/**
 * Reads of the engagement measures: sums per channel × subject, the period's top posts by interactions, and one
 * row per post for when and how to post. The scope is the brief's content: publications whose subject lies in the
 * root's subtree, on the platforms, in the period (local dates).
 */
import { type Kysely, type SqlBool, sql } from 'kysely';
import type { EngagementRow } from '../../domain/engagement.measure.js';
import type { Period } from '../../domain/period.js';
import type { PostingFact } from '../../domain/posting-time.measure.js';
import type { OrgScope } from '../../domain/scope.js';
import type { Platform } from '../../shared/vocabulary.js';
import type { Database } from '../schema.js';
import { subtreeOf } from '../scope.js';

export interface EngagementFilter {
  rootId: number;
  period: Period;
  platforms: readonly Platform[];
}

const interactions = sql<number>`coalesce(p.reactions, 0) + coalesce(p.comments, 0) + coalesce(p.shares, 0)`;

function scoped(db: Kysely<Database>, scope: OrgScope, filter: EngagementFilter) {
  return subtreeOf(db, scope, filter.rootId)
    .innerJoin('publication as p', 'p.subjectOrgId', 'c.descendantId')
    .innerJoin('channel as ch', 'ch.id', 'p.channelId')
    .where('p.localDate', '>=', filter.period.from)
    .where('p.localDate', '<=', filter.period.to)
    .where(
      filter.platforms.length
        ? sql<SqlBool>`ch.platform in (${sql.join(filter.platforms)})`
        : sql<SqlBool>`1 = 0`,
    );
}

export async function listEngagementRows(
  db: Kysely<Database>,
  scope: OrgScope,
  filter: EngagementFilter,
): Promise<EngagementRow[]> {
  const rows = await scoped(db, scope, filter)
    .select((eb) => [
      'p.channelId',
      'ch.platform',
      'p.subjectOrgId',
      eb.fn.countAll<number>().as('posts'),
      eb.fn.sum<number>(sql`coalesce(p.reactions, 0)`).as('reactions'),
      eb.fn.sum<number>(sql`coalesce(p.comments, 0)`).as('comments'),
      eb.fn.sum<number>(sql`coalesce(p.shares, 0)`).as('shares'),
      eb.fn.sum<number>(sql`coalesce(p.views, 0)`).as('views'),
      eb.fn.count<number>('p.views').as('postsWithViews'),
      eb.fn
        .sum<number>(sql`case when p.views is null then 0 else ${interactions} end`)
        .as('interactionsWithViews'),
    ])
    .groupBy(['p.channelId', 'ch.platform', 'p.subjectOrgId'])
    .orderBy('p.channelId')
    .orderBy('p.subjectOrgId')
    .execute();
  // PostgreSQL answers sums and counts as strings of bigints.
  return rows.map((row) => ({
    channelId: row.channelId,
    platform: row.platform,
    subjectOrgId: row.subjectOrgId,
    posts: Number(row.posts),
    reactions: Number(row.reactions ?? 0),
    comments: Number(row.comments ?? 0),
    shares: Number(row.shares ?? 0),
    views: Number(row.views ?? 0),
    postsWithViews: Number(row.postsWithViews),
    interactionsWithViews: Number(row.interactionsWithViews ?? 0),
  }));
}

/** Characters of a top post's text read for its preview. */
export const PREVIEW_SOURCE_CHARS = 201;

/** The posts with the most interactions (none without any), most first; ties by views, then the newest. */
export async function listTopPosts(
  db: Kysely<Database>,
  scope: OrgScope,
  filter: EngagementFilter & { limit: number },
) {
  const rows = await scoped(db, scope, filter)
    .innerJoin('organization as s', 's.id', 'p.subjectOrgId')
    .select([
      'p.id',
      'p.url',
      'p.publishedAt',
      'p.localDate',
      'p.title',
      sql<string | null>`substr(p.text, 1, ${PREVIEW_SOURCE_CHARS})`.as('preview'),
      'p.reactions',
      'p.comments',
      'p.shares',
      'p.views',
      interactions.as('interactions'),
      'ch.code as channelCode',
      'ch.name as channelName',
      'ch.platform',
      's.code as subjectCode',
      's.kind as subjectKind',
      's.nameRu as subjectNameRu',
      's.nameKk as subjectNameKk',
      's.shortNameRu as subjectShortNameRu',
      's.shortNameKk as subjectShortNameKk',
      's.nameEn as subjectNameEn',
      's.shortNameEn as subjectShortNameEn',
    ])
    .where(sql<SqlBool>`${interactions} > 0`)
    .orderBy(sql`${interactions}`, 'desc')
    .orderBy(sql`coalesce(p.views, 0)`, 'desc')
    .orderBy('p.publishedAt', 'desc')
    .orderBy('p.id', 'desc')
    .limit(filter.limit)
    .execute();
  return rows.map((row) => ({ ...row, interactions: Number(row.interactions) }));
}

/** One row per post: when it was published, its media kind and length, and its engagement. */
export async function listPostingFacts(
  db: Kysely<Database>,
  scope: OrgScope,
  filter: EngagementFilter,
): Promise<PostingFact[]> {
  const rows = await scoped(db, scope, filter)
    .select([
      'p.channelId',
      'p.publishedAt',
      'p.mediaKind',
      sql<number>`coalesce(length(p.text), 0)`.as('length'),
      'p.reactions',
      'p.comments',
      'p.shares',
      'p.views',
    ])
    .orderBy('p.id')
    .execute();
  return rows.map((row) => ({ ...row, length: Number(row.length) }));
}

/** Each channel's earliest follower count after `after` and on or before `upTo`. */
export async function listFirstCountsWithin(
  db: Kysely<Database>,
  channelIds: readonly number[],
  after: string,
  upTo: string,
): Promise<Map<number, { followers: number; asOf: string }>> {
  if (channelIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('audienceSnapshot')
    .select(['channelId', 'asOf', 'followers'])
    .where('channelId', 'in', [...channelIds])
    .where('asOf', '>', after)
    .where('asOf', '<=', upTo)
    .orderBy('channelId')
    .orderBy('asOf')
    .execute();
  const first = new Map<number, { followers: number; asOf: string }>();
  for (const row of rows) {
    if (!first.has(row.channelId)) first.set(row.channelId, { followers: row.followers, asOf: row.asOf });
  }
  return first;
}
