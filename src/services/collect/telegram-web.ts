/**
 * Collecting a public Telegram channel without credentials: `t.me/<username>` says what the name is and how many
 * subscribe (exactly), then `t.me/s/<username>` and its older pages (`?before=<id>`) give the posts, newest page
 * first, until a page holds a post already stored (what lies further back was collected before) or the page limit
 * is reached. A missing name, a group, a bot and a private invite end the collection with their own errors.
 */
import { createHash } from 'node:crypto';
import { DomainError } from '../../domain/errors.js';
import { parseChannelPage, parsePostsPage, type WebPost } from '../../importers/telegram-web/parse.js';
import type { ErrorCode } from '../../shared/messages.js';
import type { PoliteFetcher } from './polite-fetch.js';

export type TelegramAddress = { username: string } | { invite: string };

const USERNAME = /^[A-Za-z][A-Za-z0-9_]{3,31}$/;

/**
 * The channel's public username, from its address as users write it (`https://t.me/name`, `t.me/s/name`,
 * `telegram.me/name`, `@name`), or the invitation it is (`t.me/+hash`, `t.me/joinchat/hash`); undefined when the
 * address is no Telegram one.
 */
export function telegramAddressOf(url: string | null | undefined): TelegramAddress | undefined {
  const value = url?.trim();
  if (!value) return undefined;
  const handle = value.match(/^@([A-Za-z0-9_]+)$/)?.[1];
  if (handle) return USERNAME.test(handle) ? { username: handle } : undefined;
  const match = value.match(/^(?:https?:\/\/)?(?:www\.)?(?:t\.me|telegram\.me|telegram\.dog)\/(.+)$/i);
  const path = match?.[1]?.split(/[?#]/)[0]?.replace(/\/+$/, '');
  if (!path) return undefined;
  const invite = path.match(/^(?:\+|joinchat\/)([A-Za-z0-9_-]+)$/)?.[1];
  if (invite) return { invite };
  const name = path.replace(/^s\//, '').split('/')[0] ?? '';
  return USERNAME.test(name) ? { username: name } : undefined;
}

export interface CollectedChannel {
  username: string;
  title: string;
  /** Exact, from `tgme_page_extra`; absent when the page shows no count. */
  followers?: number;
  /** Oldest first, each once. */
  posts: WebPost[];
  pages: number;
  /** SHA-256 of the pages read, in order. */
  hash: string;
  /** The address of the newest page: how the batch names its source. */
  source: string;
}

export interface WebCollectOptions {
  /** `https://t.me`, or a proxy or a test's fake server. */
  baseUrl: string;
  /** Pages of posts read at most in one run. */
  maxPages: number;
  /** Which of these external ids the channel has stored: reaching one ends the paging. */
  stored(ids: readonly string[]): Promise<ReadonlySet<string>>;
}

const KIND_ERRORS: Record<'missing' | 'group' | 'bot' | 'private', ErrorCode> = {
  missing: 'collect_channel_missing',
  group: 'collect_channel_group',
  bot: 'collect_channel_bot',
  private: 'collect_channel_private',
};

export async function collectTelegramWeb(
  fetcher: PoliteFetcher,
  username: string,
  options: WebCollectOptions,
): Promise<CollectedChannel> {
  const base = options.baseUrl.replace(/\/+$/, '');
  const hash = createHash('sha256');
  const pageUrl = `${base}/${username}`;
  const page = await fetcher.get(pageUrl);
  hash.update(page.body);
  const info = parseChannelPage(page.body);
  if (info.kind !== 'channel') throw new DomainError(KIND_ERRORS[info.kind], { username, url: pageUrl });

  const source = `${base}/s/${username}`;
  const byId = new Map<number, WebPost>();
  let url: string | undefined = source;
  let pages = 0;
  while (url !== undefined && pages < options.maxPages) {
    const { body } = await fetcher.get(url);
    hash.update(body);
    pages += 1;
    const read = parsePostsPage(body);
    // The preview of a name that is no channel is its contact page, without posts.
    if (!read.isPreview) throw new DomainError('collect_channel_missing', { username, url: source });
    for (const post of read.posts) byId.set(post.id, post);
    const ids = read.posts.map((post) => String(post.id));
    const reached = (await options.stored(ids)).size > 0;
    const oldest = Math.min(...read.posts.map((post) => post.id));
    // An older page only when it lies before every post seen: a page pointing at itself would never end.
    url =
      !reached && read.before !== undefined && read.posts.length > 0 && read.before <= oldest
        ? `${source}?before=${read.before}`
        : undefined;
  }
  return {
    username,
    title: info.title ?? username,
    ...(info.followers !== undefined ? { followers: info.followers } : {}),
    posts: [...byId.values()].sort((a, b) => a.id - b.id),
    pages,
    hash: hash.digest('hex'),
    source,
  };
}
