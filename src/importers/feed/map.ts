/**
 * Feed items → publication drafts: the guid (RSS) or id (Atom), else the link, is the external id; the full
 * content is preferred over the excerpt; categories count as hashtags for attribution rules. Feeds write HTML,
 * often inside CDATA where the XML parser decodes nothing: descriptions are read as HTML (html.ts) and ids,
 * addresses and categories have their character references decoded, each once. The first image of the item (in
 * its HTML, else an image enclosure or thumbnail) makes it a photo post; a video (YouTube's feeds) a video post;
 * the image's address (a video's thumbnail) is kept as the post's media; a YouTube video's views and likes as its
 * engagement.
 */
import { opensInBrowser } from '../../shared/links.js';
import type { MediaKind } from '../../shared/vocabulary.js';
import { decodeReferences, readHtml } from '../html.js';
import { rejectedField } from '../mapped.js';
import { cleanText, hashtagsOf, titleOf } from '../text.js';
import type { Engagement, Mapped, MapOptions, RecordRef } from '../types.js';
import type { FeedItem } from './parse.js';

/** The text of an element that may carry attributes (`{'#text': …, '@_type': …}`) or be CDATA. */
function textOf(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'object' && value !== null && '#text' in value) return String(value['#text']);
  return undefined;
}

/** An attribute of an element read with its attributes (`{'@_url': …}`). */
function attributeOf(value: unknown, name: string): string | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const attribute = (value as Record<string, unknown>)[`@_${name}`];
  return typeof attribute === 'string' ? attribute : undefined;
}

function linkOf(item: Record<string, unknown>): string | undefined {
  const links = Array.isArray(item['link']) ? (item['link'] as unknown[]) : [];
  for (const link of links) {
    if (typeof link === 'string') return decodeReferences(link);
    const rel = attributeOf(link, 'rel');
    if (rel === undefined || rel === 'alternate') return decodeReferences(attributeOf(link, 'href'));
  }
  return undefined;
}

/** What an item's enclosure or Media RSS element holds, by its MIME type (a thumbnail is an image), and where. */
function enclosedMedia(
  item: Record<string, unknown>,
): { kind: MediaKind; url?: string | undefined } | undefined {
  const thumbnail = attributeOf(item['media:thumbnail'], 'url');
  if (item['yt:videoId'] !== undefined) return { kind: 'video', url: thumbnail };
  for (const name of ['enclosure', 'media:content']) {
    const type = attributeOf(item[name], 'type') ?? '';
    const url = attributeOf(item[name], 'url');
    if (type.startsWith('image/')) return { kind: 'photo', url };
    if (type.startsWith('video/')) return { kind: 'video', url };
  }
  return thumbnail === undefined ? undefined : { kind: 'photo', url: thumbnail };
}

const countOf = (value: string | undefined): number | undefined =>
  value !== undefined && /^\d+$/.test(value) ? Number(value) : undefined;

/**
 * Views and likes where the feed tells them: YouTube's media:statistics and media:starRating (whose count is the
 * video's likes since YouTube hid dislikes), as of the feed's reading.
 */
function engagementOf(item: Record<string, unknown>): Engagement | undefined {
  const views = countOf(attributeOf(item['media:statistics'], 'views'));
  const reactions = countOf(attributeOf(item['media:starRating'], 'count'));
  if (views === undefined && reactions === undefined) return undefined;
  return { ...(views !== undefined ? { views } : {}), ...(reactions !== undefined ? { reactions } : {}) };
}

/**
 * An image's address as a browser opens it: a relative one against the item's page; none that is no http(s)
 * address (a `data:` image, a script), nothing a page could run.
 */
function mediaAddress(address: string | undefined, page: string | undefined): string | undefined {
  if (!address) return undefined;
  try {
    const absolute = new URL(address, page).href;
    return opensInBrowser(absolute) ? absolute : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The text of an Atom text construct by its type: `html` is HTML, `text` (the default) and `xhtml` (whose markup
 * the parser dropped) are text already, which another decoding would change.
 */
function atomText(value: unknown): { text?: string; image?: string } {
  if (attributeOf(value, 'type') === 'html') return readHtml(textOf(value));
  const text = cleanText(textOf(value));
  return text ? { text } : {};
}

function categoriesOf(item: Record<string, unknown>): string[] {
  const categories = Array.isArray(item['category']) ? (item['category'] as unknown[]) : [];
  return categories.flatMap((category) => {
    const term =
      typeof category === 'object' && category !== null && '@_term' in category
        ? String(category['@_term'])
        : textOf(category);
    const decoded = decodeReferences(term);
    return decoded ? [decoded] : [];
  });
}

/** The first of the values that has text, as it is (`first`) or with its element (`firstOf`, for its type). */
const firstOf = (...values: unknown[]) => values.find((value) => cleanText(textOf(value)) !== undefined);
const first = (...values: unknown[]) => textOf(firstOf(...values));

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
    const externalId = decodeReferences(first(rss ? item['guid'] : item['id'])) ?? url;
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
    const title = rss ? readHtml(first(item['title'])).text : atomText(item['title']).text;
    const body = rss
      ? readHtml(first(item['content:encoded'], item['description']))
      : atomText(firstOf(item['content'], item['summary']));
    const { text } = body;
    // Of the excerpt too: a feed whose full content has no image may show one with its excerpt.
    const image = body.image ?? (rss ? readHtml(first(item['description'])).image : undefined);
    const enclosed = enclosedMedia(item);
    const mediaUrl = mediaAddress(image, url) ?? mediaAddress(enclosed?.url, url);
    if (!title && !text && !url) {
      yield reject('title', 'empty_post');
      continue;
    }
    const engagement = engagementOf(item);
    yield {
      kind: 'draft',
      draft: {
        target: 'publication',
        ref,
        externalId,
        time: { instant: published.toISOString() },
        isRepost: false,
        mediaKind: image ? 'photo' : (enclosed?.kind ?? 'text'),
        ...(mediaUrl ? { mediaUrl } : {}),
        hashtags: [...categoriesOf(item), ...hashtagsOf(text ?? title)],
        ...(url ? { url } : {}),
        ...(title ? { title } : text ? { title: titleOf(text) } : {}),
        ...(text ? { text } : {}),
        ...(engagement ? { engagement } : {}),
      },
    };
  }
}
