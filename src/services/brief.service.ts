/**
 * The brief: gathers every fact from records through the measures, judges them with the rules and lays them out
 * as a report model — the product's main job.
 */
import type { BriefFacts, DecisionFact, OrgInfo, RecordRef, YearSplit } from '../domain/brief-facts.js';
import { appUsageBySubject } from '../domain/app-usage.measure.js';
import { reach } from '../domain/audience.measure.js';
import { contentQuality } from '../domain/content.measure.js';
import { latestBy, membersIndex, structureOf } from '../domain/members.measure.js';
import { type LocalDate, localDateOf, type Period, periodBetween } from '../domain/period.js';
import { isOpenOn, presenceMatrix } from '../domain/presence.measure.js';
import { countByBucket, countBySubject, total } from '../domain/publications.measure.js';
import { evaluateRules } from '../domain/rules.js';
import type { Finding } from '../shared/finding.js';
import { DEFAULT_TIME_ZONE, PLATFORMS, type Platform, type ReportLang } from '../shared/vocabulary.js';
import type { BriefFormat } from '../shared/vocabulary.js';
import { authorize } from '../policies/abilities.js';
import { buildBriefModel } from '../reports/brief.definition.js';
import type { ReportModel } from '../reports/model.js';
import {
  listContentRows,
  listPresenceChannels,
  listPublicationSamples,
  listTasks,
} from '../storage/repositories/brief.repository.js';
import { listSubtreeChannels } from '../storage/repositories/channel.repository.js';
import { mapToChildOf } from '../storage/repositories/org.repository.js';
import { countPublications } from '../storage/repositories/publication.repository.js';
import { listInSubtree, listMembership, listOutlets } from '../storage/repositories/records.repository.js';
import { toBool } from '../storage/rows.js';
import { collectedChannelFacts } from './collection-health.service.js';
import { type Context, scopeOfContext } from './context.js';
import { getOrganization, listOrganizationSubtree } from './org.service.js';
import { mentionFigures, snapshotDate } from './stats.service.js';
import { loadSettings } from './settings.service.js';
import { planAgainstFacts } from './plan/plan-fact.service.js';

export interface BriefRequest {
  /** Organization code. */
  org: string;
  from: string;
  to: string;
  /**
   * The date figures such as members, followers and pages are taken at; by default the period's end, or today
   * while the period runs (snapshotDate).
   */
  asOf?: string;
  /** Earlier whole years to show beside the period in the year-by-year tables. */
  compareYears?: number;
  lang: ReportLang;
}

/** Platforms of social networks: everything but the website and the app. */
export const SOCIAL_PLATFORMS: readonly Platform[] = PLATFORMS.filter(
  (platform) => platform !== 'website' && platform !== 'mobile_app',
);

/**
 * Whether a channel of the owner is one of the organization's own pages on social networks on the date: the
 * pages whose followers the brief, the dashboard and the reach measure count, open on that date as the presence
 * matrix's are (isOpenOn).
 */
export function isOwnPageOn(
  channel: { platform: Platform; createdOn: LocalDate | null; closedOn: LocalDate | null },
  ownerId: number,
  orgId: number,
  date: LocalDate,
): boolean {
  return ownerId === orgId && SOCIAL_PLATFORMS.includes(channel.platform) && isOpenOn(channel, date);
}
/** Platforms the presence matrix always shows, present or not. */
const PRESENCE_PLATFORMS: readonly Platform[] = ['facebook', 'instagram', 'telegram', 'youtube', 'tiktok'];

const orgInfo = (org: OrgInfo): OrgInfo => ({
  id: org.id,
  code: org.code,
  kind: org.kind,
  parentId: org.parentId,
  nameRu: org.nameRu,
  nameKk: org.nameKk,
  shortNameRu: org.shortNameRu,
  shortNameKk: org.shortNameKk,
  nameEn: org.nameEn,
  shortNameEn: org.shortNameEn,
});

const yearOf = (date: string) => Number(date.slice(0, 4));

function publicationRef(row: {
  id: number;
  title: string | null;
  text: string | null;
  localDate: string;
  url: string | null;
}): RecordRef {
  const label = row.title ?? (row.text ?? '').slice(0, 120);
  return { kind: 'publication', id: row.id, label, date: row.localDate, url: row.url };
}

/** Every fact of the brief, measured from records in the caller's scope. */
export async function gatherBriefFacts(
  ctx: Context,
  request: Omit<BriefRequest, 'lang'>,
): Promise<BriefFacts> {
  const org = await getOrganization(ctx, request.org);
  const scope = scopeOfContext(ctx);
  const db = ctx.db.kysely;
  const period = periodBetween(request.from, request.to);
  const asOf = snapshotDate(ctx, org, period, request.asOf);
  const firstYear = yearOf(period.from) - (request.compareYears ?? 0);
  const tablePeriod: Period = {
    from: request.compareYears ? `${firstYear}-01-01` : period.from,
    to: period.to,
  };
  const years = Array.from({ length: yearOf(period.to) - firstYear + 1 }, (_, index) =>
    String(firstYear + index),
  );
  const settings = await loadSettings(ctx);

  const subtree = await listOrganizationSubtree(ctx, org);
  const orgs = new Map(subtree.map((node) => [node.id, orgInfo(node)]));
  const children = subtree.filter((node) => node.parentId === org.id);
  const upToAsOf = periodBetween('0001-01-01', asOf);
  const membersOf = membersIndex(subtree, await listMembership(db, scope, org.id, asOf), asOf);
  const members = membersOf(org.id);

  const people = await listInSubtree(db, scope, 'person', org.id);
  const decisions = (await listInSubtree(db, scope, 'decision', org.id, period)).filter(
    (d) => d.orgId === org.id,
  );
  const tasks = await listTasks(
    db,
    decisions.map((decision) => decision.id),
  );
  const decisionFacts: DecisionFact[] = decisions.map((decision) => ({
    id: decision.id,
    body: decision.body,
    number: decision.number,
    adoptedOn: decision.adoptedOn,
    titleRu: decision.titleRu,
    titleKk: decision.titleKk,
    tasks: tasks
      .filter((task) => task.decisionId === decision.id)
      .map((task) => ({
        id: task.id,
        textRu: task.textRu,
        textKk: task.textKk,
        dueOn: task.dueOn,
        status: task.status,
        doneOn: task.doneOn,
        evidence: task.evidence,
        overdue: task.status === 'open' && task.dueOn !== null && task.dueOn < asOf,
      })),
  }));

  const count = (filter: Omit<Parameters<typeof countPublications>[3], 'rootId'>) =>
    countPublications(db, ctx.db.dialect, scope, { rootId: org.id, ...filter });
  const website = await count({ period: tablePeriod, platform: 'website' });

  const channels = await listSubtreeChannels(db, scope, org.id, asOf);
  const pages = channels
    .filter((channel) => isOwnPageOn(channel, channel.orgId, org.id, asOf))
    .map((channel) => ({
      channelId: channel.id,
      code: channel.code,
      platform: channel.platform,
      name: channel.name,
      url: channel.url,
      createdOn: channel.createdOn,
      followers: channel.followers,
      followersAsOf: channel.asOf,
      reach: channel.followers === null ? null : reach(channel.followers, members),
    }));

  const childOf = await mapToChildOf(db, scope, org.id);
  const socialByYear: YearSplit[] = [];
  if (pages.length > 0) {
    for (const year of years) {
      const from = `${year}-01-01` < tablePeriod.from ? tablePeriod.from : `${year}-01-01`;
      const to = `${year}-12-31` > tablePeriod.to ? tablePeriod.to : `${year}-12-31`;
      const rows = await count({ period: { from, to }, platforms: SOCIAL_PLATFORMS, channelOwnerId: org.id });
      socialByYear.push({
        year,
        from,
        to,
        total: total(rows),
        rows: countBySubject(org, children, rows, childOf),
      });
    }
  }

  const branchIds = children.filter((child) => child.kind !== 'primary').map((child) => child.id);
  const presenceChannels = await listPresenceChannels(db, scope, branchIds, asOf);
  const platforms = [
    ...PRESENCE_PLATFORMS,
    ...SOCIAL_PLATFORMS.filter(
      (platform) =>
        !PRESENCE_PLATFORMS.includes(platform) && presenceChannels.some((c) => c.platform === platform),
    ),
  ];
  const bySubject = countBySubject(org, children, await count({ period }), childOf);

  const contentFilter = { rootId: org.id, period, platforms: SOCIAL_PLATFORMS };
  const content = contentQuality(
    await listContentRows(db, scope, contentFilter),
    new Map(channels.flatMap(({ id, followers }) => (followers === null ? [] : [[id, followers] as const]))),
  );
  // The content figures already tell whether there is any sample to look for.
  const legal =
    content.topics.legal > 0
      ? await listPublicationSamples(db, scope, { ...contentFilter, primaryTopic: 'legal', limit: 20 })
      : [];
  const declarative =
    content.declarative > 0
      ? await listPublicationSamples(db, scope, { ...contentFilter, declarative: true, limit: 5 })
      : [];

  const mentions = await listInSubtree(db, scope, 'mediaMention', org.id, tablePeriod);
  const mentionCounts = await mentionFigures(ctx, mentions);
  const leaders = new Map(
    people.filter((person) => toBool(person.isLeader)).map((person) => [person.id, person.fullName]),
  );
  const subscriptions = (await listInSubtree(db, scope, 'pressSubscription', org.id)).filter((entry) =>
    years.includes(String(entry.year)),
  );
  const subscriptionOutlets = new Map(
    (await listOutlets(db, [...new Set(subscriptions.map((entry) => entry.outletId))])).map((o) => [
      o.id,
      o.name,
    ]),
  );
  const copies = new Map<string, { year: number; outlet: string; copies: number }>();
  for (const entry of subscriptions) {
    const outlet = subscriptionOutlets.get(entry.outletId) ?? '';
    const key = `${entry.year}|${outlet}`;
    const sum = copies.get(key) ?? { year: entry.year, outlet, copies: 0 };
    sum.copies += entry.copies;
    copies.set(key, sum);
  }

  // App usage is recorded where it is known (branches, primaries, the organization itself).
  const app = appUsageBySubject(
    org,
    children,
    latestBy(await listInSubtree(db, scope, 'appUsage', org.id, upToAsOf), (row) => row.orgId, asOf).values(),
    childOf,
    membersOf,
  );

  const timeZones = new Map(subtree.map((node) => [node.id, node.timeZone]));
  const collected = await collectedChannelFacts(
    ctx,
    channels.map((channel) => ({ ...channel, timeZone: timeZones.get(channel.orgId) ?? DEFAULT_TIME_ZONE })),
  );

  const facts: Omit<BriefFacts, 'plan'> = {
    org: orgInfo(org),
    orgs,
    period,
    asOf,
    years,
    structure: structureOf(org.id, subtree),
    members,
    people: people
      .filter((person) => person.orgId === org.id)
      .map((person) => ({
        id: person.id,
        fullName: person.fullName,
        positionRu: person.positionRu,
        positionKk: person.positionKk,
        infoResponsible: toBool(person.infoResponsible),
        isLeader: toBool(person.isLeader),
      })),
    decisions: decisionFacts,
    website: {
      byYear: countByBucket(website, 'year', tablePeriod).map((entry) => ({
        year: entry.bucket,
        count: entry.count,
      })),
      total: total(website),
    },
    pages,
    socialByYear,
    presence: {
      platforms,
      activeDays: settings.presence.activeDays,
      rows: presenceMatrix(branchIds, platforms, presenceChannels, asOf, settings.presence.activeDays),
    },
    branchPublications: bySubject.flatMap((entry) =>
      entry.group.kind === 'child' ? [{ orgId: entry.group.orgId, count: entry.count }] : [],
    ),
    materials: (await listInSubtree(db, scope, 'material', org.id, period)).map((material) => ({
      id: material.id,
      titleRu: material.titleRu,
      titleKk: material.titleKk,
      kind: material.kind,
      issuedOn: material.issuedOn,
    })),
    content,
    legalItems: legal.map(publicationRef),
    declarativeSamples: declarative.map(publicationRef),
    media: {
      counts: mentionCounts.counts,
      outlets: [...mentionCounts.outlets.values()].map((outlet) => ({
        id: outlet.id,
        name: outlet.name,
        level: outlet.level,
      })),
      mentions: mentions.map((mention) => ({
        id: mention.id,
        outletId: mention.outletId,
        publishedOn: mention.publishedOn,
        title: mention.title,
        kind: mention.kind,
        person: mention.personId === null ? null : (leaders.get(mention.personId) ?? null),
      })),
    },
    subscriptions: [...copies.values()].sort((a, b) => a.year - b.year || a.outlet.localeCompare(b.outlet)),
    app,
    collection: { checkedAt: ctx.clock().toISOString(), channels: collected },
  };
  return { ...facts, plan: await planAgainstFacts(ctx, org, facts) };
}

export interface PreparedBrief {
  facts: BriefFacts;
  findings: Finding[];
}

/** Facts and findings, once; the model is then laid out in each language asked. */
export async function prepareBrief(
  ctx: Context,
  request: Omit<BriefRequest, 'lang'>,
): Promise<PreparedBrief> {
  authorize(ctx.actor, 'read', 'briefs');
  const facts = await gatherBriefFacts(ctx, request);
  return { facts, findings: evaluateRules(facts, await loadSettings(ctx)) };
}

export function layOutBrief(ctx: Context, prepared: PreparedBrief, lang: ReportLang): ReportModel {
  return buildBriefModel(
    prepared.facts,
    prepared.findings,
    lang,
    localDateOf(ctx.clock(), DEFAULT_TIME_ZONE),
  );
}

export async function buildBrief(ctx: Context, request: BriefRequest): Promise<ReportModel> {
  return layOutBrief(ctx, await prepareBrief(ctx, request), request.lang);
}

// The formats are the API's (shared with the web application).
export { BRIEF_FORMATS, type BriefFormat } from '../shared/vocabulary.js';

export interface RenderedBrief {
  lang: ReportLang;
  format: BriefFormat;
  fileName: string;
  content: Buffer | string;
}

/** The file a brief is written to: the same name from the CLI and the server. */
export function briefFileName(
  request: Pick<BriefRequest, 'org' | 'from' | 'to'>,
  lang: ReportLang,
  format: BriefFormat,
): string {
  return `brief-${request.org}-${request.from}-${request.to}-${lang}.${format}`;
}

/** The files a brief would be, once its organization is found in the caller's scope and its period is valid. */
export async function planBrief(
  ctx: Context,
  request: Omit<BriefRequest, 'lang'>,
  langs: readonly ReportLang[],
  formats: readonly BriefFormat[],
): Promise<{ lang: ReportLang; format: BriefFormat; fileName: string }[]> {
  authorize(ctx.actor, 'read', 'briefs');
  await getOrganization(ctx, request.org);
  periodBetween(request.from, request.to);
  return langs.flatMap((lang) =>
    formats.map((format) => ({ lang, format, fileName: briefFileName(request, lang, format) })),
  );
}

/** Renderers load their libraries (docx, exceljs, echarts) only when a brief is written, not at every start. */
const RENDERERS: Readonly<Record<BriefFormat, (model: ReportModel) => Promise<Buffer | string>>> = {
  docx: async (model) => (await import('../reports/render/docx.js')).renderDocx(model),
  xlsx: async (model) => (await import('../reports/render/xlsx.js')).renderXlsx(model),
  html: async (model) => (await import('../reports/render/html.js')).renderHtml(model),
  md: async (model) => (await import('../reports/render/markdown.js')).renderMarkdown(model),
};

/** The brief in every language and format asked; facts and rules are worked out once. */
export async function renderBrief(
  ctx: Context,
  request: Omit<BriefRequest, 'lang'>,
  langs: readonly ReportLang[],
  formats: readonly BriefFormat[],
): Promise<RenderedBrief[]> {
  const prepared = await prepareBrief(ctx, request);
  const files: RenderedBrief[] = [];
  for (const lang of langs) {
    const model = layOutBrief(ctx, prepared, lang);
    for (const format of formats) {
      const fileName = briefFileName(request, lang, format);
      files.push({ lang, format, fileName, content: await RENDERERS[format](model) });
    }
  }
  return files;
}
