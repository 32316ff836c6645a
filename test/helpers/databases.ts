/**
 * The databases tests run on: SQLite always, PostgreSQL whenever DATABASE_URL is set. Each test database is new
 * (a temporary SQLite file, or a PostgreSQL database created for it and dropped after), so files run in parallel.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { type Context, openContext } from '../../src/services/context.js';

export type DialectName = 'sqlite' | 'postgres';

export const DIALECTS: DialectName[] = process.env['DATABASE_URL'] ? ['sqlite', 'postgres'] : ['sqlite'];

export interface TestDatabase {
  /** What `--db` takes: a file path or a postgres:// URL. */
  target: string;
  drop(): Promise<void>;
}

function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

export async function createTestDatabase(dialect: DialectName): Promise<TestDatabase> {
  if (dialect === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'aqparat-test-'));
    return {
      target: join(dir, 'test.sqlite'),
      drop: async () => rmSync(dir, { recursive: true, force: true }),
    };
  }
  const adminUrl = process.env['DATABASE_URL'] ?? '';
  const name = `aqparat_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  return {
    target: withDatabase(adminUrl, name),
    drop: async () => {
      const client = new pg.Client({ connectionString: adminUrl });
      await client.connect();
      try {
        // A pool that has just ended may still be closing its sockets: wait for them rather than terminate them,
        // which would raise an error on a client the test no longer listens to.
        for (let attempt = 0; ; attempt++) {
          try {
            await client.query(`drop database if exists ${name}${attempt < 50 ? '' : ' with (force)'}`);
            break;
          } catch (error) {
            if ((error as { code?: string }).code !== '55006' || attempt >= 50) throw error;
            await new Promise((resolve) => setTimeout(resolve, 100));
          }
        }
      } finally {
        await client.end();
      }
    },
  };
}

/** A migrated database with a system context on it; `close` drops it. */
export async function openTestContext(
  dialect: DialectName,
  options: { clock?: () => Date } = {},
): Promise<Context & { target: string; close(): Promise<void> }> {
  const database = await createTestDatabase(dialect);
  const ctx = await openContext({ db: database.target, env: {}, ...options });
  return {
    ...ctx,
    target: database.target,
    close: async () => {
      await ctx.db.close();
      await database.drop();
    },
  };
}
