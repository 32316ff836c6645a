/**
 * Queries of content analysis: the publications to classify (by scope, subtree, channel and period, in order of
 * publication), their fingerprints' band keys and the near-copy candidates found by them, users' corrections and
 * the trained models.
 */
import { CompiledQuery, type Kysely, sql } from 'kysely';
import type { Period } from '../../domain/period.js';
import type { OrgScope } from '../../domain/scope.js';
import type { ContentLang, CorrectableField, RepostFinding, Topic } from '../../shared/vocabulary.js';
import { isPostgres, rowsTable, valuesIn } from '../parameters.js';
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
  updatedAt: string;
  /** The `updated_at` of the row version its band keys were taken of; null before the first. */
  fingerprintedAt: string | null;
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
  if (filter.ids) query = query.where('p.id', 'in', valuesIn(db, filter.ids, 'integer'));
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
    'p.updatedAt',
    'p.fingerprintedAt',
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
 * Publications whose fingerprint is missing or was taken of an earlier version of the row, in the scope (and
 * among `ids`, when given). Their band keys are an index over the texts, kept for every publication a later one
 * may copy.
 */
export async function listStaleFingerprints(
  db: Kysely<Database>,
  scope: OrgScope,
  limit: number,
  ids?: readonly number[],
): Promise<
  {
    id: number;
    channelId: number;
    text: string | null;
    title: string | null;
    fingerprintedAt: string | null;
  }[]
> {
  return db
    .selectFrom('publication as p')
    .select(['p.id', 'p.channelId', 'p.text', 'p.title', 'p.fingerprintedAt'])
    .where(inScope(scope, 'p.subjectOrgId'))
    .where((eb) =>
      eb.or([eb('p.fingerprintedAt', 'is', null), eb('p.fingerprintedAt', '<>', eb.ref('p.updatedAt'))]),
    )
    .$if(ids !== undefined, (query) => query.where('p.id', 'in', valuesIn(db, ids ?? [], 'integer')))
    .orderBy('p.id')
    .limit(limit)
    .execute();
}

/** Band key rows a SQLite statement inserts at most (four parameters each, far below SQLite's 32,766). */
const BAND_ROWS_PER_STATEMENT = 1000;

const BAND_KEY = [
  { name: 'band', type: 'integer' },
  { name: 'bucket', type: 'integer' },
] as const;

/** A publication's band keys, to store in place of those of its version `fingerprintedAt` (null: none yet). */
export interface BandKeys {
  publicationId: number;
  channelId: number;
  fingerprintedAt: string | null;
  bands: readonly number[];
}

/**
 * Replaces the band keys of publications (none for a text too short to compare). A channel holds each key once,
 * by the first of its texts that had it (the table's key is band, bucket and channel): near-copies are looked for
 * on other channels only, and a channel that posts one text over and over would otherwise fill a key with its
 * own posts, which every lookup of the key would read. At most a few hundred publications a call.
 */
export async function replaceBands(db: Kysely<Database>, fingerprints: readonly BandKeys[]): Promise<void> {
  // Only texts fingerprinted before have keys to remove: none of a first import's.
  const indexed = fingerprints.filter((item) => item.fingerprintedAt !== null);
  if (indexed.length > 0) {
    await db
      .deleteFrom('publicationBand')
      .where(
        'publicationId',
        'in',
        valuesIn(
          db,
          indexed.map((item) => item.publicationId),
          'integer',
        ),
      )
      .execute();
  }
  const rows = fingerprints.flatMap(({ publicationId, channelId, bands }) =>
    bands.map((bucket, band) => [publicationId, band, bucket, channelId]),
  );
  if (rows.length === 0) return;
  // In the key's order, each text's before a later one's on ties (which keeps the first holder per channel): the
  // B-tree is then written leaf after leaf instead of at random (a stable sort keeps the input's order on ties).
  rows.sort((a, b) => (a[1] as number) - (b[1] as number) || (a[2] as number) - (b[2] as number));
  const columns = [
    { name: 'publication_id', type: 'integer' },
    ...BAND_KEY,
    { name: 'channel_id', type: 'integer' },
  ] as const;
  if (!isPostgres(db)) {
    // SQLite: multi-row VALUES of bound integers, each group's statement compiled once per connection; reading
    // the rows from JSON (json_each and a cast per cell) took longer than inserting them.
    const tuple = '(?, ?, ?, ?)';
    for (let start = 0; start < rows.length; start += BAND_ROWS_PER_STATEMENT) {
      const group = rows.slice(start, start + BAND_ROWS_PER_STATEMENT);
      const parameters: number[] = [];
      for (const row of group) for (const value of row) parameters.push(value as number);
      await db.executeQuery(
        CompiledQuery.raw(
          `insert into publication_band (publication_id, band, bucket, channel_id) values ${group.map(() => tuple).join(', ')} on conflict do nothing`,
          parameters,
        ),
      );
    }
    return;
  }
  // Rows in order: of two texts of a channel with the same key, the earlier one keeps it. SQLite needs the WHERE
  // to read `on conflict` as the insert's, not as a join's constraint.
  await sql`
    insert into publication_band (publication_id, band, bucket, channel_id)
    select * from ${rowsTable(db, 'r', columns, rows)} where true
    on conflict do nothing`.execute(db);
}

/** Records that the band keys of publications were taken of their current version: its `updated_at`. */
export async function markFingerprinted(db: Kysely<Database>, ids: readonly number[]): Promise<void> {
  if (ids.length === 0) return;
  await db
    .updateTable('publication')
    .set((eb) => ({ fingerprintedAt: eb.ref('updatedAt') }))
    .where('id', 'in', valuesIn(db, ids, 'integer'))
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

/** A publication to find the sources of, with its channel and its fingerprint's band keys. */
export interface CopySearch {
  id: number;
  channelId: number;
  bands: readonly number[];
}

/**
 * For each publication, the candidates it may copy: publications sharing a band key with it, on another channel
 * and published before it, at most `limit`. Sources are looked for in the scope given (a region reposts its
 * sector union's news, so the caller passes the scope the sources may come from). One query for a chunk's
 * publications when no key of theirs is held on another channel; else two more: the times of the publications
 * found, and the texts of the candidates.
 */
export async function findCopyCandidates(
  db: Kysely<Database>,
  scope: OrgScope,
  of: readonly CopySearch[],
  limit = 20,
): Promise<Map<number, CopyCandidate[]>> {
  const found = new Map<number, CopyCandidate[]>();
  const keys = of.flatMap(({ id, channelId, bands }) =>
    bands.map((bucket, band) => [id, channelId, band, bucket]),
  );
  if (keys.length === 0) return found;
  const columns = [
    { name: 'post_id', type: 'integer' },
    { name: 'channel_id', type: 'integer' },
    ...BAND_KEY,
  ] as const;
  // The keys' holders on other channels are found first, from the keys alone: no engine may start from the
  // publications, whatever its statistics (none yet, during a first import) say.
  const { rows: pairs } = await sql<{ postId: number; publicationId: number }>`
    with q as (select * from ${rowsTable(db, 'k', columns, keys)})
    select distinct q.post_id, b.publication_id
    from q cross join publication_band b
    where b.band = q.band and b.bucket = q.bucket and b.channel_id <> q.channel_id`.execute(db);
  if (pairs.length === 0) return found;
  // Then the times of those few publications, by id, and the earlier ones kept in JavaScript: joined in SQL,
  // PostgreSQL hashed the whole publication table for every chunk, found pairs or not (it took the fence for
  // 40,000 rows).
  const involved = [...new Set(pairs.flatMap((pair) => [pair.postId, pair.publicationId]))];
  const times = new Map(
    (
      await db
        .selectFrom('publication as p')
        .select([
          'p.id',
          'p.publishedAt',
          sql<number>`case when ${inScope(scope, 'p.subjectOrgId')} then 1 else 0 end`.as('inScope'),
        ])
        .where('p.id', 'in', valuesIn(db, involved, 'integer'))
        .execute()
    ).map((row) => [row.id, { at: Date.parse(row.publishedAt), inScope: Number(row.inScope) === 1 }]),
  );
  const earlier = pairs.filter(({ postId, publicationId }) => {
    const me = times.get(postId);
    const them = times.get(publicationId);
    if (!me || !them?.inScope) return false;
    return them.at < me.at || (them.at === me.at && publicationId < postId);
  });
  earlier.sort((a, b) => a.postId - b.postId || a.publicationId - b.publicationId);
  const chosen = new Map<number, number[]>();
  for (const { postId, publicationId } of earlier) {
    const ids = chosen.get(postId) ?? [];
    if (ids.length < limit) chosen.set(postId, [...ids, publicationId]);
  }
  const ids = [...new Set([...chosen.values()].flat())];
  if (ids.length === 0) return found;
  const candidates = new Map(
    (
      await db
        .selectFrom('publication as p')
        .innerJoin('channel as ch', 'ch.id', 'p.channelId')
        .select([
          'p.id',
          'p.channelId',
          'ch.code as channelCode',
          'p.externalId',
          'p.url',
          'p.text',
          'p.title',
        ])
        .where('p.id', 'in', valuesIn(db, ids, 'integer'))
        .execute()
    ).map((row) => [row.id, row]),
  );
  for (const [postId, candidateIds] of chosen) {
    found.set(
      postId,
      candidateIds.flatMap((id) => candidates.get(id) ?? []),
    );
  }
  return found;
}

export interface AnalysisResult {
  language: ContentLang;
  languageConfidence: number;
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

const ANALYSIS_COLUMNS = [
  { name: 'id', type: 'integer' },
  { name: 'language', type: 'text' },
  { name: 'language_confidence', type: 'real' },
  { name: 'primary_topic', type: 'text' },
  { name: 'topics', type: 'json' },
  { name: 'concreteness', type: 'real' },
  { name: 'declarative', type: 'boolean' },
  { name: 'is_repost', type: 'boolean' },
  { name: 'repost_source', type: 'text' },
  { name: 'repost_by', type: 'text' },
  { name: 'repost_of_id', type: 'integer' },
  { name: 'reasons', type: 'json' },
] as const;

/**
 * Stores the labels of analyzed publications, and (unless `fingerprinted` is false: their band keys are held back
 * to be written later) that their band keys are those of the version analyzed, in one statement: a statement per
 * row cost more than the updates themselves.
 */
export async function saveAnalyses(
  db: Kysely<Database>,
  analyses: readonly { publicationId: number; result: AnalysisResult }[],
  now: string,
  fingerprinted = true,
): Promise<void> {
  if (analyses.length === 0) return;
  const rows = analyses.map(({ publicationId, result }) => [
    publicationId,
    result.language,
    result.languageConfidence,
    result.primaryTopic,
    toJson(result.topics),
    result.concreteness,
    result.declarative,
    result.isRepost,
    result.repostSource,
    result.repostBy,
    result.repostOfId,
    toJson(result.reasons),
  ]);
  await sql`
    update publication as p set
      language = v.language, language_confidence = v.language_confidence, primary_topic = v.primary_topic,
      topics = v.topics, concreteness = v.concreteness, declarative = v.declarative,
      is_repost = v.is_repost, repost_source = v.repost_source, repost_by = v.repost_by,
      repost_of_id = v.repost_of_id, reasons = v.reasons, analyzed_at = ${now},
      fingerprinted_at = ${fingerprinted ? sql`p.updated_at` : sql`p.fingerprinted_at`}
    from ${rowsTable(db, 'v', ANALYSIS_COLUMNS, rows)}
    where p.id = v.id`.execute(db);
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
