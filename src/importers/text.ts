/** Text helpers every mapper shares: cleaning, titles, hashtags, derived ids. */
import { createHash } from 'node:crypto';

const TITLE_LENGTH = 200;

/**
 * Drops control characters other than tab and line breaks (Telegram's `\xHH` escapes carry them; PostgreSQL
 * refuses NUL in text) and trims. Empty text becomes undefined.
 */
export function cleanText(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  // eslint-disable-next-line no-control-regex -- removing control characters is the point
  const text = value.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, '').trim();
  return text === '' ? undefined : text;
}

/** A title for a post that has none: its first line, cut at a word boundary. */
export function titleOf(text: string | undefined): string | undefined {
  const line = text
    ?.split('\n')
    .map((part) => part.trim())
    .find((part) => part !== '');
  if (line === undefined) return undefined;
  if (line.length <= TITLE_LENGTH) return line;
  const cut = line.slice(0, TITLE_LENGTH);
  const space = cut.lastIndexOf(' ');
  return `${(space > TITLE_LENGTH / 2 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

const HASHTAG = /(?<![\p{L}\p{N}_])#([\p{L}\p{N}_]+)/gu;

/** Hashtags in a text, without `#`. */
export function hashtagsOf(text: string | undefined): string[] {
  return text ? [...text.matchAll(HASHTAG)].map((match) => match[1] ?? '') : [];
}

/**
 * A stable id for a post its source gives none: the prefix, the epoch seconds (readable, sortable) and a hash of
 * what makes the post itself. The same post in a later export gets the same id.
 */
export function derivedId(prefix: string, seconds: number, ...parts: (string | undefined)[]): string {
  const hash = createHash('sha256')
    .update(parts.map((part) => part ?? '').join('\u0000'))
    .digest('hex')
    .slice(0, 12);
  return `${prefix}-${seconds}-${hash}`;
}
