import type { Command } from 'commander';
import { migrateDatabase } from '../../services/context.js';
import { type CommonOptions, langOf, say, withCommonOptions } from '../options.js';

export function migrateCommand(program: Command): void {
  withCommonOptions(program.command('migrate').description('bring the database schema up to date')).action(
    async (options: CommonOptions) => {
      const lang = langOf(options);
      const applied = await migrateDatabase(options.db ? { db: options.db } : {});
      console.log(
        applied.length ? say(lang, 'migrated', { names: applied.join(', ') }) : say(lang, 'upToDate'),
      );
    },
  );
}
