/**
 * Where SQL must differ between SQLite and PostgreSQL, the difference lives here and nowhere else.
 */
import { CompiledQuery, type Kysely, type RawBuilder, sql } from 'kysely';
import type { Database } from './schema.js';

export type DialectName = 'sqlite' | 'postgres';

export interface SqlDialect {
  readonly name: DialectName;
  /** `YYYY-MM` of a local-date column, e.g. `p.localDate`. */
  monthOf(column: string): RawBuilder<string>;
  /** The engine's query plan, one line per step. */
  explain(db: Kysely<Database>, query: { sql: string; parameters: readonly unknown[] }): Promise<string[]>;
  /** Whether an error is a unique-constraint violation. */
  isUniqueViolation(error: unknown): boolean;
  /** Whether the error is a row still referred to by another (a delete refused by a foreign key). */
  isForeignKeyViolation(error: unknown): boolean;
}

const errorCode = (error: unknown) =>
  error instanceof Error ? (error as { code?: unknown }).code : undefined;

async function explainWith(
  db: Kysely<Database>,
  prefix: string,
  column: string,
  query: { sql: string; parameters: readonly unknown[] },
): Promise<string[]> {
  const result = await db
    .withoutPlugins()
    .executeQuery<Record<string, string>>(CompiledQuery.raw(`${prefix} ${query.sql}`, [...query.parameters]));
  return result.rows.map((row) => row[column] ?? '');
}

const sqlite: SqlDialect = {
  name: 'sqlite',
  monthOf: (column) => sql<string>`substr(${sql.ref(column)}, 1, 7)`,
  explain: (db, query) => explainWith(db, 'explain query plan', 'detail', query),
  isUniqueViolation: (error) => String(errorCode(error)).startsWith('SQLITE_CONSTRAINT_UNIQUE'),
  isForeignKeyViolation: (error) => errorCode(error) === 'SQLITE_CONSTRAINT_FOREIGNKEY',
};

const postgres: SqlDialect = {
  name: 'postgres',
  monthOf: (column) => sql<string>`to_char(${sql.ref(column)}, 'YYYY-MM')`,
  explain: (db, query) => explainWith(db, 'explain', 'QUERY PLAN', query),
  isUniqueViolation: (error) => errorCode(error) === '23505',
  isForeignKeyViolation: (error) => errorCode(error) === '23503',
};

export const DIALECTS: Readonly<Record<DialectName, SqlDialect>> = { sqlite, postgres };
