/** Backing the installation up and restoring it, for the operator's command line. */
import { resolve } from 'node:path';
import { backupDatabase, restoreDatabase } from '../storage/backup.js';
import { createDb, describeDbConfig, migrateToLatest, resolveDbConfig } from '../storage/db.js';
import type { OpenOptions } from './context.js';

type Target = Pick<OpenOptions, 'db' | 'env'>;

const configOf = (target: Target) => resolveDbConfig(target.db, target.env ?? process.env);

/** Writes a copy of the whole database to the file; where it was written and from which database. */
export async function backup(target: Target, file: string): Promise<{ file: string; database: string }> {
  const config = configOf(target);
  const path = resolve(file);
  await backupDatabase(config, path);
  return { file: path, database: describeDbConfig(config) };
}

/** Restores the backup, then brings its schema up to date (a backup from an older version migrates forward). */
export async function restore(target: Target, file: string): Promise<{ database: string }> {
  const config = configOf(target);
  await restoreDatabase(config, resolve(file));
  const db = createDb(config);
  try {
    await migrateToLatest(db);
  } finally {
    await db.close();
  }
  return { database: describeDbConfig(config) };
}
