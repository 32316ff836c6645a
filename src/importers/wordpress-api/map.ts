/**
 * A WordPress REST API post (`/wp-json/wp/v2/posts`) → the RSS item the site's own feed gives of it, so that the
 * feed's mapper (importers/feed/map.ts) makes the draft: the same external id (WordPress writes the post's guid,
 * `https://site/?p=ID`, in both), text, image and categories whichever way the post came in. A password-protected
 * post gives its excerpt only, as its feed does.
 */
import type { FeedItem } from '../feed/parse.js';

type Json = Record<string, unknown>;

const objectOf = (value: unknown): Json | undefined =>
  typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Json) : undefined;
const stringOf = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);
/** A rendered field (`{"rendered": "…"}`). */
const renderedOf = (value: unknown) => stringOf(objectOf(value)?.['rendered']);

/** The names of the post's categories and tags, where the answer embeds them (`_embed`). */
function termsOf(post: Json): string[] {
  const groups = objectOf(post['_embedded'])?.['wp:term'];
  if (!Array.isArray(groups)) return [];
  return groups.flatMap((group: unknown) =>
    Array.isArray(group) ? group.flatMap((term) => stringOf(objectOf(term)?.['name']) ?? []) : [],
  );
}

/** The featured image, where the answer embeds it, as the enclosure a feed would give. */
function enclosureOf(post: Json): Json | undefined {
  const media = objectOf((objectOf(post['_embedded'])?.['wp:featuredmedia'] as unknown[] | undefined)?.[0]);
  const url = stringOf(media?.['source_url']);
  if (!url) return undefined;
  return { '@_url': url, '@_type': stringOf(media?.['mime_type']) ?? 'image/' };
}

export function wordpressItem(post: unknown, index: number): FeedItem {
  const value = objectOf(post) ?? {};
  const content = objectOf(value['content']);
  const guid = renderedOf(value['guid']);
  const link = stringOf(value['link']);
  const dateGmt = stringOf(value['date_gmt']);
  const enclosure = enclosureOf(value);
  const item: Json = {
    ...(guid ? { guid } : {}),
    ...(link ? { link: [link] } : {}),
    // WordPress writes the GMT time without its zone.
    ...(dateGmt ? { pubDate: /[zZ]|[+-]\d\d:?\d\d$/.test(dateGmt) ? dateGmt : `${dateGmt}Z` } : {}),
    ...(renderedOf(value['title']) ? { title: renderedOf(value['title']) } : {}),
    ...(content?.['protected'] !== true && renderedOf(content)
      ? { 'content:encoded': renderedOf(content) }
      : {}),
    ...(renderedOf(value['excerpt']) ? { description: renderedOf(value['excerpt']) } : {}),
    category: termsOf(value),
    ...(enclosure ? { enclosure } : {}),
  };
  return { kind: 'rss', index, item };
}
