import Table from 'cli-table3';
import type { Command } from 'commander';
import { clearChannelToken, setChannelToken } from '../../services/channel-token.js';
import { addChannel } from '../../services/records.service.js';
import { listRecords } from '../../services/registry.service.js';
import { PLATFORMS } from '../../shared/vocabulary.js';
import { type CommonOptions, langOf, runCommand, say, withCommonOptions } from '../options.js';

interface AddOptions extends CommonOptions {
  org: string;
  platform: string;
  code: string;
  url?: string;
  name?: string;
}

interface TokenOptions extends CommonOptions {
  channel: string;
  token?: string;
  stdin?: boolean;
  expires?: string;
  clear?: boolean;
}

type ListOptions = CommonOptions & { org?: string; json?: boolean };

/** Channels are listed a page at a time, as the API serves them, until the last. */
const PAGE_SIZE = 500;

/** All of standard input, without the line end a shell or a file leaves after the token. */
async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8').trim();
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

  withCommonOptions(
    channel
      .command('list')
      .description('list the channels with their codes, organizations and platforms')
      .option('--org <code>', 'only the channels of this organization and the ones under it')
      .option('--json', 'print JSON'),
  ).action(async (options: ListOptions) => {
    const lang = langOf(options);
    await runCommand(options, async (ctx) => {
      const channels = [];
      for (let page = 1; ; page++) {
        const { items, total } = await listRecords(ctx, 'channels', {
          ...(options.org === undefined ? {} : { org: options.org }),
          page,
          pageSize: PAGE_SIZE,
        });
        channels.push(...items);
        if (items.length === 0 || channels.length >= total) break;
      }
      if (options.json) {
        console.log(JSON.stringify(channels, null, 2));
        return;
      }
      const table = new Table({
        head: [
          say(lang, 'colCode'),
          say(lang, 'platform'),
          say(lang, 'organization'),
          say(lang, 'colName'),
          say(lang, 'colAddress'),
        ],
        style: { head: [], border: [], compact: true },
      });
      // The API's rows are typed loosely (one repository serves every kind); a channel's are text or null.
      const text = (cell: unknown) => (typeof cell === 'string' && cell !== '' ? cell : '—');
      for (const row of channels)
        table.push([row['code'], row['platform'], row.orgCode, row['name'], row['url']].map(text));
      console.log(table.toString());
    });
  });

  withCommonOptions(
    channel
      .command('token')
      .description(
        "set or clear a channel's access token for collecting; it is stored encrypted and never shown",
      )
      .requiredOption('--channel <code>', 'the channel')
      .option('--stdin', 'read the token from standard input (keeps it out of the shell history)')
      .option('--token <token>', 'the token (it stays in the shell history: prefer --stdin)')
      .option('--expires <date>', "the token's expiry date, YYYY-MM-DD")
      .option('--clear', "remove the channel's token"),
  ).action(async (options: TokenOptions) => {
    const lang = langOf(options);
    const given = [options.stdin, options.token !== undefined, options.clear].filter(Boolean).length;
    if (given !== 1) {
      process.stderr.write(`${say(lang, 'channelTokenNeeded', { code: options.channel })}\n`);
      process.exitCode = 2;
      return;
    }
    const token = options.stdin ? await readStdin() : options.token;
    await runCommand(options, async (ctx) => {
      if (options.clear) {
        await clearChannelToken(ctx, options.channel);
        console.log(say(lang, 'channelTokenCleared', { code: options.channel }));
        return;
      }
      const status = await setChannelToken(ctx, options.channel, {
        // An empty token is refused by the same validation as the API's.
        token: token ?? '',
        ...(options.expires === undefined ? {} : { expiresOn: options.expires }),
      });
      const setAt = (status.setAt ?? '').slice(0, 10);
      console.log(
        status.expiresOn
          ? say(lang, 'channelTokenSet', { code: options.channel, setAt, expiresOn: status.expiresOn })
          : say(lang, 'channelTokenSetNoExpiry', { code: options.channel, setAt }),
      );
    });
  });
}
