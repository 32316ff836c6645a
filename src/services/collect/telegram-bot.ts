/**
 * A Telegram channel's collector: its public web preview (collect/telegram-web.ts) for the posts and their views,
 * and, where a bot token is set on the channel (`aqparat channel token`: the union's bot, an administrator of the
 * channel), the Bot API besides: `getChatMemberCount` for the exact followers (it wins over the page's count), and
 * the channel's `channel_post` / `edited_channel_post` updates through `getUpdates` for exact texts of posts edited
 * after the preview's pages last read them (the preview stops at the first stored post). A post both give is taken
 * from the preview (it has the views; its text is the current one too); the others come from the bot, without
 * views, which leaves the stored views as they are.
 *
 * getUpdates hands each update once: the offset after the last one read is kept (collect_cursor) and sent on the
 * next run, which is when Telegram forgets what came before it, and only once the batch of the run that read them
 * is done. Updates of other chats the bot is in are passed over, and forgotten with the offset: a bot serving
 * several channels this way should have its token on one of them only. A refused token (401) marks it expired, as
 * a Graph token's (the preview alone is read until a new one is set); a 429 is waited out for its `retry_after`,
 * a failed connection or a 5xx tried again as a page's are.
 * The Bot API's address is `AQPARAT_TELEGRAM_BOT_API_URL` (https://api.telegram.org); the token is in the path of
 * every request, so no address is ever put in an error or a log: the method's name is.
 */
import { createHash } from 'node:crypto';
import { DomainError } from '../../domain/errors.js';
import { mapBotPosts } from '../../importers/telegram-bot/map.js';
import { mapWebPost } from '../../importers/telegram-web/map.js';
import type { Mapped } from '../../importers/types.js';
import { readCursor, saveCursor } from '../../storage/repositories/collect-cursor.repository.js';
import { storedExternalIds } from '../../storage/repositories/collect.repository.js';
import { tokenOf } from '../channel-token.js';
import type { CollectPolicy, Collector } from './collector.js';
import { markTokenExpired, tokenState } from './graph-channel.js';
import { isTransientStatus, transientPause } from './polite-fetch.js';
import { collectTelegramWeb, telegramAddressOf } from './telegram-web.js';

type Json = Record<string, unknown>;

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
const objectOf = (value: unknown): Json | undefined =>
  typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Json) : undefined;

/** Updates asked at most per request (the Bot API's limit). */
const UPDATES_PER_PAGE = 100;

export class BotClient {
  constructor(
    private readonly policy: CollectPolicy,
    private readonly token: string,
    private readonly wait: (ms: number) => Promise<void> = sleep,
  ) {}

  /**
   * A method's result; a 429 waited out as it says, a refused token `collect_token_expired`, a failed connection
   * or a 5xx tried again after the fetch policy's pause, doubled each time.
   */
  async call(method: string, params: Record<string, string>): Promise<unknown> {
    const url = new URL(`${this.policy.telegramBotApiUrl.replace(/\/+$/, '')}/bot${this.token}/${method}`);
    for (const [name, value] of Object.entries(params)) url.searchParams.set(name, value);
    const where = `Telegram Bot API ${method}`;
    for (let attempt = 0; ; attempt++) {
      let status: number;
      let body: string;
      try {
        const response = await fetch(url, { signal: AbortSignal.timeout(this.policy.timeoutMs) });
        status = response.status;
        body = await response.text();
      } catch (error) {
        if (attempt < this.policy.retries) {
          await this.wait(transientPause(this.policy, attempt));
          continue;
        }
        const detail = error instanceof Error ? error.message.replaceAll(this.token, '…') : 'no answer';
        throw new DomainError('collect_fetch_failed', { url: where, detail });
      }
      let answer: Json | undefined;
      try {
        answer = objectOf(JSON.parse(body));
      } catch {
        answer = undefined;
      }
      if (answer?.['ok'] === true) return answer['result'];
      const description = String(answer?.['description'] ?? `HTTP ${status}`);
      const code = Number(answer?.['error_code'] ?? status);
      if (code === 401 || code === 404)
        throw new DomainError('collect_token_expired', { detail: description });
      if (isTransientStatus(status) && attempt < this.policy.retries) {
        await this.wait(transientPause(this.policy, attempt));
        continue;
      }
      if (code === 429) {
        const seconds = Number(objectOf(answer?.['parameters'])?.['retry_after'] ?? 1);
        if (attempt >= this.policy.retries || seconds * 1000 > this.policy.maxRetryAfterMs)
          throw new DomainError('collect_bot_rate_limited', { method, seconds });
        await this.wait(seconds * 1000);
        continue;
      }
      throw new DomainError('collect_fetch_failed', { url: where, detail: description });
    }
  }
}

export interface BotCollected {
  followers?: number;
  /** The channel's posts and edits read, each message id once (its latest version), oldest first. */
  messages: Json[];
  /** The offset to send next: after the last update read. */
  offset?: number;
  pages: number;
}

/** The channel's member count and its posts and edits among the bot's pending updates. */
export async function collectTelegramBot(
  client: BotClient,
  username: string,
  options: { offset?: number; maxPages: number },
): Promise<BotCollected> {
  const count = await client.call('getChatMemberCount', { chat_id: `@${username}` });
  const byId = new Map<number, Json>();
  let offset = options.offset;
  let pages = 0;
  for (;;) {
    const updates = await client.call('getUpdates', {
      ...(offset !== undefined ? { offset: String(offset) } : {}),
      limit: String(UPDATES_PER_PAGE),
      timeout: '0',
      allowed_updates: JSON.stringify(['channel_post', 'edited_channel_post']),
    });
    pages += 1;
    const list = Array.isArray(updates) ? updates.map(objectOf).filter((update) => update !== undefined) : [];
    for (const update of list) {
      const id = Number(update['update_id']);
      if (Number.isInteger(id)) offset = Math.max(offset ?? 0, id + 1);
      const message = objectOf(update['edited_channel_post'] ?? update['channel_post']);
      const chat = objectOf(message?.['chat']);
      if (!message || String(chat?.['username'] ?? '').toLowerCase() !== username.toLowerCase()) continue;
      // The later update is the later version: an edit after its post, a second edit after the first.
      byId.set(Number(message['message_id']), message);
    }
    if (list.length < UPDATES_PER_PAGE || pages >= options.maxPages) break;
  }
  return {
    ...(typeof count === 'number' && Number.isInteger(count) ? { followers: count } : {}),
    messages: [...byId.entries()].sort(([a], [b]) => a - b).map(([, message]) => message),
    ...(offset !== undefined ? { offset } : {}),
    pages,
  };
}

const idOf = (item: Mapped) =>
  item.kind === 'draft' && item.draft.target === 'publication' ? item.draft.externalId : undefined;

export const telegramCollector: Collector = {
  skipReason: (_ctx, channel) =>
    Promise.resolve(telegramAddressOf(channel.url) === undefined ? 'no_public_address' : undefined),
  async collect(ctx, channel, fetcher, policy) {
    const address = telegramAddressOf(channel.url);
    if (!address || 'invite' in address)
      throw new DomainError('collect_channel_private', { username: '', url: channel.url ?? '' });
    const { username } = address;
    const stored = (ids: readonly string[]) => storedExternalIds(ctx.db.kysely, channel.id, ids);
    const web = await collectTelegramWeb(fetcher, username, {
      baseUrl: policy.telegramWebUrl,
      maxPages: policy.maxPages,
      stored,
    });
    const items = web.posts.map((post) => mapWebPost(post, { file: web.source, username }));
    const collected = {
      items,
      ...(web.followers !== undefined ? { followers: web.followers } : {}),
      pages: web.pages,
      hash: web.hash,
      source: web.source,
      format: 'telegram-web' as const,
    };
    const token = (await tokenState(ctx, channel.id)) === 'set' ? await tokenOf(ctx, channel.id) : undefined;
    if (!token) return collected;

    const prior = await readCursor(ctx.db.kysely, channel.id);
    const trusted = prior?.trusted && prior.state.api === 'telegram-bot' ? prior.state.cursor : null;
    const bot = await collectTelegramBot(new BotClient(policy, token), username, {
      ...(trusted !== null ? { offset: Number(trusted) } : {}),
      maxPages: policy.maxPages,
    });
    const onPreview = new Set(items.map(idOf));
    const read = await mapBotPosts(bot.messages, {
      file: `${policy.telegramBotApiUrl} getUpdates`,
      channelUrl: `https://t.me/${username}`,
      chat: {},
    });
    const fromBot = read.filter((item) => !onPreview.has(idOf(item)));
    // The batch's hash covers what the bot read: the same preview pages with other updates are another batch.
    const hash = createHash('sha256').update(web.hash).update(JSON.stringify(bot.messages)).digest('hex');
    const result = {
      ...collected,
      hash,
      items: [...items, ...fromBot],
      ...(bot.followers !== undefined ? { followers: bot.followers } : {}),
      pages: collected.pages + bot.pages,
    };
    if (bot.offset !== undefined) {
      // Nothing of the bot's to store: the offset may be sent at once; else once this run's batch is done.
      const pending = fromBot.length > 0 ? hash : null;
      const state = {
        api: 'telegram-bot',
        address: null,
        etag: null,
        lastModified: null,
        cursor: String(bot.offset),
      };
      await saveCursor(ctx.db.kysely, channel.id, state, pending, ctx.clock());
    }
    return result;
  },
  failed: markTokenExpired,
};
