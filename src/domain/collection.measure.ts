/**
 * How fresh each collected channel's data is: a channel that has a collector and no successful collection within
 * a number of days is stale (the rule collection_stale). A channel whose collections never succeeded counts as
 * stale: nothing of it was ever read; one no collection was ever asked of is not watched (collection-health).
 */
import type { LocalDate } from './period.js';
import { localDateOf } from './period.js';

const DAY_MS = 86_400_000;

/** A channel some collector reads, with when its last collection succeeded. */
export interface CollectedChannelFact {
  channelId: number;
  code: string;
  name: string;
  url: string | null;
  /** The owner's time zone: the day a success is stated on. */
  timeZone: string;
  /** The instant the last successful collection ended; null when none ever did. */
  lastSuccessAt: string | null;
}

/** Whether a channel had no successful collection within `days` days before `now`. */
export function isStale(channel: CollectedChannelFact, now: string, days: number): boolean {
  if (channel.lastSuccessAt === null) return true;
  return Date.parse(now) - Date.parse(channel.lastSuccessAt) > days * DAY_MS;
}

/** The day of the last success in the owner's calendar, for evidence and tables; null when none. */
export function lastSuccessDay(channel: CollectedChannelFact): LocalDate | null {
  return channel.lastSuccessAt === null ? null : localDateOf(channel.lastSuccessAt, channel.timeZone);
}
