/** Organizations and their closure table. */
import type { Kysely } from 'kysely';
import type { MembershipRow } from '../../domain/members.measure.js';
import type { OrgNode } from '../../domain/org-tree.js';
import type { LocalDate } from '../../domain/period.js';
import type { OrgScope } from '../../domain/scope.js';
import { keptPacked } from '../packed.js';
import type { Database, NewOrganization, OrganizationRow } from '../schema.js';
import { inScope, subtreeOf } from '../scope.js';

export type Organization = Omit<OrganizationRow, 'createdAt'>;

const COLUMNS = [
  'organization.id',
  'organization.code',
  'organization.kind',
  'organization.parentId',
  'organization.nameRu',
  'organization.nameKk',
  'organization.shortNameRu',
  'organization.shortNameKk',
  'organization.nameEn',
  'organization.shortNameEn',
  'organization.timeZone',
  'organization.sortOrder',
] as const;

/** Inserts the organization and its closure rows: itself at depth 0 and every ancestor of its parent. */
export async function insertOrganization(db: Kysely<Database>, row: NewOrganization): Promise<number> {
  const { id } = await db.insertInto('organization').values(row).returning('id').executeTakeFirstOrThrow();
  await db.insertInto('orgClosure').values({ ancestorId: id, descendantId: id, depth: 0 }).execute();
  if (row.parentId !== null && row.parentId !== undefined) {
    await db
      .insertInto('orgClosure')
      .columns(['ancestorId', 'descendantId', 'depth'])
      .expression((eb) =>
        eb
          .selectFrom('orgClosure')
          .select((s) => [
            'orgClosure.ancestorId',
            s.val(id).as('descendantId'),
            s(s.ref('depth'), '+', 1).as('depth'),
          ])
          .where('orgClosure.descendantId', '=', row.parentId ?? -1),
      )
      .execute();
  }
  return id;
}

export async function findOrganizationByCode(
  db: Kysely<Database>,
  scope: OrgScope,
  code: string,
): Promise<Organization | undefined> {
  return db
    .selectFrom('organization')
    .select(COLUMNS)
    .where('organization.code', '=', code)
    .where(inScope(scope, 'organization.id'))
    .executeTakeFirst();
}

export async function findOrganizationsByCodes(
  db: Kysely<Database>,
  scope: OrgScope,
  codes: readonly string[],
): Promise<Organization[]> {
  if (codes.length === 0) return [];
  return db
    .selectFrom('organization')
    .select(COLUMNS)
    .where('organization.code', 'in', [...codes])
    .where(inScope(scope, 'organization.id'))
    .execute();
}

/** The organization and everything under it, in the caller's scope: the closure's rows joined to theirs. */
function subtreeQuery(db: Kysely<Database>, scope: OrgScope, rootId: number) {
  return subtreeOf(db, scope, rootId).innerJoin('organization', 'organization.id', 'c.descendantId');
}

/** The organization and everything under it, parents before children, siblings by sort order then code. */
export async function listSubtree(
  db: Kysely<Database>,
  scope: OrgScope,
  rootId: number,
): Promise<Organization[]> {
  return subtreeQuery(db, scope, rootId)
    .select(COLUMNS)
    .orderBy('c.depth')
    .orderBy('organization.sortOrder')
    .orderBy('organization.code')
    .execute();
}

const subtreeMembership = keptPacked(
  (db: Kysely<Database>, scope: OrgScope, { rootId, upTo }: { rootId: number; upTo: LocalDate }) =>
    subtreeQuery(db, scope, rootId)
      .leftJoin('membershipSnapshot as m', (join) =>
        join.onRef('m.orgId', '=', 'organization.id').on('m.asOf', '<=', upTo),
      )
      .select(['organization.id', 'organization.kind', 'organization.parentId', 'm.asOf', 'm.members']),
);

/**
 * The subtree as far as its shape goes (no names, no order), with every organization's membership snapshots on or
 * before a date: what structure and member figures fold. One pass over the subtree instead of one for the shape
 * and one for the snapshots.
 */
export async function listSubtreeMembership(
  db: Kysely<Database>,
  scope: OrgScope,
  rootId: number,
  upTo: LocalDate,
): Promise<{ nodes: OrgNode[]; snapshots: MembershipRow[] }> {
  const rows = await subtreeMembership(db, scope, { rootId, upTo });
  const nodes = new Map<number, OrgNode>();
  const snapshots: MembershipRow[] = [];
  for (const { id, kind, parentId, asOf, members } of rows) {
    if (!nodes.has(id)) nodes.set(id, { id, kind, parentId });
    if (asOf !== null && members !== null) snapshots.push({ orgId: id, asOf, members });
  }
  return { nodes: [...nodes.values()], snapshots };
}

/** For every organization under the root (the root excluded), the root's child it lies under. */
export async function mapToChildOf(
  db: Kysely<Database>,
  scope: OrgScope,
  rootId: number,
): Promise<Map<number, number>> {
  const rows = await db
    .selectFrom('orgClosure')
    .innerJoin('organization as child', 'child.id', 'orgClosure.ancestorId')
    .select(['orgClosure.descendantId', 'orgClosure.ancestorId'])
    .where('child.parentId', '=', rootId)
    .where(inScope(scope, 'child.parentId'))
    .execute();
  return new Map(rows.map((row) => [row.descendantId, row.ancestorId]));
}

/** Deletes the organization with everything under it; every record attached to them goes with it (cascades). */
export async function deleteSubtree(db: Kysely<Database>, rootId: number): Promise<void> {
  const rows = await db
    .selectFrom('orgClosure')
    .select('descendantId')
    .where('ancestorId', '=', rootId)
    .execute();
  const ids = rows.map((row) => row.descendantId);
  // Publications first, while the tree above them is whole: the monthly counts of the ancestors follow.
  for (let start = 0; start < ids.length; start += 500) {
    await db
      .deleteFrom('publication')
      .where('subjectOrgId', 'in', ids.slice(start, start + 500))
      .execute();
  }
  for (let start = 0; start < ids.length; start += 500) {
    await db
      .deleteFrom('organization')
      .where('id', 'in', ids.slice(start, start + 500))
      .execute();
  }
}

/** The organizations the scope starts at: the tree's roots for the whole tree, else the scope's own roots. */
export async function listScopeRoots(db: Kysely<Database>, scope: OrgScope): Promise<Organization[]> {
  const query = db.selectFrom('organization').select(COLUMNS);
  if (scope.kind === 'all')
    return query.where('organization.parentId', 'is', null).orderBy('organization.code').execute();
  if (scope.rootIds.length === 0) return [];
  return query
    .where('organization.id', 'in', [...scope.rootIds])
    .orderBy('organization.code')
    .execute();
}

export async function updateOrganization(
  db: Kysely<Database>,
  id: number,
  values: Partial<
    Pick<
      Organization,
      | 'nameRu'
      | 'nameKk'
      | 'shortNameRu'
      | 'shortNameKk'
      | 'nameEn'
      | 'shortNameEn'
      | 'timeZone'
      | 'sortOrder'
    >
  >,
): Promise<void> {
  if (Object.keys(values).length > 0)
    await db.updateTable('organization').set(values).where('id', '=', id).execute();
}
