import type { Command } from 'commander';
import { DomainError } from '../../domain/errors.js';
import { changeSettings, loadSettings } from '../../services/settings.service.js';
import { type CommonOptions, runCommand, withCommonOptions } from '../options.js';

function parseJson(json: string): never {
  try {
    return JSON.parse(json) as never;
  } catch {
    throw new DomainError('option_invalid', {
      option: 'json',
      value: json,
      values: '{"rules": {…}, "presence": {…}}',
    });
  }
}

export function settingsCommand(program: Command): void {
  const settings = program.command('settings').description('rule thresholds and the presence window');
  withCommonOptions(settings.command('show').description('print the settings in force as JSON')).action(
    async (options: CommonOptions) => {
      await runCommand(options, async (ctx) => {
        console.log(JSON.stringify(await loadSettings(ctx), null, 2));
      });
    },
  );
  withCommonOptions(
    settings
      .command('set')
      .description('change settings, e.g. set \'{"rules": {"low_reach": {"minReach": 0.05}}}\'')
      .argument('<json>', 'the changes, as JSON in the shape `settings show` prints'),
  ).action(async (json: string, options: CommonOptions) => {
    await runCommand(options, async (ctx) => {
      console.log(JSON.stringify(await changeSettings(ctx, parseJson(json)), null, 2));
    });
  });
}
