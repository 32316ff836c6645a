/** Read use cases behind `aqparat stats` and, later, the dashboard and the brief. */
import { reach } from '../domain/audience.measure.js';
import { countMentions, type MentionCount, type MentionRow } from '../domain/media.measure.js';
import { membersIndex, type Structure, structureOf } from '../domain/members.measure.js';
import {
  type Granularity,
  type LocalDate,
  localDateOf,
  type Period,
  periodAsOf,
  snapshotDateOf,
} from '../domain/period.js';
import {
  type BucketCount,
  countByBucket,
  countBySubject,
  countBySubjectAndPlatform,
  type PlatformCounts,
  type PublicationCountRow,
  type SubjectGroup,
  total,
} from '../domain/publications.measure.js';
import type { OutletLevel, Platform } from '../shared/vocabulary.js';
import { listSubtreeChannels } from '../storage/repositories/channel.repository.js';
import { listSubtreeMembership, mapToChildOf } from '../storage/repositories/org.repository.js';
import { countPublications } from '../storage/repositories/publication.repository.js';
import {
  listInfoResponsible,
  listInSubtree,
  listOutlets,
} from '../storage/repositories/records.repository.js';
import type { Context } from './context.js';
import { scopeOfContext } from './context.js';
import { getOrganization, listOrganizationSubtree, type Organization } from './org.service.js';
import { References } from './records.service.js';

export interface PublicationQuery {
  /** Code of the organization whose subtree's publications (by subject) are counted. */
  org: string;
  period: Period;
  platform?: Platform;
  /** Any of these platforms. */
  platforms?: readonly Platform[];
  /** Code of one channel. */
  channel?: string;
}

/** Counts per subject organization × channel × local month of the organization's subtree. */
export async function countRows(
  ctx: Context,
  query: PublicationQuery,
): Promise<{ org: Organization; rows: PublicationCountRow[] }> {
  const org = await getOrganization(ctx, query.org);
  const channelId = query.channel
    ? await new References(ctx, `stats ${query.org}`).channel(query.channel)
    : undefined;
  const rows = await countPublications(ctx.db.kysely, ctx.db.dialect, scopeOfContext(ctx), {
    rootId: org.id,
    period: query.period,
    ...(query.platform ? { platform: query.platform } : {}),
    ...(query.platforms ? { platforms: query.platforms } : {}),
    ...(channelId !== undefined ? { channelId } : {}),
  });
  return { org, rows };
}

export interface SubjectRow {
  group: SubjectGroup;
  /** The organization of a `self` or `child` group. */
  org?: Organization;
  count: number;
}

export interface SubjectBreakdown {
  org: Organization;
  total: number;
  rows: SubjectRow[];
}

/** The organization's children and where each subject of its subtree lies: what subject groups are made of. */
async function subjectTreeOf(ctx: Context, org: Organization) {
  const subtree = await listOrganizationSubtree(ctx, org);
  const children = subtree.filter((node) => node.parentId === org.id);
  const childOf = await mapToChildOf(ctx.db.kysely, scopeOfContext(ctx), org.id);
  const byId = new Map(subtree.map((node) => [node.id, node]));
  /** The entry with the organization of its group, where the group is one organization. */
  const named = <T extends { group: SubjectGroup }>(entry: T): T & { org?: Organization } => {
    const member = entry.group.kind === 'direct_primaries' ? undefined : byId.get(entry.group.orgId);
    return member ? { ...entry, org: member } : entry;
  };
  return { children, childOf, named };
}

/** Publications split by the organization itself, each child branch and its directly-reporting primaries. */
export async function publicationsBySubject(
  ctx: Context,
  query: PublicationQuery,
): Promise<SubjectBreakdown> {
  const { org, rows } = await countRows(ctx, query);
  const { children, childOf, named } = await subjectTreeOf(ctx, org);
  const split = countBySubject(org, children, rows, childOf).map(named);
  return { org, total: total(rows), rows: split };
}

export interface SubjectPlatformRow extends PlatformCounts {
  group: SubjectGroup;
  /** The organization of a `self` or `child` group. */
  org?: Organization;
}

export interface SubjectPlatformBreakdown {
  org: Organization;
  rows: SubjectPlatformRow[];
  /** The columns' totals: per platform and in all. */
  totals: PlatformCounts;
}

/**
 * Publications split as publicationsBySubject does, each row counted per platform (every platform of the
 * vocabulary, zeros included) with its total, and the columns' totals.
 */
export async function publicationsBySubjectAndPlatform(
  ctx: Context,
  query: PublicationQuery,
): Promise<SubjectPlatformBreakdown> {
  const { org, rows } = await countRows(ctx, query);
  const { children, childOf, named } = await subjectTreeOf(ctx, org);
  const split = countBySubjectAndPlatform(org, children, rows, childOf);
  return { org, rows: split.rows.map(named), totals: split.totals };
}

/** Publications per year, half, quarter or month. */
export async function publicationsByPeriod(
  ctx: Context,
  query: PublicationQuery & { granularity: Granularity },
): Promise<{ org: Organization; total: number; rows: BucketCount[] }> {
  const { org, rows } = await countRows(ctx, query);
  return { org, total: total(rows), rows: countByBucket(rows, query.granularity, query.period) };
}

/**
 * The date a view of the organization's period takes members, followers and pages at: the date named, else the
 * period's end, or today in the organization's calendar while the period runs (snapshotDateOf).
 */
export function snapshotDate(
  ctx: Context,
  org: { timeZone: string },
  period: Period,
  named?: string,
): LocalDate {
  return snapshotDateOf(period, localDateOf(ctx.clock(), org.timeZone), named);
}

export interface ChannelFigure {
  code: string;
  platform: Platform;
  name: string;
  url: string | null;
  ownerId: number;
  createdOn: string | null;
  closedOn: string | null;
  followers: number | null;
  followersAsOf: LocalDate | null;
  /** Followers per member of the channel's owner. */
  reach: number | null;
}

export interface OrganizationFigures {
  org: Organization;
  asOf: LocalDate;
  members: number | null;
  structure: Structure;
  channels: ChannelFigure[];
  /** People recorded as responsible for information work in the subtree. */
  infoResponsible: { fullName: string; orgId: number }[];
}

/** Members, structure, channels with followers and reach, and who does information work, as of a date. */
export async function organizationFigures(
  ctx: Context,
  code: string,
  asOf: LocalDate,
): Promise<OrganizationFigures> {
  return figuresOf(ctx, await getOrganization(ctx, code), asOf);
}

/**
 * An organization's figures on the date named, else on the date a period's measures take (the dashboard's: the
 * period's end, or today while it runs), else today in the organization's calendar.
 */
export async function organizationFiguresFor(
  ctx: Context,
  code: string,
  query: { period?: Period | undefined; asOf?: LocalDate | undefined },
): Promise<OrganizationFigures> {
  const org = await getOrganization(ctx, code);
  const today = localDateOf(ctx.clock(), org.timeZone);
  return figuresOf(ctx, org, snapshotDateOf(query.period ?? periodAsOf(today), today, query.asOf));
}

async function figuresOf(ctx: Context, org: Organization, asOf: LocalDate): Promise<OrganizationFigures> {
  const scope = scopeOfContext(ctx);
  // Only the columns the figures use: a national subtree is ten thousand organizations.
  const [subtree, channels, infoResponsible] = await Promise.all([
    listSubtreeMembership(ctx.db.kysely, scope, org.id, asOf),
    listSubtreeChannels(ctx.db.kysely, scope, org.id, asOf),
    listInfoResponsible(ctx.db.kysely, scope, org.id),
  ]);
  const membersOf = membersIndex(subtree.nodes, subtree.snapshots, asOf);
  return {
    org,
    asOf,
    members: membersOf(org.id),
    structure: structureOf(org.id, subtree.nodes),
    channels: channels.map((channel) => ({
      code: channel.code,
      platform: channel.platform,
      name: channel.name,
      url: channel.url,
      ownerId: channel.orgId,
      createdOn: channel.createdOn,
      closedOn: channel.closedOn,
      followers: channel.followers,
      followersAsOf: channel.asOf,
      reach: channel.followers === null ? null : reach(channel.followers, membersOf(channel.orgId)),
    })),
    infoResponsible,
  };
}

export interface MentionFigures {
  counts: MentionCount[];
  outlets: Map<number, { id: number; code: string; name: string; level: OutletLevel }>;
}

/** Media mentions of the subtree in the period, per year and outlet. */
export async function mentionsByYear(ctx: Context, code: string, period: Period): Promise<MentionFigures> {
  const org = await getOrganization(ctx, code);
  const mentions = await listInSubtree(ctx.db.kysely, scopeOfContext(ctx), 'mediaMention', org.id, period);
  return mentionFigures(ctx, mentions);
}

/** The figures of mentions already read: per year and level, and their outlets. */
export async function mentionFigures(ctx: Context, mentions: readonly MentionRow[]): Promise<MentionFigures> {
  const outletIds = [...new Set(mentions.map((mention) => mention.outletId))];
  const outlets = await listOutlets(ctx.db.kysely, outletIds);
  return { counts: countMentions(mentions), outlets: new Map(outlets.map((outlet) => [outlet.id, outlet])) };
}

/** Methodological materials issued by the subtree in the period. */
export async function materialsIssued(ctx: Context, code: string, period: Period) {
  const org = await getOrganization(ctx, code);
  return listInSubtree(ctx.db.kysely, scopeOfContext(ctx), 'material', org.id, period);
}
