import type { Command } from 'commander';
import { retrainModel } from '../../services/analysis.service.js';
import { type CommonOptions, langOf, runCommand, say, withCommonOptions } from '../options.js';

export function retrainCommand(program: Command): void {
  withCommonOptions(
    program
      .command('retrain')
      .description("train the installation's model on users' corrections; later classification uses it")
      .option('--by <name>', 'who retrains (recorded with the model)'),
  ).action(async (options: CommonOptions & { by?: string }) => {
    const lang = langOf(options);
    await runCommand(options, async (ctx) => {
      const result = await retrainModel(ctx, options.by ? { by: options.by } : {});
      console.log(
        say(lang, 'retrained', {
          id: result.modelId,
          ms: result.milliseconds,
          corrections: result.corrections,
          documents: result.documents,
        }),
      );
    });
  });
}
