/**
 * `aqparat collect` of a Telegram channel with a bot token: the local fake t.me (test/helpers/fake-telegram.ts) for
 * the posts and views, and a local fake Bot API built from recorded answers (../shared/fixtures/real/telegram-bot/
 * silikidi_*, no license stated: read from there; the 401 from test/fixtures/real/telegram-bot/, WTFPL):
 * getChatMemberCount's answer, and getUpdates holding recorded messages. Those were sent to a bot in a private
 * chat: they are re-addressed here to the channel as `channel_post` and `edited_channel_post` (the Bot API's
 * documented shape: the channel as `chat` and `sender_chat`, no `from`), with their texts, entities, photo and
 * caption as recorded; another recorded private message stays among the updates, as another chat's. The 429 is
 * written after the Bot API's documented answer (`parameters.retry_after`): no recorded one is among the fixtures.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect } from 'vitest';
import { type Context, openContext } from '../../src/services/context.js';
import { runCli } from '../helpers/cli.js';
import { createTestDatabase, DIALECTS, type TestDatabase } from '../helpers/databases.js';
import { fakeTelegram, TELEGRAM_PATHS } from '../helpers/fake-telegram.js';
import { itReal, real } from '../helpers/real-files.js';
import { buildRegion, channelOf, type Region } from '../importers/setup.js';
import { serveLocally } from '../helpers/local-server.js';

const FILES = {
  count: 'telegram-bot/silikidi_getChatMemberCount.json',
  text: 'telegram-bot/silikidi_update_text_entities.json',
  photo: 'telegram-bot/silikidi_update_photo_caption.json',
  updates: 'telegram-bot/silikidi_getUpdates.json',
  unauthorized: 'telegram-bot/tgruby_vcr_401_unauthorized.yml',
};
const PATHS = [...TELEGRAM_PATHS, ...Object.values(FILES)];
const json = (path: string) => JSON.parse(readFileSync(real(path), 'utf8')) as Record<string, unknown>;
const TOKEN = '123456:bot-token-of-the-union';
const KEY = 'b'.repeat(64);
const CHANNEL = {
  id: -1001084368520,
  title: 'Военное обозрение',
  username: 'topwar_official',
  type: 'channel',
};
/** A post on the fake's older preview page, which a rerun does not read again. */
const EDITED_ID = 56622;
const NEW_ID = 71009;

/** A recorded update's message as the channel's post: the channel as its chat and sender, no sender user. */
function toChannel(update: Record<string, unknown>, messageId: number, kind: string, extra = {}) {
  const { from: _from, ...message } = update['message'] as Record<string, unknown>;
  return {
    update_id: update['update_id'],
    [kind]: { ...message, ...extra, message_id: messageId, chat: CHANNEL, sender_chat: CHANNEL },
  };
}

interface BotHit {
  method: string;
  query: URLSearchParams;
  token: string;
  at: number;
}

async function fakeBotApi() {
  const hits: BotHit[] = [];
  const limited = new Map<string, number>();
  const text = json(FILES.text);
  const photo = json(FILES.photo);
  const other = (json(FILES.updates)['result'] as Record<string, unknown>[])[1];
  const updates = [
    toChannel(text, NEW_ID, 'channel_post'),
    toChannel(photo, EDITED_ID, 'edited_channel_post', { edit_date: 1633703700 }),
    other,
  ];
  const unauthorized = readFileSync(real(FILES.unauthorized), 'utf8').match(/string: '(\{.*\})'/)?.[1] ?? '';
  const server = await serveLocally((request, response) => {
    const url = new URL(request.url ?? '/', 'http://fake');
    const [, bot = '', method = ''] = url.pathname.split('/');
    const token = bot.replace(/^bot/, '');
    hits.push({ method, query: url.searchParams, token, at: Date.now() });
    const send = (status: number, body: string) =>
      response.writeHead(status, { 'content-type': 'application/json' }).end(body);
    if (token !== TOKEN) return send(401, unauthorized);
    const left = limited.get(method) ?? 0;
    if (left > 0) {
      limited.set(method, left - 1);
      return send(
        429,
        JSON.stringify({
          ok: false,
          error_code: 429,
          description: 'Too Many Requests: retry after 1',
          parameters: { retry_after: 1 },
        }),
      );
    }
    if (method === 'getChatMemberCount') return send(200, JSON.stringify(json(FILES.count)));
    if (method === 'getUpdates') {
      const offset = Number(url.searchParams.get('offset') ?? 0);
      const result = updates.filter((update) => Number(update?.['update_id']) >= offset);
      return send(200, JSON.stringify({ ok: true, result }));
    }
    return send(404, JSON.stringify({ ok: false, error_code: 404, description: 'Not Found' }));
  });
  return {
    url: server.url,
    hits,
    limited,
    close: server.close,
  };
}

describe.each(DIALECTS)('aqparat collect of a Telegram channel with a bot token (%s)', (dialect) => {
  let database: TestDatabase;
  let region: Region;
  let web: Awaited<ReturnType<typeof fakeTelegram>>;
  let bot: Awaited<ReturnType<typeof fakeBotApi>>;
  const cli = (...args: string[]) =>
    runCli([...args, '--db', database.target], {
      AQPARAT_TELEGRAM_WEB_URL: web.url,
      AQPARAT_TELEGRAM_BOT_API_URL: bot.url,
      AQPARAT_COLLECT_DELAY_MS: '0',
      AQPARAT_SECRET_KEY: KEY,
    });
  const collectJson = async (...args: string[]) => {
    const result = await cli('collect', '--json', ...args);
    return { ...result, channels: JSON.parse(result.stdout || '[]') as Record<string, unknown>[] };
  };
  const withContext = async <T>(work: (ctx: Context) => Promise<T>): Promise<T> => {
    const ctx = await openContext({ db: database.target, env: {} });
    try {
      return await work(ctx);
    } finally {
      await ctx.db.close();
    }
  };
  const addChannel = () =>
    withContext((ctx) =>
      channelOf(ctx, region.branches[0] ?? region.region, 'telegram', {
        url: 'https://t.me/topwar_official',
      }),
    );
  const setToken = async (code: string, token: string) =>
    expect((await cli('channel', 'token', '--channel', code, '--token', token)).code).toBe(0);
  const publication = (code: string, externalId: string) =>
    withContext((ctx) =>
      ctx.db.kysely
        .selectFrom('publication')
        .innerJoin('channel', 'channel.id', 'publication.channelId')
        .select([
          'publication.text',
          'publication.url',
          'publication.mediaKind',
          'publication.views',
          'publication.links',
        ])
        .where('channel.code', '=', code)
        .where('publication.externalId', '=', externalId)
        .executeTakeFirst(),
    );

  beforeAll(async () => {
    web = await fakeTelegram();
    bot = await fakeBotApi();
    database = await createTestDatabase(dialect);
    region = await withContext((ctx) => buildRegion(ctx));
  });
  afterAll(async () => {
    await web.close();
    await bot.close();
    await database.drop();
  });

  itReal(
    PATHS,
    "the bot's exact count, a post the preview lacks and an edit of an older post; the offset sent next",
    async () => {
      const code = await addChannel();
      const first = await collectJson('--channel', code);
      expect(first.channels[0]).toMatchObject({ new: 31, followers: 82932, error: null });
      expect(bot.hits).toHaveLength(0);
      const before = await publication(code, String(EDITED_ID));
      expect(before?.views).toBeGreaterThan(0);

      await setToken(code, TOKEN);
      const from = bot.hits.length;
      const second = await collectJson('--channel', code);
      expect(second.code, second.stderr).toBe(0);
      // The preview's newest page (stored: no older one read), the bot's count and one page of updates.
      expect(second.channels[0]).toMatchObject({ new: 1, updated: 1, followers: 3, error: null });
      const asked = bot.hits.slice(from);
      expect(asked.map((hit) => hit.method)).toEqual(['getChatMemberCount', 'getUpdates']);
      expect(asked[0]?.query.get('chat_id')).toBe('@topwar_official');
      expect(asked[1]?.query.has('offset')).toBe(false);
      expect(JSON.parse(asked[1]?.query.get('allowed_updates') ?? '[]')).toEqual([
        'channel_post',
        'edited_channel_post',
      ]);
      const posted = await publication(code, String(NEW_ID));
      expect(posted).toMatchObject({
        url: `https://t.me/topwar_official/${NEW_ID}`,
        mediaKind: 'text',
        views: null,
      });
      expect(posted?.text).toMatch(/^TELEGRAM BOT SCRIPT\s+#Bots are third-party applications/);
      // The text_link and the url entities, as an export's parts keep them.
      const links = posted?.links;
      expect(typeof links === 'string' ? JSON.parse(links) : links).toEqual([
        {
          url: 'https://telegram-bot-script.blogspot.com/',
          text: expect.stringMatching(/^TELEGRAM BOT SCRIPT/),
        },
        { url: 'https://telegram.org', text: 'https://telegram.org' },
      ]);
      // The edit's caption and photo; the views the preview gave stay.
      expect(await publication(code, String(EDITED_ID))).toMatchObject({
        text: 'Hello world!',
        mediaKind: 'photo',
        views: before?.views,
      });

      const again = bot.hits.length;
      const third = await collectJson('--channel', code);
      expect(third.channels[0]).toMatchObject({ new: 0, updated: 0, followers: 3, error: null });
      // After the last update read (the other chat's, passed over).
      expect(bot.hits.slice(again)[1]?.query.get('offset')).toBe('166770236');
    },
  );

  itReal(
    PATHS,
    'a refused token fails the run once, is marked expired, and the preview alone is read',
    async () => {
      const code = await addChannel();
      await setToken(code, '123456:a-token-telegram-refuses');
      const failed = await collectJson('--channel', code, '--lang', 'en');
      expect(failed.code).toBe(3);
      expect(failed.channels[0]?.['error']).toMatchObject({
        code: 'collect_token_expired',
        params: { detail: 'Unauthorized' },
      });
      expect(failed.stdout).not.toContain('a-token-telegram-refuses');
      const expiredAt = await withContext((ctx) =>
        ctx.db.kysely
          .selectFrom('channelSecret')
          .innerJoin('channel', 'channel.id', 'channelSecret.channelId')
          .select('channelSecret.expiredAt')
          .where('channel.code', '=', code)
          .executeTakeFirstOrThrow(),
      );
      expect(expiredAt.expiredAt).not.toBeNull();
      const from = bot.hits.length;
      const next = await collectJson('--channel', code);
      expect(next.channels[0]).toMatchObject({ new: 31, followers: 82932, error: null });
      expect(bot.hits.length).toBe(from);
    },
  );

  itReal(PATHS, 'a 429 is waited out for its retry_after', async () => {
    const code = await addChannel();
    await setToken(code, TOKEN);
    bot.limited.set('getChatMemberCount', 1);
    const from = bot.hits.length;
    const result = await collectJson('--channel', code);
    expect(result.channels[0]).toMatchObject({ followers: 3, error: null });
    const counts = bot.hits.slice(from).filter((hit) => hit.method === 'getChatMemberCount');
    expect(counts).toHaveLength(2);
    expect((counts[1]?.at ?? 0) - (counts[0]?.at ?? 0)).toBeGreaterThanOrEqual(1000);
  });
});
