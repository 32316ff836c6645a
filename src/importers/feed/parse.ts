/**
 * A website's RSS 2.0 or Atom feed → its items. A feed holds the latest few dozen posts, so it is read whole and
 * parsed at once; a broken or cut-off feed is reported with its line.
 */
import type { XMLValidator as Validator } from 'fast-xml-parser';
import { DomainError } from '../../domain/errors.js';

export type FeedKind = 'rss' | 'atom';

export interface FeedItem {
  kind: FeedKind;
  /** Position in the feed, from 1. */
  index: number;
  item: Record<string, unknown>;
}

async function readAll(bytes: AsyncIterable<Buffer>): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of bytes) chunks.push(chunk);
  return Buffer.concat(chunks)
    .toString('utf8')
    .replace(/^\uFEFF/, '');
}

function lineOf(text: string, end: number): number {
  let line = 1;
  for (let at = text.indexOf('\n'); at !== -1 && at < end; at = text.indexOf('\n', at + 1)) line++;
  return line;
}

/** Where in the text a line and column are, as a byte offset and the character there. */
function positionOf(text: string, line: number, column: number): { position: number; found: string } {
  let offset = 0;
  for (let current = 1; current < line; current++) offset = text.indexOf('\n', offset) + 1;
  offset += Math.max(column - 1, 0);
  return {
    position: Buffer.byteLength(text.slice(0, offset)),
    found: [...text.slice(offset, offset + 2)][0] ?? '',
  };
}

function check(text: string, file: string, validator: typeof Validator): void {
  if (!/<\/(?:[\w-]+:)?(rss|feed)>\s*$/.test(text)) {
    throw new DomainError('import_file_truncated', {
      file,
      line: lineOf(text, text.length),
      position: Buffer.byteLength(text),
    });
  }
  const result = validator.validate(text);
  if (result !== true) {
    const { line, col } = result.err;
    throw new DomainError('import_file_corrupt', { file, line, ...positionOf(text, line, col) });
  }
}

function asObject(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};
}

export async function* parseFeed(bytes: AsyncIterable<Buffer>, file: string): AsyncGenerator<FeedItem> {
  // Loaded when a feed comes, like the spreadsheet libraries.
  const { XMLParser, XMLValidator } = await import('fast-xml-parser');
  const text = await readAll(bytes);
  check(text, file, XMLValidator);
  const parser = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '@_',
    parseTagValue: false,
    isArray: (name) => ['item', 'entry', 'category', 'link'].includes(name),
  });
  const document = asObject(parser.parse(text));
  const rss = asObject(asObject(document['rss'])['channel'])['item'];
  const atom = asObject(document['feed'])['entry'];
  const [kind, items] = Array.isArray(rss)
    ? (['rss', rss] as const)
    : (['atom', Array.isArray(atom) ? atom : []] as const);
  for (const [at, item] of items.entries()) yield { kind, index: at + 1, item: asObject(item) };
}
