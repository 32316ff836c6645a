/**
 * The dashboard's measures: an organization's figures for a period against the previous one, publications by
 * branch and month, the presence matrix and the findings. Everything is taken from the brief's facts and the
 * stats' counts, so the dashboard and the brief state the same figures. Each is computed once per state of the
 * data and caller (data-cache.ts): readers of the same dashboard share one computation until something changes.
 */
import type { BriefFacts, OrgInfo } from '../domain/brief-facts.js';
import { reach } from '../domain/audience.measure.js';
import { share } from '../domain/content.measure.js';
import { NotFoundError } from '../domain/errors.js';
import {
  bucketOf,
  bucketsOf,
  comparisonAsOf,
  type ComparisonPeriods,
  comparisonPeriodsOf,
  type Granularity,
  type LocalDate,
  localDateOf,
  parsePeriod,
  type Period,
} from '../domain/period.js';
import { periodDays, type PlanStatement } from '../domain/plan-fact.measure.js';
import { countBySubject, total } from '../domain/publications.measure.js';
import { authorize } from '../policies/abilities.js';
import type {
  BranchCount,
  Comparisons,
  CountsResponse,
  CountsRow,
  DashboardFinding,
  DashboardResponse,
  FindingsResponse,
  OrgRef,
  PresenceMatrix,
  PublicationFilter,
  ReachResponse,
} from '../shared/dashboard.js';
import { describeFinding, type Finding, type RuleIdName } from '../shared/finding.js';
import type { SubjectPlatformAnswer } from '../shared/subject-platform.schema.js';
import type { Platform, UiLang } from '../shared/vocabulary.js';
import { mapToChildOf, listScopeRoots } from '../storage/repositories/org.repository.js';
import { listInSubtree } from '../storage/repositories/records.repository.js';
import { isOwnPageOn, prepareBrief, SOCIAL_PLATFORMS } from './brief.service.js';
import { type Context, scopeOfContext } from './context.js';
import { type Memo, memoOf } from './data-cache.js';
import type { MeasureTask } from './measures-apart.js';
import { getOrganization, listOrganizationSubtree, type Organization } from './org.service.js';
import {
  countRows,
  mentionsByYear,
  organizationFigures,
  publicationsByPeriod,
  publicationsBySubject,
  publicationsBySubjectAndPlatform,
  snapshotDate,
} from './stats.service.js';

export interface MeasureQuery {
  /** Organization code; the caller's own organization (an administrator's first root) by default. */
  org?: string;
  /** The current calendar year in the organization's zone by default. */
  period?: Period;
  /**
   * The date members, followers, presence and overdue tasks are taken at; by default the period's end, or today
   * while the period runs (snapshotDate).
   */
  asOf?: LocalDate;
}

export const refOf = (org: OrgInfo): OrgRef => ({
  code: org.code,
  kind: org.kind,
  nameRu: org.nameRu,
  nameKk: org.nameKk,
  shortNameRu: org.shortNameRu,
  shortNameKk: org.shortNameKk,
  nameEn: org.nameEn,
  shortNameEn: org.shortNameEn,
});

const rangeText = (period: Period) => `${period.from}..${period.to}`;

/** The organization asked for, or the caller's own: the first root of their scope. */
async function organizationOf(ctx: Context, code: string | undefined): Promise<Organization> {
  if (code !== undefined) return getOrganization(ctx, code);
  const [root] = await listScopeRoots(ctx.db.kysely, scopeOfContext(ctx));
  if (!root) throw new NotFoundError('org_unknown', { code: '—' });
  return root;
}

export interface Resolved {
  org: Organization;
  period: Period;
  asOf: LocalDate;
}

/**
 * The organization, period and date the query means: the current year and the date of its snapshots by default,
 * resolved before it keys a memo.
 */
export async function resolve(ctx: Context, memo: Memo, query: MeasureQuery): Promise<Resolved> {
  authorize(ctx.actor, 'read', 'measures');
  const org = await memo.remember(['org', query.org ?? null], () => organizationOf(ctx, query.org));
  const year = localDateOf(ctx.clock(), org.timeZone).slice(0, 4);
  const period = query.period ?? { from: `${year}-01-01`, to: `${year}-12-31` };
  return { org, period, asOf: snapshotDate(ctx, org, period, query.asOf) };
}

/** The brief's facts and findings for the organization and period, with the subtree's channels by id. */
interface Measured extends Resolved {
  facts: BriefFacts;
  findings: Finding[];
  channels: ReadonlyMap<number, { code: string; name: string }>;
}

const measuredKey = ({ org, period, asOf }: Resolved) => ['measured', org.id, rangeText(period), asOf];

/** Works the measure out: the brief's facts and findings, and the subtree's channels. */
async function measuredOf(ctx: Context, resolved: Resolved): Promise<Measured> {
  const { org, period, asOf } = resolved;
  const { facts, findings } = await prepareBrief(ctx, {
    org: org.code,
    from: period.from,
    to: period.to,
    asOf,
  });
  const channels = await listInSubtree(ctx.db.kysely, scopeOfContext(ctx), 'channel', org.id);
  return {
    ...resolved,
    facts,
    findings,
    channels: new Map(channels.map((channel) => [channel.id, channel])),
  };
}

/** The measure of a resolved query, from the memo when already worked out at this version. */
function measure(ctx: Context, memo: Memo, resolved: Resolved): Promise<Measured> {
  return memo.remember(measuredKey(resolved), () => measuredOf(ctx, resolved));
}

/** The query as resolved: what the measure computed elsewhere is asked, so that its defaults are the same. */
export const resolvedQuery = ({ org, period, asOf }: Resolved): MeasureQuery => ({
  org: org.code,
  period,
  asOf,
});

/**
 * The answer to the query under its key, from the memo when the data and the caller are the same as before:
 * the query resolved first, since its defaults (today) are part of the key. `task` names the same measure for
 * the worker that computes lagging answers off the server's thread (measures-apart.ts).
 */
export async function remembered<T>(
  ctx: Context,
  query: MeasureQuery,
  key: (resolved: Resolved) => readonly unknown[],
  compute: (resolved: Resolved, memo: Memo) => Promise<T>,
  task: (resolved: Resolved) => MeasureTask,
): Promise<T> {
  const memo = await memoOf(ctx);
  // Who may read what is decided here, for the request, whether or not the answer is computed elsewhere.
  const resolved = await resolve(ctx, memo, query);
  const here = () => compute(resolved, memo);
  const { apart } = ctx.cache;
  // Figures may lag imports storing in the background by seconds (data-cache.ts): readers need not wait for each chunk.
  return memo.recent(
    key(resolved),
    here,
    apart && (() => apart.run(ctx.actor, ctx.clock(), task(resolved), here)),
  );
}

/** Followers of the organization's own social pages, and them per member: what the low-reach rule judges. */
function audienceOf(
  pages: readonly { followers: number | null }[],
  members: number | null,
): { followers: number; reach: number | null } {
  const followers = pages.reduce((sum, page) => sum + (page.followers ?? 0), 0);
  return { followers, reach: pages.length > 0 ? reach(followers, members) : null };
}

/** The publications list that shows what a finding is about, where it is about publications. */
const PUBLICATION_FILTERS: Partial<Record<RuleIdName, PublicationFilter>> = {
  legal_share_low: { topic: 'legal' },
  declarative_dominant: { declarative: true },
  reposts_dominant: { repost: true },
};

/** The findings with their texts in the reader's language and what the web links them to. */
function describeFindings(measured: Measured, lang: UiLang): DashboardFinding[] {
  const { facts, channels } = measured;
  const codesOf = (finding: Finding, kind: 'organization' | 'channel') =>
    finding.records.flatMap((record) => {
      if (record.kind !== kind) return [];
      const code = kind === 'organization' ? facts.orgs.get(record.id)?.code : channels.get(record.id)?.code;
      return code ? [code] : [];
    });
  return measured.findings.map((finding) => {
    const orgs = codesOf(finding, 'organization');
    const filter = PUBLICATION_FILTERS[finding.ruleId];
    return {
      ...finding,
      ...describeFinding(finding, lang),
      links: {
        orgs: orgs.length > 0 ? orgs : [measured.org.code],
        channels: codesOf(finding, 'channel'),
        ...(filter
          ? { publications: { org: measured.org.code, period: rangeText(measured.period), ...filter } }
          : {}),
      },
    };
  });
}

/** The brief's presence matrix with the pages named, empty cells flagged and each cell's latest date. */
function presenceOf({ facts, channels }: Measured): PresenceMatrix {
  return {
    asOf: facts.asOf,
    platforms: facts.presence.platforms,
    activeDays: facts.presence.activeDays,
    rows: facts.presence.rows.flatMap((row) => {
      const org = facts.orgs.get(row.orgId);
      if (!org) return [];
      return [
        {
          org: refOf(org),
          present: row.present,
          cells: row.cells.map((cell) => {
            const dates = cell.channels.flatMap((channel) =>
              channel.lastPublished ? [channel.lastPublished] : [],
            );
            return {
              platform: cell.platform,
              empty: cell.channels.length === 0,
              lastPublished: dates.length > 0 ? dates.reduce((a, b) => (a > b ? a : b)) : null,
              channels: cell.channels.map((channel) => {
                const stored = channels.get(channel.channelId);
                return {
                  code: stored?.code ?? '',
                  name: stored?.name ?? '',
                  url: channel.url,
                  active: channel.active,
                  lastPublished: channel.lastPublished,
                };
              }),
            };
          }),
        },
      ];
    }),
  };
}

/** Everything the dashboard shows for the organization and period. */
export async function buildDashboard(
  ctx: Context,
  query: MeasureQuery,
  lang: UiLang = 'ru',
): Promise<DashboardResponse> {
  return remembered(
    ctx,
    query,
    ({ org, period, asOf }) => ['dashboard', org.id, rangeText(period), asOf, lang],
    async (resolved, memo) => dashboardOf(ctx, memo, await measure(ctx, memo, resolved), lang),
    (resolved) => ({ measure: 'dashboard', query: resolvedQuery(resolved), lang }),
  );
}

/** The figures of a measure that the dashboard compares across periods. */
function comparedFiguresOf({ facts }: Measured) {
  const { content } = facts;
  return {
    members: facts.members,
    ...audienceOf(facts.pages, facts.members),
    legalShare: share(content.topics.legal, content.posts),
    declarativeShare: share(content.declarative, content.judged),
    repostShare: share(content.reposts, content.posts),
  };
}
type ComparedFigures = ReturnType<typeof comparedFiguresOf>;

/**
 * Members, followers, reach and the content shares in the comparison periods: each period measured as the brief
 * would measure it, as of the date as far from its end as the period's own.
 */
async function comparisonsOf(
  ctx: Context,
  memo: Memo,
  measured: Measured,
  current: ComparedFigures,
  periods: ComparisonPeriods,
): Promise<Comparisons> {
  const { org, period, asOf } = measured;
  const atDate = (comparison: keyof ComparisonPeriods) => comparisonAsOf(period, asOf, comparison);
  const figuresIn = async (comparison: keyof ComparisonPeriods) =>
    comparedFiguresOf(
      await measure(ctx, memo, { org, period: periods[comparison], asOf: atDate(comparison) }),
    );
  const previous = await figuresIn('previous');
  const yearBefore = await figuresIn('yearBefore');
  const each = (key: keyof ComparedFigures) => ({
    current: current[key],
    previous: previous[key],
    yearBefore: yearBefore[key],
  });
  return {
    previousAsOf: atDate('previous'),
    yearBeforeAsOf: atDate('yearBefore'),
    members: each('members'),
    followers: each('followers'),
    reach: each('reach'),
    legalShare: each('legalShare'),
    declarativeShare: each('declarativeShare'),
    repostShare: each('repostShare'),
  };
}

async function dashboardOf(
  ctx: Context,
  memo: Memo,
  measured: Measured,
  lang: UiLang,
): Promise<DashboardResponse> {
  const { org, period, facts } = measured;
  const periods = comparisonPeriodsOf(period);
  const { previous, yearBefore } = periods;
  const social = { org: org.code, platforms: SOCIAL_PLATFORMS };
  const bySubject = await publicationsBySubject(ctx, { ...social, period });
  const byMonth = await publicationsByPeriod(ctx, { ...social, period, granularity: 'month' });
  /** Publications of the query in a period of comparison, in all. */
  const publicationsIn = async (query: typeof social | { org: string; platform: Platform }, within: Period) =>
    (await publicationsByPeriod(ctx, { ...query, period: within, granularity: 'year' })).total;
  const website = { org: org.code, platform: 'website' as const };
  const mentionsIn = async (within: Period) => total((await mentionsByYear(ctx, org.code, within)).counts);
  const { content } = facts;
  const figures = comparedFiguresOf(measured);
  return {
    org: { ...refOf(org), timeZone: org.timeZone },
    period,
    previousPeriod: previous,
    yearBeforePeriod: yearBefore,
    asOf: facts.asOf,
    members: facts.members,
    primaries: facts.structure.primaries,
    branches: facts.structure.branches,
    directPrimaries: facts.structure.directPrimaries,
    followers: figures.followers,
    reach: figures.reach,
    publications: {
      current: bySubject.total,
      previous: await publicationsIn(social, previous),
      yearBefore: await publicationsIn(social, yearBefore),
    },
    websitePublications: {
      current: facts.website.total,
      previous: await publicationsIn(website, previous),
      yearBefore: await publicationsIn(website, yearBefore),
    },
    content: {
      posts: content.posts,
      legal: content.topics.legal,
      legalShare: figures.legalShare,
      judged: content.judged,
      declarative: content.declarative,
      declarativeShare: figures.declarativeShare,
      reposts: content.reposts,
      repostShare: figures.repostShare,
    },
    mediaMentions: {
      current: total(facts.media.counts),
      previous: await mentionsIn(previous),
      yearBefore: await mentionsIn(yearBefore),
    },
    comparisons: await comparisonsOf(ctx, memo, measured, figures, periods),
    byBranch: bySubject.rows.map((row): BranchCount => ({
      group: row.group.kind,
      ...(row.org ? { org: refOf(row.org) } : {}),
      count: row.count,
    })),
    byMonth: byMonth.rows.map((row) => ({ month: row.bucket, count: row.count })),
    presence: presenceOf(measured),
    findings: describeFindings(measured, lang),
  };
}

/**
 * The plan against fact of an organization and a period (the current month by default), as the brief's facts
 * state it (`GET /plan/fact`): the same facts the dashboard's figures come from, worked out once for both.
 */
export async function planFact(
  ctx: Context,
  query: { org: string; period?: string | undefined },
): Promise<{ org: string; period: Period } & PlanStatement> {
  const org = await getOrganization(ctx, query.org);
  const period = parsePeriod(query.period ?? localDateOf(ctx.clock(), org.timeZone).slice(0, 7));
  return planFactMeasure(ctx, { org: org.code, period });
}

export function planFactMeasure(
  ctx: Context,
  query: MeasureQuery,
): Promise<{ org: string; period: Period } & PlanStatement> {
  return remembered(
    ctx,
    query,
    ({ org, period, asOf }) => ['plan-fact', org.id, rangeText(period), asOf],
    async (resolved, memo) => {
      const { org, period, facts } = await measure(ctx, memo, resolved);
      const today = localDateOf(ctx.clock(), org.timeZone);
      return {
        org: org.code,
        period,
        today,
        days: periodDays(period, today),
        items: facts.plan?.items ?? [],
      };
    },
    (resolved) => ({ measure: 'plan-fact', query: resolvedQuery(resolved) }),
  );
}

/** The presence matrix alone, as the dashboard shows it. */
export async function presenceMeasure(ctx: Context, query: MeasureQuery): Promise<PresenceMatrix> {
  return remembered(
    ctx,
    query,
    ({ org, period, asOf }) => ['presence', org.id, rangeText(period), asOf],
    async (resolved, memo) => presenceOf(await measure(ctx, memo, resolved)),
    (resolved) => ({ measure: 'presence', query: resolvedQuery(resolved) }),
  );
}

/** The findings alone, as the dashboard and the brief state them. */
export async function findingsMeasure(
  ctx: Context,
  query: MeasureQuery,
  lang: UiLang = 'ru',
): Promise<FindingsResponse> {
  return remembered(
    ctx,
    query,
    ({ org, period, asOf }) => ['findings', org.id, rangeText(period), asOf, lang],
    async (resolved, memo) => {
      const measured = await measure(ctx, memo, resolved);
      return {
        org: refOf(measured.org),
        period: measured.period,
        asOf: measured.facts.asOf,
        findings: describeFindings(measured, lang),
      };
    },
    (resolved) => ({ measure: 'findings', query: resolvedQuery(resolved), lang }),
  );
}

/**
 * Members, the own pages' followers and reach, and every channel of the subtree with its reach, as of a date: the
 * one asked, else that of the period (today for the current year).
 */
export async function reachMeasure(ctx: Context, query: MeasureQuery): Promise<ReachResponse> {
  return remembered(
    ctx,
    query,
    ({ org, asOf }) => ['reach', org.id, asOf],
    ({ org, asOf }) => reachOf(ctx, org, asOf),
    (resolved) => ({ measure: 'reach', query: resolvedQuery(resolved) }),
  );
}

async function reachOf(ctx: Context, org: Organization, asOf: LocalDate): Promise<ReachResponse> {
  const figures = await organizationFigures(ctx, org.code, asOf);
  const subtree = new Map((await listOrganizationSubtree(ctx, org)).map((node) => [node.id, node]));
  const pages = figures.channels.filter((channel) => isOwnPageOn(channel, channel.ownerId, org.id, asOf));
  return {
    org: refOf(org),
    asOf,
    members: figures.members,
    ...audienceOf(pages, figures.members),
    channels: figures.channels.flatMap((channel) => {
      const owner = subtree.get(channel.ownerId);
      if (!owner) return [];
      return [
        {
          code: channel.code,
          name: channel.name,
          platform: channel.platform,
          url: channel.url,
          owner: refOf(owner),
          followers: channel.followers,
          followersAsOf: channel.followersAsOf,
          reach: channel.reach,
        },
      ];
    }),
  };
}

export interface CountsQuery extends Omit<MeasureQuery, 'asOf'> {
  granularity: Granularity;
  platform?: Platform;
  by: 'subject' | 'platform';
}

/**
 * Publications of the subtree per period bucket, split by subject (the organization, each branch, the primaries
 * directly under it) or by platform; empty buckets included.
 */
export async function countsMeasure(ctx: Context, query: CountsQuery): Promise<CountsResponse> {
  const { granularity, platform, by } = query;
  return remembered(
    ctx,
    query,
    ({ org, period }) => ['counts', org.id, rangeText(period), granularity, platform ?? null, by],
    ({ org, period }) => countsOf(ctx, { ...query, org, period }),
    ({ org, period }) => ({
      measure: 'counts',
      query: { org: org.code, period, granularity, by, ...(platform ? { platform } : {}) },
    }),
  );
}

async function countsOf(
  ctx: Context,
  query: Omit<CountsQuery, 'org' | 'period'> & { org: Organization; period: Period },
): Promise<CountsResponse> {
  const { org, period } = query;
  const { rows } = await countRows(ctx, {
    org: org.code,
    period,
    ...(query.platform ? { platform: query.platform } : {}),
  });
  const buckets = bucketsOf(period, query.granularity);
  const inBucket = (bucket: string) =>
    rows.filter((row) => bucketOf(row.month, query.granularity) === bucket);
  let result: CountsRow[];
  if (query.by === 'subject') {
    const subtree = await listOrganizationSubtree(ctx, org);
    const byId = new Map(subtree.map((node) => [node.id, node]));
    const children = subtree.filter((node) => node.parentId === org.id);
    const childOf = await mapToChildOf(ctx.db.kysely, scopeOfContext(ctx), org.id);
    result = buckets.flatMap((bucket) =>
      countBySubject(org, children, inBucket(bucket), childOf).map((entry): CountsRow => {
        const member = entry.group.kind === 'direct_primaries' ? undefined : byId.get(entry.group.orgId);
        return {
          group: entry.group.kind,
          ...(member ? { org: refOf(member) } : {}),
          bucket,
          platform: query.platform ?? null,
          count: entry.count,
        };
      }),
    );
  } else {
    const platforms = query.platform
      ? [query.platform]
      : [...new Set(rows.map((row) => row.platform))].sort();
    result = buckets.flatMap((bucket) => {
      const counted = inBucket(bucket);
      return platforms.map((platform): CountsRow => ({
        group: 'all',
        org: refOf(org),
        bucket,
        platform,
        count: total(counted.filter((row) => row.platform === platform)),
      }));
    });
  }
  return {
    org: refOf(org),
    period,
    granularity: query.granularity,
    by: query.by,
    total: total(rows),
    rows: result,
  };
}

/**
 * Publications of the subtree in the period by subject (the organization, each branch, the direct primaries
 * together) × platform, with the columns' totals: the counts `aqparat stats --by subject,platform` prints.
 */
export async function subjectPlatformMeasure(
  ctx: Context,
  query: Omit<MeasureQuery, 'asOf'>,
): Promise<SubjectPlatformAnswer> {
  return remembered(
    ctx,
    query,
    ({ org, period }) => ['subject-platform', org.id, rangeText(period)],
    async ({ org, period }) => {
      const result = await publicationsBySubjectAndPlatform(ctx, { org: org.code, period });
      return {
        org: refOf(org),
        period,
        rows: result.rows.map((row) => ({
          group: row.group.kind,
          ...(row.org ? { org: refOf(row.org) } : {}),
          counts: row.counts,
          total: row.total,
        })),
        totals: result.totals,
      };
    },
    ({ org, period }) => ({ measure: 'subject-platform', query: { org: org.code, period } }),
  );
}
