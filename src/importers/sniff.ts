/**
 * Telling a file's format from its first bytes: a ZIP, a JSON document (and which keys it starts with), an XML
 * feed, or delimited text. Never from the extension alone: users rename files.
 */
import { Tokenizer, TokenType } from '@streamparser/json';
import { TelegramEscapeFixer } from './telegram/escapes.js';

/** `blank`: the head holds nothing but whitespace (a file may start with more of it than a head holds). */
export type Container = 'zip' | 'json' | 'xml' | 'text' | 'binary' | 'blank';

const ZIP_MAGIC = Buffer.from([0x50, 0x4b, 0x03, 0x04]);

function withoutBom(head: Buffer): Buffer {
  return head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf ? head.subarray(3) : head;
}

function firstMeaningfulByte(head: Buffer): number | undefined {
  for (const byte of withoutBom(head)) if (![0x20, 0x09, 0x0a, 0x0d].includes(byte)) return byte;
  return undefined;
}

export function containerOf(head: Buffer): Container {
  if (head.subarray(0, 4).equals(ZIP_MAGIC)) return 'zip';
  const first = firstMeaningfulByte(head);
  if (first === 0x7b || first === 0x5b) return 'json';
  if (first === 0x3c) return 'xml';
  if (first === undefined) return head.length > 0 ? 'blank' : 'binary';
  if (head.includes(0)) return 'binary';
  return 'text';
}

/** The start of a JSON document: its root, the root object's keys, or the keys of a root array's first item. */
export interface JsonShape {
  root: 'object' | 'array';
  keys: Set<string>;
  /** The root object's `type`, when it is a string (a Telegram chat's type). */
  type?: string;
}

/** Reads the keys the head of a JSON document shows; the head may end anywhere. */
export function jsonShapeOf(head: Buffer): JsonShape | undefined {
  const containers: ('object' | 'array')[] = [];
  let root: 'object' | 'array' | undefined;
  let expectKey = false;
  let lastKey: string | undefined;
  let itemsSeen = 0;
  let type: string | undefined;
  const keys = new Set<string>();
  const tokenizer = new Tokenizer();
  // Keys live at depth 1 of a root object, or at depth 2 inside the first item of a root array.
  const keyDepth = () => (root === 'object' ? 1 : 2);
  tokenizer.onToken = ({ token, value }) => {
    const depth = containers.length;
    switch (token) {
      case TokenType.LEFT_BRACE:
      case TokenType.LEFT_BRACKET:
        if (depth === 0) root = token === TokenType.LEFT_BRACE ? 'object' : 'array';
        containers.push(token === TokenType.LEFT_BRACE ? 'object' : 'array');
        expectKey = token === TokenType.LEFT_BRACE;
        return;
      case TokenType.RIGHT_BRACE:
      case TokenType.RIGHT_BRACKET:
        containers.pop();
        if (containers.length === 1 && root === 'array') itemsSeen += 1;
        expectKey = false;
        return;
      case TokenType.COMMA:
        expectKey = containers.at(-1) === 'object';
        return;
      case TokenType.COLON:
        expectKey = false;
        return;
      case TokenType.STRING:
        if (expectKey) {
          lastKey = String(value);
          if (depth === keyDepth() && itemsSeen === 0) keys.add(lastKey);
        } else if (depth === 1 && root === 'object' && lastKey === 'type') type = String(value);
        expectKey = false;
        return;
      default:
        expectKey = false;
    }
  };
  try {
    tokenizer.write(new TelegramEscapeFixer().fix(withoutBom(head)));
  } catch {
    // The head is a sample: it ends mid-document, and a broken document still shows its first keys.
  }
  return root && { root, keys, ...(type ? { type } : {}) };
}

/** The root element's name of an XML document (`rss`, `feed`), past the prolog, comments and doctype. */
export function xmlRootOf(head: Buffer): string | undefined {
  const text = withoutBom(head)
    .toString('utf8')
    .replace(/<\?[\s\S]*?\?>|<!--[\s\S]*?-->|<!DOCTYPE[^>]*>/gi, '');
  return /<([A-Za-z][\w:.-]*)/.exec(text)?.[1];
}

const isWhitespace = (byte: number) => byte === 0x20 || byte === 0x09 || byte === 0x0a || byte === 0x0d;

/**
 * A head to sniff that starts where the content does: a BOM and leading whitespace, however long, are passed
 * over (a file with megabytes of them is still the format its content is), then up to `size` bytes are kept.
 */
export async function contentHeadOf(bytes: AsyncIterable<Buffer>, size: number): Promise<Buffer> {
  const kept: Buffer[] = [];
  let length = 0;
  let started = false;
  let first = true;
  for await (const raw of bytes) {
    let chunk = first ? withoutBom(raw) : raw;
    first = false;
    if (!started) {
      let at = 0;
      while (at < chunk.length && isWhitespace(chunk[at] as number)) at++;
      if (at === chunk.length) continue;
      started = true;
      chunk = chunk.subarray(at);
    }
    kept.push(chunk);
    length += chunk.length;
    if (length >= size) break;
  }
  return Buffer.concat(kept).subarray(0, size);
}
