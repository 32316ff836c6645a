/** The audit log: who changed what, read within the caller's scope by the organization the record belonged to. */
import type { Insertable, Kysely } from 'kysely';
import type { OrgScope } from '../../domain/scope.js';
import type { AuditEntryTable, Database } from '../schema.js';
import { fromJson } from '../rows.js';
import { inScope } from '../scope.js';

export async function insertAuditEntry(
  db: Kysely<Database>,
  entry: Insertable<AuditEntryTable>,
): Promise<number> {
  const { id } = await db.insertInto('auditEntry').values(entry).returning('id').executeTakeFirstOrThrow();
  return id;
}

export interface AuditFilter {
  resource?: string;
  recordId?: number;
  action?: string;
  limit: number;
  offset: number;
}

function entries(db: Kysely<Database>, scope: OrgScope) {
  return db
    .selectFrom('auditEntry as a')
    .leftJoin('appUser as u', 'u.id', 'a.userId')
    .select([
      'a.id',
      'a.at',
      'a.userId',
      'u.login as userLogin',
      'a.action',
      'a.resource',
      'a.recordId',
      'a.orgId',
      'a.before',
      'a.after',
      'a.restoredAt',
    ])
    .where(inScope(scope, 'a.orgId'));
}

function present<R extends { before: unknown; after: unknown }>(row: R) {
  return {
    ...row,
    before: fromJson<Record<string, unknown>>(row.before),
    after: fromJson<Record<string, unknown>>(row.after),
  };
}

export async function listAuditEntries(db: Kysely<Database>, scope: OrgScope, filter: AuditFilter) {
  let query = entries(db, scope);
  if (filter.resource) query = query.where('a.resource', '=', filter.resource);
  if (filter.recordId !== undefined) query = query.where('a.recordId', '=', filter.recordId);
  if (filter.action) query = query.where('a.action', '=', filter.action as never);
  const rows = await query.orderBy('a.id', 'desc').limit(filter.limit).offset(filter.offset).execute();
  return rows.map(present);
}

export async function findAuditEntry(db: Kysely<Database>, scope: OrgScope, id: number) {
  const row = await entries(db, scope).where('a.id', '=', id).executeTakeFirst();
  return row && present(row);
}

export async function markRestored(db: Kysely<Database>, id: number, at: string): Promise<void> {
  await db.updateTable('auditEntry').set({ restoredAt: at }).where('id', '=', id).execute();
}
