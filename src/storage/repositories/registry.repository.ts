/**
 * Reading, changing and deleting the plain records by id, each within the caller's scope: the organization a
 * record belongs to is its own `orgId`, its channel's (audience snapshots) or its decision's (tasks). Outlets
 * without an organization are shared by the whole installation; an organization's outlets are also seen below it.
 */
import { type Kysely, type RawBuilder, sql } from 'kysely';
import type { Period } from '../../domain/period.js';
import type { OrgScope } from '../../domain/scope.js';
import type { Database } from '../schema.js';
import { toBool } from '../rows.js';
import { inReach, inScope } from '../scope.js';

export const REGISTRY_TABLES = [
  'membershipSnapshot',
  'person',
  'channel',
  'audienceSnapshot',
  'outlet',
  'mediaMention',
  'pressSubscription',
  'material',
  'event',
  'decision',
  'task',
  'appUsage',
  'target',
] as const;
export type RegistryTable = (typeof REGISTRY_TABLES)[number];

type Row = Record<string, unknown> & { id: number };

// Kysely cannot type a query on a table chosen at run time; the exported signatures keep callers typed.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Untyped = Kysely<any>;

/** The expression giving the organization of a row `r` of the table. */
function orgOf(table: RegistryTable): RawBuilder<number | null> {
  if (table === 'audienceSnapshot') return sql`(select ch.org_id from channel ch where ch.id = r.channel_id)`;
  if (table === 'task') return sql`(select d.org_id from decision d where d.id = r.decision_id)`;
  return sql`r.org_id`;
}

/** The date a table's rows are filtered by in a period, if any. */
const DATE_COLUMN: Readonly<Record<RegistryTable, string | null>> = {
  membershipSnapshot: 'asOf',
  person: null,
  channel: null,
  audienceSnapshot: 'asOf',
  outlet: null,
  mediaMention: 'publishedOn',
  pressSubscription: null,
  material: 'issuedOn',
  event: 'heldOn',
  decision: 'adoptedOn',
  task: 'dueOn',
  appUsage: 'asOf',
  target: null,
};

/** Outlets are seen where they may be referred to (scope.ts, inReach); changing one takes more (the service). */
function visible(scope: OrgScope, table: RegistryTable) {
  const org = orgOf(table);
  return table === 'outlet' ? inReach(scope, org) : inScope(scope, org);
}

export interface RegistryQuery {
  /** Only records of this organization's subtree. */
  rootId?: number;
  period?: Period;
  /** Only the tasks of this decision, the snapshots of this channel, … */
  parent?: { column: string; id: number };
  limit: number;
  offset: number;
}

export async function listRegistry(
  db: Kysely<Database>,
  scope: OrgScope,
  table: RegistryTable,
  query: RegistryQuery,
): Promise<{ rows: RegistryRow[]; total: number }> {
  const org = orgOf(table);
  const dateColumn = DATE_COLUMN[table];
  let base = (db as Untyped).selectFrom(`${table} as r`).where(visible(scope, table));
  if (query.rootId !== undefined) {
    base = base.where(
      sql<boolean>`${org} in (select descendant_id from org_closure where ancestor_id = ${query.rootId})`,
    );
  }
  if (query.period && dateColumn) {
    base = base
      .where(`r.${dateColumn}`, '>=', query.period.from)
      .where(`r.${dateColumn}`, '<=', query.period.to);
  }
  if (query.parent) base = base.where(`r.${query.parent.column}`, '=', query.parent.id);
  const counted = await base.select(sql<number>`count(*)`.as('n')).executeTakeFirstOrThrow();
  const rows = await base
    .selectAll('r')
    .select(withOrg(table))
    .orderBy(dateColumn ? `r.${dateColumn}` : 'r.id', dateColumn ? 'desc' : 'asc')
    .orderBy('r.id')
    .limit(query.limit)
    .offset(query.offset)
    .execute();
  return { rows: (rows as unknown as Row[]).map(present(table)), total: Number(counted.n) };
}

/** Boolean columns, which SQLite gives as 0/1. */
const BOOLEAN_COLUMNS: Partial<Record<RegistryTable, readonly string[]>> = {
  person: ['infoResponsible', 'isLeader'],
  channel: ['isOfficial'],
};

export type RegistryRow = Row & { orgId: number | null; orgCode: string | null };

function present(table: RegistryTable) {
  return ({ recordOrgId, recordOrgCode, ...row }: Row): RegistryRow => {
    for (const column of BOOLEAN_COLUMNS[table] ?? []) row[column] = toBool(row[column] as number | boolean);
    return {
      ...row,
      orgId: (recordOrgId as number | null) ?? null,
      orgCode: (recordOrgCode as string | null) ?? null,
    };
  };
}

function withOrg(table: RegistryTable) {
  const org = orgOf(table);
  return [
    org.as('recordOrgId'),
    sql<string | null>`(select o.code from organization o where o.id = ${org})`.as('recordOrgCode'),
  ];
}

/** The record with this id if the scope sees it, with the organization it belongs to as `orgId`. */
export async function findRegistryRecord(
  db: Kysely<Database>,
  scope: OrgScope,
  table: RegistryTable,
  id: number,
): Promise<RegistryRow | undefined> {
  const row = (await (db as Untyped)
    .selectFrom(`${table} as r`)
    .selectAll('r')
    .select(withOrg(table))
    .where('r.id', '=', id)
    .where(visible(scope, table))
    .executeTakeFirst()) as Row | undefined;
  return row && present(table)(row);
}

/** The stored row exactly as it is, for the audit log. */
export async function readRow(
  db: Kysely<Database>,
  table: RegistryTable,
  id: number,
): Promise<Row | undefined> {
  return (await (db as Untyped).selectFrom(table).selectAll().where('id', '=', id).executeTakeFirst()) as
    Row | undefined;
}

export async function updateRow(
  db: Kysely<Database>,
  table: RegistryTable,
  id: number,
  values: Record<string, unknown>,
): Promise<void> {
  if (Object.keys(values).length > 0)
    await (db as Untyped).updateTable(table).set(values).where('id', '=', id).execute();
}

export async function deleteRow(db: Kysely<Database>, table: RegistryTable, id: number): Promise<void> {
  await (db as Untyped).deleteFrom(table).where('id', '=', id).execute();
}

/** Puts a deleted row back under its old id. */
export async function reinsertRow(db: Kysely<Database>, table: RegistryTable, row: Row): Promise<void> {
  await (db as Untyped).insertInto(table).values(row).execute();
}

/** The rows that refer to a record: deleting it would take them along (or unlink them), so it is refused. */
const DEPENDENTS: Partial<Record<RegistryTable, readonly { table: string; column: string }[]>> = {
  channel: [
    { table: 'audience_snapshot', column: 'channel_id' },
    { table: 'publication', column: 'channel_id' },
    { table: 'import_batch', column: 'channel_id' },
  ],
  outlet: [
    { table: 'media_mention', column: 'outlet_id' },
    { table: 'press_subscription', column: 'outlet_id' },
  ],
  person: [
    { table: 'media_mention', column: 'person_id' },
    { table: 'task', column: 'responsible_person_id' },
  ],
  decision: [{ table: 'task', column: 'decision_id' }],
};

export async function hasDependents(
  db: Kysely<Database>,
  table: RegistryTable,
  id: number,
): Promise<boolean> {
  for (const { table: other, column } of DEPENDENTS[table] ?? []) {
    const { rows } = await sql<{ found: number }>`select 1 as found from ${sql.table(other)} where ${sql.ref(
      column,
    )} = ${id} limit 1`.execute(db);
    if (rows.length > 0) return true;
  }
  return false;
}
