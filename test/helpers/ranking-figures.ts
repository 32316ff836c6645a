/**
 * A ranking's figures worked out in the test straight from the tables, row by row, for the HTTP and CLI tests to
 * hold the measure's answer against: members, social publications and their topics and judgements, each branch's
 * own pages, their followers and growth.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../src/storage/schema.js';

/** Platforms of social networks, written out here rather than taken from the code under test. */
const NOT_SOCIAL = ['website', 'mobile_app'];

export interface ExpectedBranch {
  code: string;
  members: number | null;
  publications: number;
  pages: number;
  followers: number;
  growth: { start: number; end: number } | null;
  posts: number;
  legal: number;
  judged: number;
  declarative: number;
}

const latest = <T extends { asOf: string }>(rows: readonly T[], upTo: string) =>
  rows.filter((row) => row.asOf <= upTo).sort((a, b) => b.asOf.localeCompare(a.asOf))[0];

export async function expectedBranches(
  db: Kysely<Database>,
  rootCode: string,
  period: { from: string; to: string },
  asOf: string,
): Promise<ExpectedBranch[]> {
  const orgs = await db.selectFrom('organization').select(['id', 'code', 'kind', 'parentId']).execute();
  const root = orgs.find((org) => org.code === rootCode);
  if (!root) throw new Error(`no organization ${rootCode}`);
  const children = orgs.filter((org) => org.parentId === root.id);
  const ranked = children.some((child) => child.kind !== 'primary')
    ? children.filter((child) => child.kind !== 'primary')
    : children;
  const snapshots = (
    await db.selectFrom('membershipSnapshot').select(['orgId', 'asOf', 'members']).execute()
  ).map((row) => ({ ...row, members: Number(row.members) }));
  const membersOf = (orgId: number): number | null => {
    const own = latest(
      snapshots.filter((row) => row.orgId === orgId),
      asOf,
    );
    if (own) return own.members;
    const under = orgs.filter((org) => org.parentId === orgId).map((org) => membersOf(org.id));
    return under.some((value) => value !== null)
      ? under.reduce<number>((sum, value) => sum + (value ?? 0), 0)
      : null;
  };
  const descendants = (orgId: number): number[] => [
    orgId,
    ...orgs.filter((org) => org.parentId === orgId).flatMap((org) => descendants(org.id)),
  ];
  const posts = await db
    .selectFrom('publication as p')
    .innerJoin('channel as c', 'c.id', 'p.channelId')
    .where('c.platform', 'not in', NOT_SOCIAL as never[])
    .where('p.localDate', '>=', period.from)
    .where('p.localDate', '<=', period.to)
    .select(['p.subjectOrgId', 'p.primaryTopic', 'p.declarative'])
    .execute();
  const channels = await db
    .selectFrom('channel')
    .select(['id', 'orgId', 'platform', 'createdOn', 'closedOn'])
    .execute();
  const audience = (
    await db.selectFrom('audienceSnapshot').select(['channelId', 'asOf', 'followers']).execute()
  ).map((row) => ({ ...row, followers: Number(row.followers) }));
  return ranked.map((branch) => {
    const subtree = new Set(descendants(branch.id));
    const own = posts.filter((post) => post.subjectOrgId !== null && subtree.has(post.subjectOrgId));
    const judged = own.filter((post) => post.declarative !== null);
    const pages = channels.filter(
      (channel) =>
        channel.orgId === branch.id &&
        !NOT_SOCIAL.includes(channel.platform) &&
        (channel.createdOn === null || channel.createdOn <= asOf) &&
        (channel.closedOn === null || channel.closedOn > asOf),
    );
    const countsOf = (channelId: number) => audience.filter((row) => row.channelId === channelId);
    const changes = pages.flatMap((page) => {
      const counts = countsOf(page.id);
      const end = latest(counts, asOf);
      const start =
        latest(counts, period.from) ??
        counts
          .filter((row) => row.asOf > period.from && row.asOf <= asOf)
          .sort((a, b) => a.asOf.localeCompare(b.asOf))[0];
      // A page counted once has no growth to state.
      return start && end && start.asOf !== end.asOf ? [{ start: start.followers, end: end.followers }] : [];
    });
    return {
      code: branch.code,
      members: membersOf(branch.id),
      publications: own.length,
      pages: pages.length,
      followers: pages.reduce((sum, page) => sum + (latest(countsOf(page.id), asOf)?.followers ?? 0), 0),
      growth:
        changes.length > 0
          ? {
              start: changes.reduce((sum, change) => sum + change.start, 0),
              end: changes.reduce((sum, change) => sum + change.end, 0),
            }
          : null,
      posts: own.length,
      legal: own.filter((post) => post.primaryTopic === 'legal').length,
      judged: judged.length,
      declarative: judged.filter((post) => Boolean(post.declarative)).length,
    };
  });
}

/** The values the ranking states of a branch, divided here. */
export function expectedValues(branch: ExpectedBranch) {
  const ratio = (part: number, whole: number | null) => (whole ? part / whole : null);
  return {
    publicationsPerThousand: branch.members === null ? null : (branch.publications * 1000) / branch.members,
    reach: branch.pages > 0 ? ratio(branch.followers, branch.members) : null,
    concreteShare: ratio(branch.judged - branch.declarative, branch.judged),
    legalShare: ratio(branch.legal, branch.posts),
    followerGrowth: branch.growth ? branch.growth.end - branch.growth.start : null,
  };
}
