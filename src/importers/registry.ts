/**
 * Every format aqparat imports: how it is recognized and how its bytes become drafts (parse, then map). A new
 * format is a folder with its parser and mapper plus one entry here.
 */
import type { ImportFormat } from '../shared/vocabulary.js';
import { mapFacebook } from './facebook/map.js';
import { parseFacebook } from './facebook/parse.js';
import { mapFeed } from './feed/map.js';
import { parseFeed } from './feed/parse.js';
import { mapInstagram } from './instagram/map.js';
import { parseInstagram } from './instagram/parse.js';
import { POSTS_LAYOUTS, postsFileFormat } from './meta/layout.js';
import { mapSheet, type SheetHeader } from './sheet/map.js';
import { parseCsv, parseXlsx } from './sheet/parse.js';
import { containerOf, jsonShapeOf, xmlRootOf } from './sniff.js';
import { mapTelegram } from './telegram/map.js';
import { type ChatHeader, parseTelegram } from './telegram/parse.js';
import type { Mapped, MapOptions, Sniff } from './types.js';

export type ReaderName = 'telegram' | 'facebook' | 'instagram' | 'feed' | 'xlsx' | 'csv';

export interface ReadOptions extends MapOptions {
  /** Told the kind of a spreadsheet once its header is read. */
  onSheetHeader?: (header: SheetHeader) => void;
  /** Told a Telegram export's chosen chat before its messages are read; throwing refuses it. */
  onChat?: (chat: ChatHeader) => void;
}

export interface Reader {
  name: ReaderName;
  format: ImportFormat;
  /** The items in file order, in batches: a Telegram export's a chunk of the file at a time. */
  read(bytes: AsyncIterable<Buffer>, options: ReadOptions): AsyncIterable<readonly Mapped[]>;
}

/** Items of a mapper that yields them one by one (the formats whose files stay small), one per batch. */
async function* oneByOne(items: AsyncIterable<Mapped>): AsyncGenerator<readonly Mapped[]> {
  for await (const item of items) yield [item];
}

export const READERS: Readonly<Record<ReaderName, Reader>> = {
  telegram: {
    name: 'telegram',
    format: 'telegram',
    read: (bytes, options) => mapTelegram(parseTelegram(bytes, options.file), options, options.onChat),
  },
  facebook: {
    name: 'facebook',
    format: 'facebook',
    read: (bytes, options) => oneByOne(mapFacebook(parseFacebook(bytes, options.file), options)),
  },
  instagram: {
    name: 'instagram',
    format: 'instagram',
    read: (bytes, options) => oneByOne(mapInstagram(parseInstagram(bytes, options.file), options)),
  },
  feed: {
    name: 'feed',
    format: 'feed',
    read: (bytes, options) => oneByOne(mapFeed(parseFeed(bytes, options.file), options)),
  },
  xlsx: {
    name: 'xlsx',
    format: 'spreadsheet',
    read: (bytes, options) =>
      oneByOne(mapSheet(parseXlsx(bytes, options.file), options, options.onSheetHeader)),
  },
  csv: {
    name: 'csv',
    format: 'spreadsheet',
    read: (bytes, options) =>
      oneByOne(mapSheet(parseCsv(bytes, options.file), options, options.onSheetHeader)),
  },
};

/** What users are told is supported when a file is not recognized. */
export const SUPPORTED_FORMATS =
  'Telegram Desktop JSON (result.json); Facebook, Instagram (ZIP, JSON); RSS 2.0, Atom; XLSX; CSV (UTF-8, Windows-1251)';

const TELEGRAM_ROOT_KEYS = [
  'messages',
  'chats',
  'left_chats',
  'personal_information',
  'contacts',
  'frequent_contacts',
];
const TELEGRAM_CHAT_TYPES = new Set([
  'personal_chat',
  'bot_chat',
  'private_group',
  'private_supergroup',
  'public_supergroup',
  'private_channel',
  'public_channel',
  'saved_messages',
  'replies',
]);

/** Which reader a file (not a ZIP) needs, from its first bytes and, for an empty JSON array, its name. */
export function detectReader(sniff: Sniff): ReaderName | undefined {
  switch (containerOf(sniff.head)) {
    case 'json': {
      const shape = jsonShapeOf(sniff.head);
      if (shape?.root === 'object') {
        const telegram =
          TELEGRAM_ROOT_KEYS.some((key) => shape.keys.has(key)) ||
          (shape.type !== undefined && TELEGRAM_CHAT_TYPES.has(shape.type));
        return telegram ? 'telegram' : undefined;
      }
      if (shape?.keys.has('media')) return 'instagram';
      if (shape?.keys.has('timestamp')) return 'facebook';
      const byName = postsFileFormat(sniff.name);
      return byName === 'facebook' || byName === 'instagram' ? byName : undefined;
    }
    case 'xml':
      return ['rss', 'feed'].includes(xmlRootOf(sniff.head) ?? '') ? 'feed' : undefined;
    case 'text':
      return 'csv';
    case 'blank':
      return readerByName(sniff.name);
    default:
      return undefined;
  }
}

/** A file whose head is all whitespace: its name is all there is to go by. */
function readerByName(name: string): ReaderName | undefined {
  const posts = postsFileFormat(name);
  if (posts === 'telegram' || posts === 'facebook' || posts === 'instagram') return posts;
  if (/\.(xml|rss|atom)$/i.test(name)) return 'feed';
  if (/\.(csv|tsv|txt)$/i.test(name)) return 'csv';
  return undefined;
}

/** Whether a Telegram export is the full one (`chats.list`), where a chat must be chosen. */
export function isFullTelegramExport(sniff: Sniff): boolean {
  const shape = jsonShapeOf(sniff.head);
  return shape?.root === 'object' && !shape.keys.has('messages');
}

/** What a ZIP holds that aqparat reads: it is a workbook itself, or an archive with posts files inside. */
export function zipContents(
  entryNames: readonly string[],
): { kind: 'xlsx' } | { kind: 'posts'; entries: string[] } {
  if (entryNames.includes('xl/workbook.xml')) return { kind: 'xlsx' };
  return { kind: 'posts', entries: entryNames.filter((name) => postsFileFormat(name) !== undefined).sort() };
}

/** The layouts looked for in an archive, for the message when none is found. */
export const POSTS_LAYOUT_EXAMPLES = POSTS_LAYOUTS.map((layout) => layout.example).join(', ');
