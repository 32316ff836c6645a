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
  /**
   * A token of the committed data: it changes whenever a commit, by this process or any other, could have
   * changed what a query sees, and reading it changes nothing. Whatever is computed after reading it is at least
   * as new as it.
   */
  dataVersion(db: Kysely<Database>): Promise<string>;
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

/** The one text value `v` of a query. */
async function versionOf(db: Kysely<Database>, query: string): Promise<string> {
  const { rows } = await sql.raw<{ v: string }>(query).execute(db);
  return rows[0]?.v ?? '';
}

const sqlite: SqlDialect = {
  name: 'sqlite',
  monthOf: (column) => sql<string>`substr(${sql.ref(column)}, 1, 7)`,
  explain: (db, query) => explainWith(db, 'explain query plan', 'detail', query),
  isUniqueViolation: (error) => String(errorCode(error)).startsWith('SQLITE_CONSTRAINT_UNIQUE'),
  isForeignKeyViolation: (error) => errorCode(error) === 'SQLITE_CONSTRAINT_FOREIGNKEY',
  // data_version moves when another connection commits, never for this one's own writes, which
  // total_changes() counts (a rolled-back change too: a needless new version, never a stale one).
  dataVersion: (db) =>
    versionOf(db, "select (select data_version from pragma_data_version) || '.' || total_changes() as v"),
};

const postgres: SqlDialect = {
  name: 'postgres',
  monthOf: (column) => sql<string>`to_char(${sql.ref(column)}, 'YYYY-MM')`,
  explain: (db, query) => explainWith(db, 'explain', 'QUERY PLAN', query),
  isUniqueViolation: (error) => errorCode(error) === '23505',
  isForeignKeyViolation: (error) => errorCode(error) === '23503',
  // Two equal snapshots see the same committed transactions, whichever connection takes them; a read-only
  // transaction takes no transaction id, so readers leave it as it is.
  dataVersion: (db) => versionOf(db, 'select pg_current_snapshot()::text as v'),
};

export const DIALECTS: Readonly<Record<DialectName, SqlDialect>> = { sqlite, postgres };
