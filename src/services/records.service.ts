/**
 * Use cases that add the plain records of the vocabulary: snapshots, people, channels, outlets and mentions,
 * subscriptions, materials, events, decisions with their tasks, app usage and targets. Each validates its input,
 * resolves the codes it refers to within the caller's scope and stores the whole record or nothing.
 */
import type { Insertable } from 'kysely';
import type { z } from 'zod';
import { ConflictError, ValidationError } from '../domain/errors.js';
import {
  appUsageInput,
  type AppUsageInput,
  audienceSnapshotInput,
  type AudienceSnapshotInput,
  channelInput,
  type ChannelInput,
  decisionInput,
  type DecisionInput,
  eventInput,
  type EventInput,
  materialInput,
  type MaterialInput,
  mediaMentionInput,
  type MediaMentionInput,
  membershipSnapshotInput,
  type MembershipSnapshotInput,
  outletInput,
  type OutletInput,
  personInput,
  type PersonInput,
  pressSubscriptionInput,
  type PressSubscriptionInput,
  targetInput,
  type TargetInput,
  type taskInput,
} from '../shared/schemas.js';
import {
  existsInScope,
  findIdByCode,
  findOutletIdInReach,
  insertRecord,
  type RecordTable,
} from '../storage/repositories/records.repository.js';
import { findChannelByCode } from '../storage/repositories/channel.repository.js';
import type { Database } from '../storage/schema.js';
import { type Context, inTransaction, scopeOfContext } from './context.js';
import { findOrganization } from './org.service.js';
import { parseInput } from './validate.js';

/** Looks up what a record refers to; an unknown reference is a validation error on that field. */
export class References {
  constructor(
    private readonly tx: Context,
    private readonly record: string,
  ) {}

  private fail(path: string, code: string, params: Record<string, string | number>): never {
    throw new ValidationError(this.record, [{ path, code, params }]);
  }

  async org(code: string, path = 'org'): Promise<number> {
    const org = await findOrganization(this.tx, code);
    return org ? org.id : this.fail(path, 'unknown_org', { code });
  }

  async optionalOrg(code: string | undefined, path: string): Promise<number | null> {
    return code === undefined ? null : this.org(code, path);
  }

  /** A channel of the caller's scope: another subtree's channel is as unknown as a missing one. */
  async channel(code: string, path = 'channel'): Promise<number> {
    const channel = await findChannelByCode(this.tx.db.kysely, scopeOfContext(this.tx), code);
    return channel ? channel.id : this.fail(path, 'unknown_channel', { code });
  }

  /** An outlet the caller may refer to (shared, or of their subtree or above it); another's is as unknown. */
  async outlet(code: string, path = 'outlet'): Promise<number> {
    const id = await findOutletIdInReach(this.tx.db.kysely, scopeOfContext(this.tx), code);
    return id ?? this.fail(path, 'unknown_outlet', { code });
  }

  /** Codes of channels and outlets are unique across the installation. */
  async newCode(table: 'channel' | 'outlet', code: string): Promise<void> {
    if ((await findIdByCode(this.tx.db.kysely, table, code)) === undefined) return;
    const errorCode = table === 'channel' ? 'channel_code_taken' : 'outlet_code_taken';
    throw new ConflictError(errorCode, { code }, this.record, [
      { path: 'code', code: 'taken', params: { value: code } },
    ]);
  }

  async person(id: number | undefined, path: string): Promise<number | null> {
    if (id === undefined) return null;
    const found = await existsInScope(this.tx.db.kysely, scopeOfContext(this.tx), 'person', id);
    return found ? id : this.fail(path, 'unknown_person', { id });
  }
}

/** How a record is named in messages, from whatever input came, valid or not. */
function recordName(kind: string, ...parts: unknown[]): string {
  return [kind, ...parts.map((part) => (part === undefined || part === null ? '?' : String(part)))].join(' ');
}

/** Inserts a row; a unique key already taken is a `duplicate_record` conflict naming the record. */
export async function insertOrConflict<T extends RecordTable>(
  tx: Context,
  table: T,
  row: Insertable<Database[T]>,
  record: string,
): Promise<number> {
  try {
    return await insertRecord(tx.db.kysely, table, row);
  } catch (error) {
    if (tx.db.dialect.isUniqueViolation(error))
      throw new ConflictError('duplicate_record', { what: record }, record);
    throw error;
  }
}

/** Stores one record: validate, resolve references, insert, all in one transaction. */
async function addRecord<S extends z.ZodType, T extends RecordTable>(
  ctx: Context,
  table: T,
  schema: S,
  input: unknown,
  record: string,
  build: (data: z.output<S>, refs: References) => Promise<Insertable<Database[T]>>,
  after?: (id: number, data: z.output<S>, tx: Context, refs: References) => Promise<void>,
): Promise<number> {
  const data = parseInput(schema, input, record);
  return inTransaction(ctx, async (tx) => {
    const refs = new References(tx, record);
    const row = await build(data, refs);
    const id = await insertOrConflict(tx, table, row, record);
    await after?.(id, data, tx, refs);
    return id;
  });
}

// Optional fields the input leaves out stay undefined: Kysely leaves them out of the insert, the column is null.

/** The row of a record that belongs to an organization: its fields, with the organization's code resolved. */
async function ownedByOrg<T extends { org: string }>({ org, ...rest }: T, refs: References) {
  return { ...rest, orgId: await refs.org(org) };
}

export function addMembershipSnapshot(ctx: Context, input: MembershipSnapshotInput): Promise<number> {
  const record = recordName('membership', input.org, input.asOf);
  return addRecord(ctx, 'membershipSnapshot', membershipSnapshotInput, input, record, ownedByOrg);
}

export function addPerson(ctx: Context, input: PersonInput): Promise<number> {
  const record = recordName('person', input.fullName);
  return addRecord(ctx, 'person', personInput, input, record, ownedByOrg);
}

export function addChannel(ctx: Context, input: ChannelInput): Promise<number> {
  const record = recordName('channel', input.code);
  return addRecord(ctx, 'channel', channelInput, input, record, async ({ org, ...rest }, refs) => {
    await refs.newCode('channel', rest.code);
    return { ...rest, orgId: await refs.org(org) };
  });
}

export function addAudienceSnapshot(ctx: Context, input: AudienceSnapshotInput): Promise<number> {
  const record = recordName('audience', input.channel, input.asOf);
  return addRecord(
    ctx,
    'audienceSnapshot',
    audienceSnapshotInput,
    input,
    record,
    async ({ channel, ...rest }, refs) => ({
      ...rest,
      channelId: await refs.channel(channel),
    }),
  );
}

/**
 * An outlet of an organization in the caller's scope; one of no organization, shared by the whole installation,
 * is added by those who see it all (and may change it afterwards), never by a manager of a subtree.
 */
export function addOutlet(ctx: Context, input: OutletInput): Promise<number> {
  const record = recordName('outlet', input.code);
  return addRecord(ctx, 'outlet', outletInput, input, record, async ({ org, ...rest }, refs) => {
    if (org === undefined && scopeOfContext(ctx).kind !== 'all') {
      throw new ValidationError(record, [{ path: 'org', code: 'shared_outlet_admin_only' }]);
    }
    await refs.newCode('outlet', rest.code);
    return { ...rest, orgId: await refs.optionalOrg(org, 'org') };
  });
}

export function addMediaMention(ctx: Context, input: MediaMentionInput): Promise<number> {
  const record = recordName('mention', input.outlet, input.publishedOn, input.title);
  return addRecord(
    ctx,
    'mediaMention',
    mediaMentionInput,
    input,
    record,
    async ({ org, outlet, ...rest }, refs) => ({
      ...rest,
      orgId: await refs.org(org),
      outletId: await refs.outlet(outlet),
      personId: await refs.person(rest.personId, 'personId'),
    }),
  );
}

export function addPressSubscription(ctx: Context, input: PressSubscriptionInput): Promise<number> {
  const record = recordName('subscription', input.org, input.outlet, input.year);
  return addRecord(
    ctx,
    'pressSubscription',
    pressSubscriptionInput,
    input,
    record,
    async ({ org, outlet, ...rest }, refs) => ({
      ...rest,
      orgId: await refs.org(org),
      outletId: await refs.outlet(outlet),
    }),
  );
}

/** A record's name in messages by its text, in whichever language it was given. */
const titleOf = (input: { titleRu?: string | null; titleKk?: string | null }) =>
  input.titleRu ?? input.titleKk;

export function addMaterial(ctx: Context, input: MaterialInput): Promise<number> {
  const record = recordName('material', titleOf(input));
  return addRecord(ctx, 'material', materialInput, input, record, ownedByOrg);
}

export function addEvent(ctx: Context, input: EventInput): Promise<number> {
  const record = recordName('event', titleOf(input));
  return addRecord(ctx, 'event', eventInput, input, record, ownedByOrg);
}

/** A governing body's decision together with its tasks. */
export function addDecision(ctx: Context, input: DecisionInput): Promise<number> {
  const record = recordName('decision', input.org, input.adoptedOn);
  return addRecord(
    ctx,
    'decision',
    decisionInput,
    input,
    record,
    async ({ org, tasks: _tasks, ...rest }, refs) => ({ ...rest, orgId: await refs.org(org) }),
    async (decisionId, d, tx, refs) => {
      for (const [index, task] of d.tasks.entries()) {
        await insertTask(tx, refs, decisionId, task, `tasks.${index}.`);
      }
    },
  );
}

/** Stores a validated task of a decision; `path` prefixes the fields its references are reported on. */
export async function insertTask(
  tx: Context,
  refs: References,
  decisionId: number,
  task: z.output<typeof taskInput>,
  path = '',
): Promise<number> {
  return insertRecord(tx.db.kysely, 'task', {
    decisionId,
    textRu: task.textRu ?? null,
    textKk: task.textKk ?? null,
    responsibleOrgId: await refs.optionalOrg(task.responsibleOrg, `${path}responsibleOrg`),
    responsiblePersonId: await refs.person(task.responsiblePersonId, `${path}responsiblePersonId`),
    dueOn: task.dueOn ?? null,
    status: task.status,
    doneOn: task.doneOn ?? null,
    evidence: task.evidence ?? null,
  });
}

export function addAppUsage(ctx: Context, input: AppUsageInput): Promise<number> {
  const record = recordName('app usage', input.org, input.asOf);
  return addRecord(ctx, 'appUsage', appUsageInput, input, record, ownedByOrg);
}

export function addTarget(ctx: Context, input: TargetInput): Promise<number> {
  const record = recordName('target', input.org, input.metric, input.year);
  return addRecord(ctx, 'target', targetInput, input, record, ownedByOrg);
}
