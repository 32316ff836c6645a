/**
 * Collecting channels now: each Telegram channel with a public address is read from Telegram's web preview
 * (collect/telegram-web.ts) and what it publishes is stored by the import runner as a batch of its own (source
 * `telegram-web`), through the same mapping, attribution and analysis as an imported export, and undone the same
 * way; its subscribers become the channel's audience snapshot of the day (a later collection that day wins). A
 * Facebook page or an Instagram professional account is read the same way through the Graph API with the
 * channel's access token (collect/graph-channel.ts). A channel that fails is reported with its error and the
 * others are still collected. Channels of other platforms, or without an address their collector can read, are
 * skipped with the reason. Each platform's collector is one line of COLLECTORS (collect/collectors.ts). Every
 * channel attempted leaves a collection run (collection_run): started, then ok, failed or skipped, with its counts.
 */
import { DomainError, NotFoundError } from '../domain/errors.js';
import { localDateOf } from '../domain/period.js';
import type { AudienceDraft, Mapped } from '../importers/types.js';
import type { ErrorCode } from '../shared/messages.js';
import type { ImportFormat } from '../shared/vocabulary.js';
import type { ChannelRef } from '../storage/repositories/channel.repository.js';
import { listChannelsToCollect } from '../storage/repositories/collect.repository.js';
import {
  finishCollectionRun,
  insertCollectionRun,
  interruptRunningRuns,
} from '../storage/repositories/collection-run.repository.js';
import { findAudience } from '../storage/repositories/import.repository.js';
import { findOrganizationByCode } from '../storage/repositories/org.repository.js';
import { type Context, scopeOfContext } from './context.js';
import { type CollectPolicy, collectPolicyOf, type Collector, type SkipReason } from './collect/collector.js';
import { COLLECTORS, skipReasonOf } from './collect/collectors.js';
import { dueInstantsOf } from './collect/due.js';
import { PoliteFetcher } from './collect/polite-fetch.js';
import { sweepInterrupted } from './import/lease.js';
import type { ReadingSource } from './import/reader-process.js';
import { runImport } from './import/runner.js';
import { claimDue } from './schedule/lease.js';

export interface ChannelCollection {
  channel: string;
  /** Publications: the day's followers snapshot is `followers`, not counted here. */
  new: number;
  updated: number;
  unchanged: number;
  rejected: number;
  followers: number | null;
  followersAsOf: string | null;
  error: { code: ErrorCode; params: Record<string, string | number> } | null;
  /** Why the channel was not collected at all. */
  skipped: SkipReason | null;
  batchId: number | null;
  pages: number;
}

export interface CollectRequest {
  channel?: string;
  org?: string;
  policy?: CollectPolicy;
  /** Who asked: a person now (the default without `due`) or a schedule; each channel's run records it. */
  trigger?: 'manual' | 'schedule';
  /** Only the channels whose scheduled run is due (collect/due.ts), each run once across processes. */
  due?: boolean;
  /** Channels collected at once: else AQPARAT_COLLECT_CONCURRENCY, else DEFAULT_CONCURRENCY. */
  concurrency?: number;
  /** Once aborted, no further channel is started (those under way finish). */
  signal?: AbortSignal;
}

export const DEFAULT_CONCURRENCY = 4;

function concurrencyOf(env: NodeJS.ProcessEnv): number {
  const value = Number(env['AQPARAT_COLLECT_CONCURRENCY']);
  return Number.isInteger(value) && value >= 1 ? value : DEFAULT_CONCURRENCY;
}

const empty = (channel: string): ChannelCollection => ({
  channel,
  new: 0,
  updated: 0,
  unchanged: 0,
  rejected: 0,
  followers: null,
  followersAsOf: null,
  error: null,
  skipped: null,
  batchId: null,
  pages: 0,
});

/** The posts and the day's followers, as the runner takes a file's: one batch of items. */
export function sourceOf(name: string, hash: string, items: Mapped[], format: ImportFormat): ReadingSource {
  return {
    name,
    entries: [{ name, reader: 'telegram', format, size: items.length }],
    async *batches() {
      yield { items, done: items.length };
    },
    hash: () => hash,
    close: async () => undefined,
  };
}

async function collectOne(
  ctx: Context,
  channel: ChannelRef,
  collector: Collector,
  fetcher: PoliteFetcher,
  policy: CollectPolicy,
): Promise<ChannelCollection> {
  const result = empty(channel.code);
  const collected = await collector.collect(ctx, channel, fetcher, policy);
  result.pages = collected.pages;
  const { items } = collected;
  const asOf = localDateOf(ctx.clock(), channel.timeZone);
  // The runner counts the snapshot with the posts; what it was before tells which of its counts it took.
  let snapshot: 'new' | 'updated' | 'unchanged' | undefined;
  if (collected.followers !== undefined) {
    const before = await findAudience(ctx.db.kysely, channel.id, asOf);
    snapshot = !before ? 'new' : before.followers === collected.followers ? 'unchanged' : 'updated';
    const draft: AudienceDraft = {
      target: 'audience',
      ref: { kind: 'item', index: 0 },
      channel: channel.code,
      asOf,
      followers: collected.followers,
    };
    items.push({ kind: 'draft', draft });
    result.followers = collected.followers;
    result.followersAsOf = asOf;
  }
  const summary = await runImport(ctx, {
    source: sourceOf(collected.source, collected.hash, items, collected.format),
    channel,
    dryRun: false,
    strict: false,
    analyze: true,
    chunkSize: 500,
  });
  result.new = summary.new - (snapshot === 'new' ? 1 : 0);
  result.updated = summary.updated - (snapshot === 'updated' ? 1 : 0);
  result.unchanged = summary.unchanged - (snapshot === 'unchanged' ? 1 : 0);
  result.rejected = summary.rejected;
  result.batchId = summary.batchId;
  return result;
}

/**
 * Collects each channel asked for (with `due`, only those whose scheduled run is due, each claimed first so that
 * another process collecting the same database does not run it too); a failure is the channel's result, not the
 * run's. Channels are collected AQPARAT_COLLECT_CONCURRENCY at a time (the fetcher keeps each host's requests one
 * at a time apart from that).
 */
export async function collectChannels(
  ctx: Context,
  request: CollectRequest = {},
): Promise<ChannelCollection[]> {
  const policy = request.policy ?? collectPolicyOf();
  const scope = scopeOfContext(ctx);
  let orgId: number | undefined;
  if (request.org !== undefined) {
    const org = await findOrganizationByCode(ctx.db.kysely, scope, request.org);
    if (!org) throw new NotFoundError('org_unknown', { code: request.org });
    orgId = org.id;
  }
  const channels = await listChannelsToCollect(ctx.db.kysely, scope, {
    ...(request.channel !== undefined ? { channel: request.channel } : {}),
    ...(orgId !== undefined ? { orgId } : {}),
  });
  if (request.channel !== undefined && channels.length === 0)
    throw new NotFoundError('channel_unknown', { code: request.channel });
  // Batches of processes that died are interrupted before a collection may take their rows over.
  await sweepInterrupted(ctx);
  const fetcher = new PoliteFetcher(policy);
  // What asks for the due channels only is a schedule: the server's, or cron's.
  const trigger = request.trigger ?? (request.due ? 'schedule' : 'manual');
  const concurrency = request.concurrency ?? concurrencyOf(process.env);
  const attempt = (channel: CollectableChannel) => attemptChannel(ctx, channel, trigger, fetcher, policy);
  if (!request.due) return mapLimited(channels, concurrency, attempt, request.signal);
  const now = ctx.clock();
  const next = await dueInstantsOf(
    ctx.db.kysely,
    channels.map((channel) => channel.id),
  );
  const due = channels.filter((channel) => (next.get(channel.id)?.getTime() ?? Infinity) <= now.getTime());
  const results = await mapLimited(
    due,
    concurrency,
    async (channel) => {
      const claim = await claimDue(ctx, `collect:${channel.id}`, next.get(channel.id) ?? now);
      if (!claim) return undefined;
      try {
        // A run of the channel still `running` was left by a process that died: this run completes it.
        await interruptRunningRuns(ctx.db.kysely, channel.id, now.toISOString());
        const result = await attempt(channel);
        await claim.finish(true);
        return result;
      } catch (error) {
        await claim.finish(false);
        throw error;
      }
    },
    request.signal,
  );
  return results.filter((result): result is ChannelCollection => result !== undefined);
}

type CollectableChannel = ChannelRef & { closedOn: string | null };

/** The work of each item, at most `limit` at a time, in the items' order; none started once aborted. */
async function mapLimited<T, R>(
  items: readonly T[],
  limit: number,
  work: (item: T) => Promise<R>,
  signal: AbortSignal | undefined,
): Promise<R[]> {
  const results: R[] = [];
  let next = 0;
  const worker = async () => {
    while (next < items.length && !signal?.aborted) {
      const index = next++;
      results[index] = await work(items[index] as T);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker));
  return results;
}

/** One channel's run: skipped with its reason, or collected (ok or failed), recorded in collection_run. */
async function attemptChannel(
  ctx: Context,
  channel: CollectableChannel,
  trigger: 'manual' | 'schedule',
  fetcher: PoliteFetcher,
  policy: CollectPolicy,
): Promise<ChannelCollection> {
  const collector = COLLECTORS[channel.platform];
  const startedAt = ctx.clock().toISOString();
  const skipped = await skipReasonOf(ctx, channel);
  if (skipped || !collector) {
    const reason = skipped ?? 'not_telegram';
    await insertCollectionRun(ctx.db.kysely, {
      channelId: channel.id,
      trigger,
      startedAt,
      finishedAt: startedAt,
      status: 'skipped',
      errorCode: reason,
    });
    return { ...empty(channel.code), skipped: reason };
  }
  const runId = await insertCollectionRun(ctx.db.kysely, {
    channelId: channel.id,
    trigger,
    startedAt,
    status: 'running',
  });
  const result = await collectOrFail(ctx, channel, collector, fetcher, policy).catch(async (error) => {
    // Not the channel's failure: the run is told failed all the same, and the error goes on.
    await finishCollectionRun(ctx.db.kysely, runId, {
      finishedAt: ctx.clock().toISOString(),
      status: 'failed',
      errorCode: 'internal_error',
    });
    throw error;
  });
  await finishCollectionRun(ctx.db.kysely, runId, {
    finishedAt: ctx.clock().toISOString(),
    status: result.error ? 'failed' : 'ok',
    errorCode: result.error?.code ?? null,
    errorParams: result.error ? JSON.stringify(result.error.params) : null,
    new: result.new,
    updated: result.updated,
    unchanged: result.unchanged,
    rejected: result.rejected,
    followers: result.followers,
    batchId: result.batchId,
  });
  return result;
}

/** One channel collected, or its domain error as its result (and what the failure leaves on the channel). */
async function collectOrFail(
  ctx: Context,
  channel: ChannelRef,
  collector: Collector,
  fetcher: PoliteFetcher,
  policy: CollectPolicy,
): Promise<ChannelCollection> {
  try {
    return await collectOne(ctx, channel, collector, fetcher, policy);
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    ctx.log.warn({ channel: channel.code, code: error.code }, 'channel not collected');
    await collector.failed?.(ctx, channel, error.code);
    return { ...empty(channel.code), error: { code: error.code, params: error.params } };
  }
}
