/**
 * When and how to post: publications and their mean engagement by weekday × hour in the organization's zone, by
 * media kind and by length band. Every cell states the posts behind it; a cell of fewer than MIN_POSTS_FOR_VERDICT
 * gives no verdict (three posts say nothing of a weekday). The rates are content.measure's, per cell.
 */
import { MEDIA_KINDS, type MediaKind } from '../shared/vocabulary.js';
import { contentQuality } from './content.measure.js';

/** Fewer posts than this in a cell give no verdict. */
export const MIN_POSTS_FOR_VERDICT = 5;

/** Length bands by characters of the text: below 300, 300 to 999, 1000 and more. */
export const LENGTH_BANDS = [
  { band: 'short', from: 0, to: 299 },
  { band: 'medium', from: 300, to: 999 },
  { band: 'long', from: 1000, to: null },
] as const;
export type LengthBand = (typeof LENGTH_BANDS)[number]['band'];

/** One publication as the measure reads it. */
export interface PostingFact {
  channelId: number;
  /** The instant, UTC ISO-8601. */
  publishedAt: string;
  mediaKind: MediaKind | null;
  /** Characters of the text. */
  length: number;
  reactions: number | null;
  comments: number | null;
  shares: number | null;
  views: number | null;
}

export interface PostingCell {
  posts: number;
  /** Mean of reactions + comments + shares per post. */
  meanInteractions: number;
  engagementByFollowers: number | null;
  engagementByViews: number | null;
  /** Enough posts for a verdict. */
  verdict: boolean;
}

/** ISO weekday 1 (Monday) … 7 (Sunday), hour 0 … 23. */
export interface WeekdayHour {
  weekday: number;
  hour: number;
}

export interface PostingTime {
  timeZone: string;
  minPosts: number;
  /** Only the weekday × hour cells that have publications, Monday first, by hour. */
  grid: (WeekdayHour & PostingCell)[];
  byWeekday: ({ weekday: number } & PostingCell)[];
  byMediaKind: ({ mediaKind: MediaKind | 'unknown' } & PostingCell)[];
  byLength: ({ band: LengthBand; from: number; to: number | null } & PostingCell)[];
}

const WEEKDAYS: Readonly<Record<string, number>> = { Mon: 1, Tue: 2, Wed: 3, Thu: 4, Fri: 5, Sat: 6, Sun: 7 };
const formats = new Map<string, Intl.DateTimeFormat>();

/** The weekday and hour of an instant on the zone's clock: 2024-03-04T23:30Z is Tuesday 05 in Asia/Almaty. */
export function weekdayHourOf(instant: string, timeZone: string): WeekdayHour {
  let format = formats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      weekday: 'short',
      hour: '2-digit',
      hourCycle: 'h23',
    });
    formats.set(timeZone, format);
  }
  const parts = format.formatToParts(new Date(instant));
  const part = (type: string) => parts.find((entry) => entry.type === type)?.value ?? '';
  return { weekday: WEEKDAYS[part('weekday')] ?? 0, hour: Number(part('hour')) % 24 };
}

export function lengthBandOf(length: number): LengthBand {
  return LENGTH_BANDS.find((band) => band.to === null || length <= band.to)?.band ?? 'long';
}

/** A cell of the posts: their count, mean interactions and content.measure's rates. */
export function postingCell(
  posts: readonly PostingFact[],
  followers: ReadonlyMap<number, number>,
  minPosts = MIN_POSTS_FOR_VERDICT,
): PostingCell {
  const rows = posts.map((post) => {
    const interactions = (post.reactions ?? 0) + (post.comments ?? 0) + (post.shares ?? 0);
    return {
      channelId: post.channelId,
      primaryTopic: null,
      isRepost: false,
      declarative: null,
      posts: 1,
      interactions,
      views: post.views ?? 0,
      postsWithViews: post.views === null ? 0 : 1,
      interactionsWithViews: post.views === null ? 0 : interactions,
    };
  });
  const quality = contentQuality(rows, followers);
  const interactions = rows.reduce((sum, row) => sum + row.interactions, 0);
  return {
    posts: posts.length,
    meanInteractions: posts.length > 0 ? interactions / posts.length : 0,
    engagementByFollowers: quality.engagementByFollowers,
    engagementByViews: quality.engagementByViews,
    verdict: posts.length >= minPosts,
  };
}

function groupOf<T, K>(posts: readonly T[], key: (post: T) => K): Map<K, T[]> {
  const groups = new Map<K, T[]>();
  for (const post of posts) {
    const value = key(post);
    const list = groups.get(value);
    if (list) list.push(post);
    else groups.set(value, [post]);
  }
  return groups;
}

export function postingTime(
  posts: readonly PostingFact[],
  followers: ReadonlyMap<number, number>,
  timeZone: string,
  minPosts = MIN_POSTS_FOR_VERDICT,
): PostingTime {
  const cell = (group: readonly PostingFact[]) => postingCell(group, followers, minPosts);
  const placed = posts.map((post) => ({ post, at: weekdayHourOf(post.publishedAt, timeZone) }));
  const byHour = groupOf(placed, ({ at }) => at.weekday * 100 + at.hour);
  const grid = [...byHour]
    .sort(([a], [b]) => a - b)
    .map(([key, group]) => ({
      weekday: Math.floor(key / 100),
      hour: key % 100,
      ...cell(group.map(({ post }) => post)),
    }));
  const byDay = groupOf(placed, ({ at }) => at.weekday);
  const byWeekday = [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({
    weekday,
    ...cell((byDay.get(weekday) ?? []).map(({ post }) => post)),
  }));
  const kinds = groupOf(posts, (post) => post.mediaKind ?? 'unknown');
  const byMediaKind = [...MEDIA_KINDS, 'unknown' as const].flatMap((mediaKind) => {
    const group = kinds.get(mediaKind);
    return group ? [{ mediaKind, ...cell(group) }] : [];
  });
  const bands = groupOf(posts, (post) => lengthBandOf(post.length));
  const byLength = LENGTH_BANDS.flatMap(({ band, from, to }) => {
    const group = bands.get(band);
    return group ? [{ band, from, to, ...cell(group) }] : [];
  });
  return { timeZone, minPosts, grid, byWeekday, byMediaKind, byLength };
}
