/**
 * Answers of the dashboard's engagement measures, shared by the server and the web:
 * `GET /api/v1/measures/engagement` (per platform, per organization, top posts), `…/posting-time` (when and how
 * to post) and `…/follower-growth` (followers per channel at the period's start and end). Rates are fractions,
 * `null` when there is nothing to divide by, defined as the brief's (content.measure.ts).
 */
import { z } from 'zod';
import { orgRef, publicationHead } from './dashboard.js';
import { MEDIA_KINDS, PLATFORMS } from './vocabulary.js';

const count = z.number().int().min(0);
const rate = z.number().min(0).nullable();
const period = z.object({ from: z.string(), to: z.string() });

export const engagementFigures = z.object({
  posts: count,
  reactions: count,
  comments: count,
  shares: count,
  /** Views of the posts that have a view count. */
  views: count,
  /** Reactions + comments + shares. */
  interactions: count,
  /** Mean over posts of interactions ÷ the channel's followers (posts of channels with a follower count). */
  engagementByFollowers: rate,
  postsWithFollowers: count,
  /** Σ interactions ÷ Σ views over the posts that have views. */
  engagementByViews: rate,
  postsWithViews: count,
});
export type EngagementFiguresAnswer = z.infer<typeof engagementFigures>;

export const topPost = z.object({
  ...publicationHead,
  /** The start of the text. */
  preview: z.string(),
  reactions: z.number().int().nullable(),
  comments: z.number().int().nullable(),
  shares: z.number().int().nullable(),
  views: z.number().int().nullable(),
  interactions: count,
});
export type TopPost = z.infer<typeof topPost>;

export const engagementAnswer = z.object({
  org: orgRef,
  period,
  /** The date the channels' followers are taken at. */
  asOf: z.string(),
  /** Social-platform publications with the subtree's subject: the brief's engagement figures. */
  total: engagementFigures,
  byPlatform: z.array(engagementFigures.extend({ platform: z.enum(PLATFORMS) })),
  /** The organization itself, each branch, the primaries directly under it together (no `org`). */
  bySubject: z.array(
    engagementFigures.extend({
      group: z.enum(['self', 'child', 'direct_primaries']),
      org: orgRef.optional(),
    }),
  ),
  /** The period's posts with the most interactions, most first. */
  topPosts: z.array(topPost),
});
export type EngagementAnswer = z.infer<typeof engagementAnswer>;

export const postingCell = z.object({
  posts: count,
  /** Mean reactions + comments + shares per post. */
  meanInteractions: z.number().min(0),
  engagementByFollowers: rate,
  engagementByViews: rate,
  /** The cell has at least `minPosts` posts: fewer give no verdict. */
  verdict: z.boolean(),
});
export type PostingCellAnswer = z.infer<typeof postingCell>;

const weekday = z.number().int().min(1).max(7);

export const postingTimeAnswer = z.object({
  org: orgRef,
  period,
  /** The zone weekdays and hours are in: the organization's. */
  timeZone: z.string(),
  minPosts: count,
  /** The weekday (1 Monday … 7 Sunday) × hour cells that have publications. */
  grid: z.array(postingCell.extend({ weekday, hour: z.number().int().min(0).max(23) })),
  byWeekday: z.array(postingCell.extend({ weekday })),
  byMediaKind: z.array(postingCell.extend({ mediaKind: z.enum([...MEDIA_KINDS, 'unknown']) })),
  /** Characters of the text, `to` included; `null` for no upper bound. */
  byLength: z.array(
    postingCell.extend({
      band: z.enum(['short', 'medium', 'long']),
      from: count,
      to: count.nullable(),
    }),
  ),
});
export type PostingTimeAnswer = z.infer<typeof postingTimeAnswer>;

export const followerGrowthChannel = z.object({
  code: z.string(),
  name: z.string(),
  platform: z.enum(PLATFORMS),
  url: z.string().nullable(),
  owner: orgRef,
  /** One of the organization's own social pages (whose followers the dashboard sums). */
  ownPage: z.boolean(),
  /** Followers at the period's start (the latest count on or before it, else the first within the period). */
  start: count.nullable(),
  startAsOf: z.string().nullable(),
  /** Followers as of `asOf`: the dashboard's. */
  end: count.nullable(),
  endAsOf: z.string().nullable(),
  /** end − start, and it as a fraction of start; `null` without both. */
  delta: z.number().int().nullable(),
  ratio: z.number().nullable(),
  trend: z.enum(['up', 'down', 'flat']).nullable(),
});
export type FollowerGrowthChannel = z.infer<typeof followerGrowthChannel>;

export const followerGrowthAnswer = z.object({
  org: orgRef,
  period,
  asOf: z.string(),
  /** Social channels of the subtree with a follower count by `asOf`, the own pages first. */
  channels: z.array(followerGrowthChannel),
});
export type FollowerGrowthAnswer = z.infer<typeof followerGrowthAnswer>;
