/**
 * `aqparat post` and `aqparat publish --due` against a local fake Bot API built from recorded answers
 * (test/helpers/fake-bot-send.ts). The channel is t.me/topwar_official, whose preview the local fake t.me
 * (test/helpers/fake-telegram.ts) serves, so that a collection after publishing reads the same channel.
 */
import { once } from 'node:events';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect } from 'vitest';
import { type Context, openContext } from '../../src/services/context.js';
import { runCli, startCli } from '../helpers/cli.js';
import { createTestDatabase, DIALECTS, type TestDatabase } from '../helpers/databases.js';
import { fakeTelegram, TELEGRAM_PATHS } from '../helpers/fake-telegram.js';
import { BOT_SEND_FILES, BOT_TOKEN, fakeBotSender } from '../helpers/fake-bot-send.js';
import { itReal } from '../helpers/real-files.js';
import { buildRegion, channelOf, type Region, scratchDir } from '../importers/setup.js';

const PATHS = [...TELEGRAM_PATHS, ...Object.values(BOT_SEND_FILES)];
const TOKEN = BOT_TOKEN;
const KEY = 'c'.repeat(64);
/** Each test runs the command a dozen times, each a process of its own: minutes on a loaded machine. */
const SLOW = 300_000;

type Json = Record<string, unknown>;

describe.each(DIALECTS)('aqparat post and publish --due to Telegram (%s)', (dialect) => {
  let database: TestDatabase;
  let region: Region;
  let web: Awaited<ReturnType<typeof fakeTelegram>>;
  let bot: Awaited<ReturnType<typeof fakeBotSender>>;
  const dir = scratchDir();
  const cli = (...args: string[]) =>
    runCli([...args, '--db', database.target], {
      AQPARAT_TELEGRAM_WEB_URL: web.url,
      AQPARAT_TELEGRAM_BOT_API_URL: bot.url,
      AQPARAT_COLLECT_DELAY_MS: '0',
      AQPARAT_SECRET_KEY: KEY,
    });
  const withContext = async <T>(work: (ctx: Context) => Promise<T>): Promise<T> => {
    const ctx = await openContext({ db: database.target, env: {} });
    try {
      return await work(ctx);
    } finally {
      await ctx.db.close();
    }
  };
  const addChannel = async (url: string, token: string) => {
    const code = await withContext((ctx) => channelOf(ctx, region.region, 'telegram', { url }));
    expect((await cli('channel', 'token', '--channel', code, '--token', token)).code).toBe(0);
    return code;
  };
  /** Drafts a due post of the first branch, approves it at once (the CLI is the administrator); its id. */
  const approvedPost = async (channel: string, ...args: string[]) => {
    const added = await cli(
      'post',
      'add',
      '--org',
      region.branches[0]!.code,
      '--channel',
      channel,
      '--at',
      new Date(Date.now() - 60_000).toISOString(),
      '--json',
      ...args,
    );
    expect(added.code, added.stderr).toBe(0);
    const { id, state } = JSON.parse(added.stdout) as { id: number; state: string };
    expect(state).toBe('draft');
    expect((await cli('post', 'approve', String(id))).code).toBe(0);
    return id;
  };
  const publish = async (...args: string[]) => {
    const result = await cli('publish', '--due', '--json', ...args);
    return { ...result, sendings: JSON.parse(result.stdout || '[]') as Json[] };
  };
  const publicationOf = (channel: string, externalId: string) =>
    withContext((ctx) =>
      ctx.db.kysely
        .selectFrom('publication as p')
        .innerJoin('channel as c', 'c.id', 'p.channelId')
        .innerJoin('organization as o', 'o.id', 'p.subjectOrgId')
        .select(['p.text', 'p.url', 'p.mediaKind', 'o.code as subject', 'p.subjectManual', 'p.analyzedAt'])
        .where('c.code', '=', channel)
        .where('p.externalId', '=', externalId)
        .execute(),
    );
  const postState = async (id: number) => {
    const listed = await cli('post', 'list', '--json');
    return (JSON.parse(listed.stdout) as { id: number; state: string }[]).find((post) => post.id === id)
      ?.state;
  };

  beforeAll(async () => {
    web = await fakeTelegram();
    bot = await fakeBotSender();
    database = await createTestDatabase(dialect);
    region = await withContext((ctx) => buildRegion(ctx));
  }, SLOW);
  afterAll(async () => {
    await web.close();
    await bot.close();
    await database.drop();
  });

  itReal(
    PATHS,
    'sends an approved due post once, stores it as the branch’s publication, and a second run sends nothing',
    async () => {
      const channel = await addChannel('https://t.me/topwar_official', TOKEN);
      const text = 'Профсоюз провёл 12 декабря семинар для 40 членов <b>филиала</b> & партнёров';
      const id = await approvedPost(channel, '--text', text, '--text-kk', 'Филиал 40 мүшеге семинар өткізді');
      const first = await publish();
      expect(first.code, first.stderr).toBe(0);
      expect(first.sendings).toEqual([
        {
          post: id,
          channel,
          state: 'published',
          externalId: '666',
          url: 'https://t.me/topwar_official/666',
          error: null,
        },
      ]);
      // The Kazakh version first, then the Russian one, as written: no parse mode, nothing escaped.
      expect(bot.sent).toEqual([
        {
          method: 'sendMessage',
          chatId: '@topwar_official',
          text: `Филиал 40 мүшеге семинар өткізді\n\n${text}`,
          parseMode: null,
        },
      ]);
      const [stored, ...more] = await publicationOf(channel, '666');
      expect(more).toHaveLength(0);
      expect(stored).toMatchObject({
        url: 'https://t.me/topwar_official/666',
        subject: region.branches[0]!.code,
        mediaKind: 'text',
      });
      expect(stored?.analyzedAt).not.toBeNull();
      expect(await postState(id)).toBe('published');

      const second = await publish();
      expect(second.sendings).toEqual([]);
      expect(bot.sent).toHaveLength(1);

      // The channel's collection reads the same message among the bot's updates: stored already, nothing added.
      const collected = await cli('collect', '--channel', channel, '--json');
      expect(collected.code, collected.stderr).toBe(0);
      expect((JSON.parse(collected.stdout) as Json[])[0]).toMatchObject({ new: 31, error: null });
      expect(await publicationOf(channel, '666')).toHaveLength(1);
    },
    SLOW,
  );

  itReal(
    PATHS,
    'sends a post with an image by sendPhoto, its text the caption',
    async () => {
      const channel = await addChannel('https://t.me/topwar_official', TOKEN);
      const image = join(dir, 'photo.png');
      writeFileSync(
        image,
        Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(64)]),
      );
      const id = await approvedPost(channel, '--text', 'Подписан коллективный договор', '--image', image);
      const from = bot.sent.length;
      const result = await publish();
      expect(result.sendings).toMatchObject([{ post: id, state: 'published', error: null }]);
      expect(bot.sent.slice(from)).toEqual([
        {
          method: 'sendPhoto',
          chatId: '@topwar_official',
          text: 'Подписан коллективный договор',
          parseMode: null,
          photo: { type: 'image/png', size: 72 },
        },
      ]);
      const externalId = String(result.sendings[0]?.['externalId']);
      expect((await publicationOf(channel, externalId))[0]).toMatchObject({ mediaKind: 'photo' });
    },
    SLOW,
  );

  itReal(
    PATHS,
    "fails with the platform's reason in the user's language: a refused token, a chat not found, a text too long",
    async () => {
      const refused = await addChannel('https://t.me/topwar_official', '123456:a-token-telegram-refuses');
      const missing = await addChannel('https://t.me/no_such_channel_here', TOKEN);
      const long = await addChannel('https://t.me/topwar_official', TOKEN);
      const ids = [
        await approvedPost(refused, '--text', 'Первый'),
        await approvedPost(missing, '--text', 'Второй'),
        await approvedPost(long, '--text', 'я'.repeat(3000), '--text-kk', 'қ'.repeat(2000)),
      ];
      const from = bot.sent.length;
      const result = await publish('--lang', 'en');
      expect(result.code).toBe(3);
      expect(result.sendings).toMatchObject([
        {
          post: ids[0],
          state: 'failed',
          externalId: null,
          error: {
            code: 'publish_token_refused',
            params: { detail: 'Unauthorized' },
            message: expect.stringMatching(/^Telegram refused the channel's token \(Unauthorized\)/),
          },
        },
        {
          post: ids[1],
          state: 'failed',
          error: {
            code: 'publish_refused',
            message: 'Telegram did not accept the post: Bad Request: chat not found',
          },
        },
        {
          post: ids[2],
          state: 'failed',
          error: { code: 'publish_text_too_long', params: { length: 5002, limit: 4096 } },
        },
      ]);
      expect(result.stdout).not.toContain('a-token-telegram-refuses');
      // The text too long was never sent; the chat not found was asked once.
      expect(bot.sent.slice(from).map((hit) => hit.chatId)).toEqual(['@no_such_channel_here']);
      for (const id of ids) expect(await postState(id)).toBe('failed');
      const russian = await publish('--lang', 'ru');
      expect(russian.sendings).toEqual([]);
    },
    SLOW,
  );

  itReal(
    PATHS,
    'an answer lost after the post went out: the next run finds it among the channel posts and does not send again',
    async () => {
      const channel = await addChannel('https://t.me/topwar_official', TOKEN);
      const id = await approvedPost(channel, '--text', 'Юридическая консультация 5 декабря: 17 обращений');
      bot.lose.next = true;
      const from = bot.sent.length;
      const lost = await publish();
      expect(lost.code).toBe(3);
      expect(lost.sendings).toMatchObject([
        { post: id, state: 'sending', externalId: null, error: { code: 'publish_uncertain' } },
      ]);
      expect(bot.sent.length).toBe(from + 1);
      // Within the pause a rerun leaves the sending alone: its process may still be waiting for the answer.
      expect((await publish()).sendings).toEqual([]);
      // The pause over (as if ten minutes had passed): the post is looked for before anything is sent.
      await withContext((ctx) =>
        ctx.db.kysely
          .updateTable('planPostChannel')
          .set({ attemptedAt: new Date(Date.now() - 11 * 60_000).toISOString() })
          .where('postId', '=', id)
          .execute(),
      );
      const found = await publish();
      expect(found.code, found.stderr).toBe(0);
      const externalId = String(found.sendings[0]?.['externalId']);
      expect(found.sendings).toEqual([
        {
          post: id,
          channel,
          state: 'published',
          externalId,
          url: `https://t.me/topwar_official/${externalId}`,
          error: null,
        },
      ]);
      expect(bot.sent.length).toBe(from + 1);
      expect(await publicationOf(channel, externalId)).toHaveLength(1);
      expect(await postState(id)).toBe('published');
    },
    SLOW,
  );

  itReal(
    PATHS,
    'submits, returns with a comment and lists by state, in Kazakh; a refused step exits 2',
    async () => {
      const channel = await addChannel('https://t.me/topwar_official', TOKEN);
      const added = await cli(
        'post',
        'add',
        '--org',
        region.branches[0]!.code,
        '--channel',
        channel,
        '--text',
        'Семинар',
        '--at',
        '2027-01-15T10:00:00+05:00',
        '--topic',
        'legal',
      );
      expect(added.code, added.stderr).toBe(0);
      const id = added.stdout.trim();
      expect(id).toMatch(/^\d+$/);
      expect((await cli('post', 'submit', id, '--lang', 'kk')).stdout.trim()).toBe(`№ ${id} жазба: келісуде`);
      const returned = await cli('post', 'return', id, '--comment', 'Санын жазыңыз', '--json');
      expect(JSON.parse(returned.stdout)).toMatchObject({ state: 'returned', comment: 'Санын жазыңыз' });
      const listed = await cli('post', 'list', '--state', 'returned', '--lang', 'kk');
      expect(listed.stdout).toContain(
        `№ ${id}  2027-01-15T05:00:00.000Z  ${region.branches[0]!.code}  қайтарылған`,
      );
      const refused = await cli('post', 'return', id, '--lang', 'en');
      expect(refused.code).toBe(2);
      expect(refused.stderr).toContain(`Post No. ${id} is returned: this step cannot be taken from there`);
      // Not due for a month: nothing to publish.
      expect((await cli('post', 'approve', id)).code).toBe(0);
      expect((await publish()).sendings.map((sending) => sending['post'])).not.toContain(Number(id));
    },
    SLOW,
  );

  itReal(
    PATHS,
    'a process killed after sending and before recording: after restart the post is found on the channel, not sent again',
    async () => {
      const channel = await addChannel('https://t.me/topwar_official', TOKEN);
      const id = await approvedPost(channel, '--text', 'Конференция профсоюза 20 декабря: 150 делегатов');
      const from = bot.sent.length;
      // The fake posts the message, then the process is killed before any answer reaches it.
      let kill = () => false;
      bot.hold.next = () => kill();
      const child = startCli(['publish', '--due', '--db', database.target], {
        AQPARAT_TELEGRAM_WEB_URL: web.url,
        AQPARAT_TELEGRAM_BOT_API_URL: bot.url,
        AQPARAT_COLLECT_DELAY_MS: '0',
        AQPARAT_SECRET_KEY: KEY,
      });
      kill = () => child.kill('SIGKILL');
      const exited = once(child, 'exit');
      await exited;
      expect(bot.sent.length).toBe(from + 1);
      const left = await withContext((ctx) =>
        ctx.db.kysely.selectFrom('planPostChannel').select(['state']).where('postId', '=', id).execute(),
      );
      expect(left).toEqual([{ state: 'sending' }]);
      // Restarted at once: the sending may still be under way elsewhere, so it is left alone.
      expect((await publish()).sendings).toEqual([]);
      await withContext((ctx) =>
        ctx.db.kysely
          .updateTable('planPostChannel')
          .set({ attemptedAt: new Date(Date.now() - 11 * 60_000).toISOString() })
          .where('postId', '=', id)
          .execute(),
      );
      const restarted = await publish();
      expect(restarted.sendings).toMatchObject([{ post: id, state: 'published', error: null }]);
      expect(bot.sent.length).toBe(from + 1);
      expect(await postState(id)).toBe('published');
    },
    SLOW,
  );
});
