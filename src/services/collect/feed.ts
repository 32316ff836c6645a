/**
 * Websites and YouTube channels, collected from what they publish for readers: no credentials.
 *
 * A website (platform `website`) is read through the WordPress REST API where the site has it, else through its
 * RSS or Atom feed. Which one is found once and kept with the channel (collect_cursor): the site's `/wp-json/` is
 * probed on the first collection (an address under `/wp-json/` is taken as the API without probing); a site
 * without it is read from the channel's address when that is a feed, else from the feed its page links to
 * (`<link rel="alternate" type="application/rss+xml">`). A feed is asked with the ETag and Last-Modified it
 * answered last (a 304 adds nothing and is no error); WordPress's `/wp/v2/posts` is paged with `page`/`per_page`
 * to its `X-WP-TotalPages` (or the page limit) and asked with `modified_after` the latest modification stored.
 * A YouTube channel's Atom feed (`AQPARAT_YOUTUBE_FEED_URL?channel_id=UC…`) gives its latest videos with their
 * views and likes. A state is trusted only once the batch it came with is stored (collect-cursor.repository.ts).
 */
import { createHash } from 'node:crypto';
import { DomainError } from '../../domain/errors.js';
import { mapFeed } from '../../importers/feed/map.js';
import { type FeedItem, parseFeed } from '../../importers/feed/parse.js';
import type { Mapped } from '../../importers/types.js';
import { wordpressItem } from '../../importers/wordpress-api/map.js';
import {
  type CollectCursor,
  readCursor,
  saveCursor,
} from '../../storage/repositories/collect-cursor.repository.js';
import { storedExternalIds } from '../../storage/repositories/collect.repository.js';
import type { ChannelRef } from '../../storage/repositories/channel.repository.js';
import type { Context } from '../context.js';
import type { Collected, Collector } from './collector.js';
import type { Page, PoliteFetcher } from './polite-fetch.js';

const sha256 = (...bodies: string[]) => {
  const hash = createHash('sha256');
  for (const body of bodies) hash.update(body);
  return hash.digest('hex');
};

async function* bytesOf(body: string): AsyncGenerator<Buffer> {
  yield Buffer.from(body, 'utf8');
}

async function mapped(items: AsyncIterable<FeedItem>, file: string): Promise<Mapped[]> {
  const result: Mapped[] = [];
  for await (const item of mapFeed(items, { file })) result.push(item);
  return result;
}

/** The channel's http(s) address, or undefined. */
export function webAddressOf(url: string | null | undefined): URL | undefined {
  const value = url?.trim();
  if (!value) return undefined;
  try {
    const address = new URL(/^[a-z][a-z0-9+.-]*:/i.test(value) ? value : `https://${value}`);
    return address.protocol === 'http:' || address.protocol === 'https:' ? address : undefined;
  } catch {
    return undefined;
  }
}

/** A YouTube channel's id (`UC…`) from its address: `youtube.com/channel/UC…` or a feed's `?channel_id=UC…`. */
export function youtubeChannelIdOf(url: string | null | undefined): string | undefined {
  const address = webAddressOf(url);
  if (!address || !/(^|\.)youtube\.com$/i.test(address.hostname)) return undefined;
  const id = address.searchParams.get('channel_id') ?? address.pathname.match(/^\/channel\/([^/]+)/)?.[1];
  return id && /^UC[A-Za-z0-9_-]{22}$/.test(id) ? id : undefined;
}

/** Whether a body is a feed (its root `rss`, `feed` or RDF), not a page. */
const isFeed = (body: string) =>
  /^(?:\uFEFF)?\s*(?:<\?xml[^>]*\?>\s*)?(?:<!--[\s\S]*?-->\s*|<\?[^>]*\?>\s*|<!DOCTYPE[^>]*>\s*)*<(?:rss|feed|rdf:RDF)[\s>]/i.test(
    body,
  );

/** The first RSS or Atom feed a page links to, resolved against the page's address. */
export function feedLinkOf(html: string, page: string): string | undefined {
  for (const tag of html.match(/<link\b[^>]*>/gi) ?? []) {
    const attribute = (name: string) =>
      tag
        .match(new RegExp(`\\b${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s>]+))`, 'i'))
        ?.slice(1)
        .find(Boolean);
    if (!/\balternate\b/i.test(attribute('rel') ?? '')) continue;
    if (!/^application\/(?:rss|atom)\+xml$/i.test(attribute('type') ?? '')) continue;
    const href = attribute('href')?.replace(/&amp;/g, '&');
    if (!href) continue;
    try {
      return new URL(href, page).href;
    } catch {
      continue;
    }
  }
  return undefined;
}

/** Whether any draft among the items is of a post the channel has not stored. */
async function anyNew(ctx: Context, channel: ChannelRef, items: readonly Mapped[]): Promise<boolean> {
  const ids = items.flatMap((item) =>
    item.kind === 'draft' && item.draft.target === 'publication' ? [item.draft.externalId] : [],
  );
  return (await storedExternalIds(ctx.db.kysely, channel.id, ids)).size < new Set(ids).size;
}

/**
 * Saves what the next run asks with: trusted at once when nothing of this run is to store (nothing could be
 * lost), else once this run's batch is done. `changed`: the answer holds only what changed since the cursor.
 */
async function keep(
  ctx: Context,
  channel: ChannelRef,
  state: CollectCursor,
  collected: Collected,
  changed = false,
) {
  const store = (changed && collected.items.length > 0) || (await anyNew(ctx, channel, collected.items));
  const pending = store ? collected.hash : null;
  await saveCursor(ctx.db.kysely, channel.id, state, pending, ctx.clock());
}

type Prior = Awaited<ReturnType<typeof readCursor>>;

/** A feed, asked with its last validators when they are trusted and of the same address. */
async function collectFeedAt(
  ctx: Context,
  channel: ChannelRef,
  fetcher: PoliteFetcher,
  address: string,
  prior: Prior,
  format: 'website-feed' | 'youtube-feed',
  first?: Page,
): Promise<Collected> {
  const trusted = prior?.trusted && prior.state.address === address ? prior.state : undefined;
  const conditional: Record<string, string> = {
    ...(trusted?.etag ? { 'if-none-match': trusted.etag } : {}),
    ...(trusted?.lastModified ? { 'if-modified-since': trusted.lastModified } : {}),
  };
  const page = first ?? (await fetcher.get(address, conditional));
  if (page.status === 304) return { items: [], pages: 1, hash: sha256(''), source: address, format };
  if (!isFeed(page.body)) throw new DomainError('collect_no_feed', { url: address });
  const items = await mapped(parseFeed(bytesOf(page.body), address), address);
  const collected: Collected = { items, pages: 1, hash: sha256(page.body), source: address, format };
  const state: CollectCursor = {
    api: 'feed',
    address,
    etag: page.headers.get('etag'),
    lastModified: page.headers.get('last-modified'),
    cursor: null,
  };
  await keep(ctx, channel, state, collected);
  return collected;
}

const POSTS_PER_PAGE = 100;

/** WordPress's posts modified after the trusted cursor (all on the first run), paged to the last page. */
async function collectWordpress(
  ctx: Context,
  channel: ChannelRef,
  fetcher: PoliteFetcher,
  root: string,
  prior: Prior,
  maxPages: number,
): Promise<Collected> {
  const after = prior?.trusted && prior.state.address === root ? prior.state.cursor : null;
  const bodies: string[] = [];
  const posts: unknown[] = [];
  let total = 1;
  const source = new URL('wp/v2/posts', root.endsWith('/') ? root : `${root}/`);
  for (let page = 1; page <= Math.min(total, maxPages); page++) {
    const url = new URL(source);
    url.searchParams.set('per_page', String(POSTS_PER_PAGE));
    url.searchParams.set('page', String(page));
    url.searchParams.set('_embed', 'wp:term,wp:featuredmedia');
    if (after) url.searchParams.set('modified_after', after);
    const answer = await fetcher.get(url.href);
    bodies.push(answer.body);
    let list: unknown;
    try {
      list = JSON.parse(answer.body);
    } catch {
      throw new DomainError('collect_fetch_failed', { url: source.href, detail: 'not JSON' });
    }
    if (!Array.isArray(list))
      throw new DomainError('collect_fetch_failed', { url: source.href, detail: 'not a list' });
    posts.push(...list);
    total = Number(answer.headers.get('x-wp-totalpages')) || page;
  }
  // The newest first; stored oldest first, as a feed's file lists them when read in order.
  const ordered = [...posts].reverse();
  async function* items(): AsyncGenerator<FeedItem> {
    for (const [index, post] of ordered.entries()) yield wordpressItem(post, index + 1);
  }
  const collected: Collected = {
    items: await mapped(items(), source.href),
    pages: bodies.length,
    hash: sha256(...bodies),
    source: source.href,
    format: 'wordpress-api',
  };
  // WordPress compares `modified_after` with the site's local modification times, which `modified` is.
  const latest = ordered
    .map((post) => (post as { modified?: unknown }).modified)
    .filter((value): value is string => typeof value === 'string')
    .reduce<string | null>((max, value) => (max === null || value > max ? value : max), after);
  // Asked with a cursor, every post answered was modified after it: an edit lost with a failed batch would not
  // be answered again.
  const state = { api: 'wordpress', address: root, etag: null, lastModified: null, cursor: latest };
  await keep(ctx, channel, state, collected, after !== null);
  return collected;
}

/** The site's WordPress API root, when `/wp-json/` answers one with the posts' route (`wp/v2`). */
async function wordpressRootOf(fetcher: PoliteFetcher, site: URL): Promise<string | undefined> {
  const root = new URL('/wp-json/', site).href;
  let page: Page;
  try {
    page = await fetcher.get(root);
  } catch (error) {
    if (error instanceof DomainError && error.code === 'collect_page_missing') return undefined;
    throw error;
  }
  try {
    const index = JSON.parse(page.body) as { namespaces?: unknown };
    return Array.isArray(index.namespaces) && index.namespaces.includes('wp/v2') ? root : undefined;
  } catch {
    return undefined;
  }
}

export const websiteCollector: Collector = {
  skipReason: (_ctx, channel) =>
    Promise.resolve(webAddressOf(channel.url) === undefined ? 'no_public_address' : undefined),
  async collect(ctx, channel, fetcher, policy) {
    const site = webAddressOf(channel.url) as URL;
    const prior = await readCursor(ctx.db.kysely, channel.id);
    if (prior?.state.api === 'wordpress' && prior.state.address)
      return collectWordpress(ctx, channel, fetcher, prior.state.address, prior, policy.maxPages);
    if (prior?.state.api === 'feed' && prior.state.address)
      return collectFeedAt(ctx, channel, fetcher, prior.state.address, prior, 'website-feed');
    const given = site.pathname.match(/^(.*?\/wp-json)(?:\/|$)/)?.[1];
    const root = given ? new URL(`${given}/`, site).href : await wordpressRootOf(fetcher, site);
    if (root) return collectWordpress(ctx, channel, fetcher, root, prior, policy.maxPages);
    const page = await fetcher.get(site.href);
    if (isFeed(page.body))
      return collectFeedAt(ctx, channel, fetcher, site.href, prior, 'website-feed', page);
    const linked = feedLinkOf(page.body, page.url);
    if (!linked) throw new DomainError('collect_no_feed', { url: site.href });
    return collectFeedAt(ctx, channel, fetcher, linked, prior, 'website-feed');
  },
};

export const youtubeCollector: Collector = {
  skipReason: (_ctx, channel) =>
    Promise.resolve(youtubeChannelIdOf(channel.url) === undefined ? 'no_public_address' : undefined),
  async collect(ctx, channel, fetcher, policy) {
    const address = new URL(policy.youtubeFeedUrl);
    address.searchParams.set('channel_id', youtubeChannelIdOf(channel.url) ?? '');
    const prior = await readCursor(ctx.db.kysely, channel.id);
    return collectFeedAt(ctx, channel, fetcher, address.href, prior, 'youtube-feed');
  },
};
