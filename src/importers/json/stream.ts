/**
 * Streams the values at some paths of a JSON document without holding the document: a 1 GB export passes
 * through in bounded memory. Errors name the file, the line and the byte where the document breaks.
 */
import { TokenParser, Tokenizer } from '@streamparser/json';
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

/**
 * Values at the paths (`$.messages.*`, `$.*`, …), in document order. `keepStack: false` drops each value once
 * emitted, so memory holds one record at a time.
 */
export async function* jsonValuesAt(
  bytes: AsyncIterable<Buffer>,
  paths: string[],
  file: string,
  fixer?: ByteFixer,
): AsyncGenerator<JsonHit> {
  const tokenizer = new Tokenizer({ stringBufferSize: 64 * 1024 });
  const parser = new TokenParser({ paths, keepStack: false });
  const hits: JsonHit[] = [];
  let lastTokenOffset = 0;
  tokenizer.onToken = (token) => {
    lastTokenOffset = token.offset;
    parser.write(token);
  };
  parser.onValue = ({ value, key, stack }) => {
    const path = stack.slice(1).map((level) => level.key as string | number);
    if (key !== undefined) path.push(key);
    hits.push({ value, path });
  };

  let chunkStart = 0;
  let linesBefore = 0;
  let inputBytes = 0;
  const where = (chunk: Buffer, outputOffset: number) => {
    const within = Math.min(Math.max(outputOffset - chunkStart, 0), chunk.length);
    return {
      file,
      line: linesBefore + countNewlines(chunk, within) + 1,
      position: fixer ? fixer.inputOffset(outputOffset) : outputOffset,
    };
  };

  for await (const raw of bytes) {
    inputBytes += raw.length;
    const chunk = fixer ? fixer.fix(raw) : raw;
    try {
      tokenizer.write(chunk);
    } catch (error) {
      const absolute = /absolute position "(\d+)"/.exec(String(error))?.[1];
      const offset = absolute === undefined ? lastTokenOffset : Number(absolute);
      const at = Math.min(Math.max(offset - chunkStart, 0), Math.max(chunk.length - 1, 0));
      throw new DomainError('import_file_corrupt', {
        ...where(chunk, offset),
        found: characterAt(chunk, at),
      });
    }
    yield* hits;
    hits.length = 0;
    chunkStart += chunk.length;
    linesBefore += countNewlines(chunk);
  }
  if (!parser.isEnded) {
    throw new DomainError('import_file_truncated', { file, line: linesBefore + 1, position: inputBytes });
  }
}
