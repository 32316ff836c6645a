/** The Context every use case takes: who acts, on which database, at what time, logging where. */
import { sql } from 'kysely';
import pino, { type Logger } from 'pino';
import type { OrgScope } from '../domain/scope.js';
import { type Actor, NOBODY, scopeOf, SYSTEM } from '../policies/actor.js';
import { createDb, type Db, describeDbConfig, migrateToLatest, resolveDbConfig } from '../storage/db.js';
import { DATA_CACHE_ENTRIES, DataCache } from './data-cache.js';
import { MeasuresApart } from './measures-apart.js';

export interface Context {
  readonly actor: Actor;
  readonly db: Db;
  readonly clock: () => Date;
  readonly log: Logger;
  /** Answers computed from this database (data-cache.ts), shared by every request of the process that opened it. */
  readonly cache: DataCache;
}

export interface OpenOptions {
  /** A SQLite file or a postgres:// URL; otherwise DATABASE_URL, AQPARAT_DB, then the default file. */
  db?: string;
  env?: NodeJS.ProcessEnv;
  actor?: Actor;
  clock?: () => Date;
  log?: Logger;
}

/** Logs go to stderr, so that a command's stdout stays its output (tables, JSON). */
export function createLogger(env: NodeJS.ProcessEnv = process.env): Logger {
  return pino({ name: 'aqparat', level: env['AQPARAT_LOG_LEVEL'] ?? 'warn' }, pino.destination(2));
}

/** Opens the database, bringing its schema up to date on first use. */
export async function openContext(options: OpenOptions = {}): Promise<Context> {
  const env = options.env ?? process.env;
  const log = options.log ?? createLogger(env);
  const db = createDb(resolveDbConfig(options.db, env));
  try {
    const applied = await migrateToLatest(db);
    if (applied.length > 0) log.info({ migrations: applied }, 'database migrated');
  } catch (error) {
    await db.close();
    throw error;
  }
  const { config } = db;
  // A database in memory has no second connection to compute on.
  const apart =
    config.kind === 'sqlite' && config.file !== ':memory:' ? new MeasuresApart(config.file, log) : undefined;
  return {
    actor: options.actor ?? SYSTEM,
    db: apart ? { ...db, close: () => apart.close().then(() => db.close()) } : db,
    clock: options.clock ?? (() => new Date()),
    log,
    cache: new DataCache(() => db.dialect.dataVersion(db.kysely), DATA_CACHE_ENTRIES, apart),
  };
}

export function scopeOfContext(ctx: Context): OrgScope {
  return scopeOf(ctx.actor);
}

/** Runs the work in one transaction: all of it is stored, or none. Inside one already, it joins it. */
export async function inTransaction<T>(ctx: Context, work: (tx: Context) => Promise<T>): Promise<T> {
  if (ctx.db.kysely.isTransaction) return work(ctx);
  return ctx.db.kysely.transaction().execute((kysely) => work({ ...ctx, db: { ...ctx.db, kysely } }));
}

/** Where the context's database is, without secrets, for messages. */
export function describeDatabase(ctx: Context): string {
  return describeDbConfig(ctx.db.config);
}

/** Brings the database's schema up to date; the names of the migrations applied now. */
export async function migrateDatabase(options: Pick<OpenOptions, 'db' | 'env'> = {}): Promise<string[]> {
  const db = createDb(resolveDbConfig(options.db, options.env ?? process.env));
  try {
    return await migrateToLatest(db);
  } finally {
    await db.close();
  }
}

/** Whether the database answers: what a readiness probe asks. */
export async function databaseAnswers(ctx: Context): Promise<boolean> {
  try {
    await sql`select 1`.execute(ctx.db.kysely);
    return true;
  } catch {
    return false;
  }
}

/** The same database and log, acting for nobody: what a server request starts as before signing in. */
export function asNobody(ctx: Context): Context {
  return { ...ctx, actor: NOBODY };
}
