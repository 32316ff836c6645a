/**
 * Lists and tables passed to a statement as a fixed number of parameters, so that its text does not depend on how
 * many values it carries: SQLite then compiles it once per connection (db.ts keeps compiled statements), where a
 * placeholder per value meant a new statement, and a new compilation, for every batch. SQLite reads them from one
 * JSON parameter, PostgreSQL from one array per column.
 */
import { CompiledQuery, type Kysely, PostgresAdapter, type RawBuilder, sql } from 'kysely';
import type { Database } from './schema.js';

/** A column's type on each engine: SQLite keeps booleans as 0/1 and JSON as text. */
const TYPES = {
  integer: { postgres: 'integer', sqlite: 'integer' },
  text: { postgres: 'text', sqlite: 'text' },
  real: { postgres: 'double precision', sqlite: 'real' },
  boolean: { postgres: 'boolean', sqlite: 'integer' },
  json: { postgres: 'jsonb', sqlite: 'text' },
  instant: { postgres: 'timestamptz', sqlite: 'text' },
  date: { postgres: 'date', sqlite: 'text' },
} as const;

export type ColumnType = keyof typeof TYPES;

/** A value a row carries to a statement. */
export type Cell = string | number | boolean | null;

export const isPostgres = (db: Kysely<Database>) => db.getExecutor().adapter instanceof PostgresAdapter;

/** The values as the right side of `in`. */
export function valuesIn<T extends number | string>(
  db: Kysely<Database>,
  values: readonly T[],
  type: ColumnType,
): RawBuilder<T> {
  return isPostgres(db)
    ? sql<T>`(select unnest(${[...values]}::${sql.raw(TYPES[type].postgres)}[]))`
    : sql<T>`(select value from json_each(${JSON.stringify(values)}))`;
}

/** Rows as a table `alias (columns…)` to select from; each row holds one value per column, in order. */
export function rowsTable(
  db: Kysely<Database>,
  alias: string,
  columns: readonly { name: string; type: ColumnType }[],
  rows: readonly (readonly Cell[])[],
): RawBuilder<unknown> {
  if (isPostgres(db)) {
    const arrays = columns.map(
      (column, index) =>
        sql`${rows.map((row) => row[index] ?? null)}::${sql.raw(TYPES[column.type].postgres)}[]`,
    );
    const names = columns.map((column) => sql.id(column.name));
    return sql`unnest(${sql.join(arrays)}) as ${sql.id(alias)} (${sql.join(names)})`;
  }
  const values = columns.map(
    (column, index) =>
      sql`cast(value ->> ${sql.lit(index)} as ${sql.raw(TYPES[column.type].sqlite)}) as ${sql.id(column.name)}`,
  );
  return sql`(select ${sql.join(values)} from json_each(${JSON.stringify(rows)})) as ${sql.id(alias)}`;
}

/**
 * SQLite: rows inserted by multi-row VALUES, `perStatement` rows a statement, after `head`
 * (`insert into t (columns) `); what `returning` gives of each row.
 * Groups of the same size make the same statement text, which the connection keeps compiled.
 */
export async function insertValues<R = never>(
  db: Kysely<Database>,
  head: string,
  rows: readonly (readonly Cell[])[],
  perStatement: number,
  returning = '',
): Promise<R[]> {
  const returned: R[] = [];
  const width = rows[0]?.length ?? 0;
  const tuple = `(${Array.from({ length: width }, () => '?').join(', ')})`;
  for (let start = 0; start < rows.length; start += perStatement) {
    const group = rows.slice(start, start + perStatement);
    // A loop, not `flat()`, which took 0.3 ms a statement.
    const parameters: Cell[] = [];
    for (const row of group) for (const value of row) parameters.push(value);
    const text = `${head}values ${group.map(() => tuple).join(', ')}${returning ? ` returning ${returning}` : ''}`;
    const { rows: inserted } = await db.executeQuery<R>(CompiledQuery.raw(text, parameters));
    returned.push(...inserted);
  }
  return returned;
}
