import type { Command } from 'commander';
import { backup, restore } from '../../services/backup.service.js';
import { type CommonOptions, langOf, say, withCommonOptions } from '../options.js';

/** `backup` and `restore`: a copy of the whole database (SQLite online backup; pg_dump/pg_restore for PostgreSQL). */
export function backupCommands(program: Command): void {
  withCommonOptions(
    program
      .command('backup')
      .description('write a copy of the whole database (safe while the server runs)')
      .requiredOption('--out <file>', 'file to write'),
  ).action(async (options: CommonOptions & { out: string }) => {
    const written = await backup(options.db ? { db: options.db } : {}, options.out);
    console.log(say(langOf(options), 'backupWritten', { db: written.database, file: written.file }));
  });

  withCommonOptions(
    program
      .command('restore')
      .description('replace the database with a backup (stop the server first)')
      .requiredOption('--from <file>', 'backup file'),
  ).action(async (options: CommonOptions & { from: string }) => {
    const restored = await restore(options.db ? { db: options.db } : {}, options.from);
    console.log(say(langOf(options), 'restored', { db: restored.database, file: options.from }));
  });
}
