/** Reads of publications for the measures. */
import type { Kysely } from 'kysely';
import type { Period } from '../../domain/period.js';
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
  channelId?: number;
}

/**
 * Counts per subject organization × channel × local month. Walks the closure from the root to its descendants,
 * then the (subject, local date) index: a region's figures never scan the country's publications.
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
      'p.channelId',
      'ch.platform',
      month.as('month'),
      eb.fn.countAll<number>().as('count'),
    ])
    .where('c.ancestorId', '=', filter.rootId)
    .where(inScope(scope, 'c.ancestorId'))
    .where('p.localDate', '>=', filter.period.from)
    .where('p.localDate', '<=', filter.period.to)
    .groupBy(['p.subjectOrgId', 'p.channelId', 'ch.platform', month]);
  if (filter.platform) query = query.where('ch.platform', '=', filter.platform);
  if (filter.channelId !== undefined) query = query.where('p.channelId', '=', filter.channelId);
  return query;
}

export async function countPublications(
  db: Kysely<Database>,
  dialect: SqlDialect,
  scope: OrgScope,
  filter: PublicationCountFilter,
): Promise<PublicationCountRow[]> {
  const rows = await publicationCountsQuery(db, dialect, scope, filter).execute();
  return rows.map((row) => ({ ...row, count: Number(row.count) }));
}
