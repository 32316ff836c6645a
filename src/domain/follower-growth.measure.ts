/**
 * Followers' growth of a channel over a period. A channel's followers as of a date are its latest snapshot on or
 * before it (audience.measure.ts), so the end is the figure the dashboard and the brief sum; the start is the
 * count as of the period's first day, else, for a channel first counted within the period, its first count there
 * (its date is stated beside it).
 */
import { changeOf, type Trend } from '../shared/change.js';
import type { LocalDate } from './period.js';

export interface FollowerCount {
  followers: number;
  asOf: LocalDate;
}

export interface FollowerGrowth {
  start: FollowerCount | null;
  end: FollowerCount | null;
  delta: number | null;
  ratio: number | null;
  trend: Trend | null;
}

/**
 * `atStart` is the latest count on or before the period's first day, `firstWithin` the earliest one after it up to
 * the end's date, `end` the latest on or before that date.
 */
export function followerGrowth(
  atStart: FollowerCount | null,
  firstWithin: FollowerCount | null,
  end: FollowerCount | null,
): FollowerGrowth {
  const start = atStart ?? firstWithin;
  // One count at both ends (a channel counted once) measures no growth: it is no "±0".
  if (!start || !end || start.asOf === end.asOf) return { start, end, delta: null, ratio: null, trend: null };
  const change = changeOf(end.followers, start.followers);
  return { start, end, delta: change.delta, ratio: change.ratio, trend: change.trend };
}
