/**
 * Queries of content analysis: the publications to classify (by scope, subtree, channel and period, in order of
 * publication), their fingerprints' band keys and the near-copy candidates found by them, users' corrections and
 * the trained models.
 */
import type { Kysely } from 'kysely';
import type { Period } from '../../domain/period.js';
import type { OrgScope } from '../../domain/scope.js';
import type { ContentLang, CorrectableField, RepostFinding, Topic } from '../../shared/vocabulary.js';
import { fromJson, toBool, toJson } from '../rows.js';
import type { Database } from '../schema.js';
import { inScope } from '../scope.js';

export interface AnalysisFilter {
  /** Publications whose subject organization lies in this organization's subtree. */
  rootId?: number;
  channelId?: number;
  period?: Period;
  ids?: readonly number[];
}

/** Where a batch left off: publications come in order of (published_at, id). */
export interface Position {
  publishedAt: string;
  id: number;
}

export interface PublicationToAnalyze {
  id: number;
  channelId: number;
  publishedAt: string;
  title: string | null;
  text: string | null;
  isRepost: boolean;
  repostSource: string | null;
  repostBy: RepostFinding | null;
}

function filtered(db: Kysely<Database>, scope: OrgScope, filter: AnalysisFilter) {
  let query = db.selectFrom('publication as p').where(inScope(scope, 'p.subjectOrgId'));
  if (filter.rootId !== undefined) {
    const rootId = filter.rootId;
    query = query.where('p.subjectOrgId', 'in', (eb) =>
      eb.selectFrom('orgClosure').select('descendantId').where('ancestorId', '=', rootId),
    );
  }
  if (filter.channelId !== undefined) query = query.where('p.channelId', '=', filter.channelId);
  if (filter.period) {
    query = query.where('p.localDate', '>=', filter.period.from).where('p.localDate', '<=', filter.period.to);
  }
  if (filter.ids) query = query.where('p.id', 'in', filter.ids.length > 0 ? [...filter.ids] : [-1]);
  return query;
}

export async function countPublicationsToAnalyze(
  db: Kysely<Database>,
  scope: OrgScope,
  filter: AnalysisFilter,
): Promise<number> {
  const row = await filtered(db, scope, filter)
    .select((eb) => eb.fn.countAll<number>().as('count'))
    .executeTakeFirstOrThrow();
  return Number(row.count);
}

/** The next batch of publications after `after`, in order of publication. */
export async function listPublicationsToAnalyze(
  db: Kysely<Database>,
  scope: OrgScope,
  filter: AnalysisFilter,
  after: Position | undefined,
  limit: number,
): Promise<PublicationToAnalyze[]> {
  let query = filtered(db, scope, filter).select([
    'p.id',
    'p.channelId',
    'p.publishedAt',
    'p.title',
    'p.text',
    'p.isRepost',
    'p.repostSource',
    'p.repostBy',
  ]);
  if (after) {
    query = query.where((eb) =>
      eb.or([
        eb('p.publishedAt', '>', after.publishedAt),
        eb.and([eb('p.publishedAt', '=', after.publishedAt), eb('p.id', '>', after.id)]),
      ]),
    );
  }
  const rows = await query.orderBy('p.publishedAt').orderBy('p.id').limit(limit).execute();
  return rows.map((row) => ({ ...row, isRepost: toBool(row.isRepost) }));
}

/**
 * Publications whose fingerprint is missing or was taken of an earlier version of the row, in the scope. Their
 * band keys are an index over the texts, kept for every publication a later one may copy.
 */
export async function listStaleFingerprints(
  db: Kysely<Database>,
  scope: OrgScope,
  limit: number,
): Promise<{ id: number; text: string | null; title: string | null }[]> {
  return db
    .selectFrom('publication as p')
    .select(['p.id', 'p.text', 'p.title'])
    .where(inScope(scope, 'p.subjectOrgId'))
    .where((eb) =>
      eb.or([eb('p.fingerprintedAt', 'is', null), eb('p.fingerprintedAt', '<>', eb.ref('p.updatedAt'))]),
    )
    .orderBy('p.id')
    .limit(limit)
    .execute();
}

/**
 * Replaces the band keys of publications (none for a text too short to compare) and records which version of
 * each row they were taken of: its `updated_at`. At most a few hundred publications a call (one statement each).
 */
export async function replaceBands(
  db: Kysely<Database>,
  fingerprints: readonly { publicationId: number; bands: readonly number[] }[],
): Promise<void> {
  if (fingerprints.length === 0) return;
  const ids = fingerprints.map((item) => item.publicationId);
  await db.deleteFrom('publicationBand').where('publicationId', 'in', ids).execute();
  const rows = fingerprints.flatMap(({ publicationId, bands }) =>
    bands.map((bucket, band) => ({ publicationId, band, bucket })),
  );
  if (rows.length > 0) await db.insertInto('publicationBand').values(rows).execute();
  await db
    .updateTable('publication')
    .set((eb) => ({ fingerprintedAt: eb.ref('updatedAt') }))
    .where('id', 'in', ids)
    .execute();
}

export interface CopyCandidate {
  id: number;
  channelId: number;
  channelCode: string;
  externalId: string;
  url: string | null;
  text: string | null;
  title: string | null;
}

/**
 * Publications sharing a band key with the given ones, on another channel and published before: the candidates
 * a text may copy. Sources are looked for in the scope given (a region reposts its sector union's news, so the
 * caller passes the scope the sources may come from).
 */
export async function findCopyCandidates(
  db: Kysely<Database>,
  scope: OrgScope,
  of: { channelId: number; publishedAt: string; id: number; bands: readonly number[] },
  limit = 20,
): Promise<CopyCandidate[]> {
  if (of.bands.length === 0) return [];
  return db
    .selectFrom('publicationBand as b')
    .innerJoin('publication as p', 'p.id', 'b.publicationId')
    .innerJoin('channel as ch', 'ch.id', 'p.channelId')
    .select(['p.id', 'p.channelId', 'ch.code as channelCode', 'p.externalId', 'p.url', 'p.text', 'p.title'])
    .distinct()
    .where((eb) =>
      eb.or(of.bands.map((bucket, band) => eb.and([eb('b.band', '=', band), eb('b.bucket', '=', bucket)]))),
    )
    .where('p.channelId', '<>', of.channelId)
    .where((eb) =>
      eb.or([
        eb('p.publishedAt', '<', of.publishedAt),
        eb.and([eb('p.publishedAt', '=', of.publishedAt), eb('p.id', '<', of.id)]),
      ]),
    )
    .where(inScope(scope, 'p.subjectOrgId'))
    .limit(limit)
    .execute();
}

export interface AnalysisResult {
  language: ContentLang;
  primaryTopic: Topic;
  topics: { topic: Topic; score: number }[];
  concreteness: number;
  declarative: boolean;
  isRepost: boolean;
  repostSource: string | null;
  repostBy: RepostFinding | null;
  repostOfId: number | null;
  reasons: unknown;
}

export async function saveAnalysis(
  db: Kysely<Database>,
  publicationId: number,
  result: AnalysisResult,
  now: string,
): Promise<void> {
  await db
    .updateTable('publication')
    .set({
      language: result.language,
      primaryTopic: result.primaryTopic,
      topics: toJson(result.topics),
      concreteness: result.concreteness,
      declarative: result.declarative,
      isRepost: result.isRepost,
      repostSource: result.repostSource,
      repostBy: result.repostBy,
      repostOfId: result.repostOfId,
      reasons: toJson(result.reasons),
      analyzedAt: now,
    })
    .where('id', '=', publicationId)
    .execute();
}

export interface PublicationRef {
  id: number;
  channelCode: string;
  externalId: string;
}

/** A publication in the scope, by id or by channel code and external id. */
export async function findPublicationRef(
  db: Kysely<Database>,
  scope: OrgScope,
  key: number | { channel: string; externalId: string },
): Promise<PublicationRef | undefined> {
  let query = db
    .selectFrom('publication as p')
    .innerJoin('channel as ch', 'ch.id', 'p.channelId')
    .select(['p.id', 'ch.code as channelCode', 'p.externalId'])
    .where(inScope(scope, 'p.subjectOrgId'));
  query =
    typeof key === 'number'
      ? query.where('p.id', '=', key)
      : query.where('ch.code', '=', key.channel).where('p.externalId', '=', key.externalId);
  return query.executeTakeFirst();
}

export interface Correction {
  field: CorrectableField;
  value: unknown;
  by: string;
  at: string;
}

export async function insertCorrections(
  db: Kysely<Database>,
  publicationId: number,
  corrections: readonly Correction[],
): Promise<void> {
  if (corrections.length === 0) return;
  await db
    .insertInto('publicationCorrection')
    .values(
      corrections.map((correction) => ({
        publicationId,
        field: correction.field,
        // Wrapped: PostgreSQL gives a bare JSON string back parsed, SQLite as JSON text; an object reads the same.
        value: toJson({ value: correction.value }) ?? 'null',
        correctedBy: correction.by,
        correctedAt: correction.at,
      })),
    )
    .execute();
}

/** The latest correction of each field of each publication. */
export async function latestCorrections(
  db: Kysely<Database>,
  publicationIds: readonly number[],
): Promise<Map<number, Map<CorrectableField, Correction>>> {
  const result = new Map<number, Map<CorrectableField, Correction>>();
  if (publicationIds.length === 0) return result;
  const rows = await db
    .selectFrom('publicationCorrection')
    .select(['publicationId', 'field', 'value', 'correctedBy', 'correctedAt'])
    .where('publicationId', 'in', [...publicationIds])
    .orderBy('correctedAt')
    .orderBy('id')
    .execute();
  for (const row of rows) {
    const fields = result.get(row.publicationId) ?? new Map<CorrectableField, Correction>();
    fields.set(row.field, {
      field: row.field,
      value: fromJson<{ value: unknown }>(row.value)?.value,
      by: row.correctedBy,
      at: row.correctedAt,
    });
    result.set(row.publicationId, fields);
  }
  return result;
}

export interface CorrectedText {
  publicationId: number;
  title: string | null;
  text: string | null;
  primaryTopic?: Topic;
  declarative?: boolean;
}

/** Texts of the publications whose topic or declarative flag a user corrected, with the latest labels given. */
export async function listCorrectedTexts(db: Kysely<Database>, scope: OrgScope): Promise<CorrectedText[]> {
  const rows = await db
    .selectFrom('publicationCorrection as c')
    .innerJoin('publication as p', 'p.id', 'c.publicationId')
    .select(['c.publicationId', 'c.field', 'c.value', 'p.title', 'p.text'])
    .where('c.field', 'in', ['primaryTopic', 'topics', 'declarative'])
    .where(inScope(scope, 'p.subjectOrgId'))
    .orderBy('c.correctedAt')
    .orderBy('c.id')
    .execute();
  const texts = new Map<number, CorrectedText>();
  for (const row of rows) {
    const item = texts.get(row.publicationId) ?? {
      publicationId: row.publicationId,
      title: row.title,
      text: row.text,
    };
    const value = fromJson<{ value: unknown }>(row.value)?.value;
    if (row.field === 'declarative') item.declarative = value === true;
    else if (row.field === 'primaryTopic') item.primaryTopic = value as Topic;
    else if (Array.isArray(value) && value.length > 0) item.primaryTopic = value[0] as Topic;
    texts.set(row.publicationId, item);
  }
  return [...texts.values()];
}

/** The most recent publications' texts (other than `except`), a background the model also learns from. */
export async function listRecentTexts(
  db: Kysely<Database>,
  scope: OrgScope,
  limit: number,
  except: readonly number[],
): Promise<{ title: string | null; text: string | null }[]> {
  let query = db
    .selectFrom('publication')
    .select(['title', 'text'])
    .where('text', 'is not', null)
    .where(inScope(scope, 'subjectOrgId'))
    .orderBy('publishedAt', 'desc')
    .orderBy('id', 'desc')
    .limit(limit);
  if (except.length > 0) query = query.where('id', 'not in', [...except]);
  return query.execute();
}

export async function insertModel(
  db: Kysely<Database>,
  model: { trainedAt: string; trainedBy: string; corrections: number; documents: number; params: unknown },
): Promise<number> {
  const row = await db
    .insertInto('analysisModel')
    .values({ ...model, params: toJson(model.params) ?? 'null' })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function findLatestModel(
  db: Kysely<Database>,
): Promise<
  { id: number; trainedAt: string; corrections: number; documents: number; params: unknown } | undefined
> {
  const row = await db
    .selectFrom('analysisModel')
    .select(['id', 'trainedAt', 'corrections', 'documents', 'params'])
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row ? { ...row, params: fromJson(row.params) } : undefined;
}
