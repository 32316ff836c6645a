/** Reads of publications for people: the filtered, paged list, one publication in full, its corrections. */
import { type Kysely, type SqlBool, sql } from 'kysely';
import type { Period } from '../../domain/period.js';
import type { OrgScope } from '../../domain/scope.js';
import type { Platform, SubjectGroupName, Topic } from '../../shared/vocabulary.js';
import type { Database } from '../schema.js';
import { inScope } from '../scope.js';

export interface PublicationListFilter {
  /** Publications whose subject organization lies in this organization's subtree. */
  rootId?: number;
  /** Code of the channel published on; the channel may be an ancestor's (a branch's posts on the region's page). */
  channel?: string;
  platform?: Platform;
  period?: Period;
  primaryTopic?: Topic;
  isRepost?: boolean;
  declarative?: boolean;
  /** Words searched for in the title or the text, any letter case. */
  text?: string;
  /** The import that created the publications. */
  importBatchId?: number;
  /** The organization's own publications, or those of the primaries directly under it (the subject breakdown's rows). */
  subjectGroup?: { kind: SubjectGroupName; rootId: number };
}

/** Characters of the text a list item carries; the service cuts the excerpt from them. */
export const EXCERPT_SOURCE_CHARS = 301;

/** A LIKE pattern matching the text anywhere, its wildcard characters taken literally (escape `\`). */
function containsPattern(text: string): string {
  return `%${text.toLowerCase().replace(/[\\%_]/g, (char) => `\\${char}`)}%`;
}

function filtered(db: Kysely<Database>, scope: OrgScope, filter: PublicationListFilter) {
  let query = db
    .selectFrom('publication as p')
    .innerJoin('channel as ch', 'ch.id', 'p.channelId')
    .innerJoin('organization as s', 's.id', 'p.subjectOrgId')
    .where(inScope(scope, 'p.subjectOrgId'));
  if (filter.rootId !== undefined) {
    const rootId = filter.rootId;
    query = query.where('p.subjectOrgId', 'in', (eb) =>
      eb.selectFrom('orgClosure').select('descendantId').where('ancestorId', '=', rootId),
    );
  }
  if (filter.channel !== undefined) query = query.where('ch.code', '=', filter.channel);
  if (filter.platform) query = query.where('ch.platform', '=', filter.platform);
  if (filter.period) {
    query = query.where('p.localDate', '>=', filter.period.from).where('p.localDate', '<=', filter.period.to);
  }
  if (filter.primaryTopic) query = query.where('p.primaryTopic', '=', filter.primaryTopic);
  if (filter.isRepost !== undefined) query = query.where('p.isRepost', '=', filter.isRepost);
  if (filter.declarative !== undefined) query = query.where('p.declarative', '=', filter.declarative);
  if (filter.importBatchId !== undefined) query = query.where('p.importBatchId', '=', filter.importBatchId);
  const group = filter.subjectGroup;
  if (group?.kind === 'self') query = query.where('p.subjectOrgId', '=', group.rootId);
  if (group?.kind === 'direct_primaries') {
    // As groupBySubject takes them: anything under a primary child of the organization.
    query = query.where('p.subjectOrgId', 'in', (eb) =>
      eb
        .selectFrom('orgClosure')
        .innerJoin('organization as primary', 'primary.id', 'orgClosure.ancestorId')
        .select('orgClosure.descendantId')
        .where('primary.parentId', '=', group.rootId)
        .where('primary.kind', '=', 'primary'),
    );
  }
  if (filter.text) {
    // lower() folds Cyrillic and Kazakh letters on both engines: db.ts gives SQLite a Unicode-aware one.
    const pattern = containsPattern(filter.text);
    query = query.where(
      sql<SqlBool>`(lower(p.title) like ${pattern} escape '\\' or lower(p.text) like ${pattern} escape '\\')`,
    );
  }
  return query;
}

/** One page of the publications, newest first, and how many match in all. */
export async function listPublicationPage(
  db: Kysely<Database>,
  scope: OrgScope,
  filter: PublicationListFilter,
  page: { limit: number; offset: number },
) {
  const rows = await filtered(db, scope, filter)
    .select([
      'p.id',
      'p.url',
      'p.publishedAt',
      'p.localDate',
      'p.title',
      sql<string | null>`substr(p.text, 1, ${EXCERPT_SOURCE_CHARS})`.as('textStart'),
      'p.language',
      'p.primaryTopic',
      'p.topics',
      'p.concreteness',
      'p.declarative',
      'p.isRepost',
      'p.repostSource',
      'p.repostBy',
      'p.repostOfId',
      'p.links',
      'p.mediaUrl',
      'p.views',
      'p.reactions',
      'p.comments',
      'p.shares',
      'p.engagementAsOf',
      'ch.code as channelCode',
      'ch.name as channelName',
      'ch.platform',
      's.code as subjectCode',
      's.kind as subjectKind',
      's.nameRu as subjectNameRu',
      's.nameKk as subjectNameKk',
      's.shortNameRu as subjectShortNameRu',
      's.shortNameKk as subjectShortNameKk',
      's.nameEn as subjectNameEn',
      's.shortNameEn as subjectShortNameEn',
    ])
    .orderBy('p.publishedAt', 'desc')
    .orderBy('p.id', 'desc')
    .limit(page.limit)
    .offset(page.offset)
    .execute();
  const counted = await filtered(db, scope, filter)
    .select((eb) => eb.fn.countAll<number>().as('total'))
    .executeTakeFirstOrThrow();
  return { rows, total: Number(counted.total) };
}

/** One publication in the scope with everything stored about it, or undefined. */
export function findPublicationDetail(db: Kysely<Database>, scope: OrgScope, id: number) {
  return filtered(db, scope, {})
    .selectAll('p')
    .select([
      'ch.code as channelCode',
      'ch.name as channelName',
      'ch.platform',
      's.code as subjectCode',
      's.kind as subjectKind',
      's.nameRu as subjectNameRu',
      's.nameKk as subjectNameKk',
      's.shortNameRu as subjectShortNameRu',
      's.shortNameKk as subjectShortNameKk',
      's.nameEn as subjectNameEn',
      's.shortNameEn as subjectShortNameEn',
    ])
    .where('p.id', '=', id)
    .executeTakeFirst();
}

/**
 * Of the publications `ids` (what reposts copy), those outside the scope, each with the source a repost found by
 * its text names it by (its link, else channel/external id): what a reader of the scope must not be shown.
 */
export async function findSourcesOutOfScope(
  db: Kysely<Database>,
  scope: OrgScope,
  ids: readonly number[],
): Promise<Map<number, string>> {
  if (scope.kind === 'all' || ids.length === 0) return new Map();
  const rows = await db
    .selectFrom('publication as p')
    .innerJoin('channel as ch', 'ch.id', 'p.channelId')
    .select(['p.id', 'p.url', 'ch.code as channelCode', 'p.externalId'])
    .where('p.id', 'in', [...new Set(ids)])
    .where(sql<SqlBool>`not ${inScope(scope, 'p.subjectOrgId')}`)
    .execute();
  return new Map(rows.map((row) => [row.id, row.url ?? `${row.channelCode}/${row.externalId}`]));
}

/** Every correction of the publication, oldest first. */
export function listPublicationCorrections(db: Kysely<Database>, publicationId: number) {
  return db
    .selectFrom('publicationCorrection as c')
    .select(['c.field', 'c.value', 'c.correctedBy', 'c.correctedAt'])
    .where('c.publicationId', '=', publicationId)
    .orderBy('c.correctedAt')
    .orderBy('c.id')
    .execute();
}

/** Logins of the users, by id. */
export async function loginsOf(db: Kysely<Database>, ids: readonly number[]): Promise<Map<number, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .selectFrom('appUser')
    .select(['id', 'login'])
    .where('id', 'in', [...ids])
    .execute();
  return new Map(rows.map((row) => [row.id, row.login]));
}
