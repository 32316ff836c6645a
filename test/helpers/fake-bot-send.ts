/**
 * A local fake of the Bot API's sending, built from recorded answers (../shared/fixtures/real/telegram-bot/:
 * nadia_vcr_sendMessage and nadia_vcr_sendPhoto, MIT; the 401 from test/fixtures/real/telegram-bot/, WTFPL;
 * getChatMemberCount from silikidi_*). The recorded messages were sent to a private chat: the fake answers each
 * send with the recorded message re-addressed to the channel t.me/topwar_official (the channel as `chat` and
 * `sender_chat`, no `from`, as the Bot API documents a channel's post), with the text or caption sent, the time of
 * sending and the next message id, and keeps it as a pending `channel_post` update for getUpdates. The 400 (chat
 * not found) and the 502 are written after the Bot API's documented answers: no recorded ones are among the
 * fixtures.
 */
import { readFileSync } from 'node:fs';
import { serveLocally } from './local-server.js';
import { real } from './real-files.js';

export const BOT_SEND_FILES = {
  sendMessage: 'telegram-bot/nadia_vcr_sendMessage.json',
  sendPhoto: 'telegram-bot/nadia_vcr_sendPhoto.json',
  /** A received album's photo message (an update): what sendMediaGroup's messages are made after. */
  mediaGroup: 'telegram-bot/silikidi_update_mediagroup_photo.json',
  count: 'telegram-bot/silikidi_getChatMemberCount.json',
  unauthorized: 'telegram-bot/tgruby_vcr_401_unauthorized.yml',
};
export const BOT_TOKEN = '123456:bot-token-of-the-union';
export const BOT_CHANNEL = {
  id: -1001084368520,
  title: 'Военное обозрение',
  username: 'topwar_official',
  type: 'channel',
};

type Json = Record<string, unknown>;

/** The recorded answer's message, from a VCR cassette's response body. */
const recorded = (path: string) => {
  const [exchange] = JSON.parse(readFileSync(real(path), 'utf8')) as { response: { body: string } }[];
  return (JSON.parse(exchange?.response.body ?? '{}') as { result: Json }).result;
};

export interface BotSent {
  method: string;
  chatId: string;
  text: string;
  parseMode: string | null;
  photo?: { type: string; size: number };
  /** An album's photos, in order (sendMediaGroup). */
  photos?: { type: string; size: number }[];
}

export async function fakeBotSender() {
  const sent: BotSent[] = [];
  const updates: Json[] = [];
  /** Posts the next send and answers 502, as a gateway losing the answer would. */
  const lose = { next: false };
  /** Called once on the next send, which is posted and never answered (its sender is to be killed meanwhile). */
  const hold: { next?: () => void } = {};
  /** The next sends' 429 answers, by their `retry_after` seconds: nothing is posted for them. */
  const limits: number[] = [];
  let nextId = 666;
  const unauthorized =
    readFileSync(real(BOT_SEND_FILES.unauthorized), 'utf8').match(/string: '(\{.*\})'/)?.[1] ?? '';
  const server = await serveLocally((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      void (async () => {
        const url = new URL(request.url ?? '/', 'http://fake');
        const [, bot = '', method = ''] = url.pathname.split('/');
        const send = (status: number, body: unknown) =>
          response.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
        if (bot.replace(/^bot/, '') !== BOT_TOKEN)
          return response.writeHead(401, { 'content-type': 'application/json' }).end(unauthorized);
        if (method === 'getChatMemberCount')
          return send(200, JSON.parse(readFileSync(real(BOT_SEND_FILES.count), 'utf8')));
        if (method === 'getUpdates') {
          const offset = Number(url.searchParams.get('offset') ?? 0);
          return send(200, {
            ok: true,
            result: updates.filter((update) => Number(update['update_id']) >= offset),
          });
        }
        if (method !== 'sendMessage' && method !== 'sendPhoto' && method !== 'sendMediaGroup')
          return send(404, { ok: false, error_code: 404, description: 'Not Found' });
        const body = Buffer.concat(chunks);
        const contentType = request.headers['content-type'] ?? '';
        let hit: BotSent;
        if (contentType.startsWith('multipart/form-data')) {
          const form = await new Response(body, { headers: { 'content-type': contentType } }).formData();
          const photo = form.get('photo') as Blob | null;
          // An album: its media's attached files in order, the caption on the first.
          const media = JSON.parse(String(form.get('media') ?? '[]')) as {
            media: string;
            caption?: string;
          }[];
          const photos = media.map((item) => form.get(item.media.replace('attach://', '')) as Blob);
          hit = {
            method,
            chatId: String(form.get('chat_id')),
            text: String(form.get('caption') ?? media[0]?.caption ?? ''),
            parseMode: form.get('parse_mode') as string | null,
            ...(photo ? { photo: { type: photo.type, size: photo.size } } : {}),
            ...(photos.length > 0
              ? { photos: photos.map((blob) => ({ type: blob.type, size: blob.size })) }
              : {}),
          };
        } else {
          const json = JSON.parse(body.toString('utf8')) as Json;
          hit = {
            method,
            chatId: String(json['chat_id']),
            text: String(json['text'] ?? ''),
            parseMode: (json['parse_mode'] as string | undefined) ?? null,
          };
        }
        sent.push(hit);
        const limited = limits.shift();
        if (limited !== undefined)
          return send(429, {
            ok: false,
            error_code: 429,
            description: `Too Many Requests: retry after ${limited}`,
            parameters: { retry_after: limited },
          });
        if (hit.chatId !== `@${BOT_CHANNEL.username}`)
          return send(400, { ok: false, error_code: 400, description: 'Bad Request: chat not found' });
        if (method === 'sendMediaGroup') {
          const update = JSON.parse(readFileSync(real(BOT_SEND_FILES.mediaGroup), 'utf8')) as {
            message: Json;
          };
          const { from: _sender, ...photoMessage } = update.message;
          const date = Math.floor(Date.now() / 1000);
          const group = String(Number(photoMessage['media_group_id']) + nextId);
          const messages = (hit.photos ?? []).map((_, index) => ({
            ...photoMessage,
            message_id: nextId++,
            date,
            chat: BOT_CHANNEL,
            sender_chat: BOT_CHANNEL,
            media_group_id: group,
            ...(index === 0 ? { caption: hit.text } : {}),
          }));
          for (const message of messages)
            updates.push({ update_id: 900_000 + updates.length, channel_post: message });
          if (lose.next) {
            lose.next = false;
            return send(502, { ok: false, error_code: 502, description: 'Bad Gateway' });
          }
          return send(200, { ok: true, result: messages });
        }
        const { from: _from, ...base } = recorded(
          method === 'sendPhoto' ? BOT_SEND_FILES.sendPhoto : BOT_SEND_FILES.sendMessage,
        );
        const message = {
          ...base,
          message_id: nextId++,
          date: Math.floor(Date.now() / 1000),
          chat: BOT_CHANNEL,
          sender_chat: BOT_CHANNEL,
          ...(method === 'sendPhoto' ? { caption: hit.text } : { text: hit.text }),
        };
        updates.push({ update_id: 900_000 + updates.length, channel_post: message });
        if (hold.next) {
          const killed = hold.next;
          delete hold.next;
          return killed();
        }
        if (lose.next) {
          lose.next = false;
          return send(502, { ok: false, error_code: 502, description: 'Bad Gateway' });
        }
        return send(200, { ok: true, result: message });
      })();
    });
  });
  return { url: server.url, sent, lose, limits, hold, close: server.close };
}
