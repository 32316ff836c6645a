/**
 * When a channel's next scheduled collection is due: its posts every 2 hours and its followers daily unless the
 * channel says otherwise (channel.collect_posts_every_minutes / collect_followers_every_minutes). A run reads both,
 * so the next one is due after the shorter of the two. While it fails (no success since a failure) it is retried
 * sooner, the pause doubling as it keeps failing (the time failing so far, at least RETRY_MIN_MS), never later than
 * the interval.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../storage/schema.js';
import {
  type CollectionHealth,
  collectionHealthOf,
} from '../../storage/repositories/collection-run.repository.js';

export const DEFAULT_POSTS_EVERY_MINUTES = 120;
export const DEFAULT_FOLLOWERS_EVERY_MINUTES = 24 * 60;
/** The first retry of a failing channel. */
export const RETRY_MIN_MS = 5 * 60_000;

/** When a channel never collected is due, as leases key its first run. */
const NEVER_COLLECTED_DUE = new Date(0);

export interface CollectEvery {
  postsEveryMinutes: number | null;
  followersEveryMinutes: number | null;
}

/** When the channel's next scheduled run is due: `now` for a channel never collected. */
export function nextCollectionAt(
  every: CollectEvery,
  health: Pick<CollectionHealth, 'lastRunAt' | 'failingSince'>,
  now: Date,
): Date {
  if (health.lastRunAt === null) return now;
  const last = new Date(health.lastRunAt).getTime();
  const interval =
    Math.min(
      every.postsEveryMinutes ?? DEFAULT_POSTS_EVERY_MINUTES,
      every.followersEveryMinutes ?? DEFAULT_FOLLOWERS_EVERY_MINUTES,
    ) * 60_000;
  if (health.failingSince === null) return new Date(last + interval);
  const failing = last - new Date(health.failingSince).getTime();
  return new Date(last + Math.min(interval, Math.max(RETRY_MIN_MS, failing)));
}

/**
 * Each channel's next scheduled run, by channel id, as the instant a lease keys its run by: the same in every
 * process that reads the same runs, so the epoch for a channel never collected (due at once, and once). The
 * channels' collection health is read unless the caller has it already.
 */
export async function dueInstantsOf(
  db: Kysely<Database>,
  channelIds: readonly number[],
  known?: Map<number, CollectionHealth>,
): Promise<Map<number, Date>> {
  const next = new Map<number, Date>();
  if (channelIds.length === 0) return next;
  const [health, rows] = await Promise.all([
    known ?? collectionHealthOf(db, channelIds),
    db
      .selectFrom('channel')
      .select(['id', 'collectPostsEveryMinutes', 'collectFollowersEveryMinutes'])
      .where('id', 'in', [...channelIds])
      .execute(),
  ]);
  for (const row of rows) {
    const of = health.get(row.id);
    if (!of) continue;
    next.set(
      row.id,
      nextCollectionAt(
        {
          postsEveryMinutes: row.collectPostsEveryMinutes,
          followersEveryMinutes: row.collectFollowersEveryMinutes,
        },
        of,
        NEVER_COLLECTED_DUE,
      ),
    );
  }
  return next;
}
