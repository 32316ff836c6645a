/**
 * The dashboard's engagement measures of an organization's subtree for a period: engagement per platform and per
 * organization with the top posts, when and how to post, and the followers' growth per channel. The scope and the
 * followers are the brief's (social platforms, subject in the subtree, followers as of the figures' date), so the
 * engagement of the whole scope is the brief's. Each answer is remembered per state of the data and caller.
 */
import { contentQuality } from '../domain/content.measure.js';
import { engagementByPlatform, engagementBySubject, engagementOf } from '../domain/engagement.measure.js';
import { followerGrowth } from '../domain/follower-growth.measure.js';
import { postingTime } from '../domain/posting-time.measure.js';
import type {
  EngagementAnswer,
  FollowerGrowthAnswer,
  FollowerGrowthChannel,
  PostingTimeAnswer,
} from '../shared/engagement.schema.js';
import type { OrgRef } from '../shared/dashboard.js';
import {
  type EngagementFilter,
  listEngagementRows,
  listFirstCountsWithin,
  listPostingFacts,
  listTopPosts,
  PREVIEW_SOURCE_CHARS,
} from '../storage/repositories/engagement.repository.js';
import { listSubtreeChannels, type SubtreeChannel } from '../storage/repositories/channel.repository.js';
import { listContentRows } from '../storage/repositories/brief.repository.js';
import { mapToChildOf } from '../storage/repositories/org.repository.js';
import { isOwnPageOn, SOCIAL_PLATFORMS } from './brief.service.js';
import { type Context, scopeOfContext } from './context.js';
import { type MeasureQuery, type Resolved, resolve } from './dashboard.service.js';
import { memoOf } from './data-cache.js';
import { listOrganizationSubtree } from './org.service.js';

/** How many top posts the engagement answer lists. */
export const TOP_POSTS = 10;

const refOf = (org: OrgRef): OrgRef => ({
  code: org.code,
  kind: org.kind,
  nameRu: org.nameRu,
  nameKk: org.nameKk,
  shortNameRu: org.shortNameRu,
  shortNameKk: org.shortNameKk,
  nameEn: org.nameEn,
  shortNameEn: org.shortNameEn,
});

const rangeText = ({ period }: Resolved) => `${period.from}..${period.to}`;

/** The query resolved as the dashboard resolves it, and the answer remembered under the measure's name. */
async function remembered<T>(
  ctx: Context,
  query: MeasureQuery,
  name: string,
  compute: (resolved: Resolved) => Promise<T>,
): Promise<T> {
  const memo = await memoOf(ctx);
  const resolved = await resolve(ctx, memo, query);
  return memo.remember([name, resolved.org.id, rangeText(resolved), resolved.asOf], () => compute(resolved));
}

const filterOf = ({ org, period }: Resolved): EngagementFilter => ({
  rootId: org.id,
  period,
  platforms: SOCIAL_PLATFORMS,
});

/** Each subtree channel's followers as of the date, as the brief divides by them. */
const followersOf = (channels: readonly SubtreeChannel[]) =>
  new Map(channels.flatMap(({ id, followers }) => (followers === null ? [] : [[id, followers] as const])));

/** The preview of a post: its text's start, cut at a word where it is long. */
function previewOf(text: string | null): string {
  if (!text) return '';
  const chars = PREVIEW_SOURCE_CHARS - 1;
  return text.length > chars ? `${text.slice(0, chars).trimEnd()}…` : text;
}

export async function engagementMeasure(ctx: Context, query: MeasureQuery): Promise<EngagementAnswer> {
  return remembered(ctx, query, 'engagement', async (resolved) => {
    const { org, period, asOf } = resolved;
    const db = ctx.db.kysely;
    const scope = scopeOfContext(ctx);
    const filter = filterOf(resolved);
    const rows = await listEngagementRows(db, scope, filter);
    const followers = followersOf(await listSubtreeChannels(db, scope, org.id, asOf));
    const subtree = await listOrganizationSubtree(ctx, org);
    const byId = new Map(subtree.map((node) => [node.id, node]));
    const children = subtree.filter((node) => node.parentId === org.id);
    const childOf = await mapToChildOf(db, scope, org.id);
    const top = await listTopPosts(db, scope, { ...filter, limit: TOP_POSTS });
    // The whole scope's rates from the brief's own rows: summed in another order, a rate could differ in its
    // last digit from the brief's, and one figure has one value.
    const brief = contentQuality(await listContentRows(db, scope, filter), followers);
    return {
      org: refOf(org),
      period,
      asOf,
      total: {
        ...engagementOf(rows, followers),
        engagementByFollowers: brief.engagementByFollowers,
        engagementByViews: brief.engagementByViews,
      },
      byPlatform: engagementByPlatform(rows, followers).map(({ platform, figures }) => ({
        platform,
        ...figures,
      })),
      bySubject: engagementBySubject(org, children, rows, childOf, followers).map(({ group, figures }) => {
        const member = group.kind === 'direct_primaries' ? undefined : byId.get(group.orgId);
        return { group: group.kind, ...(member ? { org: refOf(member) } : {}), ...figures };
      }),
      topPosts: top.map((post) => ({
        id: post.id,
        channel: { code: post.channelCode, name: post.channelName, platform: post.platform },
        subject: {
          code: post.subjectCode,
          kind: post.subjectKind,
          nameRu: post.subjectNameRu,
          nameKk: post.subjectNameKk,
          shortNameRu: post.subjectShortNameRu,
          shortNameKk: post.subjectShortNameKk,
          nameEn: post.subjectNameEn,
          shortNameEn: post.subjectShortNameEn,
        },
        publishedAt: post.publishedAt,
        localDate: post.localDate,
        url: post.url,
        title: post.title,
        preview: previewOf(post.preview),
        reactions: post.reactions,
        comments: post.comments,
        shares: post.shares,
        views: post.views,
        interactions: post.interactions,
      })),
    };
  });
}

export async function postingTimeMeasure(ctx: Context, query: MeasureQuery): Promise<PostingTimeAnswer> {
  return remembered(ctx, query, 'posting-time', async (resolved) => {
    const { org, period, asOf } = resolved;
    const db = ctx.db.kysely;
    const scope = scopeOfContext(ctx);
    const posts = await listPostingFacts(db, scope, filterOf(resolved));
    const followers = followersOf(await listSubtreeChannels(db, scope, org.id, asOf));
    return { org: refOf(org), period, ...postingTime(posts, followers, org.timeZone) };
  });
}

export async function followerGrowthMeasure(
  ctx: Context,
  query: MeasureQuery,
): Promise<FollowerGrowthAnswer> {
  return remembered(ctx, query, 'follower-growth', async ({ org, period, asOf }) => {
    const db = ctx.db.kysely;
    const scope = scopeOfContext(ctx);
    const social = (channels: SubtreeChannel[]) =>
      channels.filter((channel) => SOCIAL_PLATFORMS.includes(channel.platform));
    const atEnd = social(await listSubtreeChannels(db, scope, org.id, asOf));
    const atStart = new Map(
      social(await listSubtreeChannels(db, scope, org.id, period.from)).map((channel) => [
        channel.id,
        channel,
      ]),
    );
    const counted = atEnd.filter((channel) => channel.followers !== null);
    const firstWithin = await listFirstCountsWithin(
      db,
      counted.map((channel) => channel.id),
      period.from,
      asOf,
    );
    const owners = new Map((await listOrganizationSubtree(ctx, org)).map((node) => [node.id, node]));
    const channels = counted.flatMap((channel): FollowerGrowthChannel[] => {
      const owner = owners.get(channel.orgId);
      if (!owner) return [];
      const before = atStart.get(channel.id);
      const growth = followerGrowth(
        before?.followers != null && before.asOf ? { followers: before.followers, asOf: before.asOf } : null,
        firstWithin.get(channel.id) ?? null,
        channel.followers !== null && channel.asOf
          ? { followers: channel.followers, asOf: channel.asOf }
          : null,
      );
      return [
        {
          code: channel.code,
          name: channel.name,
          platform: channel.platform,
          url: channel.url,
          owner: refOf(owner),
          ownPage: isOwnPageOn(channel, channel.orgId, org.id, asOf),
          start: growth.start?.followers ?? null,
          startAsOf: growth.start?.asOf ?? null,
          end: growth.end?.followers ?? null,
          endAsOf: growth.end?.asOf ?? null,
          delta: growth.delta,
          ratio: growth.ratio,
          trend: growth.trend,
        },
      ];
    });
    // The own pages first (their ends are the dashboard's followers), then the largest audiences.
    channels.sort(
      (a, b) =>
        Number(b.ownPage) - Number(a.ownPage) || (b.end ?? 0) - (a.end ?? 0) || a.code.localeCompare(b.code),
    );
    return { org: refOf(org), period, asOf, channels };
  });
}
