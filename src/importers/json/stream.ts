/**
 * Streams the values at some paths of a JSON document without holding the document: a 1 GB export passes
 * through in bounded memory. Errors name the file, the line and the byte where the document breaks.
 *
 * The document's outline (the containers on the way to the paths, and their keys) is read byte by byte; each
 * value at a path is only delimited — strings and brackets followed, nothing built — and then handed whole to
 * `JSON.parse`, which builds it several times faster than a streaming parser can, token by token. Everything
 * else is skipped the same way. A value `JSON.parse` refuses is tokenized again to find where it breaks.
 */
import { Tokenizer } from '@streamparser/json';
import { DomainError } from '../../domain/errors.js';

/** Rewrites bytes before they are tokenized; knows where a byte of its output was in its input. */
export interface ByteFixer {
  fix(chunk: Buffer): Buffer;
  /** The input offset of an output offset, both counted from the start of the stream. */
  inputOffset(outputOffset: number): number;
}

export interface JsonHit {
  value: unknown;
  /** Keys and indexes from the root to the value, e.g. `['chats', 'list', 3, 'messages', 17]`. */
  path: readonly (string | number)[];
}

const NEWLINE = 0x0a;
const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COMMA = 0x2c;
const COLON = 0x3a;
const OPEN_OBJECT = 0x7b;
const CLOSE_OBJECT = 0x7d;
const OPEN_ARRAY = 0x5b;
const CLOSE_ARRAY = 0x5d;

/** The UTF-8 byte order mark Windows tools write before a document: no part of it. */
const BOM = [0xef, 0xbb, 0xbf];

const isSpace = (byte: number) => byte === 0x20 || byte === NEWLINE || byte === 0x0d || byte === 0x09;
/** Bytes a scalar (number, true, false, null) may consist of. */
const isScalarByte = (byte: number) =>
  (byte >= 0x30 && byte <= 0x39) ||
  (byte >= 0x61 && byte <= 0x7a) ||
  byte === 0x2d ||
  byte === 0x2b ||
  byte === 0x2e ||
  (byte >= 0x41 && byte <= 0x5a);

function countNewlines(bytes: Buffer, end = bytes.length): number {
  let count = 0;
  for (let at = bytes.indexOf(NEWLINE); at !== -1 && at < end; at = bytes.indexOf(NEWLINE, at + 1)) count++;
  return count;
}

/** The character at a byte offset of a chunk, for messages (UTF-8 may take up to four bytes). */
function characterAt(chunk: Buffer, offset: number): string {
  const text = new TextDecoder().decode(chunk.subarray(offset, offset + 4));
  return [...text][0] ?? '';
}

type Segment = string | number;
/** A path `$.chats.list.*.name` as `['chats', 'list', '*', 'name']`. */
type Pattern = readonly string[];

function patternOf(path: string): Pattern {
  return path === '$' ? [] : path.replace(/^\$\./, '').split('.');
}

const segmentMatches = (pattern: string | undefined, segment: Segment) =>
  pattern === '*' || pattern === String(segment);

/** Whether the path is one of the patterns (`exact`), or leads to one (a container to read into). */
function matching(patterns: readonly Pattern[], path: readonly Segment[], exact: boolean): boolean {
  return patterns.some(
    (pattern) =>
      (exact ? pattern.length === path.length : pattern.length > path.length) &&
      path.every((segment, index) => segmentMatches(pattern[index], segment)),
  );
}

/** A container being read: its path, and where its reading stands. */
interface Frame {
  kind: 'object' | 'array';
  path: Segment[];
  /** The next element's index (arrays), or the key just read (objects). */
  index: number;
  key: string;
  expect: 'first' | 'key' | 'colon' | 'value' | 'next';
}

/** A value being delimited: its bytes so far (kept when it is to be parsed), and what it is. */
interface Span {
  path: Segment[] | null;
  /** What the span is for: a value at a path, a key, or something skipped. */
  role: 'hit' | 'key' | 'skip';
  parts: Buffer[];
  /** Absolute output offset of its first byte, the chunk and offset it starts in, the lines before that chunk. */
  start: number;
  startChunk: Buffer;
  startAt: number;
  chunkLines: number;
  /** Bracket depth (containers), or 0 for a string or a scalar. */
  depth: number;
  inString: boolean;
  escaped: boolean;
  scalar: boolean;
}

/**
 * Values at the paths (`$.messages.*`, `$.*`, …), in document order, each parsed on its own, so memory holds
 * one chunk's records at a time. They come a chunk of bytes' worth at a time: a step of the async iteration per
 * chunk, not per value (each step costs promises at every level of a reader).
 */
export async function* jsonValuesAt(
  bytes: AsyncIterable<Buffer>,
  paths: string[],
  file: string,
  fixer?: ByteFixer,
): AsyncGenerator<JsonHit[]> {
  const patterns = paths.map(patternOf);
  const stack: Frame[] = [];
  let rootDone = false;
  let span: Span | null = null;
  let hits: JsonHit[] = [];

  let chunkStart = 0;
  let linesBefore = 0;
  let inputBytes = 0;
  const position = (outputOffset: number) => (fixer ? fixer.inputOffset(outputOffset) : outputOffset);
  /** A broken document at byte `at` of `bytes`, with the lines before those bytes and their output offset. */
  const brokenAt = (bytes: Buffer, at: number, linesBeforeBytes: number, bytesStart: number) =>
    new DomainError('import_file_corrupt', {
      file,
      line: linesBeforeBytes + countNewlines(bytes, at) + 1,
      position: position(bytesStart + at),
      found: characterAt(bytes, at),
    });
  const corrupt = (chunk: Buffer, at: number) => brokenAt(chunk, at, linesBefore, chunkStart);

  /** The span's value parsed; a value JSON refuses is tokenized to say where it breaks. */
  const parse = (done: Span, text: Buffer): unknown => {
    try {
      return JSON.parse(text.toString('utf8'));
    } catch {
      let offset = 0;
      const tokenizer = new Tokenizer();
      tokenizer.onToken = (token) => (offset = token.offset);
      try {
        tokenizer.write(text);
      } catch (error) {
        const absolute = /absolute position "(\d+)"/.exec(String(error))?.[1];
        if (absolute !== undefined) offset = Number(absolute);
      }
      // Lines are counted only when there is an error to report.
      const linesBeforeSpan = done.chunkLines + countNewlines(done.startChunk, done.startAt);
      throw brokenAt(text, Math.min(offset, text.length - 1), linesBeforeSpan, done.start);
    }
  };

  /** The value at the top of the stack is complete: the container expects a separator or its end. */
  const valueDone = () => {
    const frame = stack[stack.length - 1];
    if (frame) frame.expect = 'next';
    else rootDone = true;
  };

  const finish = (done: Span, end: Buffer) => {
    span = null;
    if (done.role === 'skip') return valueDone();
    const text = done.parts.length === 0 ? end : Buffer.concat([...done.parts, end]);
    const value = parse(done, text);
    if (done.role === 'key') {
      const frame = stack[stack.length - 1] as Frame;
      frame.key = value as string;
      frame.expect = 'colon';
      return;
    }
    hits.push({ value, path: done.path ?? [] });
    valueDone();
  };

  /** Follows the span through the chunk from `at`; the offset after its end, or -1 when it goes on. */
  const follow = (current: Span, chunk: Buffer, from: number): number => {
    let at = from;
    let nextBackslash = -2;
    while (at < chunk.length) {
      if (current.inString) {
        if (current.escaped) {
          current.escaped = false;
          at++;
          continue;
        }
        const quote = chunk.indexOf(QUOTE, at);
        if (nextBackslash !== -1 && nextBackslash < at) nextBackslash = chunk.indexOf(BACKSLASH, at);
        if (nextBackslash !== -1 && (quote === -1 || nextBackslash < quote)) {
          current.escaped = true;
          at = nextBackslash + 1;
          continue;
        }
        if (quote === -1) return -1;
        at = quote + 1;
        current.inString = false;
        if (current.depth === 0) return at;
        continue;
      }
      const byte = chunk[at] as number;
      if (current.scalar) {
        if (!isScalarByte(byte)) return at;
      } else if (byte === QUOTE) current.inString = true;
      else if (byte === OPEN_OBJECT || byte === OPEN_ARRAY) current.depth++;
      else if (byte === CLOSE_OBJECT || byte === CLOSE_ARRAY) {
        current.depth--;
        if (current.depth === 0) return at + 1;
      }
      at++;
    }
    return -1;
  };

  /** Starts a span at a value's (or a key's) first byte, which `follow` reads first. */
  const begin = (chunk: Buffer, at: number, role: Span['role'], path: Segment[] | null): Span => {
    const byte = chunk[at] as number;
    return {
      path,
      role,
      parts: [],
      start: chunkStart + at,
      startChunk: chunk,
      startAt: at,
      chunkLines: linesBefore,
      depth: 0,
      inString: false,
      escaped: false,
      scalar: byte !== QUOTE && byte !== OPEN_OBJECT && byte !== OPEN_ARRAY,
    };
  };

  /** Reads the value starting at `at`: into it (a container on the way to a path), or as one span. */
  const startValue = (chunk: Buffer, at: number, path: Segment[]): number => {
    const byte = chunk[at] as number;
    const opens = byte === OPEN_OBJECT || byte === OPEN_ARRAY;
    if (!opens && byte !== QUOTE && !isScalarByte(byte)) throw corrupt(chunk, at);
    if (matching(patterns, path, true)) span = begin(chunk, at, 'hit', path);
    else if (opens && matching(patterns, path, false)) {
      stack.push({
        kind: byte === OPEN_OBJECT ? 'object' : 'array',
        path,
        index: 0,
        key: '',
        expect: 'first',
      });
      return at + 1;
    } else span = begin(chunk, at, 'skip', null);
    return at;
  };

  /** One byte of the outline, at `at` (not a space); the offset to go on from. */
  const outline = (chunk: Buffer, at: number): number => {
    const byte = chunk[at] as number;
    const frame = stack[stack.length - 1];
    if (!frame) {
      if (rootDone) throw corrupt(chunk, at);
      return startValue(chunk, at, []);
    }
    const closes = byte === (frame.kind === 'object' ? CLOSE_OBJECT : CLOSE_ARRAY);
    if ((frame.expect === 'first' || frame.expect === 'next') && closes) {
      stack.pop();
      valueDone();
      return at + 1;
    }
    if (frame.expect === 'next') {
      if (byte !== COMMA) throw corrupt(chunk, at);
      frame.expect = frame.kind === 'object' ? 'key' : 'value';
      return at + 1;
    }
    if (frame.kind === 'object' && (frame.expect === 'first' || frame.expect === 'key')) {
      if (byte !== QUOTE) throw corrupt(chunk, at);
      span = begin(chunk, at, 'key', null);
      return at;
    }
    if (frame.expect === 'colon') {
      if (byte !== COLON) throw corrupt(chunk, at);
      frame.expect = 'value';
      return at + 1;
    }
    // The frame expects what follows once the value is done (valueDone).
    return startValue(chunk, at, [...frame.path, frame.kind === 'object' ? frame.key : frame.index++]);
  };

  let bomDone = false;
  for await (const raw of bytes) {
    inputBytes += raw.length;
    const chunk = fixer ? fixer.fix(raw) : raw;
    let at = 0;
    // A BOM may come a byte per chunk: its bytes are skipped wherever they fall, as long as they start the file.
    while (!bomDone && at < chunk.length) {
      if (chunkStart + at < BOM.length && chunk[at] === BOM[chunkStart + at]) at++;
      else bomDone = true;
    }
    while (at < chunk.length) {
      const current = span as Span | null;
      if (current) {
        const from = current.startChunk === chunk ? current.startAt : 0;
        const end = follow(current, chunk, at);
        if (end === -1) {
          if (current.role !== 'skip') current.parts.push(chunk.subarray(from));
          break;
        }
        finish(current, chunk.subarray(from, end));
        at = end;
        continue;
      }
      if (isSpace(chunk[at] as number)) at++;
      else at = outline(chunk, at);
    }
    if (hits.length > 0) {
      yield hits;
      hits = [];
    }
    chunkStart += chunk.length;
    linesBefore += countNewlines(chunk);
  }
  if (span || stack.length > 0 || !rootDone) {
    throw new DomainError('import_file_truncated', { file, line: linesBefore + 1, position: inputBytes });
  }
}
