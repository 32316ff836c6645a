/**
 * Rankings of an organization's branches for a period (domain/ranking.measure.ts). Each branch's figures are those
 * its own dashboard states for the period: social publications of its subtree, members and its own pages'
 * followers as of the period's date, the content figures of its subtree, and its pages' growth of followers as
 * the dashboard's per channel. One figure, one answer: a branch ranked here and opened on the dashboard agree.
 */
import { contentQuality } from '../domain/content.measure.js';
import { followerGrowth, type FollowerCount } from '../domain/follower-growth.measure.js';
import { membersIndex } from '../domain/members.measure.js';
import { type BranchFigures, rankBranches } from '../domain/ranking.measure.js';
import type { RankingAnswer } from '../shared/ranking.schema.js';
import { listContentRows } from '../storage/repositories/brief.repository.js';
import { listFirstCountsWithin } from '../storage/repositories/engagement.repository.js';
import { listSubtreeChannels, type SubtreeChannel } from '../storage/repositories/channel.repository.js';
import { listSubtreeMembership, mapToChildOf } from '../storage/repositories/org.repository.js';
import { isOwnPageOn, SOCIAL_PLATFORMS } from './brief.service.js';
import { type Context, scopeOfContext } from './context.js';
import { type MeasureQuery, refOf, remembered, type Resolved, resolvedQuery } from './dashboard.service.js';
import { listOrganizationSubtree, type Organization } from './org.service.js';
import { countRows } from './stats.service.js';

/**
 * The organizations ranked under one: its children other than primaries (a region's district and city
 * committees, a sector union's regions), or its primaries where it has nothing else (a district committee).
 */
export function rankedChildren<T extends { parentId: number | null; kind: string }>(
  subtree: readonly T[],
  orgId: number,
): T[] {
  const children = subtree.filter((node) => node.parentId === orgId);
  const branches = children.filter((child) => child.kind !== 'primary');
  return branches.length > 0 ? branches : children;
}

/** The branches of the organization ranked for the period, each value with its figures. */
export async function rankingMeasure(ctx: Context, query: MeasureQuery): Promise<RankingAnswer> {
  return remembered(
    ctx,
    query,
    ({ org, period, asOf }) => ['rankings', org.id, `${period.from}..${period.to}`, asOf],
    (resolved) => rankingOf(ctx, resolved),
    (resolved) => ({ measure: 'rankings', query: resolvedQuery(resolved) }),
  );
}

const countOf = (channel: SubtreeChannel): FollowerCount | null =>
  channel.followers === null || channel.asOf === null
    ? null
    : { followers: channel.followers, asOf: channel.asOf };

async function rankingOf(ctx: Context, { org, period, asOf }: Resolved): Promise<RankingAnswer> {
  const db = ctx.db.kysely;
  const scope = scopeOfContext(ctx);
  const subtree = await listOrganizationSubtree(ctx, org);
  const branches = rankedChildren(subtree, org.id);
  const membership = await listSubtreeMembership(db, scope, org.id, asOf);
  const membersOf = membersIndex(membership.nodes, membership.snapshots, asOf);

  // The dashboard's publications: social platforms, by subject, each subject folded to the branch it lies under.
  const { rows: counted } = await countRows(ctx, { org: org.code, period, platforms: SOCIAL_PLATFORMS });
  const childOf = await mapToChildOf(db, scope, org.id);
  const publications = new Map<number, number>();
  for (const row of counted) {
    const branchId = childOf.get(row.subjectOrgId);
    if (branchId !== undefined) publications.set(branchId, (publications.get(branchId) ?? 0) + row.count);
  }

  const atEnd = await listSubtreeChannels(db, scope, org.id, asOf);
  const atStart = new Map(
    (await listSubtreeChannels(db, scope, org.id, period.from)).map((channel) => [channel.id, channel]),
  );
  const pagesOf = (orgId: number) =>
    atEnd.filter((channel) => isOwnPageOn(channel, channel.orgId, orgId, asOf));
  const branchPages = branches.flatMap((branch) => pagesOf(branch.id));
  const firstWithin = await listFirstCountsWithin(
    db,
    branchPages.map((page) => page.id),
    period.from,
    asOf,
  );

  const figuresOf = async (branch: Organization): Promise<BranchFigures> => {
    const pages = pagesOf(branch.id);
    // Summed over the pages whose growth is known: a page never counted has none.
    const known = pages.flatMap((page) => {
      const start = atStart.get(page.id);
      const change = followerGrowth(
        start ? countOf(start) : null,
        firstWithin.get(page.id) ?? null,
        countOf(page),
      );
      return change.delta !== null && change.start && change.end
        ? [{ start: change.start, end: change.end }]
        : [];
    });
    const growth =
      known.length > 0
        ? {
            start: known.reduce((sum, change) => sum + change.start.followers, 0),
            end: known.reduce((sum, change) => sum + change.end.followers, 0),
          }
        : null;
    // The dashboard's content figures of the branch: its subtree's social posts in the period.
    const content = contentQuality(
      await listContentRows(db, scope, { rootId: branch.id, period, platforms: SOCIAL_PLATFORMS }),
      new Map(),
    );
    return {
      members: membersOf(branch.id),
      publications: publications.get(branch.id) ?? 0,
      pages: pages.length,
      followers: pages.reduce((sum, page) => sum + (page.followers ?? 0), 0),
      growth,
      posts: content.posts,
      legal: content.topics.legal,
      judged: content.judged,
      declarative: content.declarative,
    };
  };
  const measured: { branch: Organization; figures: BranchFigures }[] = [];
  for (const branch of branches) measured.push({ branch, figures: await figuresOf(branch) });
  return {
    org: refOf(org),
    period,
    asOf,
    since: period.from,
    rows: rankBranches(measured).map(({ branch, figures, values }) => ({
      org: refOf(branch),
      members: figures.members,
      values,
    })),
  };
}
