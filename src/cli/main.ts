/** The `aqparat` command line. */
import { Command } from 'commander';
import { demoCommand } from './commands/demo.command.js';
import { migrateCommand } from './commands/migrate.command.js';
import { startCommand } from './commands/start.command.js';
import { statsCommand } from './commands/stats.command.js';
import { langOf, reportFailure } from './options.js';

/** Every command, one a line. */
const COMMANDS: readonly ((program: Command) => void)[] = [
  migrateCommand,
  demoCommand,
  statsCommand,
  startCommand,
];

const program = new Command('aqparat').description(
  'information work of trade unions: records, measures, briefs',
);
for (const register of COMMANDS) register(program);

try {
  await program.parseAsync(process.argv);
} catch (error) {
  process.exitCode = reportFailure(error, langOf({ lang: langArgument() ?? process.env['AQPARAT_LANG'] }));
}

function langArgument(): string | undefined {
  const index = process.argv.indexOf('--lang');
  return index >= 0 ? process.argv[index + 1] : undefined;
}
