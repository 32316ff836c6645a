/**
 * Rankings of an organization's branches: each branch's figures as its own dashboard states them (publications,
 * members, followers of its own pages, content quality), turned into five comparable values, each kept with the
 * numbers it is made of, and ranked. The figures are gathered by the services with the dashboard's measures; this
 * file only divides and orders them.
 */
import type { RankedValue, RankingMeasure } from '../shared/ranking.schema.js';
import { reach } from './audience.measure.js';
import { share } from './content.measure.js';

export type { RankedValue, RankingMeasure };

export const RANKING_MEASURES = [
  'publicationsPerThousand',
  'reach',
  'concreteShare',
  'legalShare',
  'followerGrowth',
] as const satisfies readonly RankingMeasure[];

/** What a branch's dashboard states for the period, the figures every ranking value is made of. */
export interface BranchFigures {
  /** Members as of the period's snapshot date; `null` when none is recorded in the branch's subtree. */
  members: number | null;
  /** Publications on social platforms whose subject lies in the branch's subtree. */
  publications: number;
  /** The branch's own social pages open at the period's end and their followers then (the dashboard's reach). */
  pages: number;
  followers: number;
  /**
   * Those pages' followers at the start and the end, summed over the pages whose growth is known
   * (follower-growth.measure.ts); `null` when none is.
   */
  growth: { start: number; end: number } | null;
  /** Social posts of the subtree in the period, the legal ones among them (primary topic). */
  posts: number;
  legal: number;
  /** Posts judged declarative or concrete, and the declarative ones among them. */
  judged: number;
  declarative: number;
}

/**
 * A value and the two numbers it is made of. `publicationsPerThousand` = 1,000 × publications ÷ members;
 * `reach` = followers ÷ members; `concreteShare` = concrete ÷ judged posts; `legalShare` = legal ÷ all posts;
 * `followerGrowth` = followers at the end (numerator) less those at the start (denominator).
 */
export type RankingValue = Omit<RankedValue, 'rank'>;

/** The five values of one branch. A value is `null` where its denominator is missing or zero. */
export function rankingValues(figures: BranchFigures): Record<RankingMeasure, RankingValue> {
  const { members, publications, followers, growth } = figures;
  const concrete = figures.judged - figures.declarative;
  return {
    publicationsPerThousand: {
      value: members ? (publications * 1000) / members : null,
      numerator: publications,
      denominator: members,
    },
    // As the dashboard's reach: none for an organization without pages of its own.
    reach: {
      value: figures.pages > 0 ? reach(followers, members) : null,
      numerator: followers,
      denominator: members,
    },
    concreteShare: {
      value: share(concrete, figures.judged),
      numerator: concrete,
      denominator: figures.judged,
    },
    legalShare: {
      value: share(figures.legal, figures.posts),
      numerator: figures.legal,
      denominator: figures.posts,
    },
    // Absolute growth, as the dashboard's per channel: a percentage would favour the smallest pages.
    followerGrowth: {
      value: growth ? growth.end - growth.start : null,
      numerator: growth?.end ?? null,
      denominator: growth?.start ?? null,
    },
  };
}

/** Competition ranks, highest first: equal values share the better rank, the next one skips (1, 2, 2, 4). */
export function ranksOf(values: readonly (number | null)[]): (number | null)[] {
  const present = values.filter((value): value is number => value !== null);
  return values.map((value) => (value === null ? null : 1 + present.filter((other) => other > value).length));
}

/** Every branch with its five values, each ranked among the branches. */
export function rankBranches<T extends { figures: BranchFigures }>(
  branches: readonly T[],
): (T & { values: Record<RankingMeasure, RankedValue> })[] {
  const values = branches.map((branch) => rankingValues(branch.figures));
  const ranks = Object.fromEntries(
    RANKING_MEASURES.map((measure) => [measure, ranksOf(values.map((entry) => entry[measure].value))]),
  ) as Record<RankingMeasure, (number | null)[]>;
  return branches.map((branch, index) => {
    const own = values[index] ?? rankingValues(branch.figures);
    const ranked = Object.fromEntries(
      RANKING_MEASURES.map((measure) => [measure, { ...own[measure], rank: ranks[measure][index] ?? null }]),
    ) as Record<RankingMeasure, RankedValue>;
    return { ...branch, values: ranked };
  });
}
