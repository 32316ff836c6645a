/**
 * HTML as websites publish it (a feed's description or content) → the text a reader sees and its first image.
 * htmlparser2 reads the markup as a browser would (unclosed tags, attributes without quotes) and decodes every
 * character reference of HTML's table once, in text and attributes alike, so `&amp;lt;` stays the text `&lt;`.
 * Paragraphs and other blocks are kept as blank lines, `<br>` as a line break; scripts and styles are dropped.
 * A hand-written version of this (regular expressions over the markup) decoded entities before dropping tags, so
 * an escaped `&lt;b&gt;` was lost as a tag, and knew a dozen entities of HTML's 2,000.
 */
import { decodeHTMLAttribute, decodeHTMLStrict } from 'entities';
import { Parser } from 'htmlparser2';
import { cleanText } from './text.js';

/** Elements that end a paragraph: a blank line before and after. */
const PARAGRAPHS = new Set([
  'p',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'blockquote',
  'ul',
  'ol',
  'table',
  'figure',
  'pre',
  'hr',
]);
/** Elements that end a line. */
const LINES = new Set(['div', 'li', 'tr', 'dt', 'dd', 'figcaption', 'section', 'article']);
const HIDDEN = new Set(['script', 'style', 'template', 'noscript']);

/** Marks in the text being read, never in text itself (control characters are dropped from it). */
const PARAGRAPH = '\u0001';
const LINE = '\u0002';
const BREAK = '\u0003';

export interface HtmlContent {
  text?: string;
  /** The address of the first image, as the page has it. */
  image?: string;
}

/**
 * A run of marks between two texts becomes its line breaks: a paragraph a blank line; `<br>`s add up (two are a
 * blank line); the end of a block one line break, however many blocks end there.
 */
function breaksOf(marks: string): string {
  if (marks.includes(PARAGRAPH)) return '\n\n';
  const breaks = [...marks].filter((mark) => mark === BREAK).length;
  return '\n'.repeat(Math.min(2, Math.max(breaks, marks.includes(LINE) ? 1 : 0)));
}

const TAG = /<[a-z!/]/i;
/** An escaped tag of the kinds that make up a post (a paragraph, a break, an image, a link), not `&lt;b&gt;` text. */
const ESCAPED_TAG =
  /&(?:lt|#0*60|#x0*3c);\/?(?:p|br|img|a|div|ul|ol|li|h[1-6]|figure|blockquote|table)[\s/&]/i;

/**
 * HTML whose every tag is written as character references (`&#x3C;p&#x3E;`, a feed that escaped its HTML once
 * more before putting it in CDATA) is unescaped once before it is read; HTML with tags of its own never is.
 */
const unescaped = (html: string) =>
  !TAG.test(html) && ESCAPED_TAG.test(html) ? decodeHTMLStrict(html) : html;

export function readHtml(source: string | undefined): HtmlContent {
  if (!source) return {};
  const html = unescaped(source);
  const parts: string[] = [];
  let hidden = 0;
  let image: string | undefined;
  const parser = new Parser({
    onopentag(name, attributes) {
      if (HIDDEN.has(name)) hidden += 1;
      else if (PARAGRAPHS.has(name)) parts.push(PARAGRAPH);
      else if (name === 'br') parts.push(BREAK);
      else if (name === 'img' && image === undefined) image = cleanText(attributes['src']);
    },
    onclosetag(name) {
      if (HIDDEN.has(name)) hidden = Math.max(0, hidden - 1);
      else if (PARAGRAPHS.has(name)) parts.push(PARAGRAPH);
      else if (LINES.has(name)) parts.push(LINE);
    },
    ontext(text) {
      // eslint-disable-next-line no-control-regex -- the marks' characters are no part of a text
      if (hidden === 0) parts.push(text.replace(/[\u0001-\u0003]/g, '').replace(/[ \t\n\r\f]+/g, ' '));
    },
  });
  parser.write(html);
  parser.end();
  const text = cleanText(
    parts
      .join('')
      // eslint-disable-next-line no-control-regex -- the marks are control characters
      .replace(/ *([\u0001-\u0003][\u0001-\u0003 ]*)/g, (_, marks: string) => breaksOf(marks))
      .replace(/^\n+/, '')
      .replace(/ {2,}/g, ' '),
  );
  return { ...(text ? { text } : {}), ...(image ? { image } : {}) };
}

/** The plain text of an HTML fragment. */
export const htmlToText = (html: string | undefined): string | undefined => readHtml(html).text;

/**
 * A value that is no HTML but may carry character references, as feeds write ids and addresses inside CDATA
 * (`?a=1&#x26;b=2`): decoded once, as a browser reads an attribute (`&not=1` in an address stays as it is).
 */
export const decodeReferences = (value: string | undefined): string | undefined =>
  value === undefined ? undefined : cleanText(decodeHTMLAttribute(value));
