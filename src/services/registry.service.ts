/**
 * The plain records as the API serves them: list a subtree's, read one, add, change, delete and restore, each
 * allowed by the role's abilities, confined to the caller's scope and written to the audit log. A delete keeps
 * the whole record in the log, from which it can be restored under its old id.
 */
import type { z } from 'zod';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../domain/errors.js';
import type { Period } from '../domain/period.js';
import { authorize, type Resource } from '../policies/abilities.js';
import { roleOf } from '../policies/actor.js';
import {
  appUsageInput,
  audienceSnapshotInput,
  channelInput,
  decisionInput,
  eventInput,
  materialInput,
  mediaMentionInput,
  membershipSnapshotInput,
  outletInput,
  patchOf,
  personInput,
  pressSubscriptionInput,
  targetInput,
  taskInput,
  type TaskInput,
} from '../shared/schemas.js';
import { hasText } from '../shared/bilingual.js';
import type { RegistryRows } from '../shared/records.schema.js';
import { markRestored } from '../storage/repositories/audit.repository.js';
import {
  deleteRow,
  findRegistryRecord,
  hasDependents,
  listRegistry,
  readRow,
  reinsertRow,
  type RegistryRow,
  type RegistryTable,
  updateRow,
} from '../storage/repositories/registry.repository.js';
import { getAuditEntry, recordChange } from './audit.service.js';
import { withTokenStatus } from './channel-token.js';
import { type Context, inTransaction, scopeOfContext } from './context.js';
import { findOrganization } from './org.service.js';
import {
  addAppUsage,
  addAudienceSnapshot,
  addChannel,
  addDecision,
  addEvent,
  addMaterial,
  addMediaMention,
  addMembershipSnapshot,
  addOutlet,
  addPerson,
  addPressSubscription,
  addTarget,
  insertTask,
  References,
} from './records.service.js';
import { parseInput } from './validate.js';

export type { RegistryRow };

interface Kind {
  table: RegistryTable;
  /** The resource whose abilities govern it (tasks are part of decisions). */
  resource: Resource;
  /** What adding one takes (tasks are added to their decision). */
  input?: z.ZodObject;
  add?: (ctx: Context, input: never) => Promise<number>;
  patch: z.ZodObject;
  /** The column naming the record it belongs to, for lists under it (a channel's snapshots, a decision's tasks). */
  parent?: string;
  /** The Russian and Kazakh versions of its text: a change may empty either, not both. */
  bilingual?: readonly [string, string];
}

const TITLES = ['titleRu', 'titleKk'] as const;

/** Every kind of plain record the API serves, by its name in the API's paths. */
export const REGISTRY = {
  membership: {
    table: 'membershipSnapshot',
    resource: 'membership',
    input: membershipSnapshotInput,
    add: addMembershipSnapshot,
    patch: patchOf(membershipSnapshotInput, ['org']),
  },
  people: {
    table: 'person',
    resource: 'people',
    input: personInput,
    add: addPerson,
    patch: patchOf(personInput, ['org']),
  },
  channels: {
    table: 'channel',
    resource: 'channels',
    input: channelInput,
    add: addChannel,
    patch: patchOf(channelInput, ['code', 'org', 'platform']),
  },
  audience: {
    table: 'audienceSnapshot',
    resource: 'audience',
    input: audienceSnapshotInput,
    add: addAudienceSnapshot,
    patch: patchOf(audienceSnapshotInput, ['channel']),
    parent: 'channelId',
  },
  outlets: {
    table: 'outlet',
    resource: 'outlets',
    input: outletInput,
    add: addOutlet,
    patch: patchOf(outletInput, ['code', 'org']),
  },
  mentions: {
    table: 'mediaMention',
    resource: 'mentions',
    input: mediaMentionInput,
    add: addMediaMention,
    patch: patchOf(mediaMentionInput, ['org', 'outlet']),
    parent: 'outletId',
  },
  subscriptions: {
    table: 'pressSubscription',
    resource: 'subscriptions',
    input: pressSubscriptionInput,
    add: addPressSubscription,
    patch: patchOf(pressSubscriptionInput, ['org', 'outlet']),
    parent: 'outletId',
  },
  materials: {
    table: 'material',
    resource: 'materials',
    input: materialInput,
    add: addMaterial,
    patch: patchOf(materialInput, ['org']),
    bilingual: TITLES,
  },
  events: {
    table: 'event',
    resource: 'events',
    input: eventInput,
    add: addEvent,
    patch: patchOf(eventInput, ['org']),
    bilingual: TITLES,
  },
  decisions: {
    table: 'decision',
    resource: 'decisions',
    input: decisionInput,
    add: addDecision,
    patch: patchOf(decisionInput, ['org', 'tasks']),
    bilingual: TITLES,
  },
  tasks: {
    table: 'task',
    resource: 'decisions',
    patch: patchOf(taskInput, ['responsibleOrg']),
    parent: 'decisionId',
    bilingual: ['textRu', 'textKk'],
  },
  'app-usage': {
    table: 'appUsage',
    resource: 'app-usage',
    input: appUsageInput,
    add: addAppUsage,
    patch: patchOf(appUsageInput, ['org']),
  },
  targets: {
    table: 'target',
    resource: 'targets',
    input: targetInput,
    add: addTarget,
    patch: patchOf(targetInput, ['org']),
  },
} as const satisfies Record<string, Kind>;

export type RegistryKind = keyof typeof REGISTRY;
export const REGISTRY_KINDS = Object.keys(REGISTRY) as RegistryKind[];

export interface RegistryListQuery {
  /** Only records of this organization's subtree (in the caller's scope). */
  org?: string;
  period?: Period;
  parentId?: number;
  page: number;
  pageSize: number;
}

export async function listRecords<K extends RegistryKind>(ctx: Context, kind: K, query: RegistryListQuery) {
  const def: Kind = REGISTRY[kind];
  authorize(ctx.actor, 'read', def.resource);
  const rootId = query.org === undefined ? undefined : await new References(ctx, 'query').org(query.org);
  const { rows, total } = await listRegistry(ctx.db.kysely, scopeOfContext(ctx), def.table, {
    ...(rootId === undefined ? {} : { rootId }),
    ...(query.period ? { period: query.period } : {}),
    ...(def.parent && query.parentId !== undefined
      ? { parent: { column: def.parent, id: query.parentId } }
      : {}),
    limit: query.pageSize,
    offset: (query.page - 1) * query.pageSize,
  });
  const items = asAnswers(kind, kind === 'channels' ? await withTokenStatus(ctx, rows) : rows);
  return { items, total, page: query.page, pageSize: query.pageSize };
}

/**
 * Rows as the API declares them (src/shared/records.schema.ts). The table is chosen at run time, so the compiler
 * cannot see that a table's row is its kind's answer; the answer check (http/api-document.ts) verifies every one.
 */
const asAnswers = <K extends RegistryKind>(_kind: K, rows: readonly RegistryRow[]) =>
  rows as unknown as RegistryRows[K][];

/** A channel is served with whether its token is set and until when (channel-token.ts), never the token. */
async function served<K extends RegistryKind>(
  ctx: Context,
  kind: K,
  row: RegistryRow,
): Promise<RegistryRows[K]> {
  const [answer] = asAnswers(kind, kind === 'channels' ? await withTokenStatus(ctx, [row]) : [row]);
  return answer as RegistryRows[K];
}

/** The record if the caller's scope holds it; otherwise 404, whether or not it exists. */
async function findInScope(ctx: Context, def: Kind, id: number): Promise<RegistryRow> {
  const row = await findRegistryRecord(ctx.db.kysely, scopeOfContext(ctx), def.table, id);
  if (!row) throw new NotFoundError('not_found', {});
  return row;
}

export async function getRecord<K extends RegistryKind>(ctx: Context, kind: K, id: number) {
  const def: Kind = REGISTRY[kind];
  authorize(ctx.actor, 'read', def.resource);
  return served(ctx, kind, await findInScope(ctx, def, id));
}

/**
 * A record is changed by those whose scope holds its organization. Outlets are also seen where they are only
 * referred to: one shared by the whole installation is changed by those who see it all, an ancestor's by its own.
 */
async function mayChange(ctx: Context, row: RegistryRow): Promise<void> {
  if (scopeOfContext(ctx).kind === 'all') return;
  if (row.orgCode === null || !(await findOrganization(ctx, row.orgCode))) {
    throw new ForbiddenError(roleOf(ctx.actor));
  }
}

export async function createRecord<K extends Exclude<RegistryKind, 'tasks'>>(
  ctx: Context,
  kind: K,
  input: unknown,
) {
  const def = REGISTRY[kind];
  authorize(ctx.actor, 'write', def.resource);
  return inTransaction(ctx, async (tx) => {
    const id = await def.add(tx, input as never);
    const row = await findInScope(tx, def, id);
    await recordChange(tx, { action: 'create', resource: kind, recordId: id, orgId: row.orgId, after: row });
    return served(tx, kind, row);
  });
}

/** Adds a task to a decision in scope. */
export async function addTask(ctx: Context, decisionId: number, input: TaskInput) {
  authorize(ctx.actor, 'write', 'decisions');
  const record = `task of decision ${decisionId}`;
  const task = parseInput(taskInput, input, record);
  return inTransaction(ctx, async (tx) => {
    const decision = await findInScope(tx, REGISTRY.decisions, decisionId);
    const id = await insertTask(tx, new References(tx, record), decisionId, task);
    const row = await findInScope(tx, REGISTRY.tasks, id);
    await recordChange(tx, {
      action: 'create',
      resource: 'tasks',
      recordId: id,
      orgId: decision.orgId,
      after: row,
    });
    return row;
  });
}

/** Changes the fields given; the record stays where it is (its organization, channel or code). */
export async function updateRecord<K extends RegistryKind>(
  ctx: Context,
  kind: K,
  id: number,
  input: unknown,
) {
  const def: Kind = REGISTRY[kind];
  authorize(ctx.actor, 'write', def.resource);
  const before = await findInScope(ctx, def, id);
  await mayChange(ctx, before);
  const record = `${kind} ${id}`;
  const values = parseInput(def.patch, input, record) as Record<string, unknown>;
  return inTransaction(ctx, async (tx) => {
    const refs = new References(tx, record);
    for (const path of ['personId', 'responsiblePersonId'] as const) {
      if (typeof values[path] === 'number') await refs.person(values[path], path);
    }
    await updateRow(tx.db.kysely, def.table, id, values);
    const after = await findInScope(tx, def, id);
    if (def.bilingual) {
      const [ru, kk] = def.bilingual;
      if (!hasText({ ru: after[ru] as string | null, kk: after[kk] as string | null })) {
        throw new ValidationError(record, [{ path: ru, code: 'one_language_required' }]);
      }
    }
    await recordChange(tx, {
      action: 'update',
      resource: kind,
      recordId: id,
      orgId: after.orgId,
      before,
      after,
    });
    return served(tx, kind, after);
  });
}

/** Deletes a record no other record refers to (none would come back on restore); the log keeps it for restore. */
export async function deleteRecord(ctx: Context, kind: RegistryKind, id: number): Promise<void> {
  const def: Kind = REGISTRY[kind];
  authorize(ctx.actor, 'write', def.resource);
  const found = await findInScope(ctx, def, id);
  await mayChange(ctx, found);
  await inTransaction(ctx, async (tx) => {
    if (await hasDependents(tx.db.kysely, def.table, id)) {
      throw new ConflictError('record_in_use', {}, `${kind} ${id}`);
    }
    const before = await readRow(tx.db.kysely, def.table, id);
    await deleteRow(tx.db.kysely, def.table, id);
    await recordChange(tx, { action: 'delete', resource: kind, recordId: id, orgId: found.orgId, before });
  });
}

/** Puts a deleted record back from the audit log, under its old id. */
export async function restoreRecord(
  ctx: Context,
  auditId: number,
): Promise<{ kind: RegistryKind; row: RegistryRow }> {
  const entry = await getAuditEntry(ctx, auditId);
  const kind = REGISTRY_KINDS.find((name) => name === entry.resource);
  if (entry.action !== 'delete' || entry.restoredAt || !entry.before || !kind) {
    throw new ConflictError('audit_not_restorable', { id: auditId });
  }
  const def: Kind = REGISTRY[kind];
  authorize(ctx.actor, 'write', def.resource);
  return inTransaction(ctx, async (tx) => {
    try {
      await reinsertRow(tx.db.kysely, def.table, entry.before as RegistryRow);
    } catch (error) {
      if (tx.db.dialect.isUniqueViolation(error) || tx.db.dialect.isForeignKeyViolation(error)) {
        throw new ConflictError('audit_not_restorable', { id: auditId });
      }
      throw error;
    }
    const row = await findInScope(tx, def, entry.recordId);
    await markRestored(tx.db.kysely, auditId, tx.clock().toISOString());
    await recordChange(tx, {
      action: 'restore',
      resource: kind,
      recordId: row.id,
      orgId: row.orgId,
      after: row,
    });
    return { kind, row };
  });
}
