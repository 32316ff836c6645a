/**
 * Writes a synthetic Telegram Desktop export of a union's channel, as large as asked, shaped like the real
 * thing: one space of indentation per level, no trailing newline, `date` and `date_unixtime`, text as a string
 * or as an array with entities, `\xHH` escapes, service messages, forwards, edits, reactions and photo albums.
 * It streams to disk, so it can write hundreds of megabytes; it returns what the file holds, for assertions.
 */
import { once } from 'node:events';
import { createWriteStream } from 'node:fs';

export interface TelegramExportOptions {
  messages: number;
  /** Characters of each post's text (Cyrillic, two bytes each in UTF-8). */
  textLength?: number;
  /** Wrap the channel in a full export (`chats.list`) after a personal chat. */
  full?: boolean;
  name?: string;
  id?: number;
  /** A different text for these message ids: a later export after the posts were edited. */
  edited?: ReadonlySet<number>;
}

export interface TelegramExportContents {
  bytes: number;
  /** Publications the channel's messages make (an album counts once). */
  posts: number;
  service: number;
  albumParts: number;
  forwards: number;
  escapes: number;
}

const START = 1_704_067_200; // 2024-01-01T00:00:00Z
const SENTENCES = [
  'Профсоюз работников образования провёл семинар по правовой защите педагогов.',
  'Председатели первичных организаций обсудили коллективный договор и оплату труда.',
  'Молодые учителя района приняли участие в спартакиаде, победители награждены.',
  'Правовой инспектор проконсультировал членов профсоюза по вопросам аттестации.',
  'Кәсіподақ комитеті мұғалімдердің еңбек құқықтарын қорғау жөнінде кеңес өткізді.',
];

/** Roles of message ids, fixed by the id so that every export of the same size says the same. */
function roleOf(id: number): 'service' | 'album' | 'post' {
  if (id % 50 === 0) return 'service';
  if (id % 29 === 1 && id > 1) return 'album';
  return 'post';
}

function textOf(id: number, length: number, edited: boolean): string {
  let text = `${edited ? 'Исправлено. ' : ''}Новость № ${id}. `;
  for (let at = id; text.length < length; at++) text += `${SENTENCES[at % SENTENCES.length]} `;
  return text.slice(0, length);
}

/** Pretty-prints like Telegram Desktop: one space per level, the message nested two levels deep. */
function serialize(value: unknown): string {
  return JSON.stringify(value, null, 1)
    .split('\n')
    .map((line) => `  ${line}`)
    .join('\n')
    .replace(/\\u0007/g, '\\x07');
}

function dates(unix: number) {
  return {
    date: new Date((unix + 5 * 3600) * 1000).toISOString().slice(0, 19),
    date_unixtime: String(unix),
  };
}

function messageOf(id: number, options: Required<Omit<TelegramExportOptions, 'edited'>>, edited: boolean) {
  const unix = START + id * 600;
  const from = { from: options.name, from_id: `channel${options.id}` };
  if (roleOf(id) === 'service') {
    return {
      id,
      type: 'service',
      ...dates(unix),
      actor: options.name,
      actor_id: `channel${options.id}`,
      action: 'pin_message',
      message_id: id - 1,
      text: '',
      text_entities: [],
    };
  }
  const text = textOf(id, options.textLength, edited);
  const message: Record<string, unknown> = { id, type: 'message', ...dates(unix), ...from };
  if (edited) Object.assign(message, { edited: dates(unix + 60).date, edited_unixtime: String(unix + 60) });
  if (id % 7 === 0) message['forwarded_from'] = 'Центральный комитет профсоюза';
  if (id % 13 === 0) {
    // A control character, which Telegram writes as the invalid escape \x07.
    message['text'] = `${text}\u0007`;
    message['text_entities'] = [{ type: 'plain', text: `${text}\u0007` }];
  } else if (id % 11 === 0) {
    message['text'] = [{ type: 'bold', text: 'Важно: ' }, text, { type: 'hashtag', text: '#профсоюз' }];
    message['text_entities'] = [
      { type: 'bold', text: 'Важно: ' },
      { type: 'plain', text },
      { type: 'hashtag', text: '#профсоюз' },
    ];
  } else {
    message['text'] = text;
    message['text_entities'] = [{ type: 'plain', text }];
  }
  if (id % 17 === 0)
    message['reactions'] = [
      { type: 'emoji', count: id % 9, emoji: '👍' },
      { type: 'emoji', count: 2, emoji: '🔥' },
    ];
  return message;
}

/** The photos of an album after its first message: same second, same sender, no caption. */
function albumPartsOf(id: number, options: Required<Omit<TelegramExportOptions, 'edited'>>) {
  const unix = START + id * 600;
  return [1, 2].map((part) => ({
    id: id + part / 10,
    type: 'message',
    ...dates(unix),
    from: options.name,
    from_id: `channel${options.id}`,
    photo: `photos/photo_${id}_${part}@01-01-2024_10-00-00.jpg`,
    width: 1280,
    height: 960,
    text: '',
    text_entities: [],
  }));
}

export async function writeTelegramExport(
  path: string,
  options: TelegramExportOptions,
): Promise<TelegramExportContents> {
  const settings = {
    textLength: 600,
    full: false,
    name: 'Профсоюз образования области Абай',
    id: 1_987_654_321,
    ...options,
  };
  const out = createWriteStream(path);
  let bytes = 0;
  const write = async (text: string) => {
    bytes += Buffer.byteLength(text);
    if (!out.write(text)) await once(out, 'drain');
  };
  const contents = { posts: 0, service: 0, albumParts: 0, forwards: 0, escapes: 0 };
  const header = `"name": ${JSON.stringify(settings.name)},\n "type": "public_channel",\n "id": ${settings.id},\n "messages": [\n`;
  if (settings.full) {
    await write(
      '{\n "about": "Here is the data you requested.",\n "personal_information": {\n  "user_id": 1,\n  "first_name": "Ә"\n },\n "chats": {\n  "about": "chats",\n  "list": [\n',
    );
    await write(
      '   {\n    "name": "Ерлан",\n    "type": "personal_chat",\n    "id": 42,\n    "messages": [\n     {\n      "id": 1,\n      "type": "message",\n      "date": "2024-01-01T10:00:00",\n      "date_unixtime": "1704085200",\n      "from": "Ерлан",\n      "from_id": "user42",\n      "text": "Сәлем",\n      "text_entities": [\n       {\n        "type": "plain",\n        "text": "Сәлем"\n       }\n      ]\n     }\n    ]\n   },\n   {\n    ',
    );
    await write(header.replace(/\n /g, '\n    '));
  } else {
    await write(`{\n ${header}`);
  }
  // Album parts get fractional ids above; real exports number them consecutively, so renumber as written.
  let nextId = 1;
  for (let id = 1; id <= settings.messages; id++) {
    const message = messageOf(nextId, settings, settings.edited?.has(nextId) ?? false);
    const parts = roleOf(nextId) === 'album' ? albumPartsOf(nextId, settings) : [];
    if (roleOf(nextId) === 'service') contents.service += 1;
    else contents.posts += 1;
    if (message['forwarded_from']) contents.forwards += 1;
    if (roleOf(nextId) !== 'service' && nextId % 13 === 0) contents.escapes += 1;
    const written = [message, ...parts.map((part, at) => ({ ...part, id: nextId + at + 1 }))];
    if (parts.length > 0) {
      // The album's first message carries the caption and a photo as well.
      Object.assign(message, {
        photo: `photos/photo_${nextId}@01-01-2024_10-00-00.jpg`,
        width: 1280,
        height: 960,
      });
      contents.albumParts += parts.length;
    }
    nextId += written.length;
    const last = id === settings.messages;
    const indent = settings.full
      ? (text: string) => text.replace(/^ {2}/gm, '     ')
      : (text: string) => text;
    await write(written.map((item) => indent(serialize(item))).join(',\n') + (last ? '\n' : ',\n'));
  }
  await write(settings.full ? '    ]\n   }\n  ]\n }\n}' : ' ]\n}');
  out.end();
  await once(out, 'finish');
  return { bytes, ...contents };
}
