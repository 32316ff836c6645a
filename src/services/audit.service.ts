/** The audit log: every change a use case makes is written in the same transaction, with who and when. */
import type { AuditAction } from '../shared/vocabulary.js';
import { userIdOf } from '../policies/actor.js';
import { authorize } from '../policies/abilities.js';
import {
  type AuditFilter,
  findAuditEntry,
  insertAuditEntry,
  listAuditEntries,
} from '../storage/repositories/audit.repository.js';
import { toJson } from '../storage/rows.js';
import { type Context, scopeOfContext } from './context.js';
import { NotFoundError } from '../domain/errors.js';

export interface Change {
  action: AuditAction;
  /** The API's name of the kind of record, e.g. `people`. */
  resource: string;
  recordId: number;
  /** The organization the record belongs to, so that the entry is read within scopes. */
  orgId: number | null;
  before?: unknown;
  after?: unknown;
}

export async function recordChange(tx: Context, change: Change): Promise<number> {
  return insertAuditEntry(tx.db.kysely, {
    at: tx.clock().toISOString(),
    userId: userIdOf(tx.actor),
    action: change.action,
    resource: change.resource,
    recordId: change.recordId,
    orgId: change.orgId,
    before: toJson(change.before),
    after: toJson(change.after),
    restoredAt: null,
  });
}

export function listAudit(ctx: Context, filter: AuditFilter) {
  authorize(ctx.actor, 'read', 'audit');
  return listAuditEntries(ctx.db.kysely, scopeOfContext(ctx), filter);
}

export async function getAuditEntry(ctx: Context, id: number) {
  authorize(ctx.actor, 'read', 'audit');
  const entry = await findAuditEntry(ctx.db.kysely, scopeOfContext(ctx), id);
  if (!entry) throw new NotFoundError('audit_unknown', { id });
  return entry;
}
