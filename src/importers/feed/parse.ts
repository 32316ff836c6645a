/**
 * A website's RSS 2.0 or Atom feed → its items, streamed: a streaming XML parser (saxes) reads the bytes as
 * they come, and each item is handed on as soon as it closes, so a 300 MB feed holds one chunk and one item in
 * memory at a time, not the file and a tree of it. Each item is a plain object of its child elements: their
 * text (CDATA included, markup inside dropped) under their names, attributes as `@_name`, and `category` and
 * `link` as lists. saxes expands no DTD (no external entities, no entity bombs) and keeps no stack of its own
 * calls, so deep nesting costs nothing but memory the file already took. A broken feed is reported with its
 * line and byte, a feed that stops before its root closes as truncated.
 */
import { SaxesParser } from 'saxes';
import { DomainError } from '../../domain/errors.js';

export type FeedKind = 'rss' | 'atom';

export interface FeedItem {
  kind: FeedKind;
  /** Position in the feed, from 1. */
  index: number;
  item: Record<string, unknown>;
}

/** Elements that may repeat in an item and are read as lists. */
const LISTS = new Set(['category', 'link']);

/** Media RSS elements of an entry's media:group read as the entry's own, by their depth below the entry. */
const GROUPED: Readonly<Record<string, number>> = {
  'media:thumbnail': 2,
  'media:starRating': 3,
  'media:statistics': 3,
};

/** HTML's named entities feeds use without declaring them (XML knows only five). */
const HTML_ENTITIES: Readonly<Record<string, string>> = {
  nbsp: '\u00a0',
  laquo: '«',
  raquo: '»',
  mdash: '—',
  ndash: '–',
  hellip: '…',
  copy: '©',
  reg: '®',
  trade: '™',
  bull: '•',
  middot: '·',
  lsquo: '‘',
  rsquo: '’',
  ldquo: '“',
  rdquo: '”',
  bdquo: '„',
  euro: '€',
  deg: '°',
  times: '×',
  shy: '\u00ad',
};

const localName = (name: string) => name.slice(name.indexOf(':') + 1);

/** A child element of an item being read: its name, attributes and text so far. */
interface Field {
  name: string;
  attributes: Record<string, string>;
  text: string[];
}

function valueOf(field: Field): unknown {
  const text = field.text.join('');
  const attributes = Object.entries(field.attributes);
  if (attributes.length === 0) return text;
  return {
    ...Object.fromEntries(attributes.map(([name, value]) => [`@_${name}`, value])),
    ...(text.trim() === '' ? {} : { '#text': text }),
  };
}

/** Bytes → text, with the byte offset of any character of the text, for messages. */
class Decoded {
  private readonly decoder = new TextDecoder('utf-8');
  /** Characters and bytes before the current chunk; the current chunk's text. */
  private charsBefore = 0;
  private bytesBefore = 0;
  private text = '';
  private first = true;

  decode(bytes: Buffer, end = false): string {
    this.charsBefore += this.text.length;
    this.bytesBefore += Buffer.byteLength(this.text);
    let text = this.decoder.decode(bytes, { stream: !end });
    // A BOM and whitespace before the first tag are no part of the document (XML allows neither before `<?xml`).
    if (this.first) {
      const start = text.search(/[^\s\uFEFF]/);
      if (start === -1) {
        this.charsBefore += text.length;
        this.bytesBefore += Buffer.byteLength(text);
        return '';
      }
      this.first = false;
      this.charsBefore += start;
      this.bytesBefore += Buffer.byteLength(text.slice(0, start));
      text = text.slice(start);
    }
    this.text = text;
    return text;
  }

  /** The byte offset in the file of the parser's position (characters written to it). */
  byteAt(position: number): { position: number; found: string } {
    const at = Math.max(0, Math.min(position - this.charsBefore, this.text.length));
    return {
      position: this.bytesBefore + Buffer.byteLength(this.text.slice(0, at)),
      found: [...this.text.slice(at, at + 2)][0] ?? '',
    };
  }
}

export async function* parseFeed(bytes: AsyncIterable<Buffer>, file: string): AsyncGenerator<FeedItem> {
  const parser = new SaxesParser({ position: true });
  Object.assign(parser.ENTITIES, HTML_ENTITIES);
  const decoded = new Decoded();
  const path: string[] = [];
  let kind: FeedKind | undefined;
  let rootClosed = false;
  let index = 0;
  /** The item or entry being read (at `depth` in the path), its child being read, and items done. */
  let item: { depth: number; value: Record<string, unknown> } | undefined;
  let field: Field | undefined;
  let done: FeedItem[] = [];

  const isItem = (name: string, depth: number) =>
    kind === 'rss'
      ? name === 'item' && depth === 3 && localName(path[1] ?? '') === 'channel'
      : kind === 'atom' && localName(name) === 'entry' && depth === 2;

  parser.on('opentag', (tag) => {
    path.push(tag.name);
    const depth = path.length;
    if (depth === 1) {
      const root = localName(tag.name);
      kind = root === 'rss' ? 'rss' : root === 'feed' ? 'atom' : undefined;
    } else if (!item && isItem(tag.name, depth)) item = { depth, value: {} };
    else if (item && depth === item.depth + 1)
      field = { name: tag.name, attributes: { ...(tag.attributes as Record<string, string>) }, text: [] };
    // YouTube's feeds keep an entry's thumbnail in its media:group, and its views and likes in the group's
    // media:community: read as the entry's own.
    else if (item && field?.name === 'media:group' && GROUPED[tag.name] === depth - item.depth)
      item.value[tag.name] ??= valueOf({
        name: tag.name,
        attributes: { ...(tag.attributes as Record<string, string>) },
        text: [],
      });
  });
  const onText = (text: string) => field?.text.push(text);
  parser.on('text', onText);
  parser.on('cdata', onText);
  parser.on('closetag', () => {
    const depth = path.length;
    path.pop();
    if (depth === 1) rootClosed = true;
    else if (item && depth === item.depth) {
      index += 1;
      done.push({ kind: kind as FeedKind, index, item: item.value });
      item = undefined;
    } else if (item && field && depth === item.depth + 1) {
      const value = valueOf(field);
      if (LISTS.has(field.name)) ((item.value[field.name] ??= []) as unknown[]).push(value);
      // The first of a repeated element counts, as a reader of the feed would show it.
      else if (!(field.name in item.value)) item.value[field.name] = value;
      field = undefined;
    }
  });
  parser.on('error', (error) => {
    throw error;
  });

  const corrupt = () =>
    new DomainError('import_file_corrupt', { file, line: parser.line, ...decoded.byteAt(parser.position) });

  const write = (text: string) => {
    if (text === '') return;
    if (rootClosed && text.trim() === '') return;
    try {
      parser.write(text);
    } catch {
      throw corrupt();
    }
  };

  for await (const chunk of bytes) {
    write(decoded.decode(chunk));
    if (done.length > 0) {
      yield* done;
      done = [];
    }
  }
  write(decoded.decode(Buffer.alloc(0), true));
  if (!rootClosed) {
    throw new DomainError('import_file_truncated', {
      file,
      line: parser.line,
      position: decoded.byteAt(parser.position).position,
    });
  }
  try {
    parser.close();
  } catch {
    throw corrupt();
  }
  yield* done;
}
