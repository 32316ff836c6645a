/**
 * Import batches and what they write: publications looked up by their external ids, snapshots, mentions and
 * materials by their natural keys, the log of updated rows, and undo (delete what a batch created, restore what
 * it updated).
 */
import { type Insertable, type Kysely, type Selectable, sql, type Updateable } from 'kysely';
import type { OrgScope } from '../../domain/scope.js';
import type { Platform } from '../../shared/vocabulary.js';
import type { Database, ImportBatchTable, ImportedTable, PublicationTable } from '../schema.js';
import { type Cell, type ColumnType, insertValues, isPostgres, rowsTable, valuesIn } from '../parameters.js';
import { inScope } from '../scope.js';

export const IMPORTED_TABLES: readonly ImportedTable[] = [
  'publication',
  'audienceSnapshot',
  'membershipSnapshot',
  'mediaMention',
  'material',
];

// Kysely cannot type a query on a table chosen at run time; the exported signatures keep callers typed.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Untyped = Kysely<any>;

export type BatchRow = Selectable<ImportBatchTable> & { channelCode: string | null };

export async function insertBatch(db: Kysely<Database>, row: Insertable<ImportBatchTable>): Promise<number> {
  const { id } = await db.insertInto('importBatch').values(row).returning('id').executeTakeFirstOrThrow();
  return id;
}

export async function updateBatch(
  db: Kysely<Database>,
  id: number,
  changes: Updateable<ImportBatchTable>,
): Promise<void> {
  await db.updateTable('importBatch').set(changes).where('id', '=', id).execute();
}

export async function deleteBatch(db: Kysely<Database>, id: number): Promise<void> {
  await db.deleteFrom('importBatch').where('id', '=', id).execute();
}

/** Renews a running batch's heartbeat; false when the batch is no longer running (a sweep took it for dead). */
export async function renewHeartbeat(db: Kysely<Database>, id: number, at: string): Promise<boolean> {
  const result = await db
    .updateTable('importBatch')
    .set({ heartbeatAt: at })
    .where('id', '=', id)
    .where('status', '=', 'running')
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/**
 * Marks interrupted every running batch whose lease ran out (its last heartbeat, else its start, before `cutoff`),
 * with the time and the error given; the batches marked.
 */
export async function markInterrupted(
  db: Kysely<Database>,
  cutoff: string,
  changes: { finishedAt: string; error: string },
): Promise<{ id: number; orgId: number | null }[]> {
  return db
    .updateTable('importBatch')
    .set({ status: 'interrupted', ...changes })
    .where('status', '=', 'running')
    .where((eb) => eb(eb.fn.coalesce('heartbeatAt', 'startedAt'), '<', cutoff))
    .returning(['id', 'orgId'])
    .execute();
}

/** Statuses of a batch that stopped before its file's end: a later import of the same records completes it. */
const INCOMPLETE = ['interrupted', 'failed'] as const;

/**
 * A later batch claims rows it found stored (unchanged or updated) from an earlier, incomplete batch: it becomes
 * their creator, and takes over that batch's log of the rows it had updated, so that undoing the incomplete batch
 * leaves what the later one counted, and undoing the later one removes or restores it. One statement per table.
 */
export async function claimRows(
  db: Kysely<Database>,
  table: ImportedTable,
  batchId: number,
  ids: readonly number[],
): Promise<number> {
  if (ids.length === 0) return 0;
  const incomplete = db
    .selectFrom('importBatch')
    .select('id')
    .where('status', 'in', INCOMPLETE)
    .where('id', '<', batchId);
  const rows = await (db as Untyped)
    .updateTable(table)
    .set({ importBatchId: batchId })
    .where('id', 'in', valuesIn(db, ids, 'integer'))
    .where('importBatchId', 'in', incomplete)
    .executeTakeFirst();
  await db
    .updateTable('importChange')
    .set({ batchId })
    .where('tableName', '=', table)
    .where('rowId', 'in', valuesIn(db, ids, 'integer'))
    .where('batchId', 'in', incomplete)
    .execute();
  return Number(rows.numUpdatedRows);
}

/**
 * Batches of organizations in the scope (a batch belongs to its channel's organization, or to the uploader's);
 * batches of no organization (imports of the whole installation) only for the whole tree.
 */
function batches(db: Kysely<Database>, scope: OrgScope) {
  return db
    .selectFrom('importBatch as b')
    .leftJoin('channel as c', 'c.id', 'b.channelId')
    .selectAll('b')
    .select('c.code as channelCode')
    .where(inScope(scope, 'b.orgId'));
}

export async function findBatch(
  db: Kysely<Database>,
  scope: OrgScope,
  id: number,
): Promise<BatchRow | undefined> {
  return batches(db, scope).where('b.id', '=', id).executeTakeFirst();
}

export async function listBatches(db: Kysely<Database>, scope: OrgScope, limit: number): Promise<BatchRow[]> {
  return batches(db, scope).orderBy('b.id', 'desc').limit(limit).execute();
}

/** The latest finished, not undone import of the same file into the same channel. */
export async function findBatchOfFile(
  db: Kysely<Database>,
  fileHash: string,
  channelId: number | null,
): Promise<number | undefined> {
  const row = await db
    .selectFrom('importBatch')
    .select('id')
    .where('fileHash', '=', fileHash)
    .where('status', '=', 'done')
    .where((eb) => (channelId === null ? eb('channelId', 'is', null) : eb('channelId', '=', channelId)))
    .orderBy('id', 'desc')
    .executeTakeFirst();
  return row?.id;
}

export type PublicationRow = Selectable<PublicationTable>;

export async function findPublications(
  db: Kysely<Database>,
  channelId: number,
  externalIds: readonly string[],
): Promise<PublicationRow[]> {
  if (externalIds.length === 0) return [];
  return db
    .selectFrom('publication')
    .selectAll()
    .where('channelId', '=', channelId)
    .where('externalId', 'in', valuesIn(db, externalIds, 'text'))
    .execute();
}

/** The columns an import writes of a new publication. */
const IMPORTED_COLUMNS: readonly { key: keyof PublicationTable; name: string; type: ColumnType }[] = [
  { key: 'channelId', name: 'channel_id', type: 'integer' },
  { key: 'externalId', name: 'external_id', type: 'text' },
  { key: 'url', name: 'url', type: 'text' },
  { key: 'publishedAt', name: 'published_at', type: 'instant' },
  { key: 'localDate', name: 'local_date', type: 'date' },
  { key: 'title', name: 'title', type: 'text' },
  { key: 'text', name: 'text', type: 'text' },
  { key: 'isRepost', name: 'is_repost', type: 'boolean' },
  { key: 'repostSource', name: 'repost_source', type: 'text' },
  { key: 'mediaKind', name: 'media_kind', type: 'text' },
  { key: 'links', name: 'links', type: 'json' },
  { key: 'mediaUrl', name: 'media_url', type: 'text' },
  { key: 'views', name: 'views', type: 'integer' },
  { key: 'reactions', name: 'reactions', type: 'integer' },
  { key: 'comments', name: 'comments', type: 'integer' },
  { key: 'shares', name: 'shares', type: 'integer' },
  { key: 'engagementAsOf', name: 'engagement_as_of', type: 'date' },
  { key: 'subjectOrgId', name: 'subject_org_id', type: 'integer' },
  { key: 'subjectRule', name: 'subject_rule', type: 'text' },
  { key: 'subjectManual', name: 'subject_manual', type: 'boolean' },
  { key: 'importBatchId', name: 'import_batch_id', type: 'integer' },
  { key: 'createdAt', name: 'created_at', type: 'instant' },
  { key: 'updatedAt', name: 'updated_at', type: 'instant' },
];

/**
 * The analysis' columns, written with a new publication when the import labelled it before storing it (a later
 * update of every row cost as much as the insert).
 */
const LABEL_COLUMNS: readonly { key: keyof PublicationTable; name: string; type: ColumnType }[] = [
  { key: 'language', name: 'language', type: 'text' },
  { key: 'languageConfidence', name: 'language_confidence', type: 'real' },
  { key: 'primaryTopic', name: 'primary_topic', type: 'text' },
  { key: 'topics', name: 'topics', type: 'json' },
  { key: 'concreteness', name: 'concreteness', type: 'real' },
  { key: 'declarative', name: 'declarative', type: 'boolean' },
  { key: 'repostBy', name: 'repost_by', type: 'text' },
  { key: 'reasons', name: 'reasons', type: 'json' },
  { key: 'analyzedAt', name: 'analyzed_at', type: 'instant' },
  { key: 'fingerprintedAt', name: 'fingerprinted_at', type: 'instant' },
];

/** Rows of a SQLite insert: a statement's text stays the same for every full group, so it is compiled once. */
const SQLITE_ROWS_PER_INSERT = 50;

/**
 * Inserts publications, with their labels when `labelled`; their ids. PostgreSQL takes them in one statement, one
 * array per column. SQLite takes groups of placeholders: reading rows out of one JSON parameter parsed each row's
 * JSON again for every column.
 */
export async function insertPublications(
  db: Kysely<Database>,
  rows: readonly Insertable<PublicationTable>[],
  labelled = false,
): Promise<number[]> {
  if (rows.length === 0) return [];
  const written = labelled ? [...IMPORTED_COLUMNS, ...LABEL_COLUMNS] : IMPORTED_COLUMNS;
  const values = rows.map((row) => written.map(({ key }) => (row[key] ?? null) as Cell));
  const columns = written.map(({ name }) => name).join(', ');
  if (isPostgres(db)) {
    const { rows: inserted } = await sql<{ id: number }>`
      insert into publication (${sql.raw(columns)})
      select * from ${rowsTable(db, 'r', written, values)}
      returning id`.execute(db);
    return inserted.map((row) => row.id);
  }
  const inserted = await insertValues<{ id: number }>(
    db,
    `insert into publication (${columns}) `,
    values,
    SQLITE_ROWS_PER_INSERT,
    'id',
  );
  return inserted.map((row) => row.id);
}

export async function insertImported<T extends ImportedTable>(
  db: Kysely<Database>,
  table: T,
  row: Insertable<Database[T]>,
): Promise<void> {
  await (db as Untyped).insertInto(table).values(row).execute();
}

export async function updateImported(
  db: Kysely<Database>,
  table: ImportedTable,
  id: number,
  changes: Record<string, unknown>,
): Promise<void> {
  await (db as Untyped)
    .updateTable(table as string)
    .set(changes)
    .where('id', '=', id)
    .execute();
}

/** Remembers a row's values before an import changed them. */
export async function logChange(
  db: Kysely<Database>,
  change: { batchId: number; tableName: ImportedTable; rowId: number; before: Record<string, unknown> },
): Promise<void> {
  await db
    .insertInto('importChange')
    .values({ ...change, before: JSON.stringify(change.before) })
    .execute();
}

export async function findAudience(db: Kysely<Database>, channelId: number, asOf: string) {
  return db
    .selectFrom('audienceSnapshot')
    .select(['id', 'followers', 'importBatchId'])
    .where('channelId', '=', channelId)
    .where('asOf', '=', asOf)
    .executeTakeFirst();
}

export async function findMembership(db: Kysely<Database>, orgId: number, asOf: string) {
  return db
    .selectFrom('membershipSnapshot')
    .select(['id', 'members', 'primaries', 'importBatchId'])
    .where('orgId', '=', orgId)
    .where('asOf', '=', asOf)
    .executeTakeFirst();
}

/** A mention is the same one when organization, outlet, date and title agree. */
export async function findMention(
  db: Kysely<Database>,
  key: { orgId: number; outletId: number; publishedOn: string; title: string },
) {
  return db
    .selectFrom('mediaMention')
    .select(['id', 'kind', 'url', 'importBatchId'])
    .where('orgId', '=', key.orgId)
    .where('outletId', '=', key.outletId)
    .where('publishedOn', '=', key.publishedOn)
    .where('title', '=', key.title)
    .executeTakeFirst();
}

/**
 * A material is the same one when organization and date agree, and its title in either language given: a sheet
 * may add the Kazakh title to a material stored with its Russian one.
 */
export async function findMaterial(
  db: Kysely<Database>,
  key: { orgId: number; issuedOn: string; titleRu?: string; titleKk?: string },
) {
  const { titleRu, titleKk } = key;
  return db
    .selectFrom('material')
    .select(['id', 'titleRu', 'titleKk', 'kind', 'language', 'copies', 'url', 'importBatchId'])
    .where('orgId', '=', key.orgId)
    .where('issuedOn', '=', key.issuedOn)
    .where((eb) =>
      eb.or([
        ...(titleRu === undefined ? [] : [eb('titleRu', '=', titleRu)]),
        ...(titleKk === undefined ? [] : [eb('titleKk', '=', titleKk)]),
      ]),
    )
    .orderBy('id')
    .executeTakeFirst();
}

/** Codes of an organization's channels on a platform. */
export async function findChannelCodesOf(
  db: Kysely<Database>,
  scope: OrgScope,
  orgId: number,
  platform: Platform,
): Promise<string[]> {
  const rows = await db
    .selectFrom('channel')
    .select('code')
    .where('orgId', '=', orgId)
    .where('platform', '=', platform)
    .where(inScope(scope, 'orgId'))
    .orderBy('code')
    .execute();
  return rows.map((row) => row.code);
}

/**
 * A later batch, not undone, that changed a row this batch created or changed: undoing this one first would
 * lose that batch's work.
 */
export async function findLaterChange(db: Kysely<Database>, batchId: number): Promise<number | undefined> {
  for (const table of IMPORTED_TABLES) {
    const row = await db
      .selectFrom('importChange as c')
      .innerJoin('importBatch as b', 'b.id', 'c.batchId')
      .select('c.batchId')
      .where('c.batchId', '>', batchId)
      .where('b.undoneAt', 'is', null)
      .where('c.tableName', '=', table)
      .where((eb) =>
        eb.or([
          // Every imported table has `id` and `importBatchId`: typed as one of them.
          eb(
            'c.rowId',
            'in',
            eb
              .selectFrom(table as 'publication')
              .select('id')
              .where('importBatchId', '=', batchId),
          ),
          eb(
            'c.rowId',
            'in',
            eb
              .selectFrom('importChange as mine')
              .select('mine.rowId')
              .where('mine.batchId', '=', batchId)
              .where('mine.tableName', '=', table),
          ),
        ]),
      )
      .orderBy('c.batchId')
      .executeTakeFirst();
    if (row) return row.batchId;
  }
  return undefined;
}

/** What a batch updated, latest first, with the values to put back. */
export async function listChanges(db: Kysely<Database>, batchId: number) {
  return db
    .selectFrom('importChange')
    .select(['tableName', 'rowId', 'before'])
    .where('batchId', '=', batchId)
    .orderBy('id', 'desc')
    .execute();
}

/** Deletes the rows a batch created; how many there were. */
export async function deleteCreatedBy(
  db: Kysely<Database>,
  table: ImportedTable,
  batchId: number,
): Promise<number> {
  const result = await (db as Untyped)
    .deleteFrom(table)
    .where('importBatchId', '=', batchId)
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}

/** Sets a publication's subject by hand; whether the publication exists. */
export async function assignPublicationSubject(
  db: Kysely<Database>,
  key: { channelId: number; externalId: string },
  orgId: number,
  now: string,
): Promise<boolean> {
  const result = await db
    .updateTable('publication')
    .set({ subjectOrgId: orgId, subjectManual: true, subjectRule: null, updatedAt: now })
    .where('channelId', '=', key.channelId)
    .where('externalId', '=', key.externalId)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/** What a template's drop-down lists offer: the organizations and channels in the scope, every outlet. */
export async function listTemplateChoices(db: Kysely<Database>, scope: OrgScope) {
  const organizations = await db
    .selectFrom('organization')
    .select(['code', 'nameRu', 'nameKk', 'shortNameRu', 'shortNameKk', 'nameEn', 'shortNameEn'])
    .where(inScope(scope, 'id'))
    .orderBy('sortOrder')
    .orderBy('code')
    .execute();
  const channels = await db
    .selectFrom('channel')
    .select(['code', 'name'])
    .where(inScope(scope, 'orgId'))
    .orderBy('code')
    .execute();
  const outlets = await db.selectFrom('outlet').select(['code', 'name']).orderBy('code').execute();
  return { organizations, channels, outlets };
}
