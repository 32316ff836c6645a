/**
 * How each channel's collection stands, in the product's terms: which collector reads it (or why none does now),
 * when it last succeeded, when it runs next, since when it fails and why, its token's state, its followers' trend
 * and its runs. Read by the Channels page, by the rule collection_stale (through the brief's facts), and "collect
 * now" for one channel.
 */
import type { CollectedChannelFact } from '../domain/collection.measure.js';
import { NotFoundError } from '../domain/errors.js';
import { type LocalDate, localDateOf } from '../domain/period.js';
import { authorize } from '../policies/abilities.js';
import type { Platform } from '../shared/vocabulary.js';
import { type ChannelRef, findChannelByCode } from '../storage/repositories/channel.repository.js';
import { listChannelsToCollect } from '../storage/repositories/collect.repository.js';
import {
  type CollectionHealth,
  collectionHealthOf,
  listCollectionRuns,
} from '../storage/repositories/collection-run.repository.js';
import type { SkipReason } from './collect/collector.js';
import { skipReasonOf } from './collect/collectors.js';
import { dueInstantsOf } from './collect/due.js';
import { telegramAddressOf } from './collect/telegram-web.js';
import { type ChannelCollection, collectChannels } from './collect.service.js';
import { type TokenState, tokenStatuses } from './channel-token.js';
import { type Context, scopeOfContext } from './context.js';

type CollectableRef = ChannelRef & { closedOn: string | null };

/** Whether a channel's platform has a collector, and why it does not read the channel now (null: it does). */
export interface CollectorState {
  collector: Platform | null;
  blocked: SkipReason | 'private_address' | null;
}

/**
 * The channel's collector and what stops it (collectors.ts says why a channel is skipped); a Telegram invite,
 * which its collection fails on, is told here beforehand.
 */
export async function collectorStateOf(ctx: Context, channel: CollectableRef): Promise<CollectorState> {
  const blocked = await skipReasonOf(ctx, channel);
  if (blocked === 'not_telegram') return { collector: null, blocked };
  const address = channel.platform === 'telegram' ? telegramAddressOf(channel.url) : undefined;
  const invite = address !== undefined && 'invite' in address;
  return { collector: channel.platform, blocked: blocked ?? (invite ? 'private_address' : null) };
}

/** Whether a collector reads the channel now. */
const isReadNow = (state: CollectorState) => state.collector !== null && state.blocked === null;

/**
 * Whether the channel counts for freshness: a collector reads it, or would but for a token the platform refused,
 * which is exactly what staleness should bring to light.
 */
const isWatched = (state: CollectorState) =>
  isReadNow(state) || (state.collector !== null && state.blocked === 'token_expired');

/** The channels of the list that a collector reads, with their last success: the facts of collection_stale. */
export async function collectedChannelFacts(
  ctx: Context,
  channels: readonly CollectableRef[],
): Promise<CollectedChannelFact[]> {
  // Asked together: a Graph channel's state is a lookup of its token, and PostgreSQL's pool runs them side by side.
  const states = await Promise.all(channels.map((channel) => collectorStateOf(ctx, channel)));
  const watched = channels.filter((_, index) => isWatched(states[index]!));
  const health = await collectionHealthOf(
    ctx.db.kysely,
    watched.map((channel) => channel.id),
  );
  // A channel no collection was ever asked of is filled by file imports: nothing was expected of a collector.
  const asked = watched.filter(
    (channel) =>
      health.get(channel.id)?.lastRunAt != null ||
      states[channels.indexOf(channel)]?.blocked === 'token_expired',
  );
  return asked.map((channel) => ({
    channelId: channel.id,
    code: channel.code,
    name: channel.name,
    url: channel.url,
    timeZone: channel.timeZone,
    lastSuccessAt: health.get(channel.id)?.lastSuccessAt ?? null,
  }));
}

export interface ChannelHealth extends CollectorState, CollectionHealth {
  channel: string;
  /** When the scheduler collects it next (now when overdue or never collected); null when nothing would. */
  nextRunAt: string | null;
  token: TokenState;
  /** The latest audience snapshots of the last weeks, oldest first: the followers' trend. */
  followers: { asOf: LocalDate; followers: number }[];
}

/** How far back the followers' trend reaches. */
const TREND_DAYS = 30;
const DAY_MS = 86_400_000;
const NEVER: CollectionHealth = { lastSuccessAt: null, lastRunAt: null, failingSince: null, lastError: null };
const NO_TOKEN: TokenState = { set: false, setAt: null, expiresOn: null, expired: false };

async function healthOf(ctx: Context, channels: readonly CollectableRef[]): Promise<ChannelHealth[]> {
  if (channels.length === 0) return [];
  const ids = channels.map((channel) => channel.id);
  const db = ctx.db.kysely;
  const health = await collectionHealthOf(db, ids);
  const [states, due, tokens, snapshots] = await Promise.all([
    Promise.all(channels.map((channel) => collectorStateOf(ctx, channel))),
    dueInstantsOf(db, ids, health),
    tokenStatuses(ctx, ids),
    db
      .selectFrom('audienceSnapshot')
      .select(['channelId', 'asOf', 'followers'])
      .where('channelId', 'in', ids)
      .where('asOf', '>=', localDateOf(ctx.clock().getTime() - TREND_DAYS * DAY_MS, 'UTC'))
      .orderBy('asOf')
      .execute(),
  ]);
  const now = ctx.clock().getTime();
  const trends = new Map<number, ChannelHealth['followers']>();
  for (const row of snapshots) {
    const trend = trends.get(row.channelId) ?? [];
    trend.push({ asOf: row.asOf, followers: row.followers });
    trends.set(row.channelId, trend);
  }
  return channels.map((channel, index) => {
    const state = states[index]!;
    const dueAt = due.get(channel.id)?.getTime() ?? now;
    return {
      channel: channel.code,
      ...state,
      nextRunAt: isReadNow(state) ? new Date(Math.max(dueAt, now)).toISOString() : null,
      ...(health.get(channel.id) ?? NEVER),
      token: tokens.get(channel.id) ?? NO_TOKEN,
      followers: trends.get(channel.id) ?? [],
    };
  });
}

/** Each channel of the organization's subtree (in the caller's scope) with its collection's health. */
export async function subtreeCollectionHealth(ctx: Context, orgId: number): Promise<ChannelHealth[]> {
  authorize(ctx.actor, 'read', 'channels');
  return healthOf(ctx, await listChannelsToCollect(ctx.db.kysely, scopeOfContext(ctx), { orgId }));
}

/** How many runs a channel's history shows. */
export const RUN_HISTORY = 50;

/** One channel's health and its latest runs, newest first; 404 outside the caller's scope. */
export async function channelCollections(ctx: Context, code: string) {
  authorize(ctx.actor, 'read', 'channels');
  const [channel] = await listChannelsToCollect(ctx.db.kysely, scopeOfContext(ctx), { channel: code });
  if (!channel) throw new NotFoundError('channel_unknown', { code });
  const [[health], runs] = await Promise.all([
    healthOf(ctx, [channel]),
    listCollectionRuns(ctx.db.kysely, channel.id, RUN_HISTORY),
  ]);
  if (!health) throw new NotFoundError('channel_unknown', { code });
  return { ...health, runs };
}

/**
 * Collects one channel now, as `aqparat collect --channel` does: the channel is looked up in the caller's scope
 * first (another branch's: 404), then whether the role may import into it (403).
 */
export async function collectChannelNow(ctx: Context, code: string): Promise<ChannelCollection> {
  const channel = await findChannelByCode(ctx.db.kysely, scopeOfContext(ctx), code);
  if (!channel) throw new NotFoundError('channel_unknown', { code });
  authorize(ctx.actor, 'write', 'imports');
  const [result] = await collectChannels(ctx, { channel: code });
  if (!result) throw new NotFoundError('channel_unknown', { code });
  return result;
}
