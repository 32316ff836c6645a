/**
 * Engagement of publications: reactions, comments, shares and views summed, and the brief's two rates (by
 * followers, by views), per platform and per subject group. The rates are content.measure's, computed by
 * contentQuality itself, so that the engagement of a whole scope here is the brief's to the last digit.
 */
import { PLATFORMS, type Platform } from '../shared/vocabulary.js';
import { contentQuality, type ContentRow } from './content.measure.js';
import type { OrgNode } from './org-tree.js';
import { groupBySubject, type SubjectGroup } from './publications.measure.js';

/** The query layer's sums for one channel × subject organization. */
export interface EngagementRow {
  channelId: number;
  platform: Platform;
  subjectOrgId: number;
  posts: number;
  reactions: number;
  comments: number;
  shares: number;
  /** Views of the posts that have a view count, how many they are, and their interactions. */
  views: number;
  postsWithViews: number;
  interactionsWithViews: number;
}

export interface EngagementFigures {
  posts: number;
  reactions: number;
  comments: number;
  shares: number;
  views: number;
  /** Reactions + comments + shares. */
  interactions: number;
  /** content.measure's definitions: mean of per-post interactions ÷ channel followers; Σ interactions ÷ Σ views. */
  engagementByFollowers: number | null;
  postsWithFollowers: number;
  engagementByViews: number | null;
  postsWithViews: number;
}

const interactionsOf = (row: { reactions: number; comments: number; shares: number }) =>
  row.reactions + row.comments + row.shares;

/** The row as content.measure reads it: topics and judgements play no part in the rates. */
const contentRowOf = (row: EngagementRow): ContentRow => ({
  channelId: row.channelId,
  primaryTopic: null,
  isRepost: false,
  declarative: null,
  posts: row.posts,
  interactions: interactionsOf(row),
  views: row.views,
  postsWithViews: row.postsWithViews,
  interactionsWithViews: row.interactionsWithViews,
});

/** The figures of the rows taken together; `followers` are each channel's as of the figures' date. */
export function engagementOf(
  rows: readonly EngagementRow[],
  followers: ReadonlyMap<number, number>,
): EngagementFigures {
  const quality = contentQuality(rows.map(contentRowOf), followers);
  const sum = (pick: (row: EngagementRow) => number) => rows.reduce((total, row) => total + pick(row), 0);
  const reactions = sum((row) => row.reactions);
  const comments = sum((row) => row.comments);
  const shares = sum((row) => row.shares);
  return {
    posts: quality.posts,
    reactions,
    comments,
    shares,
    views: sum((row) => row.views),
    interactions: reactions + comments + shares,
    engagementByFollowers: quality.engagementByFollowers,
    postsWithFollowers: quality.postsWithFollowers,
    engagementByViews: quality.engagementByViews,
    postsWithViews: quality.postsWithViews,
  };
}

/** Per platform with publications, in the vocabulary's order. */
export function engagementByPlatform(
  rows: readonly EngagementRow[],
  followers: ReadonlyMap<number, number>,
): { platform: Platform; figures: EngagementFigures }[] {
  return PLATFORMS.flatMap((platform) => {
    const own = rows.filter((row) => row.platform === platform);
    return own.length > 0 ? [{ platform, figures: engagementOf(own, followers) }] : [];
  });
}

/** Per subject group as the publications' breakdowns make them: the organization, each branch, direct primaries. */
export function engagementBySubject(
  root: OrgNode,
  children: readonly OrgNode[],
  rows: readonly EngagementRow[],
  childOf: ReadonlyMap<number, number>,
  followers: ReadonlyMap<number, number>,
): { group: SubjectGroup; figures: EngagementFigures }[] {
  return groupBySubject(root, children, rows, childOf).map(({ group, rows: own }) => ({
    group,
    figures: engagementOf(own, followers),
  }));
}
