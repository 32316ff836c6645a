/**
 * `GET /api/v1/measures/rankings`: an organization's branches (a sector union's regions; a district committee's
 * primaries) ranked by publications per 1,000 members, reach, the share of concrete posts, the legal share and the
 * growth of followers, each value with the two figures it is made of (domain/ranking.measure.ts).
 * `aqparat rank --json` states the same.
 */
import { z } from 'zod';
import { orgRef } from './dashboard.js';

/** A value, the two figures it is made of, and its rank: 1 for the highest, equal values sharing one. */
const rankedValue = z.object({
  value: z.number().nullable(),
  numerator: z.number().nullable(),
  denominator: z.number().nullable(),
  rank: z.number().int().min(1).nullable(),
});
export type RankedValue = z.infer<typeof rankedValue>;

export const rankingRow = z.object({
  org: orgRef,
  /** Members as of the ranking's date; `null` where none is recorded. */
  members: z.number().nullable(),
  values: z.object({
    /** 1,000 × publications on social platforms ÷ members. */
    publicationsPerThousand: rankedValue,
    /** Followers of the branch's own pages ÷ members. */
    reach: rankedValue,
    /** Concrete posts ÷ posts judged concrete or declarative. */
    concreteShare: rankedValue,
    /** Posts on legal protection ÷ all posts. */
    legalShare: rankedValue,
    /** Followers at the end (numerator) less followers at the start (denominator). */
    followerGrowth: rankedValue,
  }),
});
export type RankingRow = z.infer<typeof rankingRow>;
export type RankingMeasure = keyof RankingRow['values'];

export const rankingAnswer = z.object({
  org: orgRef,
  period: z.object({ from: z.string(), to: z.string() }),
  /** The date members and followers at the end are taken at. */
  asOf: z.string(),
  /** The date followers at the start are taken at: the period's first day. */
  since: z.string(),
  rows: z.array(rankingRow),
});
export type RankingAnswer = z.infer<typeof rankingAnswer>;
