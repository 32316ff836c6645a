/** Reads of publications for the measures. */
import { type Kysely, type SqlBool, sql } from 'kysely';
import { type Period, splitByWholeMonths } from '../../domain/period.js';
import type { PublicationCountRow } from '../../domain/publications.measure.js';
import type { OrgScope } from '../../domain/scope.js';
import type { Platform } from '../../shared/vocabulary.js';
import type { SqlDialect } from '../dialect.js';
import type { Database } from '../schema.js';
import { inScope } from '../scope.js';

export interface PublicationCountFilter {
  /** Counts publications whose subject organization lies in this organization's subtree. */
  rootId: number;
  period: Period;
  platform?: Platform;
  /** Any of these platforms. */
  platforms?: readonly Platform[];
  channelId?: number;
  /** Only the channels this organization owns itself. */
  channelOwnerId?: number;
}

/**
 * Counts per subject organization × platform × local month, from the publications themselves. Walks the closure
 * from the root to its descendants, then the (subject, local date) index: a region's figures never scan the
 * country's publications.
 */
export function publicationCountsQuery(
  db: Kysely<Database>,
  dialect: SqlDialect,
  scope: OrgScope,
  filter: PublicationCountFilter,
) {
  const month = dialect.monthOf('p.localDate');
  let query = db
    .selectFrom('orgClosure as c')
    .innerJoin('publication as p', 'p.subjectOrgId', 'c.descendantId')
    .innerJoin('channel as ch', 'ch.id', 'p.channelId')
    .select((eb) => [
      'p.subjectOrgId',
      'ch.platform',
      month.as('month'),
      eb.fn.countAll<number>().as('count'),
    ])
    .where('c.ancestorId', '=', filter.rootId)
    .where(inScope(scope, 'c.ancestorId'))
    .where('p.localDate', '>=', filter.period.from)
    .where('p.localDate', '<=', filter.period.to)
    .groupBy(['p.subjectOrgId', 'ch.platform', month]);
  if (filter.platform) query = query.where('ch.platform', '=', filter.platform);
  if (filter.platforms) {
    query = filter.platforms.length
      ? query.where('ch.platform', 'in', [...filter.platforms])
      : query.where(sql<SqlBool>`1 = 0`);
  }
  if (filter.channelId !== undefined) query = query.where('p.channelId', '=', filter.channelId);
  if (filter.channelOwnerId !== undefined) query = query.where('ch.orgId', '=', filter.channelOwnerId);
  return query;
}

/**
 * Counts of the root's subtree per organization × platform × local month: the whole months from the monthly
 * counts the triggers keep (at the granularity of the root itself and its children, which is what every
 * breakdown folds to), the days at the period's ends and any channel filter from the publications themselves.
 */
export async function countPublications(
  db: Kysely<Database>,
  dialect: SqlDialect,
  scope: OrgScope,
  filter: PublicationCountFilter,
): Promise<PublicationCountRow[]> {
  const counted = (query: { execute(): Promise<{ count: number | string }[]> }) =>
    query
      .execute()
      .then((rows) => rows.map((row) => ({ ...row, count: Number(row.count) }) as PublicationCountRow));
  if (filter.channelId !== undefined || filter.channelOwnerId !== undefined) {
    return counted(publicationCountsQuery(db, dialect, scope, filter));
  }
  const { months, edges } = splitByWholeMonths(filter.period);
  const parts: PublicationCountRow[][] = [];
  if (months) parts.push(await counted(monthlyCountsQuery(db, scope, filter, months)));
  for (const period of edges)
    parts.push(await counted(publicationCountsQuery(db, dialect, scope, { ...filter, period })));
  return parts.flat();
}

/** The root's own publications and each child's subtree's, per platform × month, from `publication_month`. */
export function monthlyCountsQuery(
  db: Kysely<Database>,
  scope: OrgScope,
  filter: PublicationCountFilter,
  months: { from: string; to: string },
) {
  let query = db
    .selectFrom('publicationMonth as m')
    .select((eb) => [
      'm.ancestorId as subjectOrgId',
      'm.platform',
      'm.month',
      eb.fn.sum<number>('m.count').as('count'),
    ])
    .where('m.month', '>=', months.from)
    .where('m.month', '<=', months.to)
    // One list of ancestors (the root and its children), each read by its primary key range: an OR of the root
    // and a subquery made PostgreSQL scan the whole table.
    .where('m.ancestorId', 'in', (eb) =>
      eb
        .selectFrom('organization')
        .select('id')
        .where((inner) => inner.or([inner('id', '=', filter.rootId), inner('parentId', '=', filter.rootId)])),
    )
    .where((eb) => eb.or([eb('m.isSelf', '=', 1), eb('m.ancestorId', '<>', filter.rootId)]))
    .where(inScope(scope, sql`${filter.rootId}`))
    .groupBy(['m.ancestorId', 'm.platform', 'm.month'])
    .having((eb) => eb.fn.sum('m.count'), '>', 0);
  if (filter.platform) query = query.where('m.platform', '=', filter.platform);
  if (filter.platforms) {
    query = filter.platforms.length
      ? query.where('m.platform', 'in', [...filter.platforms])
      : query.where(sql<SqlBool>`1 = 0`);
  }
  return query;
}

/** One channel's publications with their subject organizations, by publication time (the `publications` list). */
export async function listChannelPublications(
  db: Kysely<Database>,
  scope: OrgScope,
  channelId: number,
  period?: Period,
) {
  let query = db
    .selectFrom('publication as p')
    .innerJoin('organization as s', 's.id', 'p.subjectOrgId')
    .select([
      'p.id',
      'p.externalId',
      'p.url',
      'p.publishedAt',
      'p.localDate',
      'p.title',
      'p.text',
      'p.isRepost',
      'p.repostSource',
      'p.mediaKind',
      'p.views',
      'p.reactions',
      'p.comments',
      'p.shares',
      'p.subjectRule',
      'p.subjectManual',
      'p.primaryTopic',
      'p.topics',
      's.code as subjectCode',
      's.nameRu as subjectNameRu',
      's.nameKk as subjectNameKk',
      's.shortNameRu as subjectShortNameRu',
      's.shortNameKk as subjectShortNameKk',
      's.nameEn as subjectNameEn',
      's.shortNameEn as subjectShortNameEn',
    ])
    .where('p.channelId', '=', channelId)
    .where(inScope(scope, 'p.subjectOrgId'));
  if (period) query = query.where('p.localDate', '>=', period.from).where('p.localDate', '<=', period.to);
  return query.orderBy('p.publishedAt').orderBy('p.id').execute();
}
