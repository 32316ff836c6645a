/**
 * Reading many small rows as one value. A driver builds every row it returns as an object, at about a
 * microsecond a row; the engine packing the same rows into one JSON text, parsed at once, takes a third of that.
 * That counts for a subtree-wide read of the nation (ten thousand organizations), not for a read of a few rows.
 * Values go through JSON: numbers, text and dates (PostgreSQL writes a date as its `YYYY-MM-DD` text) keep their
 * values; a SQLite boolean stays 0/1, as it comes from the driver anyway. The rows come in no particular order.
 */
import { type Kysely, type SelectExpression, type Selection, type SelectQueryBuilder, sql } from 'kysely';
import type { OrgScope } from '../domain/scope.js';
import { keptRead } from './kept.js';
import { isPostgres } from './parameters.js';
import { fromJson } from './rows.js';
import type { Database } from './schema.js';

/** The query's rows with these columns (`table.column`, no alias: each read under its name), packed in one value. */
export async function selectPacked<DB, TB extends keyof DB, C extends SelectExpression<DB, TB> & string>(
  db: Kysely<Database>,
  from: SelectQueryBuilder<DB, TB, object>,
  columns: readonly C[],
): Promise<Selection<DB, TB, C>[]> {
  const keys = keysOf(columns);
  const { rows } = await packedQuery(db, from, columns, keys).execute(db);
  return unpacked(rows, keys);
}

/** The same read kept compiled (kept.ts): built once per engine and scope, run with new values. */
export function keptPacked<
  V extends Readonly<Record<string, unknown>>,
  DB,
  TB extends keyof DB,
  C extends SelectExpression<DB, TB> & string,
>(
  from: (db: Kysely<Database>, scope: OrgScope, values: V) => SelectQueryBuilder<DB, TB, object>,
  columns: readonly C[],
): (db: Kysely<Database>, scope: OrgScope, values: V) => Promise<Selection<DB, TB, C>[]> {
  const keys = keysOf(columns);
  const read = keptRead((db, scope, values: V) => packedQuery(db, from(db, scope, values), columns, keys));
  return async (db, scope, values) => unpacked(await read(db, scope, values), keys);
}

const keysOf = (columns: readonly string[]) =>
  columns.map((column) => column.slice(column.lastIndexOf('.') + 1));

function packedQuery<DB, TB extends keyof DB, C extends SelectExpression<DB, TB> & string>(
  db: Kysely<Database>,
  from: SelectQueryBuilder<DB, TB, object>,
  columns: readonly C[],
  keys: readonly string[],
) {
  const values = sql.join(keys.map((key) => sql.ref(`t.${key}`)));
  const packed = isPostgres(db)
    ? sql`coalesce(json_agg(json_build_array(${values})), '[]')`
    : sql`json_group_array(json_array(${values}))`;
  return sql<{ packed: unknown }>`select ${packed} as packed from (${from.select(columns)}) as t`;
}

function unpacked<T>(rows: readonly { packed: unknown }[], keys: readonly string[]): T[] {
  // Index loops: an iterator of entries per row cost as much as reading the rows for ten thousand of them.
  return (fromJson<unknown[][]>(rows[0]?.packed) ?? []).map((packedRow) => {
    const row: Record<string, unknown> = {};
    for (let at = 0; at < keys.length; at++) row[keys[at]!] = packedRow[at];
    return row as T;
  });
}
