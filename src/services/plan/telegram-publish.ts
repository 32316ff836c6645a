/**
 * Publishing a post to a Telegram channel through the Bot API, with the channel's bot token (the union's bot, an
 * administrator of the channel allowed to post): `sendMessage` for text, `sendPhoto` (the image uploaded as a
 * file, the text as its caption) when the post has an image. No parse mode is used: the text is sent as written,
 * so nothing in it needs escaping and nothing in it is read as markup (Telegram still links addresses and
 * hashtags itself). The Bot API's address is `AQPARAT_TELEGRAM_BOT_API_URL`; the token is in the path of every
 * request, so no address is ever put in an error or a log.
 *
 * A request whose answer never came (a timeout, a broken connection, a 5xx) may have posted: it is told as
 * `publish_uncertain` and is never tried again blindly. Before sending again, `findSent` looks for the post on the
 * channel: among the bot's pending `channel_post` updates (read without an offset, so that nothing is confirmed and
 * the collector's cursor is untouched), then on the channel's public preview (t.me/s/NAME, its newest page), by
 * its text and a time not before the uncertain attempt. The Bot API cannot read a channel's history: a post the
 * bot's updates no longer hold (confirmed by the collector, or a webhook set) of a channel without a public preview
 * cannot be found, and is then sent again.
 */
import { createHash } from 'node:crypto';
import { DomainError } from '../../domain/errors.js';
import { mapBotPosts } from '../../importers/telegram-bot/map.js';
import { mapWebPost } from '../../importers/telegram-web/map.js';
import type { CollectPolicy } from '../collect/collector.js';
import { PoliteFetcher } from '../collect/polite-fetch.js';
import { BotClient } from '../collect/telegram-bot.js';
import { collectTelegramWeb } from '../collect/telegram-web.js';
import { CLOCK_SLACK_MS, normalized, type Sent } from './sent.js';

type Json = Record<string, unknown>;

const PLATFORM = 'Telegram';
/** A message's text (sendMessage) and a photo's caption (sendPhoto), in UTF-16 units as Telegram counts them. */
export const MESSAGE_LIMIT = 4096;
export const CAPTION_LIMIT = 1024;

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
const objectOf = (value: unknown): Json | undefined =>
  typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Json) : undefined;

export interface TelegramTarget {
  username: string;
  token: string;
  text: string;
  image?: { bytes: Buffer; type: string };
  /** Two to ten images: sent as an album (sendMediaGroup), the text the first one's caption. */
  album?: { bytes: Buffer; type: string }[];
}

/** The post as the collector maps the channel's messages: an album's messages join as one publication. */
async function sentOf(policy: CollectPolicy, username: string, messages: Json[]): Promise<Sent> {
  const channelUrl = `https://t.me/${username}`;
  const source = `${policy.telegramBotApiUrl} channel ${username}`;
  const items = await mapBotPosts(messages, { file: source, channelUrl, chat: {} });
  const ids = messages.map((message) => String(message['message_id']));
  const externalId = ids[0] ?? '';
  return {
    externalId,
    url: `${channelUrl}/${externalId}`,
    items,
    source,
    hash: createHash('sha256').update(JSON.stringify(messages)).digest('hex'),
    format: 'telegram-bot',
    ...(ids.length > 1 ? { messageIds: ids } : {}),
  };
}

const extensionOf = (type: string) => (type === 'image/png' ? 'png' : 'jpg');

/** The text, checked against the limit of what carries it: the message or the photo's (album's) caption. */
function checkedText(target: TelegramTarget): string {
  const limit = target.image || target.album ? CAPTION_LIMIT : MESSAGE_LIMIT;
  if (target.text.length > limit)
    throw new DomainError('publish_text_too_long', { platform: PLATFORM, length: target.text.length, limit });
  return target.text;
}

/**
 * Sends the post once. A 429 is waited out for its `retry_after` (nothing was posted); a refused token, a refused
 * post (400: too long, no right to post, a chat not found) fail with the platform's description.
 */
export async function sendToTelegram(
  policy: CollectPolicy,
  target: TelegramTarget,
  wait: (ms: number) => Promise<void> = sleep,
): Promise<Sent> {
  const text = checkedText(target);
  const { album } = target;
  const method = album ? 'sendMediaGroup' : target.image ? 'sendPhoto' : 'sendMessage';
  const url = `${policy.telegramBotApiUrl.replace(/\/+$/, '')}/bot${target.token}/${method}`;
  const chatId = `@${target.username}`;
  const body = (): FormData | string => {
    if (album) {
      const form = new FormData();
      form.set('chat_id', chatId);
      // Each photo an attached file; the caption on the first is the album's.
      const media = album.map((_, index) => ({
        type: 'photo',
        media: `attach://photo${index}`,
        ...(index === 0 ? { caption: text } : {}),
      }));
      form.set('media', JSON.stringify(media));
      album.forEach((image, index) =>
        form.set(
          `photo${index}`,
          new Blob([image.bytes], { type: image.type }),
          `photo${index}.${extensionOf(image.type)}`,
        ),
      );
      return form;
    }
    if (!target.image) return JSON.stringify({ chat_id: chatId, text });
    const form = new FormData();
    form.set('chat_id', chatId);
    form.set('caption', text);
    form.set(
      'photo',
      new Blob([target.image.bytes], { type: target.image.type }),
      `post.${extensionOf(target.image.type)}`,
    );
    return form;
  };
  for (let attempt = 0; ; attempt++) {
    let status: number;
    let answer: Json | undefined;
    try {
      const payload = body();
      const response = await fetch(url, {
        method: 'POST',
        body: payload,
        ...(typeof payload === 'string' ? { headers: { 'content-type': 'application/json' } } : {}),
        signal: AbortSignal.timeout(policy.timeoutMs),
      });
      status = response.status;
      const raw = await response.text();
      try {
        answer = objectOf(JSON.parse(raw));
      } catch {
        answer = undefined;
      }
    } catch (error) {
      const detail = error instanceof Error ? error.message.replaceAll(target.token, '…') : 'no answer';
      throw new DomainError('publish_uncertain', { platform: PLATFORM, detail: `${method}: ${detail}` });
    }
    const result = answer?.['result'];
    const messages = (Array.isArray(result) ? result : [result]).map(objectOf);
    if (answer?.['ok'] === true && messages.length > 0 && messages.every((message) => message !== undefined))
      return sentOf(policy, target.username, messages as Json[]);
    const description = String(answer?.['description'] ?? `HTTP ${status}`);
    const code = Number(answer?.['error_code'] ?? status);
    if (code === 401 || code === 404)
      throw new DomainError('publish_token_refused', { platform: PLATFORM, detail: description });
    if (code === 429) {
      const seconds = Number(objectOf(answer?.['parameters'])?.['retry_after'] ?? 1);
      if (attempt >= policy.retries || seconds * 1000 > policy.maxRetryAfterMs)
        throw new DomainError('publish_rate_limited', { platform: PLATFORM, seconds });
      await wait(seconds * 1000);
      continue;
    }
    if (status >= 500 || answer === undefined)
      throw new DomainError('publish_uncertain', { platform: PLATFORM, detail: `${method}: ${description}` });
    throw new DomainError('publish_refused', { platform: PLATFORM, detail: description });
  }
}

/**
 * The post sent by an attempt at `since` whose outcome is unknown, if the channel shows it: among the bot's
 * pending channel posts, else on the public preview's newest page. Undefined when neither shows it; a lookup that
 * fails (no preview, a webhook set) counts as not found.
 */
export async function findSent(
  policy: CollectPolicy,
  target: TelegramTarget,
  since: string,
): Promise<Sent | undefined> {
  const wanted = normalized(target.text);
  const from = Date.parse(since) - CLOCK_SLACK_MS;
  try {
    const updates = await new BotClient(policy, target.token).call('getUpdates', {
      limit: '100',
      timeout: '0',
      allowed_updates: JSON.stringify(['channel_post']),
    });
    const posts = (Array.isArray(updates) ? updates : [])
      .map((update) => objectOf(objectOf(update)?.['channel_post']))
      .filter((message): message is Json => {
        const chat = objectOf(message?.['chat']);
        return String(chat?.['username'] ?? '').toLowerCase() === target.username.toLowerCase();
      });
    for (const message of posts) {
      const text = String(message['text'] ?? message['caption'] ?? '');
      if (normalized(text) !== wanted || Number(message['date']) * 1000 < from) continue;
      // An album's caption is on its first message; its others share the media group.
      const group = message['media_group_id'];
      return await sentOf(
        policy,
        target.username,
        group === undefined ? [message] : posts.filter((other) => other['media_group_id'] === group),
      );
    }
  } catch {
    // No updates to read (a webhook is set, the token refused): the preview may still show it.
  }
  try {
    const web = await collectTelegramWeb(new PoliteFetcher(policy), target.username, {
      baseUrl: policy.telegramWebUrl,
      maxPages: 1,
      stored: () => Promise.resolve(new Set<string>()),
    });
    const post = web.posts.find(
      (candidate) =>
        normalized(candidate.text ?? '') === wanted && Date.parse(candidate.instant ?? '') >= from,
    );
    if (!post) return undefined;
    const externalId = String(post.id);
    return {
      externalId,
      url: `https://t.me/${target.username}/${externalId}`,
      items: [mapWebPost(post, { file: web.source, username: target.username })],
      source: web.source,
      hash: web.hash,
      format: 'telegram-web',
    };
  } catch {
    return undefined;
  }
}
