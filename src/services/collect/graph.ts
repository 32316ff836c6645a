/**
 * Collecting through Meta's Graph API with the channel's access token: a Facebook page's posts and followers, an
 * Instagram professional account's media and followers. Pages are followed by `paging.next`, newest first, until a
 * page holds a post already stored or the page limit. The token travels in the Authorization header, never in an
 * address (the `access_token` a `next` link carries is taken out), so no error or log can show it.
 *
 * Graph's own errors are told apart: 190 (token expired or revoked) stops the channel until a new token is set;
 * 4, 17, 32, 613 (rate limits, also as HTTP 429) are retried after an exponential backoff, a bounded number of
 * times; 10, 100 and 200-299 (a permission the token lacks) say so; transient failures (the connection, HTTP 5xx,
 * Graph's `is_transient` or codes 1 and 2) are tried again after the fetch policy's pause, doubled each time.
 * `x-app-usage` and `x-business-use-case-usage` above 75 % slow the next request down by the backoff.
 */
import { createHash } from 'node:crypto';
import { DomainError } from '../../domain/errors.js';
import { dataOf, nextOf, objectOf } from '../../importers/graph/map.js';
import { type FetchPolicy, isTransientStatus, transientPause } from './polite-fetch.js';

export interface GraphPolicy extends FetchPolicy {
  /** `AQPARAT_GRAPH_API_URL`, else https://graph.facebook.com. */
  graphApiUrl: string;
  /** `AQPARAT_GRAPH_VERSION`, else v21.0. */
  graphVersion: string;
  /** First wait after a rate limit, doubled at each retry; also the slow-down above 75 % usage. */
  graphBackoffMs: number;
  maxPages: number;
}

export const RATE_LIMIT_CODES: ReadonlySet<number> = new Set([4, 17, 32, 613]);
export const TOKEN_EXPIRED_CODE = 190;
/** Graph's "unknown error" and "service temporarily unavailable": worth trying again. */
const TRANSIENT_CODES: ReadonlySet<number> = new Set([1, 2]);
/**
 * Instagram's "Cannot find User" (code 110): `business_discovery` of a name that is no business or creator account,
 * or no account at all (Meta's documented answer; no recorded one is among the fixtures).
 */
export const IG_USER_NOT_FOUND_SUBCODE = 2207013;
const isPermissionCode = (code: number) => code === 10 || code === 100 || (code >= 200 && code <= 299);
/** Usage above this share of the limit slows the collection down. */
export const USAGE_SLOWDOWN = 75;

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** The highest percentage an `x-app-usage` or `x-business-use-case-usage` header reports; 0 when none. */
export function usageOf(headers: Headers): number {
  const shares: number[] = [];
  const take = (entry: unknown) => {
    if (typeof entry !== 'object' || entry === null) return;
    for (const key of ['call_count', 'total_cputime', 'total_time']) {
      const value = (entry as Record<string, unknown>)[key];
      if (typeof value === 'number') shares.push(value);
    }
  };
  for (const name of ['x-app-usage', 'x-page-usage', 'x-business-use-case-usage']) {
    const text = headers.get(name);
    if (!text) continue;
    try {
      const value: unknown = JSON.parse(text);
      if (name === 'x-business-use-case-usage' && typeof value === 'object' && value !== null)
        for (const entries of Object.values(value)) for (const entry of [entries].flat()) take(entry);
      else take(value);
    } catch {
      // An unreadable header slows nothing down.
    }
  }
  return Math.max(0, ...shares);
}

/** The address without its query (where a token might be), as errors name it. */
const shown = (url: string) => url.split('?')[0] ?? url;

export class GraphClient {
  private last = 0;
  private slowDown = false;
  /** Requests made, and the waits for rate limits: for the tests and the logs. */
  readonly waits: number[] = [];

  constructor(
    private readonly policy: GraphPolicy,
    private readonly token: string,
    private readonly wait: (ms: number) => Promise<void> = sleep,
  ) {}

  private async backOff(ms: number): Promise<void> {
    this.waits.push(ms);
    await this.wait(ms);
  }

  url(path: string, query: Record<string, string>): string {
    const base = this.policy.graphApiUrl.replace(/\/+$/, '');
    return `${base}/${this.policy.graphVersion}/${path}?${new URLSearchParams(query).toString()}`;
  }

  /** The answer's JSON; Graph's errors as domain errors (see above). */
  async get(address: string): Promise<unknown> {
    const url = new URL(address);
    url.searchParams.delete('access_token');
    for (let attempt = 0; ; attempt++) {
      const pause = Math.max(
        this.last + this.policy.delayMs - Date.now(),
        this.slowDown ? this.policy.graphBackoffMs : 0,
      );
      if (this.last > 0 && pause > 0) {
        this.waits.push(pause);
        await this.wait(pause);
      }
      let response: Response;
      let text: string;
      try {
        response = await fetch(url, {
          headers: { authorization: `Bearer ${this.token}`, accept: 'application/json' },
          signal: AbortSignal.timeout(this.policy.timeoutMs),
        });
        text = await response.text();
      } catch (error) {
        this.last = Date.now();
        if (attempt < this.policy.retries) {
          await this.backOff(transientPause(this.policy, attempt));
          continue;
        }
        throw new DomainError('collect_fetch_failed', {
          url: shown(url.href),
          detail: error instanceof Error ? error.message : String(error),
        });
      }
      this.last = Date.now();
      this.slowDown = usageOf(response.headers) > USAGE_SLOWDOWN;
      if (text.length > this.policy.maxBytes)
        throw new DomainError('collect_fetch_failed', {
          url: shown(url.href),
          detail: `more than ${this.policy.maxBytes} bytes`,
        });
      let body: unknown;
      try {
        body = JSON.parse(text);
      } catch {
        body = undefined;
      }
      const error = (
        body as
          | {
              error?: {
                code?: unknown;
                message?: unknown;
                is_transient?: unknown;
                error_subcode?: unknown;
                error_user_msg?: unknown;
              };
            }
          | undefined
      )?.error;
      const code = typeof error?.code === 'number' ? error.code : undefined;
      const message = typeof error?.message === 'string' ? error.message : `HTTP ${response.status}`;
      if (response.ok && body !== undefined && !error) return body;
      if (code === TOKEN_EXPIRED_CODE) throw new DomainError('collect_token_expired', { detail: message });
      if ((code !== undefined && RATE_LIMIT_CODES.has(code)) || response.status === 429) {
        if (attempt >= this.policy.retries)
          throw new DomainError('collect_rate_limited', { url: shown(url.href), detail: message });
        await this.backOff(this.policy.graphBackoffMs * 2 ** attempt);
        continue;
      }
      const transient =
        error?.is_transient === true ||
        (code !== undefined && TRANSIENT_CODES.has(code)) ||
        (code === undefined && isTransientStatus(response.status));
      if (transient && attempt < this.policy.retries) {
        await this.backOff(transientPause(this.policy, attempt));
        continue;
      }
      if (error?.error_subcode === IG_USER_NOT_FOUND_SUBCODE)
        throw new DomainError('collect_instagram_not_business', {
          detail: typeof error.error_user_msg === 'string' ? error.error_user_msg : message,
        });
      if (code !== undefined && isPermissionCode(code))
        throw new DomainError('collect_permission_missing', { url: shown(url.href), detail: message });
      throw new DomainError('collect_fetch_failed', { url: shown(url.href), detail: message });
    }
  }
}

export interface GraphCollected {
  /** Newest first as Graph lists them, each once. */
  items: unknown[];
  followers?: number;
  pages: number;
  hash: string;
  /** The address of the first page, without its query: how the batch names its source. */
  source: string;
}

const FACEBOOK_FIELDS = [
  'message',
  'created_time',
  'permalink_url',
  'shares',
  'reactions.summary(true).limit(0)',
  'comments.summary(true).limit(0)',
  'attachments{type,description,title,target,media}',
].join(',');
const INSTAGRAM_FIELDS =
  'caption,timestamp,permalink,like_count,comments_count,media_type,media_url,thumbnail_url';

/** A list answer's posts and the address of its next page. */
const listOf = (answer: unknown) => ({ data: dataOf(answer), next: nextOf(answer) });

/** Lists the edge, page after page, until a page holds a stored id, the last page, or the limit. */
async function pagesOf(
  client: GraphClient,
  first: string,
  maxPages: number,
  stored: (ids: readonly string[]) => Promise<ReadonlySet<string>>,
  hash: ReturnType<typeof createHash>,
  read: (answer: unknown) => { data: unknown[]; next: string | undefined } = listOf,
) {
  const byId = new Map<string, unknown>();
  let url: string | undefined = first;
  let pages = 0;
  while (url !== undefined && pages < maxPages) {
    const answer = await client.get(url);
    hash.update(JSON.stringify(answer));
    pages += 1;
    const { data, next } = read(answer);
    const ids: string[] = [];
    for (const item of data) {
      const id = (item as { id?: unknown }).id;
      if (typeof id !== 'string') continue;
      ids.push(id);
      if (!byId.has(id)) byId.set(id, item);
    }
    const reached = (await stored(ids)).size > 0;
    url = !reached && data.length > 0 && next !== undefined && next !== url ? next : undefined;
  }
  return { items: [...byId.values()], pages };
}

const followersOf = (answer: unknown, ...fields: string[]): number | undefined => {
  for (const field of fields) {
    const value = (answer as Record<string, unknown> | undefined)?.[field];
    if (typeof value === 'number' && Number.isInteger(value) && value >= 0) return value;
  }
  return undefined;
};

/** Where a Facebook page's and an Instagram account's posts are, what of them to ask, and their followers' fields. */
const NODES = {
  facebook: { edge: 'posts', fields: FACEBOOK_FIELDS, followers: ['followers_count', 'fan_count'] },
  instagram: { edge: 'media', fields: INSTAGRAM_FIELDS, followers: ['followers_count'] },
} as const;

/** A page's or an account's posts, newest first until a stored one, and its followers (the first field it has). */
export async function collectGraphNode(
  client: GraphClient,
  platform: keyof typeof NODES,
  node: string,
  options: { maxPages: number; stored: (ids: readonly string[]) => Promise<ReadonlySet<string>> },
): Promise<GraphCollected> {
  const { edge, fields, followers: followerFields } = NODES[platform];
  const hash = createHash('sha256');
  const profile = await client.get(client.url(node, { fields: followerFields.join(',') }));
  const first = client.url(`${node}/${edge}`, { fields, limit: '100' });
  const { items, pages } = await pagesOf(client, first, options.maxPages, options.stored, hash);
  const followers = followersOf(profile, ...followerFields);
  return {
    items,
    pages,
    hash: hash.digest('hex'),
    source: shown(first),
    ...(followers !== undefined ? { followers } : {}),
  };
}

const DISCOVERY_MEDIA_FIELDS =
  'id,caption,timestamp,permalink,like_count,comments_count,media_type,media_url';
/** Media asked per page of `business_discovery`, as of `/media`. */
const DISCOVERY_PAGE_SIZE = 100;

/**
 * Another Instagram professional account's posts and followers, read through `business_discovery` of the account
 * whose Graph user id `host` is (with its token): newest first until a stored one, the media paged by the cursor
 * `business_discovery.media.paging.cursors.after` (it has no `next` link); a cursor answered again is the end.
 */
export async function collectBusinessDiscovery(
  client: GraphClient,
  host: string,
  username: string,
  options: { maxPages: number; stored: (ids: readonly string[]) => Promise<ReadonlySet<string>> },
): Promise<GraphCollected> {
  const pageOf = (after?: string) => {
    const media = `media${after === undefined ? '' : `.after(${after})`}.limit(${DISCOVERY_PAGE_SIZE})`;
    return client.url(host, {
      fields: `business_discovery.username(${username}){followers_count,media_count,${media}{${DISCOVERY_MEDIA_FIELDS}}}`,
    });
  };
  const hash = createHash('sha256');
  let followers: number | undefined;
  const first = pageOf();
  const { items, pages } = await pagesOf(client, first, options.maxPages, options.stored, hash, (answer) => {
    const account = objectOf(objectOf(answer)?.['business_discovery']);
    followers ??= followersOf(account, 'followers_count');
    const media = account?.['media'];
    const after = objectOf(objectOf(objectOf(media)?.['paging'])?.['cursors'])?.['after'];
    return {
      data: dataOf(media),
      next: typeof after === 'string' && after !== '' ? pageOf(after) : undefined,
    };
  });
  return {
    items,
    pages,
    hash: hash.digest('hex'),
    source: shown(first),
    ...(followers !== undefined ? { followers } : {}),
  };
}

/** A channel's address as a URL, `https://` assumed when it names none. */
function urlOf(address: string | null | undefined): URL | undefined {
  const value = address?.trim();
  if (!value) return undefined;
  try {
    return new URL(/^https?:\/\//i.test(value) ? value : `https://${value}`);
  } catch {
    return undefined;
  }
}

/** An Instagram account's user name from its address (`instagram.com/<name>`), as `business_discovery` asks it. */
export function instagramNameOf(address: string | null | undefined): string | undefined {
  const url = urlOf(address);
  if (!url || !/(^|\.)instagram\.com$/i.test(url.hostname)) return undefined;
  const name = url.pathname.split('/').find((part) => part !== '');
  // Instagram's own paths (a post, a reel, stories, explore) are no account's.
  return name && /^[A-Za-z0-9._]{1,30}$/.test(name) && !/^(p|reel|reels|stories|explore|tv)$/i.test(name)
    ? name
    : undefined;
}

/**
 * The Graph node of a channel from its address: a Facebook page's numeric id (`facebook.com/profile.php?id=…`,
 * `…/pages/Name/<id>`, `…/people/Name/<id>`) or its user name (`facebook.com/<name>`, which Graph resolves); an
 * Instagram account's Graph user id, which its public address does not show: the address must carry it
 * (`instagram.com/<name>/?id=<ig-user-id>`, or the id alone).
 */
export function graphNodeOf(
  platform: 'facebook' | 'instagram',
  address: string | null | undefined,
): string | undefined {
  const value = address?.trim();
  if (value && /^\d+$/.test(value)) return value;
  const url = urlOf(value);
  if (!url) return undefined;
  const id = url.searchParams.get('id');
  if (id && /^\d+$/.test(id)) return id;
  const segments = url.pathname.split('/').filter((part) => part !== '');
  const numeric = [...segments].reverse().find((part) => /^\d{5,}$/.test(part));
  if (numeric) return numeric;
  if (platform === 'instagram') return undefined;
  if (!/(^|\.)facebook\.com$|(^|\.)fb\.com$/i.test(url.hostname)) return undefined;
  const name = segments[0];
  return name && /^[A-Za-z0-9.-]{5,}$/.test(name) && name !== 'profile.php' ? name : undefined;
}
