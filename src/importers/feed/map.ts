/**
 * Feed items → publication drafts: the guid (RSS) or id (Atom), else the link, is the external id; the full
 * content is preferred over the excerpt; categories count as hashtags for attribution rules.
 */
import { rejectedField } from '../mapped.js';
import { cleanText, hashtagsOf, htmlToText, titleOf } from '../text.js';
import type { Mapped, MapOptions, RecordRef } from '../types.js';
import type { FeedItem } from './parse.js';

/** The text of an element that may carry attributes (`{'#text': …, '@_type': …}`) or be CDATA. */
function textOf(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'object' && value !== null && '#text' in value) return String(value['#text']);
  return undefined;
}

function linkOf(item: Record<string, unknown>): string | undefined {
  const links = Array.isArray(item['link']) ? (item['link'] as unknown[]) : [];
  for (const link of links) {
    if (typeof link === 'string') return cleanText(link);
    const attributes = link as Record<string, unknown>;
    const rel = attributes['@_rel'];
    if (rel === undefined || rel === 'alternate') return cleanText(attributes['@_href']);
  }
  return undefined;
}

function categoriesOf(item: Record<string, unknown>): string[] {
  const categories = Array.isArray(item['category']) ? (item['category'] as unknown[]) : [];
  return categories.flatMap((category) => {
    const term =
      typeof category === 'object' && category !== null && '@_term' in category
        ? String(category['@_term'])
        : textOf(category);
    return cleanText(term) ? [cleanText(term) ?? ''] : [];
  });
}

const first = (...values: unknown[]) => values.map(textOf).find((value) => cleanText(value) !== undefined);

export async function* mapFeed(
  records: AsyncIterable<FeedItem>,
  options: MapOptions,
): AsyncGenerator<Mapped> {
  for await (const { kind, index, item } of records) {
    const ref: RecordRef = { kind: 'item', index };
    const rss = kind === 'rss';
    const reject = (field: string, code: string, params?: Record<string, string>) =>
      rejectedField(options.file, ref, field, code, params);
    const url = linkOf(item);
    const externalId = cleanText(first(rss ? item['guid'] : item['id'])) ?? url;
    if (!externalId) {
      yield reject(rss ? 'guid' : 'id', 'required');
      continue;
    }
    const dateField = rss ? 'pubDate' : 'published';
    const dateText = cleanText(
      rss ? first(item['pubDate'], item['dc:date']) : first(item['published'], item['updated']),
    );
    if (!dateText) {
      yield reject(dateField, 'required');
      continue;
    }
    const published = new Date(dateText);
    const year = published.getUTCFullYear();
    // A year of five digits (or before 1970) parses, but is no date a feed's item was published at.
    if (Number.isNaN(published.getTime()) || year < 1970 || year > 9999) {
      yield reject(dateField, 'invalid_date', { value: dateText });
      continue;
    }
    const title = htmlToText(first(item['title']));
    const text = rss
      ? htmlToText(first(item['content:encoded'], item['description']))
      : htmlToText(first(item['content'], item['summary']));
    if (!title && !text && !url) {
      yield reject('title', 'empty_post');
      continue;
    }
    yield {
      kind: 'draft',
      draft: {
        target: 'publication',
        ref,
        externalId,
        time: { instant: published.toISOString() },
        isRepost: false,
        mediaKind: 'text',
        hashtags: [...categoriesOf(item), ...hashtagsOf(text)],
        ...(url ? { url } : {}),
        ...(title ? { title } : text ? { title: titleOf(text) } : {}),
        ...(text ? { text } : {}),
      },
    };
  }
}
