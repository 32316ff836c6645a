/**
 * Content quality of publications: topic shares, original vs repost, declarative share and engagement rate.
 * The query layer returns one row per channel × primary topic × repost × declarative; these functions fold them.
 */
import { TOPICS, type Topic } from '../shared/vocabulary.js';

export interface ContentRow {
  channelId: number;
  primaryTopic: Topic | null;
  isRepost: boolean;
  declarative: boolean | null;
  posts: number;
  /** Reactions + comments + shares of those posts. */
  interactions: number;
  /** Views of the posts that have a view count, and how many they are. */
  views: number;
  postsWithViews: number;
  /** Interactions of the posts that have a view count. */
  interactionsWithViews: number;
}

export interface ContentQuality {
  posts: number;
  /** Posts per primary topic; posts not yet classified count under none. */
  topics: Record<Topic, number>;
  reposts: number;
  /** Posts with a declarative/concrete judgement, and the declarative ones among them. */
  judged: number;
  declarative: number;
  /**
   * Mean over posts of (reactions + comments + shares) ÷ followers of the post's channel as of the brief's date;
   * posts of channels without a follower count are left out. `null` with no such post.
   */
  engagementByFollowers: number | null;
  postsWithFollowers: number;
  /** Σ interactions ÷ Σ views over the posts that have views (a ratio of sums); `null` with none. */
  engagementByViews: number | null;
  postsWithViews: number;
}

export function contentQuality(
  rows: readonly ContentRow[],
  followers: ReadonlyMap<number, number>,
): ContentQuality {
  const topics = Object.fromEntries(TOPICS.map((topic) => [topic, 0])) as Record<Topic, number>;
  const quality: ContentQuality = {
    posts: 0,
    topics,
    reposts: 0,
    judged: 0,
    declarative: 0,
    engagementByFollowers: null,
    postsWithFollowers: 0,
    engagementByViews: null,
    postsWithViews: 0,
  };
  let rateSum = 0;
  let views = 0;
  let interactionsWithViews = 0;
  for (const row of rows) {
    quality.posts += row.posts;
    if (row.primaryTopic) topics[row.primaryTopic] += row.posts;
    if (row.isRepost) quality.reposts += row.posts;
    if (row.declarative !== null) {
      quality.judged += row.posts;
      if (row.declarative) quality.declarative += row.posts;
    }
    const channelFollowers = followers.get(row.channelId);
    if (channelFollowers) {
      // Each post's rate is its interactions over the same follower count: their sum is the rows' sum over it.
      rateSum += row.interactions / channelFollowers;
      quality.postsWithFollowers += row.posts;
    }
    views += row.views;
    interactionsWithViews += row.interactionsWithViews;
    quality.postsWithViews += row.postsWithViews;
  }
  if (quality.postsWithFollowers > 0) quality.engagementByFollowers = rateSum / quality.postsWithFollowers;
  if (views > 0) quality.engagementByViews = interactionsWithViews / views;
  return quality;
}

/** A share, or `null` when there is nothing to divide by. */
export function share(part: number, whole: number): number | null {
  return whole > 0 ? part / whole : null;
}
