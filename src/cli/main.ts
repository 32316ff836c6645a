/** The `aqparat` command line. */
import { Command, CommanderError } from 'commander';
import { COMMANDS } from './commands.js';
import { localize, usageMessage } from './localize.js';
import { cliLang, reportFailure, reportUsage } from './options.js';

const lang = cliLang(process.argv);
const program = new Command('aqparat').description(
  'information work of trade unions: records, measures, briefs',
);
// Commander's own errors are thrown rather than exiting, so that `--json` can tell them on stdout too.
program.exitOverride();
/** Whether the output is JSON: every command's failure is then a JSON object on stdout as well. */
const json = process.argv.includes('--json');
const named = COMMANDS.filter((command) => command.names.includes(process.argv[2] ?? ''));
for (const command of named.length > 0 ? named : COMMANDS) (await command.load())(program);
localize(program, lang);

try {
  await program.parseAsync(process.argv);
} catch (error) {
  if (error instanceof CommanderError) {
    // Commander told it on stderr already; help and the version end with 0.
    if (json && error.exitCode !== 0) reportUsage(usageMessage(error.message, lang));
    process.exitCode = error.exitCode;
  } else {
    process.exitCode = reportFailure(error, lang, json);
  }
}
