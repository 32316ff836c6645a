/**
 * Copies of the whole database. SQLite: the engine's online backup, consistent while the server keeps writing,
 * and restored the same way into the database file. PostgreSQL: pg_dump's custom format and pg_restore, which
 * must be on the PATH (they come with the PostgreSQL client).
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import SQLite from 'better-sqlite3';
import type { DbConfig } from './db.js';

function run(command: string, args: readonly string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) =>
      code === 0 ? resolve() : reject(new Error(`${command} exited with ${code}: ${stderr.trim()}`)),
    );
  });
}

export async function backupDatabase(config: DbConfig, file: string): Promise<void> {
  if (config.kind === 'postgres') {
    await run('pg_dump', ['--format=custom', '--no-owner', `--file=${file}`, `--dbname=${config.url}`]);
    return;
  }
  const source = new SQLite(config.file, { readonly: true, fileMustExist: true });
  try {
    await source.backup(file);
  } finally {
    source.close();
  }
}

/** Replaces the database's content with the backup's. Run it with the server stopped. */
export async function restoreDatabase(config: DbConfig, file: string): Promise<void> {
  if (!existsSync(file)) throw new Error(`no backup file ${file}`);
  if (config.kind === 'postgres') {
    await run('pg_restore', [
      '--clean',
      '--if-exists',
      '--no-owner',
      '--single-transaction',
      `--dbname=${config.url}`,
      file,
    ]);
    return;
  }
  const backup = new SQLite(file, { readonly: true, fileMustExist: true });
  try {
    await backup.backup(config.file);
  } finally {
    backup.close();
  }
}
