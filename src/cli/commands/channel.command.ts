import type { Command } from 'commander';
import { addChannel } from '../../services/records.service.js';
import { PLATFORMS } from '../../shared/vocabulary.js';
import { type CommonOptions, langOf, runCommand, say, withCommonOptions } from '../options.js';

interface AddOptions extends CommonOptions {
  org: string;
  platform: string;
  code: string;
  url?: string;
  name?: string;
}

export function channelCommand(program: Command): void {
  const channel = program.command('channel').description('information channels of organizations');
  withCommonOptions(
    channel
      .command('add')
      .description('register a channel of an organization')
      .requiredOption('--org <code>', 'the organization that owns the channel')
      .requiredOption('--platform <platform>', `one of: ${PLATFORMS.join(', ')}`)
      .requiredOption('--code <code>', 'a code of the channel, unique in the installation')
      .option('--url <url>', "the channel's address")
      .option('--name <name>', "the channel's name (default: its code)"),
  ).action(async (options: AddOptions) => {
    const lang = langOf(options);
    await runCommand(options, async (ctx) => {
      await addChannel(ctx, {
        code: options.code,
        org: options.org,
        platform: options.platform as (typeof PLATFORMS)[number],
        name: options.name ?? options.code,
        ...(options.url ? { url: options.url } : {}),
      });
      console.log(
        say(lang, 'channelAdded', { code: options.code, platform: options.platform, org: options.org }),
      );
    });
  });
}
