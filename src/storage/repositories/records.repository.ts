/**
 * Plain records attached to an organization (snapshots, people, channels, mentions, materials, …): inserting them
 * and reading those of a subtree. Queries with more to them live in their own repositories.
 */
import type { Insertable, Kysely, Selectable, SelectQueryBuilder } from 'kysely';
import type { MembershipRow } from '../../domain/members.measure.js';
import type { Period } from '../../domain/period.js';
import type { OrgScope } from '../../domain/scope.js';
import { keptRead } from '../kept.js';
import { selectPacked } from '../packed.js';
import type { Database } from '../schema.js';
import { inReach, inScope, subtreeOf } from '../scope.js';

/** Tables whose rows have their own id and belong to an organization through `orgId`. */
export type OrgRecordTable =
  | 'membershipSnapshot'
  | 'person'
  | 'channel'
  | 'mediaMention'
  | 'pressSubscription'
  | 'material'
  | 'event'
  | 'decision'
  | 'appUsage'
  | 'target';

/** Tables with a generated id, the ones `insertRecord` writes. */
export type RecordTable = OrgRecordTable | 'audienceSnapshot' | 'outlet' | 'task' | 'publication';

/** The date column each organization record is dated by, for period filters. */
const DATE_COLUMN: Readonly<Record<OrgRecordTable, string | null>> = {
  membershipSnapshot: 'asOf',
  person: null,
  channel: null,
  mediaMention: 'publishedOn',
  pressSubscription: null,
  material: 'issuedOn',
  event: 'heldOn',
  decision: 'adoptedOn',
  appUsage: 'asOf',
  target: null,
};

// Kysely cannot type a query on a table chosen at run time; the exported signatures keep callers typed.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Untyped = Kysely<any>;
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type UntypedSelect = SelectQueryBuilder<any, any, object>;

export async function insertRecord<T extends RecordTable>(
  db: Kysely<Database>,
  table: T,
  values: Insertable<Database[T]>,
): Promise<number> {
  const row = await (db as Untyped)
    .insertInto(table)
    .values(values)
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id as number;
}

/**
 * Records of every organization in the root's subtree, within the period when one is given (by the table's date;
 * `to` only, for "as of" reads of snapshots).
 */
export async function listInSubtree<T extends OrgRecordTable>(
  db: Kysely<Database>,
  scope: OrgScope,
  table: T,
  rootId: number,
  period?: Period,
): Promise<Selectable<Database[T]>[]> {
  const dateColumn: string | null = DATE_COLUMN[table];
  let query = (subtreeOf(db, scope, rootId) as UntypedSelect)
    .innerJoin(`${table as string} as r`, 'r.orgId', 'c.descendantId')
    .selectAll('r');
  if (period && dateColumn) {
    query = query.where(`r.${dateColumn}`, '>=', period.from).where(`r.${dateColumn}`, '<=', period.to);
  }
  return (await query
    .orderBy(dateColumn ? `r.${dateColumn}` : 'r.id')
    .orderBy('r.id')
    .execute()) as Selectable<Database[T]>[];
}

/** The subtree's membership figures on or before the date: only the columns the members measure reads. */
export async function listMembership(
  db: Kysely<Database>,
  scope: OrgScope,
  rootId: number,
  upTo: string,
): Promise<MembershipRow[]> {
  return selectPacked(db, (unnamed) =>
    subtreeOf(unnamed, scope, rootId)
      .innerJoin('membershipSnapshot as r', 'r.orgId', 'c.descendantId')
      .where('r.asOf', '<=', upTo)
      .select(['r.orgId', 'r.asOf', 'r.members']),
  );
}

const infoResponsible = keptRead((db, scope, { rootId }: { rootId: number }) =>
  subtreeOf(db, scope, rootId)
    .innerJoin('person as r', 'r.orgId', 'c.descendantId')
    .select(['r.fullName', 'r.orgId'])
    .where('r.infoResponsible', '=', true)
    .orderBy('r.id'),
);

/** People of the subtree recorded as responsible for information work. */
export async function listInfoResponsible(
  db: Kysely<Database>,
  scope: OrgScope,
  rootId: number,
): Promise<{ fullName: string; orgId: number }[]> {
  return infoResponsible(db, scope, { rootId });
}

/** Finds a record by its stable code (channels and outlets). */
export async function findIdByCode(
  db: Kysely<Database>,
  table: 'channel' | 'outlet',
  code: string,
): Promise<number | undefined> {
  const row = await db.selectFrom(table).select('id').where('code', '=', code).executeTakeFirst();
  return row?.id;
}

/** The id of the outlet with this code if the scope may refer to it (scope.ts, inReach). */
export async function findOutletIdInReach(
  db: Kysely<Database>,
  scope: OrgScope,
  code: string,
): Promise<number | undefined> {
  const row = await db
    .selectFrom('outlet')
    .select('id')
    .where('code', '=', code)
    .where(inReach(scope, 'orgId'))
    .executeTakeFirst();
  return row?.id;
}

/** The codes and names of the outlets the scope may refer to, by code: a template's list of outlets. */
export function listOutletsInReach(db: Kysely<Database>, scope: OrgScope) {
  return db
    .selectFrom('outlet')
    .select(['code', 'name'])
    .where(inReach(scope, 'orgId'))
    .orderBy('code')
    .execute();
}

/** Whether a record of an organization table exists and belongs to the scope. */
export async function existsInScope(
  db: Kysely<Database>,
  scope: OrgScope,
  table: OrgRecordTable,
  id: number,
): Promise<boolean> {
  const row = await (db as Untyped)
    .selectFrom(`${table as string} as r`)
    .select('r.id')
    .where('r.id', '=', id)
    .where(inScope(scope, 'r.orgId'))
    .executeTakeFirst();
  return row !== undefined;
}

export async function listOutlets(db: Kysely<Database>, ids: readonly number[]) {
  if (ids.length === 0) return [];
  return db
    .selectFrom('outlet')
    .selectAll()
    .where('id', 'in', [...ids])
    .execute();
}

export async function deleteByCodes(
  db: Kysely<Database>,
  table: 'channel' | 'outlet',
  codes: readonly string[],
): Promise<void> {
  if (codes.length === 0) return;
  // A channel's publications go first, while it still tells their platform to the monthly counts.
  if (table === 'channel') {
    await db
      .deleteFrom('publication')
      .where('channelId', 'in', (eb) =>
        eb
          .selectFrom('channel')
          .select('id')
          .where('code', 'in', [...codes]),
      )
      .execute();
  }
  await db
    .deleteFrom(table)
    .where('code', 'in', [...codes])
    .execute();
}
