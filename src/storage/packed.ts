/**
 * Reading many small rows as one value. A driver builds every row it returns as an object, at about a
 * microsecond a row; the engine packing the same rows into one JSON text, parsed at once, takes a third of that.
 * That counts for a subtree-wide read of the nation (ten thousand organizations), not for a read of a few rows.
 * Values go through JSON: numbers, text and dates (PostgreSQL writes a date as its `YYYY-MM-DD` text) keep their
 * values; a SQLite boolean stays 0/1, as it comes from the driver anyway. The rows come in no particular order.
 */
import { type Kysely, type OperationNode, type SelectQueryBuilder, sql } from 'kysely';
import type { OrgScope } from '../domain/scope.js';
import { keptRead } from './kept.js';
import { isPostgres } from './parameters.js';
import { fromJson } from './rows.js';
import type { Database } from './schema.js';

/**
 * The rows of the query `build` makes, packed in one value. It selects columns (each read under its name) or
 * aliased expressions (under the alias), no `selectAll`. It is built on the handle without plugins, so that its
 * names are those its rows carry; the whole is compiled on `db`, with them.
 */
export async function selectPacked<DB, TB extends keyof DB, O>(
  db: Kysely<Database>,
  build: (db: Kysely<Database>) => SelectQueryBuilder<DB, TB, O>,
): Promise<O[]> {
  const query = build(db.withoutPlugins());
  const keys = keysOf(query);
  const { rows } = await packedQuery(db, query, keys).execute(db);
  return unpacked(rows, keys);
}

/** The same read kept compiled (kept.ts): built once per engine and scope, run with new values. */
export function keptPacked<V extends Readonly<Record<string, unknown>>, DB, TB extends keyof DB, O>(
  build: (db: Kysely<Database>, scope: OrgScope, values: V) => SelectQueryBuilder<DB, TB, O>,
): (db: Kysely<Database>, scope: OrgScope, values: V) => Promise<O[]> {
  let keys: readonly string[] = [];
  const read = keptRead((db, scope, values: V) => {
    const query = build(db.withoutPlugins(), scope, values);
    keys = keysOf(query);
    return packedQuery(db, query, keys);
  });
  return async (db, scope, values) => unpacked(await read(db, scope, values), keys);
}

/** The names the query's rows carry, in the order it selects them. */
function keysOf(query: SelectQueryBuilder<unknown, never, unknown>): string[] {
  const name = (node: OperationNode | undefined): string | undefined => {
    if (node?.kind === 'IdentifierNode') return (node as OperationNode & { name: string }).name;
    if (node?.kind === 'AliasNode') return name((node as OperationNode & { alias: OperationNode }).alias);
    if (node?.kind === 'ReferenceNode' || node?.kind === 'ColumnNode')
      return name((node as OperationNode & { column: OperationNode }).column);
    return undefined;
  };
  return (query.toOperationNode().selections ?? []).map(({ selection }) => {
    const key = name(selection);
    if (key === undefined) throw new Error('a packed read selects columns or aliased expressions only');
    return key;
  });
}

function packedQuery(
  db: Kysely<Database>,
  query: SelectQueryBuilder<unknown, never, unknown>,
  keys: readonly string[],
) {
  const values = sql.join(keys.map((key) => sql.ref(`t.${key}`)));
  const packed = isPostgres(db)
    ? sql`coalesce(json_agg(json_build_array(${values})), '[]')`
    : sql`json_group_array(json_array(${values}))`;
  return sql<{ packed: unknown }>`select ${packed} as packed from (${query}) as t`;
}

function unpacked<T>(rows: readonly { packed: unknown }[], keys: readonly string[]): T[] {
  // Index loops: an iterator of entries per row cost as much as reading the rows for ten thousand of them.
  return (fromJson<unknown[][]>(rows[0]?.packed) ?? []).map((packedRow) => {
    const row: Record<string, unknown> = {};
    for (let at = 0; at < keys.length; at++) row[keys[at]!] = packedRow[at];
    return row as T;
  });
}
