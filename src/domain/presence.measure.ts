/**
 * The platform presence matrix: which organizations have a page on which platform, and whether it is active
 * (published within a window of days before the date).
 */
import { differenceInCalendarDays, parseISO } from 'date-fns';
import type { Platform } from '../shared/vocabulary.js';
import type { LocalDate } from './period.js';

export interface PresenceChannel {
  channelId: number;
  orgId: number;
  platform: Platform;
  url: string | null;
  /** Local date of the channel's latest publication on or before the date, if any. */
  lastPublished: LocalDate | null;
  closedOn: LocalDate | null;
}

export interface PresenceCell {
  platform: Platform;
  channels: (PresenceChannel & { active: boolean })[];
}

export interface PresenceRow {
  orgId: number;
  cells: PresenceCell[];
  /** Whether the organization has any page on the platforms measured. */
  present: boolean;
}

export function isActive(channel: PresenceChannel, asOf: LocalDate, activeDays: number): boolean {
  if (channel.closedOn && channel.closedOn <= asOf) return false;
  if (!channel.lastPublished) return false;
  return differenceInCalendarDays(parseISO(asOf), parseISO(channel.lastPublished)) <= activeDays;
}

export function presenceMatrix(
  orgIds: readonly number[],
  platforms: readonly Platform[],
  channels: readonly PresenceChannel[],
  asOf: LocalDate,
  activeDays: number,
): PresenceRow[] {
  return orgIds.map((orgId) => {
    const own = channels.filter(
      (channel) => channel.orgId === orgId && !(channel.closedOn && channel.closedOn <= asOf),
    );
    const cells = platforms.map((platform) => ({
      platform,
      channels: own
        .filter((channel) => channel.platform === platform)
        .map((channel) => ({ ...channel, active: isActive(channel, asOf, activeDays) })),
    }));
    return { orgId, cells, present: cells.some((cell) => cell.channels.length > 0) };
  });
}
