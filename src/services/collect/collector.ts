/**
 * What every platform's collector is and is given: the collection's policy (addresses, pauses, limits, from the
 * environment), why a channel is skipped, and what a collector read of one channel for the runner to store.
 */
import type { Mapped } from '../../importers/types.js';
import type { ErrorCode } from '../../shared/messages.js';
import type { ImportFormat } from '../../shared/vocabulary.js';
import type { ChannelRef } from '../../storage/repositories/channel.repository.js';
import type { Context } from '../context.js';
import type { GraphSkip } from './graph-channel.js';
import { DEFAULT_FETCH_POLICY, type FetchPolicy, type PoliteFetcher } from './polite-fetch.js';

export interface CollectPolicy extends FetchPolicy {
  /** Telegram's web address: `AQPARAT_TELEGRAM_WEB_URL`, else https://t.me. */
  telegramWebUrl: string;
  /** Pages of posts read at most per channel and run (20 posts a page; 100 on the Graph). */
  maxPages: number;
  /** Meta's Graph API: `AQPARAT_GRAPH_API_URL`, else https://graph.facebook.com. */
  graphApiUrl: string;
  /** `AQPARAT_GRAPH_VERSION`, else GRAPH_VERSION. */
  graphVersion: string;
  /** `AQPARAT_GRAPH_BACKOFF_MS`: the first pause after a Graph rate limit (doubled each retry), 30 s. */
  graphBackoffMs: number;
  /** YouTube's channel feeds: `AQPARAT_YOUTUBE_FEED_URL`, else https://www.youtube.com/feeds/videos.xml. */
  youtubeFeedUrl: string;
  /** The Telegram Bot API: `AQPARAT_TELEGRAM_BOT_API_URL`, else https://api.telegram.org. */
  telegramBotApiUrl: string;
}

/** The Graph API version asked unless AQPARAT_GRAPH_VERSION says otherwise. */
export const GRAPH_VERSION = 'v21.0';

/**
 * The policy from the environment: `AQPARAT_TELEGRAM_WEB_URL`, `AQPARAT_COLLECT_DELAY_MS`,
 * `AQPARAT_COLLECT_MAX_PAGES`, `AQPARAT_GRAPH_API_URL`, `AQPARAT_GRAPH_VERSION`, `AQPARAT_GRAPH_BACKOFF_MS`,
 * `AQPARAT_YOUTUBE_FEED_URL`, `AQPARAT_TELEGRAM_BOT_API_URL`.
 */
export function collectPolicyOf(env: NodeJS.ProcessEnv = process.env): CollectPolicy {
  const count = (name: string, fallback: number) => {
    const value = Number(env[name]);
    return env[name] !== undefined && env[name] !== '' && Number.isFinite(value) && value >= 0
      ? value
      : fallback;
  };
  return {
    ...DEFAULT_FETCH_POLICY,
    delayMs: count('AQPARAT_COLLECT_DELAY_MS', DEFAULT_FETCH_POLICY.delayMs),
    telegramWebUrl: env['AQPARAT_TELEGRAM_WEB_URL'] || 'https://t.me',
    maxPages: Math.max(1, count('AQPARAT_COLLECT_MAX_PAGES', 50)),
    graphApiUrl: env['AQPARAT_GRAPH_API_URL'] || 'https://graph.facebook.com',
    graphVersion: env['AQPARAT_GRAPH_VERSION'] || GRAPH_VERSION,
    graphBackoffMs: count('AQPARAT_GRAPH_BACKOFF_MS', 30_000),
    youtubeFeedUrl: env['AQPARAT_YOUTUBE_FEED_URL'] || 'https://www.youtube.com/feeds/videos.xml',
    telegramBotApiUrl: env['AQPARAT_TELEGRAM_BOT_API_URL'] || 'https://api.telegram.org',
  };
}

/** `not_telegram`: no collector for the channel's platform (the name kept from when Telegram was the only one). */
export type SkipReason = 'not_telegram' | 'no_public_address' | 'closed' | GraphSkip;

/** What a collector read of one channel, as the runner will take it. */
export interface Collected {
  items: Mapped[];
  followers?: number;
  pages: number;
  hash: string;
  /** The address read first: how the batch names its source. */
  source: string;
  format: ImportFormat;
}

/** One platform's collector: whether a channel can be collected (else why not), then collecting it. */
export interface Collector {
  skipReason(ctx: Context, channel: ChannelRef): Promise<SkipReason | undefined>;
  collect(
    ctx: Context,
    channel: ChannelRef,
    fetcher: PoliteFetcher,
    policy: CollectPolicy,
  ): Promise<Collected>;
  /** What a failure leaves on the channel (a Graph token refused as expired stops its runs). */
  failed?(ctx: Context, channel: ChannelRef, code: ErrorCode): Promise<void>;
}
