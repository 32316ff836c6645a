/** Use cases of publications. */
import { NotFoundError, ValidationError } from '../domain/errors.js';
import { localDateOf, type Period, toInstant } from '../domain/period.js';
import { authorize } from '../policies/abilities.js';
import {
  type OrgRef,
  type PublicationCorrectionEntry,
  type PublicationDetail,
  type PublicationItem,
  type PublicationPage,
  publicationPatch,
  type PublicationPatch,
  type PublicationPatchResult,
  type PublicationReasons,
  type TopicScore,
} from '../shared/dashboard.js';
import { linksOf } from '../shared/links.js';
import { publicationInput, type PublicationInput } from '../shared/schemas.js';
import type { Platform, SubjectGroupName, Topic } from '../shared/vocabulary.js';
import { listScopeRoots } from '../storage/repositories/org.repository.js';
import { findChannelByCode } from '../storage/repositories/channel.repository.js';
import { assignPublicationSubject } from '../storage/repositories/import.repository.js';
import {
  EXCERPT_SOURCE_CHARS,
  findPublicationDetail,
  findSourcesOutOfScope,
  listPublicationCorrections,
  listPublicationPage,
  loginsOf,
} from '../storage/repositories/publication-list.repository.js';
import { fromJson, toBool, toJson } from '../storage/rows.js';
import { correctPublication } from './analysis.service.js';
import { recordChange } from './audit.service.js';
import { type Context, inTransaction, scopeOfContext } from './context.js';
import { getOrganization } from './org.service.js';
import { insertOrConflict, References } from './records.service.js';
import { parseInput } from './validate.js';

/**
 * Stores one publication. Its local date is taken in the channel owner's time zone; its subject organization is
 * the channel's owner unless given.
 */
export async function addPublication(ctx: Context, input: PublicationInput): Promise<number> {
  const record = `publication ${String(input.channel)}/${String(input.externalId)}`;
  const d = parseInput(publicationInput, input, record);
  return inTransaction(ctx, async (tx) => {
    const channel = await findChannelByCode(tx.db.kysely, scopeOfContext(tx), d.channel);
    if (!channel) {
      throw new ValidationError(record, [
        { path: 'channel', code: 'unknown_channel', params: { code: d.channel } },
      ]);
    }
    const subjectOrgId = d.subject
      ? await new References(tx, record).org(d.subject, 'subject')
      : channel.orgId;
    const now = tx.clock().toISOString();
    return insertOrConflict(
      tx,
      'publication',
      {
        channelId: channel.id,
        externalId: d.externalId,
        url: d.url ?? null,
        publishedAt: toInstant(d.publishedAt),
        localDate: localDateOf(d.publishedAt, channel.timeZone),
        title: d.title ?? null,
        text: d.text ?? null,
        language: d.language ?? null,
        isRepost: d.isRepost,
        repostSource: d.repostSource ?? null,
        mediaKind: d.mediaKind ?? null,
        views: d.engagement?.views ?? null,
        reactions: d.engagement?.reactions ?? null,
        comments: d.engagement?.comments ?? null,
        shares: d.engagement?.shares ?? null,
        engagementAsOf: d.engagement?.asOf ?? null,
        subjectOrgId,
        subjectRule: d.subjectRule ?? null,
        subjectManual: d.subjectManual,
        primaryTopic: d.primaryTopic ?? null,
        topics: toJson(d.topics),
        concreteness: d.concreteness ?? null,
        declarative: d.declarative ?? null,
        importBatchId: null,
        createdAt: now,
        updatedAt: now,
      },
      record,
    );
  });
}

/** Filters of the publications list; an undefined one does not filter. */
export interface PublicationListQuery {
  /** Code of the organization whose subtree's publications (by subject) are listed. */
  org?: string | undefined;
  /** Code of the channel published on. */
  channel?: string | undefined;
  platform?: Platform | undefined;
  period?: Period | undefined;
  /** The primary topic. */
  topic?: Topic | undefined;
  repost?: boolean | undefined;
  declarative?: boolean | undefined;
  /** Text searched for in titles and texts, any letter case. */
  q?: string | undefined;
  /** Only the publications this import created. */
  batch?: number | undefined;
  /** Only the organization's own publications, or those of the primaries directly under it. */
  group?: SubjectGroupName | undefined;
  page: number;
  pageSize: number;
}

interface SubjectColumns {
  subjectCode: string;
  subjectKind: OrgRef['kind'];
  subjectNameRu: string;
  subjectNameKk: string;
  subjectShortNameRu: string | null;
  subjectShortNameKk: string | null;
  subjectNameEn: string | null;
  subjectShortNameEn: string | null;
}

interface ItemColumns extends SubjectColumns {
  id: number;
  url: string | null;
  publishedAt: string;
  localDate: string;
  title: string | null;
  language: PublicationItem['labels']['language'];
  primaryTopic: Topic | null;
  topics: unknown;
  concreteness: number | null;
  declarative: boolean | number | null;
  isRepost: boolean | number;
  repostSource: string | null;
  repostBy: string | null;
  repostOfId: number | null;
  links: unknown;
  mediaUrl: string | null;
  views: number | null;
  reactions: number | null;
  comments: number | null;
  shares: number | null;
  engagementAsOf: string | null;
  channelCode: string;
  channelName: string;
  platform: Platform;
}

const EXCERPT_CHARS = EXCERPT_SOURCE_CHARS - 1;

function excerptOf(text: string | null): string {
  if (!text) return '';
  return text.length > EXCERPT_CHARS ? `${text.slice(0, EXCERPT_CHARS).trimEnd()}…` : text;
}

/**
 * The repost fields as the reader may see them. A near-copy found anywhere in the installation (the analysis
 * compares every channel) may be another subtree's post: its id, and the source naming it (its link, or channel
 * and external id, also quoted in the reasons), are left out, as GET of that post would refuse it. What the post's
 * own source said (a forwarded-from mark) is the post's and stays.
 */
function withoutHiddenSource<
  T extends { repostSource: string | null; repostBy: string | null; repostOfId: number | null },
>(row: T, hidden: ReadonlyMap<number, string>): T & { hiddenSource: string | null } {
  const source = row.repostOfId === null ? undefined : hidden.get(row.repostOfId);
  if (source === undefined) return { ...row, hiddenSource: null };
  const named = row.repostBy === 'near_duplicate' || row.repostSource === source;
  return { ...row, repostOfId: null, repostSource: named ? null : row.repostSource, hiddenSource: source };
}

function hiddenSources(ctx: Context, rows: readonly { repostOfId: number | null }[]) {
  const ids = rows.flatMap((row) => (row.repostOfId === null ? [] : [row.repostOfId]));
  return findSourcesOutOfScope(ctx.db.kysely, scopeOfContext(ctx), ids);
}

function itemOf(row: ItemColumns, text: string | null): PublicationItem {
  return {
    id: row.id,
    channel: { code: row.channelCode, name: row.channelName, platform: row.platform },
    subject: {
      code: row.subjectCode,
      kind: row.subjectKind,
      nameRu: row.subjectNameRu,
      nameKk: row.subjectNameKk,
      shortNameRu: row.subjectShortNameRu,
      shortNameKk: row.subjectShortNameKk,
      nameEn: row.subjectNameEn,
      shortNameEn: row.subjectShortNameEn,
    },
    publishedAt: row.publishedAt,
    localDate: row.localDate,
    url: row.url,
    title: row.title,
    excerpt: excerptOf(text),
    links: linksOf(row.links),
    mediaUrl: row.mediaUrl,
    labels: {
      language: row.language,
      primaryTopic: row.primaryTopic,
      topics: fromJson<TopicScore[]>(row.topics) ?? [],
      concreteness: row.concreteness,
      declarative: toBool(row.declarative, 'nullable'),
      isRepost: toBool(row.isRepost),
      repostSource: row.repostSource,
    },
    engagement: {
      views: row.views,
      reactions: row.reactions,
      comments: row.comments,
      shares: row.shares,
      asOf: row.engagementAsOf,
    },
  };
}

/** The publications of the caller's subtree that match, newest first, a page at a time. */
export async function searchPublications(
  ctx: Context,
  query: PublicationListQuery,
): Promise<PublicationPage> {
  authorize(ctx.actor, 'read', 'publications');
  const rootId = query.org === undefined ? undefined : (await getOrganization(ctx, query.org)).id;
  // A row of the organization × platform table: of the organization asked, else the caller's own.
  const groupRoot =
    query.group === undefined
      ? undefined
      : (rootId ?? (await listScopeRoots(ctx.db.kysely, scopeOfContext(ctx)))[0]?.id);
  const q = query.q?.trim();
  const { rows, total } = await listPublicationPage(
    ctx.db.kysely,
    scopeOfContext(ctx),
    {
      ...(rootId === undefined ? {} : { rootId }),
      ...(query.channel ? { channel: query.channel } : {}),
      ...(query.platform ? { platform: query.platform } : {}),
      ...(query.period ? { period: query.period } : {}),
      ...(query.topic ? { primaryTopic: query.topic } : {}),
      ...(query.repost === undefined ? {} : { isRepost: query.repost }),
      ...(query.declarative === undefined ? {} : { declarative: query.declarative }),
      ...(q ? { text: q } : {}),
      ...(query.batch === undefined ? {} : { importBatchId: query.batch }),
      ...(query.group === undefined ? {} : { subjectGroup: { kind: query.group, rootId: groupRoot ?? -1 } }),
    },
    { limit: query.pageSize, offset: (query.page - 1) * query.pageSize },
  );
  const hidden = await hiddenSources(ctx, rows);
  return {
    items: rows.map((row) => itemOf(withoutHiddenSource(row, hidden), row.textStart)),
    total,
    page: query.page,
    pageSize: query.pageSize,
  };
}

/** Corrections are stored as made by `user:ID` when a signed-in user made them: readers see the login. */
const USER_BY = /^user:(\d+)$/;

async function loadPublication(ctx: Context, id: number) {
  const found = await findPublicationDetail(ctx.db.kysely, scopeOfContext(ctx), id);
  if (!found) throw new NotFoundError('publication_id_unknown', { id });
  const row = withoutHiddenSource(found, await hiddenSources(ctx, [found]));
  const reasons = fromJson<PublicationReasons>(row.reasons);
  const { hiddenSource } = row;
  if (reasons && hiddenSource) {
    reasons.repost = reasons.repost.map((reason) => reason.replaceAll(hiddenSource, '…'));
  }
  const corrections = await listPublicationCorrections(ctx.db.kysely, id);
  const userIds = corrections.flatMap((entry) => {
    const match = USER_BY.exec(entry.correctedBy);
    return match ? [Number(match[1])] : [];
  });
  const logins = await loginsOf(ctx.db.kysely, [...new Set(userIds)]);
  const detail: PublicationDetail = {
    ...itemOf(row, row.text),
    externalId: row.externalId,
    text: row.text,
    mediaKind: row.mediaKind,
    subjectManual: toBool(row.subjectManual),
    subjectRule: row.subjectRule,
    repostBy: row.repostBy,
    repostOfId: row.repostOfId,
    analyzedAt: row.analyzedAt,
    languageConfidence: row.languageConfidence,
    reasons,
    corrections: corrections.map((entry): PublicationCorrectionEntry => ({
      field: entry.field,
      value: fromJson<{ value: unknown }>(entry.value)?.value ?? null,
      by: logins.get(Number(USER_BY.exec(entry.correctedBy)?.[1])) ?? entry.correctedBy,
      at: entry.correctedAt,
    })),
  };
  return { row, detail };
}

/** One publication of the caller's subtree with its full text, the analysis' reasons and the corrections. */
export async function getPublication(ctx: Context, id: number): Promise<PublicationDetail> {
  authorize(ctx.actor, 'read', 'publications');
  return (await loadPublication(ctx, id)).detail;
}

/** The values of the fields a change names, as the publication has them; values not set are left out. */
function patchValues(
  detail: PublicationDetail,
  fields: readonly (keyof PublicationPatch)[],
): PublicationPatch {
  const { labels } = detail;
  const values: PublicationPatch = {};
  for (const field of fields) {
    if (field === 'primaryTopic' && labels.primaryTopic) values.primaryTopic = labels.primaryTopic;
    if (field === 'topics' && labels.topics.length > 0)
      values.topics = labels.topics.map((entry) => entry.topic);
    if (field === 'declarative' && labels.declarative !== null) values.declarative = labels.declarative;
    if (field === 'isRepost') {
      values.isRepost = labels.isRepost;
      if (labels.isRepost && labels.repostSource) values.repostSource = labels.repostSource;
    }
    if (field === 'language' && labels.language) values.language = labels.language;
    if (field === 'subject') values.subject = detail.subject.code;
  }
  return values;
}

/**
 * Corrects a publication's labels (they win over the analysis from then on) and its subject organization, as an
 * editor does in the web; the answer carries the values before, which another change restores.
 */
export async function changePublication(
  ctx: Context,
  id: number,
  input: unknown,
): Promise<PublicationPatchResult> {
  authorize(ctx.actor, 'write', 'publications');
  const record = `publication ${id}`;
  const data = parseInput(publicationPatch, input, record);
  const fields = (Object.keys(data) as (keyof PublicationPatch)[]).filter(
    (field) => data[field] !== undefined,
  );
  return inTransaction(ctx, async (tx) => {
    const { row, detail: before } = await loadPublication(tx, id);
    if (fields.length === 0)
      throw new ValidationError(record, [{ path: '(record)', code: 'nothing_to_correct' }]);
    const { subject, ...labels } = data;
    if (Object.values(labels).some((value) => value !== undefined)) {
      await correctPublication(tx, { publication: id, ...labels });
    }
    if (subject !== undefined) {
      const orgId = await new References(tx, record).org(subject, 'subject');
      await assignPublicationSubject(
        tx.db.kysely,
        { channelId: row.channelId, externalId: row.externalId },
        orgId,
        tx.clock().toISOString(),
      );
    }
    const after = await loadPublication(tx, id);
    const beforeValues = patchValues(before, fields);
    await recordChange(tx, {
      action: 'update',
      resource: 'publications',
      recordId: id,
      orgId: after.row.subjectOrgId,
      before: beforeValues,
      after: patchValues(after.detail, fields),
    });
    return { before: beforeValues, publication: after.detail };
  });
}
