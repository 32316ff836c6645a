import type { Command } from 'commander';
import { describeDatabase } from '../../services/context.js';
import { buildDemo } from '../../services/demo.service.js';
import { type CommonOptions, langOf, runCommand, say, withCommonOptions } from '../options.js';

export function demoCommand(program: Command): void {
  withCommonOptions(
    program
      .command('demo')
      .description('build the Abai demo data of the seed brief (again with --reset)')
      .option('--reset', 'delete the demo data and build it anew'),
  ).action(async (options: CommonOptions & { reset?: boolean }) => {
    const lang = langOf(options);
    await runCommand(options, async (ctx) => {
      const result = await buildDemo(ctx, { reset: options.reset === true });
      console.log(say(lang, result.built ? 'demoBuilt' : 'demoPresent', { db: describeDatabase(ctx) }));
    });
  });
}
