/**
 * The platform presence matrix: which organizations have a page on which platform, and whether it is active
 * (published within a window of days before the date). What "has a page on a platform on a date" means is said
 * here once, for the matrix, the organization's own pages and the platform_missing rule alike.
 */
import { addDays } from 'date-fns/addDays';
import { lightFormat } from 'date-fns/lightFormat';
import { parseISO } from 'date-fns/parseISO';
import type { Platform } from '../shared/vocabulary.js';
import type { LocalDate } from './period.js';

export interface PresenceChannel {
  channelId: number;
  orgId: number;
  platform: Platform;
  url: string | null;
  /** Local date of the channel's latest publication on or before the date, if any. */
  lastPublished: LocalDate | null;
  createdOn: LocalDate | null;
  closedOn: LocalDate | null;
}

/**
 * Whether a page exists on a date: opened on or before it (or its opening unknown) and not closed by then. A page
 * opened in 2024 is no page of 2023's, and a closed one is no page after it closed.
 */
export function isOpenOn(
  page: { createdOn: LocalDate | null; closedOn: LocalDate | null },
  date: LocalDate,
): boolean {
  return (
    (page.createdOn === null || page.createdOn <= date) && (page.closedOn === null || page.closedOn > date)
  );
}

/** The platforms, of those asked, on which none of the pages (already open on the date) is. */
export function platformsWithout(
  pages: readonly { platform: Platform }[],
  platforms: readonly Platform[],
): Platform[] {
  return platforms.filter((platform) => !pages.some((page) => page.platform === platform));
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

/** The first local date a publication makes a channel active: `activeDays` calendar days before `asOf`. */
function activeSince(asOf: LocalDate, activeDays: number): LocalDate {
  return lightFormat(addDays(parseISO(asOf), -activeDays), 'yyyy-MM-dd');
}

export function presenceMatrix(
  orgIds: readonly number[],
  platforms: readonly Platform[],
  channels: readonly PresenceChannel[],
  asOf: LocalDate,
  activeDays: number,
): PresenceRow[] {
  // Local dates compare as text: one threshold for every channel instead of a date difference each.
  const since = activeSince(asOf, activeDays);
  const open = new Map<number, PresenceChannel[]>();
  for (const channel of channels) {
    if (!isOpenOn(channel, asOf)) continue;
    const own = open.get(channel.orgId) ?? [];
    own.push(channel);
    open.set(channel.orgId, own);
  }
  return orgIds.map((orgId) => {
    const own = open.get(orgId) ?? [];
    const cells = platforms.map((platform) => ({
      platform,
      channels: own
        .filter((channel) => channel.platform === platform)
        .map((channel) => ({
          ...channel,
          active: channel.lastPublished !== null && channel.lastPublished >= since,
        })),
    }));
    return { orgId, cells, present: cells.some((cell) => cell.channels.length > 0) };
  });
}
