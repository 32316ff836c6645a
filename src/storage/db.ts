/**
 * Opens the database: a SQLite file by default, PostgreSQL when given a postgres:// URL. Both come back with the
 * same query layer and with the drivers' type quirks normalized (pg int8 and dates as strings, SQLite booleans).
 */
import { mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import type SQLite from 'better-sqlite3';
import {
  CamelCasePlugin,
  Kysely,
  Migrator,
  PostgresDialect,
  type SqliteDatabase,
  type SqliteStatement,
} from 'kysely';
import type pg from 'pg';
import { DIALECTS, type SqlDialect } from './dialect.js';
import { MIGRATIONS } from './migrations/index.js';
import type { Database } from './schema.js';
import { LockWaitingSqliteDialect } from './sqlite-driver.js';

// Each driver is loaded when a database of its kind is opened: a process holds one kind, and each driver's code
// weighs several MB in every process that imports (see docs/PERFORMANCE.md).
const require = createRequire(import.meta.url);
const sqliteDriver = () => require('better-sqlite3') as typeof SQLite;
const postgresDriver = () => require('pg') as typeof pg;

export type DbConfig = { kind: 'sqlite'; file: string } | { kind: 'postgres'; url: string };

export interface Db {
  readonly kysely: Kysely<Database>;
  readonly dialect: SqlDialect;
  readonly config: DbConfig;
  close(): Promise<void>;
}

export const DEFAULT_DB_FILE = './data/aqparat.sqlite';

/**
 * Which database to open: an explicit `--db` (a file, or a postgres:// URL) wins, then `DATABASE_URL`, then
 * `AQPARAT_DB`, then the embedded default file.
 */
export function resolveDbConfig(explicit: string | undefined, env: NodeJS.ProcessEnv): DbConfig {
  const target = explicit ?? env['DATABASE_URL'] ?? env['AQPARAT_DB'] ?? DEFAULT_DB_FILE;
  return /^postgres(ql)?:\/\//.test(target)
    ? { kind: 'postgres', url: target }
    : { kind: 'sqlite', file: target };
}

/** Where the database is, without a password, for messages. */
export function describeDbConfig(config: DbConfig): string {
  return config.kind === 'sqlite'
    ? `SQLite ${config.file}`
    : `PostgreSQL ${config.url.replace(/:[^:@/]*@/, ':***@')}`;
}

const PG_INT8 = 20;
const PG_NUMERIC = 1700;
const PG_DATE = 1082;
const PG_TIMESTAMPTZ = 1184;

function postgresTypes(): pg.CustomTypesConfig {
  const types = new (postgresDriver().TypeOverrides)();
  types.setTypeParser(PG_INT8, Number);
  types.setTypeParser(PG_NUMERIC, Number);
  // A date is a calendar date: never let the driver shift it through the process time zone.
  types.setTypeParser(PG_DATE, (value: string) => value);
  types.setTypeParser(PG_TIMESTAMPTZ, (value: string) => new Date(value).toISOString());
  return types;
}

/** Columns map snake_case ↔ camelCase; the keys inside JSON values stay as they were written. */
const camelCase = () => new CamelCasePlugin({ maintainNestedObjectKeys: true });

/** Compiled statements kept per SQLite connection: a few hundred distinct texts make up a day's queries. */
const STATEMENTS_KEPT = 500;

/**
 * SQLite has no boolean and better-sqlite3 refuses to bind one: a boolean parameter is bound as 1 or 0. Done
 * here, on the compiled query's parameters, rather than by a plugin that rewrites every query's tree.
 */
const bindable = (parameters: readonly unknown[]): readonly unknown[] =>
  parameters.some((value) => typeof value === 'boolean')
    ? parameters.map((value) => (typeof value === 'boolean' ? Number(value) : value))
    : parameters;

function binding(statement: SQLite.Statement): SqliteStatement {
  return {
    reader: statement.reader,
    all: (parameters) => statement.all(bindable(parameters)),
    run: (parameters) => statement.run(bindable(parameters)),
    iterate: (parameters) => statement.iterate(bindable(parameters)),
  };
}

/**
 * Kysely prepares every query anew, and better-sqlite3 compiles each prepare: for the one-row statements an
 * import runs per record, compiling cost more than running. Statements are kept by their text, the least
 * recently used dropped first. One connection runs one query at a time (Kysely holds it while a stream is
 * read), so a kept statement is never asked for while it runs.
 */
function keepingStatements(database: SQLite.Database): SqliteDatabase {
  const statements = new Map<string, SqliteStatement>();
  return {
    close: () => database.close(),
    prepare(text) {
      let statement = statements.get(text);
      if (statement) statements.delete(text);
      else {
        statement = binding(database.prepare(text));
        if (statements.size >= STATEMENTS_KEPT) statements.delete(statements.keys().next().value as string);
      }
      statements.set(text, statement);
      return statement;
    },
  };
}

export interface DbOptions {
  /** SQLite only: a connection that only reads a database that exists (a reader beside the server's). */
  readonly?: boolean;
}

export function createDb(config: DbConfig, { readonly = false }: DbOptions = {}): Db {
  if (config.kind === 'sqlite') {
    if (config.file !== ':memory:' && !readonly) mkdirSync(dirname(config.file), { recursive: true });
    const database = new (sqliteDriver())(config.file, { readonly, fileMustExist: readonly });
    // WAL is a property of the file, set by its writers; a reader may not set it.
    if (!readonly) database.pragma('journal_mode = WAL');
    database.pragma('foreign_keys = ON');
    // Never wait for another process's write lock here: it would block the thread (see sqlite-driver.ts).
    database.pragma('busy_timeout = 0');
    database.pragma('synchronous = NORMAL');
    // SQLite's own lower() folds ASCII only; searches must fold Cyrillic and Kazakh letters as PostgreSQL does.
    database.function('lower', { deterministic: true }, (value: unknown) =>
      typeof value === 'string' ? value.toLowerCase() : value,
    );
    const kysely = new Kysely<Database>({
      dialect: new LockWaitingSqliteDialect({ database: keepingStatements(database) }),
      plugins: [camelCase()],
    });
    return { kysely, dialect: DIALECTS.sqlite, config, close: () => kysely.destroy() };
  }
  const pool = new (postgresDriver().Pool)({ connectionString: config.url, types: postgresTypes(), max: 10 });
  const kysely = new Kysely<Database>({
    dialect: new PostgresDialect({ pool }),
    plugins: [camelCase()],
  });
  return { kysely, dialect: DIALECTS.postgres, config, close: () => kysely.destroy() };
}

/** Brings the schema to the latest migration. Kysely's migrator holds a lock, so concurrent servers are safe. */
export async function migrateToLatest(db: Db): Promise<string[]> {
  const migrator = new Migrator({
    db: db.kysely,
    provider: { getMigrations: async () => ({ ...MIGRATIONS }) },
  });
  const { error, results } = await migrator.migrateToLatest();
  if (error) throw error;
  return (results ?? [])
    .filter((result) => result.status === 'Success')
    .map((result) => result.migrationName);
}
