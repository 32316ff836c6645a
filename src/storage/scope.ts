/** Restricting a query to the caller's organization scope, through the closure table. */
import { type RawBuilder, type SqlBool, sql } from 'kysely';
import type { OrgScope } from '../domain/scope.js';

/**
 * The condition that the organization named by `column` (e.g. `p.subjectOrgId`) lies inside the scope.
 * A scope with no roots matches nothing.
 */
export function inScope(scope: OrgScope, column: string): RawBuilder<SqlBool> {
  if (scope.kind === 'all') return sql<SqlBool>`1 = 1`;
  if (scope.rootIds.length === 0) return sql<SqlBool>`1 = 0`;
  return sql<SqlBool>`${sql.ref(column)} in (select descendant_id from org_closure where ancestor_id in (${sql.join(
    scope.rootIds,
  )}))`;
}
