/**
 * Telegram Desktop's JSON export (`result.json`), streamed: a single chat's export (the chat object at the root)
 * or the full export (`chats.list[]`). Yields each chat's header (name, type, id) before its messages.
 */
import { jsonValuesAt } from '../json/stream.js';
import { TelegramEscapeFixer } from './escapes.js';

export interface ChatHeader {
  /** Position in `chats.list`; -1 for a single chat's export. */
  index: number;
  name?: string;
  type?: string;
  id?: number;
}

export type TelegramRecord =
  | { kind: 'chat'; chat: ChatHeader }
  | { kind: 'message'; chat: ChatHeader; message: Record<string, unknown> }
  /** An element of `messages` that is no object: its position in the array, from 1. */
  | { kind: 'invalid'; chat: ChatHeader; position: number };

const HEADER_FIELDS = ['name', 'type', 'id'] as const;
const SINGLE_ROOT = -1;

function pathsFor(messages: boolean): string[] {
  const roots = ['$', '$.chats.list.*'];
  return roots.flatMap((root) => [
    ...HEADER_FIELDS.map((field) => `${root}.${field}`),
    ...(messages ? [`${root}.messages.*`] : []),
  ]);
}

/** Which chat a value belongs to and what it is, from its path. */
function locate(path: readonly (string | number)[]): { chat: number; field: string | number } | undefined {
  if (path.length === 1 || (path.length === 2 && path[0] === 'messages')) {
    return { chat: SINGLE_ROOT, field: path[0] === 'messages' ? 'messages' : (path[0] ?? '') };
  }
  if (path[0] === 'chats' && path[1] === 'list' && typeof path[2] === 'number') {
    return { chat: path[2], field: path[3] ?? '' };
  }
  return undefined;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Chats and their messages, in file order, a chunk of the file's worth at a time. With `messages: false`, only
 * the chats (to choose one).
 */
export async function* parseTelegram(
  bytes: AsyncIterable<Buffer>,
  file: string,
  options: { messages?: boolean } = {},
): AsyncGenerator<TelegramRecord[]> {
  let current: ChatHeader | undefined;
  let announced = false;
  for await (const hits of jsonValuesAt(
    bytes,
    pathsFor(options.messages ?? true),
    file,
    new TelegramEscapeFixer(),
  )) {
    const records: TelegramRecord[] = [];
    for (const hit of hits) {
      const at = locate(hit.path);
      if (!at) continue;
      if (current?.index !== at.chat) {
        if (current && !announced) records.push({ kind: 'chat', chat: current });
        current = { index: at.chat };
        announced = false;
      }
      if (at.field === 'messages') {
        if (!announced) {
          records.push({ kind: 'chat', chat: current });
          announced = true;
        }
        if (isObject(hit.value)) records.push({ kind: 'message', chat: current, message: hit.value });
        else records.push({ kind: 'invalid', chat: current, position: Number(hit.path.at(-1)) + 1 });
      } else if (at.field === 'name' && typeof hit.value === 'string') current.name = hit.value;
      else if (at.field === 'type' && typeof hit.value === 'string') current.type = hit.value;
      else if (at.field === 'id' && typeof hit.value === 'number') current.id = hit.value;
    }
    if (records.length > 0) yield records;
  }
  if (current && !announced) yield [{ kind: 'chat', chat: current }];
}

/** The chats of an export, read without keeping their messages. */
export async function listTelegramChats(bytes: AsyncIterable<Buffer>, file: string): Promise<ChatHeader[]> {
  const chats: ChatHeader[] = [];
  for await (const records of parseTelegram(bytes, file, { messages: false }))
    for (const record of records) chats.push(record.chat);
  return chats;
}
