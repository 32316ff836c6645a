/** Followers of channels at a date and reach = followers ÷ members. */
import { latestBy } from './members.measure.js';
import type { LocalDate } from './period.js';

export interface AudienceRow {
  channelId: number;
  asOf: LocalDate;
  followers: number;
}

/** Each channel's latest snapshot on or before the date; channels without one are absent. */
export function followersAt(snapshots: readonly AudienceRow[], date: LocalDate): Map<number, AudienceRow> {
  return latestBy(snapshots, (row) => row.channelId, date);
}

/** Followers per member, as a fraction; `null` when there are no members to divide by. */
export function reach(followers: number, members: number | null): number | null {
  return members ? followers / members : null;
}
