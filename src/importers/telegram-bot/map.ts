/**
 * Telegram Bot API channel posts (`channel_post` / `edited_channel_post` updates' Message objects) → publication
 * drafts, through the Telegram export's mapper (importers/telegram/map.ts): each message is first written as a
 * Telegram Desktop export writes it (text as plain parts and link/hashtag entities, `date_unixtime`, a photo,
 * file or poll, the forward's source), so that a post read by the bot, the same post on the web preview and in an
 * export are one publication with the same text, links, media kind and hashtags. An album's messages (one
 * `media_group_id`) join as the export's do (same second, same sender).
 */
import { mapTelegram } from '../telegram/map.js';
import type { ChatHeader, TelegramRecord } from '../telegram/parse.js';
import type { Mapped } from '../types.js';

type Json = Record<string, unknown>;

const objectOf = (value: unknown): Json | undefined =>
  typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Json) : undefined;
const stringOf = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);

/** Bot API entity types → the export's part types; the others are plain text in both. */
const PART_TYPES: Readonly<Record<string, string>> = {
  text_link: 'text_link',
  url: 'link',
  hashtag: 'hashtag',
};

/** The text as the export's parts: plain strings and `{type, text, href}` for links and hashtags. */
function partsOf(text: string, entities: unknown): (string | Json)[] {
  const marked = (Array.isArray(entities) ? entities : [])
    .map(objectOf)
    .filter(
      (entity): entity is Json => entity !== undefined && PART_TYPES[String(entity['type'])] !== undefined,
    )
    .map((entity) => ({
      type: PART_TYPES[String(entity['type'])] as string,
      start: Number(entity['offset']),
      end: Number(entity['offset']) + Number(entity['length']),
      href: stringOf(entity['url']),
    }))
    .filter(
      (entity) => Number.isInteger(entity.start) && entity.end > entity.start && entity.end <= text.length,
    )
    .sort((a, b) => a.start - b.start);
  const parts: (string | Json)[] = [];
  let at = 0;
  for (const entity of marked) {
    // Offsets count UTF-16 units, as JavaScript's strings do; an entity inside one taken is left plain.
    if (entity.start < at) continue;
    if (entity.start > at) parts.push(text.slice(at, entity.start));
    const shown = text.slice(entity.start, entity.end);
    parts.push({ type: entity.type, text: shown, ...(entity.href ? { href: entity.href } : {}) });
    at = entity.end;
  }
  if (at < text.length) parts.push(text.slice(at));
  return parts;
}

/** Where a forward came from: the channel's title or the person's name (old and new Bot API fields). */
function forwardSourceOf(message: Json): string | undefined {
  const origin = objectOf(message['forward_origin']);
  const chat = objectOf(origin?.['chat'] ?? origin?.['sender_chat'] ?? message['forward_from_chat']);
  const user = objectOf(origin?.['sender_user'] ?? message['forward_from']);
  const name = [stringOf(user?.['first_name']), stringOf(user?.['last_name'])].filter(Boolean).join(' ');
  return (
    stringOf(chat?.['title']) ??
    (name || undefined) ??
    stringOf(origin?.['sender_user_name']) ??
    stringOf(message['forward_sender_name'])
  );
}

/** A Bot API Message as a Telegram Desktop export writes it. */
export function exportMessageOf(message: Json): Json {
  const text = stringOf(message['text']) ?? stringOf(message['caption']) ?? '';
  const entities = message['entities'] ?? message['caption_entities'];
  const parts = partsOf(text, entities);
  const forwarded = forwardSourceOf(message);
  const isForward =
    forwarded !== undefined ||
    message['forward_origin'] !== undefined ||
    message['forward_date'] !== undefined;
  const file =
    message['video'] !== undefined
      ? { file: 'video', media_type: 'video_file' }
      : message['animation'] !== undefined
        ? { file: 'animation', media_type: 'animation' }
        : message['video_note'] !== undefined
          ? { file: 'video_note', media_type: 'video_message' }
          : message['sticker'] !== undefined
            ? { file: 'sticker', media_type: 'sticker' }
            : message['document'] !== undefined ||
                message['audio'] !== undefined ||
                message['voice'] !== undefined
              ? { file: 'document' }
              : {};
  const poll = objectOf(message['poll']);
  return {
    id: message['message_id'],
    type: 'message',
    date_unixtime: String(message['date']),
    // An album's parts share their group: the export's mapper joins parts of one sender at one second.
    from_id: stringOf(message['media_group_id']) ?? `message${String(message['message_id'])}`,
    text: parts.length === 1 && typeof parts[0] === 'string' ? parts[0] : parts,
    text_entities: parts.map((part) =>
      typeof part === 'string' ? { type: 'plain', text: part } : { type: part['type'], text: part['text'] },
    ),
    ...(Array.isArray(message['photo']) ? { photo: 'photo' } : {}),
    ...file,
    ...(poll ? { poll: { question: stringOf(poll['question']) ?? '' } } : {}),
    ...(isForward ? { forwarded_from: forwarded ?? null } : {}),
  };
}

/** The channel's posts read by the bot, oldest first, as drafts; `channelUrl` makes their links under t.me. */
export async function mapBotPosts(
  messages: readonly Json[],
  options: { file: string; channelUrl?: string; chat: { id?: number; title?: string } },
): Promise<Mapped[]> {
  const chat: ChatHeader = {
    index: -1,
    type: 'public_channel',
    ...(options.chat.id !== undefined ? { id: options.chat.id } : {}),
    ...(options.chat.title !== undefined ? { name: options.chat.title } : {}),
  };
  const records: TelegramRecord[] = [
    { kind: 'chat', chat },
    ...messages.map((message): TelegramRecord => ({
      kind: 'message',
      chat,
      message: exportMessageOf(message),
    })),
  ];
  async function* once() {
    yield records;
  }
  const items: Mapped[] = [];
  for await (const batch of mapTelegram(once(), {
    file: options.file,
    ...(options.channelUrl !== undefined ? { channelUrl: options.channelUrl } : {}),
  }))
    items.push(...batch);
  return items;
}
