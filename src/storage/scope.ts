/** Restricting a query to the caller's organization scope, and to a subtree, through the closure table. */
import { type Expression, type Kysely, type RawBuilder, type SqlBool, sql } from 'kysely';
import type { OrgScope } from '../domain/scope.js';
import type { Database } from './schema.js';

/**
 * The condition that the organization named by `column` (e.g. `p.subjectOrgId`, or an expression giving an
 * organization id) lies inside the scope. A scope with no roots matches nothing; a record of no organization
 * (a null column) is in the whole tree only.
 */
export function inScope(scope: OrgScope, column: string | Expression<unknown>): RawBuilder<SqlBool> {
  if (scope.kind === 'all') return sql<SqlBool>`1 = 1`;
  if (scope.rootIds.length === 0) return sql<SqlBool>`1 = 0`;
  const org = typeof column === 'string' ? sql.ref(column) : column;
  return sql<SqlBool>`${org} in (select descendant_id from org_closure where ancestor_id in (${sql.join(
    scope.rootIds,
  )}))`;
}

/**
 * The condition that a record whose organization is named by `column` may be referred to from the scope: it
 * belongs to no organization (shared by the installation), to one inside the scope, or to one above it (an
 * ancestor of a root: the region's newspaper a branch appears in and subscribes to, which the branch does not own).
 */
export function inReach(scope: OrgScope, column: string | Expression<unknown>): RawBuilder<SqlBool> {
  if (scope.kind === 'all') return sql<SqlBool>`1 = 1`;
  const org = typeof column === 'string' ? sql.ref(column) : column;
  if (scope.rootIds.length === 0) return sql<SqlBool>`${org} is null`;
  return sql<SqlBool>`(${org} is null or ${inScope(scope, org)} or ${org} in (select ancestor_id from org_closure where descendant_id in (${sql.join(
    scope.rootIds,
  )})))`;
}

/**
 * The closure's rows of the root's subtree (`c.descendantId`, the root itself included), none when the root lies
 * outside the scope: what a subtree's records join on.
 */
export function subtreeOf(db: Kysely<Database>, scope: OrgScope, rootId: number) {
  return db
    .selectFrom('orgClosure as c')
    .where('c.ancestorId', '=', rootId)
    .where(inScope(scope, 'c.ancestorId'));
}
