/** The `aqparat` command line. */
import { Command } from 'commander';
import { COMMANDS } from './commands.js';
import { langOf, reportFailure } from './options.js';

const program = new Command('aqparat').description(
  'information work of trade unions: records, measures, briefs',
);
const named = COMMANDS.filter((command) => command.names.includes(process.argv[2] ?? ''));
for (const command of named.length > 0 ? named : COMMANDS) (await command.load())(program);

try {
  await program.parseAsync(process.argv);
} catch (error) {
  process.exitCode = reportFailure(error, langOf({ lang: langArgument() ?? process.env['AQPARAT_LANG'] }));
}

function langArgument(): string | undefined {
  const index = process.argv.indexOf('--lang');
  return index >= 0 ? process.argv[index + 1] : undefined;
}
