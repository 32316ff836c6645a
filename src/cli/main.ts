/** The `aqparat` command line. */
import { Command } from 'commander';
import { attributionCommand } from './commands/attribution.command.js';
import { backupCommands } from './commands/backup.command.js';
import { channelCommand } from './commands/channel.command.js';
import { demoCommand } from './commands/demo.command.js';
import { classifyCommand } from './commands/classify.command.js';
import { correctCommand } from './commands/correct.command.js';
import { evalCommand } from './commands/eval.command.js';
import { reclassifyCommand } from './commands/reclassify.command.js';
import { retrainCommand } from './commands/retrain.command.js';
import { importCommand } from './commands/import.command.js';
import { importsCommand } from './commands/imports.command.js';
import { assignSubjectCommand, publicationsCommand } from './commands/publications.command.js';
import { templateCommand } from './commands/template.command.js';
import { migrateCommand } from './commands/migrate.command.js';
import { reportCommand } from './commands/report.command.js';
import { settingsCommand } from './commands/settings.command.js';
import { startCommand } from './commands/start.command.js';
import { serveCommand } from './commands/serve.command.js';
import { statsCommand } from './commands/stats.command.js';
import { userCommand } from './commands/user.command.js';
import { langOf, reportFailure } from './options.js';

/** Every command, one a line. */
const COMMANDS: readonly ((program: Command) => void)[] = [
  migrateCommand,
  demoCommand,
  statsCommand,
  startCommand,
  serveCommand,
  userCommand,
  backupCommands,
  channelCommand,
  importCommand,
  importsCommand,
  publicationsCommand,
  assignSubjectCommand,
  attributionCommand,
  templateCommand,
  reportCommand,
  settingsCommand,
  classifyCommand,
  reclassifyCommand,
  correctCommand,
  retrainCommand,
  evalCommand,
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
