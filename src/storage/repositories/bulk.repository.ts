/**
 * Bulk writes for generated data (the national demo, the benchmark): multi-row inserts of rows already checked
 * by their producer. The services validate one record at a time, which is right for people's input and far too
 * slow for millions of rows; these keep the invariants the services keep (closure rows, local dates) by taking
 * them from the caller, who computes them in bulk.
 */
import { CompiledQuery, type Kysely, sql } from 'kysely';
import { insertValues, isPostgres } from '../parameters.js';
import type { Database, NewOrganization, TableName } from '../schema.js';

/** Bound parameters per SQLite statement: under its limit of 32,766. */
const MAX_PARAMETERS = 30_000;
/** Rows per PostgreSQL statement: each column is one array parameter. */
const UNNEST_ROWS = 20_000;

type Row = Readonly<Record<string, string | number | boolean | null>>;

const snakeCase = (name: string) => name.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`);

/**
 * Inserts rows (camelCase keys, all with the keys of the first). The statement text is written here rather than
 * by the query builder, whose per-value nodes cost more than the insert itself at this size. SQLite takes
 * multi-row VALUES; PostgreSQL takes one array per column through `unnest`, which it parses once per batch
 * instead of once per value: several times faster than VALUES there.
 */
export async function insertRows(
  db: Kysely<Database>,
  table: TableName,
  rows: readonly Row[],
): Promise<void> {
  const first = rows[0];
  if (!first) return;
  const keys = Object.keys(first);
  const head = `insert into "${snakeCase(table)}" (${keys.map((key) => `"${snakeCase(key)}"`).join(', ')}) `;
  if (isPostgres(db)) {
    const types = await columnTypes(db, snakeCase(table));
    const casts = keys.map((key, index) => `$${index + 1}::${types.get(snakeCase(key)) ?? 'text'}[]`);
    for (let start = 0; start < rows.length; start += UNNEST_ROWS) {
      const chunk = rows.slice(start, start + UNNEST_ROWS);
      const columns = keys.map((key) => chunk.map((row) => row[key] ?? null));
      await db.executeQuery(CompiledQuery.raw(`${head}select * from unnest(${casts.join(', ')})`, columns));
    }
    return;
  }
  await insertValues(
    db,
    head,
    rows.map((row) => keys.map((key) => row[key] ?? null)),
    Math.max(1, Math.floor(MAX_PARAMETERS / keys.length)),
  );
}

/** PostgreSQL: the type of each column of a table, for the casts of `unnest`'s arrays. */
async function columnTypes(db: Kysely<Database>, table: string): Promise<Map<string, string>> {
  const { rows } = await sql<{ name: string; type: string }>`
    select column_name as name, udt_name as type from information_schema.columns
    where table_schema = current_schema() and table_name = ${table}`.execute(db.withoutPlugins());
  return new Map(rows.map((row) => [row.name, row.type]));
}

export type TreeNode = Omit<NewOrganization, 'parentId'> & { parentCode: string | null };

/**
 * Inserts a tree of new organizations, parents listed before their children, level by level, with its closure
 * rows: each node at depth 0 and under every ancestor of its parent, as `insertOrganization` writes them one by
 * one. A parent code outside the list must be an organization already stored. Returns the ids by code.
 */
export async function insertTree(
  db: Kysely<Database>,
  nodes: readonly TreeNode[],
): Promise<Map<string, number>> {
  const ids = new Map<string, number>();
  const ancestors = new Map<string, readonly { id: number; depth: number }[]>();
  const pending = new Set(nodes.map((node) => node.code));
  let level = nodes.filter((node) => node.parentCode === null || !pending.has(node.parentCode));
  while (level.length > 0) {
    for (const parent of new Set(level.map((node) => node.parentCode))) {
      if (parent !== null && !ancestors.has(parent)) {
        const rows = await db
          .selectFrom('organization as o')
          .innerJoin('orgClosure as c', 'c.descendantId', 'o.id')
          .select(['c.ancestorId as id', 'c.depth'])
          .where('o.code', '=', parent)
          .execute();
        if (rows.length === 0) throw new Error(`no organization ${parent}`);
        ancestors.set(parent, rows);
      }
    }
    await insertRows(
      db,
      'organization',
      level.map(({ parentCode, ...node }) => ({
        ...node,
        parentId:
          parentCode === null ? null : (ancestors.get(parentCode)?.find((a) => a.depth === 0)?.id ?? null),
      })),
    );
    const stored = await db
      .selectFrom('organization')
      .select(['id', 'code'])
      .where(
        'code',
        'in',
        level.map((node) => node.code),
      )
      .execute();
    const closure: { ancestorId: number; descendantId: number; depth: number }[] = [];
    const byCode = new Map(level.map((node) => [node.code, node]));
    for (const { id, code } of stored) {
      const node = byCode.get(code);
      const above = node?.parentCode ? (ancestors.get(node.parentCode) ?? []) : [];
      const own = [{ id, depth: 0 }, ...above.map((a) => ({ id: a.id, depth: a.depth + 1 }))];
      ancestors.set(code, own);
      ids.set(code, id);
      for (const ancestor of own)
        closure.push({ ancestorId: ancestor.id, descendantId: id, depth: ancestor.depth });
    }
    await insertRows(db, 'orgClosure', closure);
    const placed = new Set(level.map((node) => node.code));
    level = nodes.filter((node) => node.parentCode !== null && placed.has(node.parentCode));
  }
  return ids;
}

/** Ids by code of the channels or outlets whose codes start with the prefix. */
export async function idsByCode(
  db: Kysely<Database>,
  table: 'channel' | 'outlet',
  codePrefix: string,
): Promise<Map<string, number>> {
  const rows = await db
    .selectFrom(table)
    .select(['id', 'code'])
    .where('code', 'like', `${codePrefix}%`)
    .execute();
  return new Map(rows.map((row) => [row.code, row.id]));
}

/** Deletes the outlets whose codes start with the prefix (their mentions and subscriptions cascade). */
export async function deleteOutletsByPrefix(db: Kysely<Database>, codePrefix: string): Promise<void> {
  await db.deleteFrom('outlet').where('code', 'like', `${codePrefix}%`).execute();
}
