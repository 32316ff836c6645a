/**
 * Telegram Bot API messages mapped as an export's, on recorded messages (../shared/fixtures/real/telegram-bot/
 * silikidi_*, no license stated: read from there): the text with its entities (links, hashtags; bold and the
 * rest plain), a photo with its caption, an album's parts joined, a forward's source.
 */
import { readFileSync } from 'node:fs';
import type { ServerResponse } from 'node:http';
import { describe, expect, it } from 'vitest';
import { exportMessageOf, mapBotPosts } from '../../src/importers/telegram-bot/map.js';
import { collectPolicyOf } from '../../src/services/collect/collector.js';
import { BotClient, collectTelegramBot } from '../../src/services/collect/telegram-bot.js';
import { itReal, real } from '../helpers/real-files.js';
import { serveLocally } from '../helpers/local-server.js';

const TEXT = 'telegram-bot/silikidi_update_text_entities.json';
const PHOTO = 'telegram-bot/silikidi_update_photo_caption.json';
const ALBUM = 'telegram-bot/silikidi_update_mediagroup_photo.json';
const messageOf = (path: string) =>
  (JSON.parse(readFileSync(real(path), 'utf8')) as { message: Record<string, unknown> }).message;

describe('Bot API messages as an export writes them', () => {
  itReal([TEXT], "the text's links and hashtags as the export's parts, the rest plain", async () => {
    const message = messageOf(TEXT);
    const written = exportMessageOf(message);
    const text = String(message['text']);
    expect(
      (written['text'] as unknown[])
        .map((part) => (typeof part === 'string' ? part : (part as { text: string }).text))
        .join(''),
    ).toBe(text);
    expect((written['text'] as unknown[]).filter((part) => typeof part !== 'string')).toEqual([
      {
        type: 'text_link',
        text: 'TELEGRAM BOT SCRIPT\n\n',
        href: 'https://telegram-bot-script.blogspot.com/',
      },
      { type: 'hashtag', text: '#Bots' },
      { type: 'link', text: 'https://telegram.org' },
    ]);
    const [item] = await mapBotPosts([message], {
      file: 'getUpdates',
      channelUrl: 'https://t.me/union_kz',
      chat: {},
    });
    expect(item).toMatchObject({
      kind: 'draft',
      draft: {
        externalId: '477',
        url: 'https://t.me/union_kz/477',
        time: { instant: new Date(1633686033 * 1000).toISOString() },
        hashtags: ['Bots'],
        mediaKind: 'text',
        isRepost: false,
        links: [
          { url: 'https://telegram-bot-script.blogspot.com/', text: 'TELEGRAM BOT SCRIPT\n\n' },
          { url: 'https://telegram.org', text: 'https://telegram.org' },
        ],
      },
    });
  });

  itReal([PHOTO, ALBUM], "a photo's caption is its text; an album's parts are one post", async () => {
    const photo = messageOf(PHOTO);
    const part = messageOf(ALBUM);
    const second = { ...part, message_id: Number(part['message_id']) + 1, caption: undefined };
    const items = await mapBotPosts([photo, part, second], { file: 'getUpdates', chat: {} });
    expect(items.map((item) => item.kind)).toEqual(['draft', 'draft', 'skipped']);
    expect(items[0]).toMatchObject({ draft: { text: 'Hello world!', mediaKind: 'photo' } });
    expect(items[1]).toMatchObject({ draft: { externalId: String(part['message_id']), mediaKind: 'album' } });
  });

  it("a forward from a channel is a repost with the channel's title", async () => {
    const [item] = await mapBotPosts(
      [
        {
          message_id: 5,
          date: 1700000000,
          text: 'Перепост',
          forward_origin: {
            type: 'channel',
            chat: { id: -1001, title: 'Федерация профсоюзов', type: 'channel' },
          },
        },
      ],
      { file: 'getUpdates', chat: {} },
    );
    expect(item).toMatchObject({
      draft: { isRepost: true, repostSource: 'Федерация профсоюзов', text: 'Перепост' },
    });
  });
});

describe('Bot API updates read to the end', () => {
  it('pages of 100 by offset; the latest version of each post; other chats passed over', async () => {
    const chat = { id: -1001, username: 'Union_KZ', type: 'channel' };
    const updates = Array.from({ length: 150 }, (_, index) => {
      const id = 1000 + index;
      if (index % 50 === 7)
        return {
          update_id: id,
          channel_post: { message_id: 1, date: 1, chat: { id: 5, username: 'other', type: 'channel' } },
        };
      if (index === 120)
        return { update_id: id, edited_channel_post: { message_id: 3, date: 1, text: 'edited', chat } };
      return { update_id: id, channel_post: { message_id: index, date: 1, text: `post ${index}`, chat } };
    });
    const calls: Record<string, string>[] = [];
    const client = {
      call(method: string, params: Record<string, string>) {
        calls.push({ method, ...params });
        if (method === 'getChatMemberCount') return Promise.resolve(4213);
        const from = Number(params['offset'] ?? 0);
        return Promise.resolve(updates.filter((update) => update.update_id >= from).slice(0, 100));
      },
    } as unknown as BotClient;
    const read = await collectTelegramBot(client, 'union_kz', { maxPages: 50 });
    expect(calls.map((call) => [call['method'], call['offset']])).toEqual([
      ['getChatMemberCount', undefined],
      ['getUpdates', undefined],
      ['getUpdates', '1100'],
    ]);
    expect(read).toMatchObject({ followers: 4213, offset: 1150, pages: 2 });
    // 150 updates, 3 of another chat, one an edit of post 3: 146 posts, post 3 as edited.
    expect(read.messages).toHaveLength(146);
    expect(read.messages.find((message) => message['message_id'] === 3)?.['text']).toBe('edited');
  });
});

describe('the Bot API client', () => {
  it('tries a 5xx and a dropped connection again, waits out retry_after, never names the token', async () => {
    const answers: ((response: ServerResponse) => void)[] = [
      (response) => response.writeHead(502, { 'content-type': 'text/html' }).end('<html>Bad Gateway</html>'),
      (response) => response.socket?.destroy(),
      (response) => response.writeHead(200).end('{"ok":true,"result":3}'),
      ...Array.from(
        { length: 4 },
        () => (response: ServerResponse) =>
          response
            .writeHead(429)
            .end(
              '{"ok":false,"error_code":429,"description":"Too Many Requests: retry after 2","parameters":{"retry_after":2}}',
            ),
      ),
    ];
    const server = await serveLocally((_request, response) => answers.shift()?.(response));
    try {
      const policy = collectPolicyOf({ AQPARAT_TELEGRAM_BOT_API_URL: server.url });
      const waits: number[] = [];
      const client = new BotClient(policy, '123:secret-token', (ms) => {
        waits.push(ms);
        return Promise.resolve();
      });
      expect(await client.call('getChatMemberCount', { chat_id: '@union_kz' })).toBe(3);
      expect(waits).toEqual([2000, 4000]);
      const limited = await client.call('getUpdates', {}).catch((error: unknown) => error);
      expect(limited).toMatchObject({
        code: 'collect_bot_rate_limited',
        params: { method: 'getUpdates', seconds: 2 },
      });
      expect(waits.slice(2)).toEqual([2000, 2000, 2000]);
      expect(JSON.stringify(limited)).not.toContain('secret-token');
    } finally {
      await server.close();
    }
  });
});
