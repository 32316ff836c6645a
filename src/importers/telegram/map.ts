/**
 * Telegram messages → publication drafts. Service messages are skipped and counted; a forward is a repost with
 * its source; `date_unixtime` (UTC) is preferred over `date` (the exporting computer's wall clock); an album
 * (consecutive media messages of one sender at one second) is one publication; reactions are summed. The text is
 * what the reader saw (a link hidden under words keeps the words); the links go with the post, each with its words.
 */
import { DomainError } from '../../domain/errors.js';
import type { PublicationLink } from '../../shared/links.js';
import type { MediaKind } from '../../shared/vocabulary.js';
import { rejectedField } from '../mapped.js';
import { cleanText, hashtagsOf, titleOf } from '../text.js';
import { instantOfSeconds } from '../time.js';
import type { Mapped, MapOptions, PostTime, PublicationDraft, RecordRef } from '../types.js';
import type { ChatHeader, TelegramRecord } from './parse.js';

type Message = Record<string, unknown>;

const CHANNEL_TYPES = new Set([
  'public_channel',
  'private_channel',
  'public_supergroup',
  'private_supergroup',
]);
const VIDEO_TYPES = new Set(['video_file', 'animation', 'video_message']);
const LOCAL_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}$/;

/** The text of a message: a string, or an array of plain strings and entity objects whose texts concatenate. */
export function textOf(text: unknown): string {
  if (typeof text === 'string') return text;
  if (!Array.isArray(text)) return '';
  return text
    .map((part: unknown) =>
      typeof part === 'string'
        ? part
        : typeof part === 'object' && part !== null
          ? String((part as Message)['text'] ?? '')
          : '',
    )
    .join('');
}

/** An address as a post may write it (`example.kz/x`): a browser opens it over http. */
const withScheme = (address: string) =>
  /^[a-z][a-z0-9+.-]*:/i.test(address) ? address : `http://${address}`;

/**
 * The links of a message, in text order: a `text_link` entity's address lives only in its `href`, its text is
 * the words shown; a `link` entity is an address written out.
 */
export function linksOfText(text: unknown): PublicationLink[] {
  if (!Array.isArray(text)) return [];
  const links: PublicationLink[] = [];
  for (const part of text as unknown[]) {
    if (typeof part !== 'object' || part === null) continue;
    const { type, text: shown, href } = part as Message;
    if (typeof shown !== 'string') continue;
    if (type === 'text_link' && typeof href === 'string' && href.trim() !== '')
      links.push({ url: href.trim(), text: shown });
    else if (type === 'link' && shown.trim() !== '')
      links.push({ url: withScheme(shown.trim()), text: shown });
  }
  return links;
}

function hashtagsOfMessage(message: Message, text: string): string[] {
  const entities = message['text_entities'];
  if (!Array.isArray(entities)) return hashtagsOf(text);
  return entities
    .filter((entity): entity is Message => typeof entity === 'object' && entity !== null)
    .filter((entity) => entity['type'] === 'hashtag' && typeof entity['text'] === 'string')
    .map((entity) => String(entity['text']).replace(/^#/, ''));
}

function timeOf(message: Message): PostTime | 'missing' | 'invalid' {
  const unix = message['date_unixtime'];
  if (typeof unix === 'string' || typeof unix === 'number') {
    const instant = instantOfSeconds(unix);
    return instant === undefined ? 'invalid' : { instant };
  }
  const local = message['date'];
  if (local === undefined) return 'missing';
  return typeof local === 'string' && LOCAL_TIME.test(local) ? { local } : 'invalid';
}

/** A path, not a placeholder like "(File not included. …)". */
const present = (value: unknown) => typeof value === 'string' && value !== '';

function mediaOf(message: Message): MediaKind | undefined {
  if (present(message['photo'])) return 'photo';
  if (present(message['file'])) {
    const type = message['media_type'];
    if (type === 'sticker') return undefined;
    return typeof type === 'string' && VIDEO_TYPES.has(type) ? 'video' : 'document';
  }
  if (message['poll'] || message['location_information'] || message['contact_information']) return 'text';
  return undefined;
}

function reactionsOf(message: Message): number | undefined {
  const reactions = message['reactions'];
  if (!Array.isArray(reactions)) return undefined;
  return reactions.reduce<number>((sum, reaction: unknown) => {
    const count = typeof reaction === 'object' && reaction !== null ? (reaction as Message)['count'] : 0;
    return sum + (typeof count === 'number' ? count : 0);
  }, 0);
}

/** A link to the post: under the channel's public address, or the `t.me/c/` link members of a private one open. */
function urlOf(chat: ChatHeader, id: number, options: MapOptions): string | undefined {
  const publicChannel = options.channelUrl?.match(
    /^https?:\/\/(?:t\.me|telegram\.me)\/([A-Za-z0-9_]{4,})\/?$/,
  );
  if (publicChannel) return `https://t.me/${publicChannel[1]}/${id}`;
  if (chat.type && CHANNEL_TYPES.has(chat.type) && chat.id !== undefined && id > 0)
    return `https://t.me/c/${chat.id}/${id}`;
  return undefined;
}

interface Post {
  draft: PublicationDraft;
  /** What ties album parts together. */
  album?: { time: string; from: unknown };
  parts: number;
}

function postOf(message: Message, chat: ChatHeader, options: MapOptions): Post | Mapped {
  const id = message['id'];
  const ref: RecordRef = { kind: 'message', index: typeof id === 'number' ? id : 0 };
  // No closure for these: a function made per message costs more than the message's other work.
  if (typeof id !== 'number')
    return rejectedField(options.file, ref, 'id', id === undefined ? 'required' : 'invalid_type');
  const time = timeOf(message);
  if (time === 'missing') return rejectedField(options.file, ref, 'date_unixtime', 'required');
  if (time === 'invalid')
    return rejectedField(options.file, ref, 'date_unixtime', 'invalid_date', {
      value: String(message['date_unixtime'] ?? message['date']),
    });

  const rawText = textOf(message['text']);
  const text =
    cleanText(message['poll'] ? (message['poll'] as Message)['question'] : rawText) ?? cleanText(rawText);
  const media = mediaOf(message);
  if (text === undefined && media === undefined) return { kind: 'skipped', ref, reason: 'empty' };
  const forwarded = 'forwarded_from' in message;
  const reactions = reactionsOf(message);
  const url = urlOf(chat, id, options);
  const links = linksOfText(message['text']);
  const draft: PublicationDraft = {
    target: 'publication',
    ref,
    externalId: String(id),
    time,
    isRepost: forwarded,
    hashtags: hashtagsOfMessage(message, rawText),
    links,
    mediaKind: media ?? 'text',
    ...(url ? { url } : {}),
    ...(text ? { text, title: titleOf(text) } : {}),
    ...(forwarded && cleanText(message['forwarded_from'])
      ? { repostSource: cleanText(message['forwarded_from']) }
      : {}),
    ...(reactions !== undefined ? { engagement: { reactions } } : {}),
  };
  const albumable = media === 'photo' || media === 'video';
  const when = 'instant' in time ? time.instant : time.local;
  return { draft, parts: 1, ...(albumable ? { album: { time: when, from: message['from_id'] } } : {}) };
}

/** Whether a media message belongs to the album being built: same second, same sender, one caption at most. */
function joinsAlbum(album: Post, next: Post): boolean {
  return (
    album.album !== undefined &&
    next.album !== undefined &&
    album.album.time === next.album.time &&
    album.album.from === next.album.from &&
    !(album.draft.text && next.draft.text)
  );
}

function mergeAlbum(album: Post, next: Post): void {
  const { draft } = album;
  draft.mediaKind = 'album';
  if (!draft.text && next.draft.text) {
    draft.text = next.draft.text;
    draft.title = next.draft.title;
    draft.hashtags = next.draft.hashtags;
    draft.links = next.draft.links ?? [];
  }
  const reactions = Math.max(draft.engagement?.reactions ?? 0, next.draft.engagement?.reactions ?? 0);
  if (draft.engagement || next.draft.engagement) draft.engagement = { reactions };
  album.parts += 1;
}

/** Whether a chat is the one asked for: by id (bare or with the Bot API's `-100` prefix) or by name. */
export function chatMatches(chat: ChatHeader, wanted: string): boolean {
  const value = wanted.trim();
  if (chat.id !== undefined && (value === String(chat.id) || value === `-100${chat.id}`)) return true;
  return chat.name !== undefined && chat.name.trim().toLowerCase() === value.toLowerCase();
}

/**
 * Drafts of the chosen chat: the root chat of a single export, or the full export's chat named by `options.chat`
 * (the caller chooses one before, when the file holds several). A batch of records in, a batch of items out.
 * `onChat` is told the chosen chat before its first message is mapped, and may refuse it by throwing.
 */
export async function* mapTelegram(
  batches: AsyncIterable<readonly TelegramRecord[]>,
  options: MapOptions,
  onChat?: (chat: ChatHeader) => void,
): AsyncGenerator<Mapped[]> {
  let selected = false;
  let matched = false;
  const seen: ChatHeader[] = [];
  let pending: Post | undefined;
  let items: Mapped[] = [];
  /** The post held back (an album may go on), with its parts as skips. */
  const flush = () => {
    if (!pending) return;
    const { draft, parts } = pending;
    pending = undefined;
    items.push({ kind: 'draft', draft });
    for (let part = 1; part < parts; part++)
      items.push({ kind: 'skipped', ref: draft.ref, reason: 'album_part' });
  };
  for await (const records of batches) {
    for (const record of records) {
      if (record.kind === 'chat') {
        flush();
        seen.push(record.chat);
        // The first chat of that name or id: a later namesake is left out.
        selected =
          record.chat.index === -1 ||
          (!matched && options.chat !== undefined && chatMatches(record.chat, options.chat));
        matched ||= selected;
        if (selected) onChat?.(record.chat);
        continue;
      }
      if (!selected) continue;
      if (record.kind === 'invalid') {
        flush();
        items.push(
          rejectedField(options.file, { kind: 'item', index: record.position }, 'messages', 'invalid_type'),
        );
        continue;
      }
      const { message } = record;
      if (message['type'] !== 'message') {
        flush();
        items.push({
          kind: 'skipped',
          ref: { kind: 'message', index: Number(message['id'] ?? 0) },
          reason: 'service',
        });
        continue;
      }
      const post = postOf(message, record.chat, options);
      if (!('parts' in post)) {
        flush();
        items.push(post);
        continue;
      }
      if (pending && joinsAlbum(pending, post)) {
        mergeAlbum(pending, post);
        continue;
      }
      flush();
      pending = post;
    }
    if (items.length > 0) {
      yield items;
      items = [];
    }
  }
  flush();
  if (items.length > 0) yield items;
  if (!matched && seen.length > 0) {
    throw new DomainError('import_chat_unknown', {
      file: options.file,
      chat: options.chat ?? '',
      chats: describeChats(seen),
    });
  }
}

/** Chats as a user picks them: `name (id)`, separated by semicolons. */
export function describeChats(chats: readonly ChatHeader[]): string {
  return chats.map((chat) => `${chat.name ?? '—'} (${chat.id ?? '?'})`).join('; ');
}
