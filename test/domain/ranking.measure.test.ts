import { describe, expect, it } from 'vitest';
import {
  type BranchFigures,
  rankBranches,
  rankingValues,
  ranksOf,
} from '../../src/domain/ranking.measure.js';

const branch = (figures: Partial<BranchFigures>): BranchFigures => ({
  members: 1000,
  publications: 0,
  pages: 1,
  followers: 0,
  growth: null,
  posts: 0,
  legal: 0,
  judged: 0,
  declarative: 0,
  ...figures,
});

describe('rankings of branches', () => {
  it('divides each value out of the figures behind it', () => {
    const values = rankingValues(
      branch({
        members: 2500,
        publications: 10,
        followers: 300,
        growth: { start: 120, end: 300 },
        posts: 8,
        legal: 2,
        judged: 5,
        declarative: 4,
      }),
    );
    expect(values).toEqual({
      publicationsPerThousand: { value: 4, numerator: 10, denominator: 2500 },
      reach: { value: 0.12, numerator: 300, denominator: 2500 },
      concreteShare: { value: 0.2, numerator: 1, denominator: 5 },
      legalShare: { value: 0.25, numerator: 2, denominator: 8 },
      followerGrowth: { value: 180, numerator: 300, denominator: 120 },
    });
  });

  it('gives no value where there is nothing to divide by, and no reach or growth without pages', () => {
    const values = rankingValues(branch({ members: null, pages: 0, publications: 3 }));
    expect(values.publicationsPerThousand).toEqual({ value: null, numerator: 3, denominator: null });
    expect(values.reach.value).toBeNull();
    expect(values.concreteShare).toEqual({ value: null, numerator: 0, denominator: 0 });
    expect(values.legalShare.value).toBeNull();
    expect(values.followerGrowth).toEqual({ value: null, numerator: null, denominator: null });
    expect(rankingValues(branch({ growth: { start: 400, end: 360 } })).followerGrowth.value).toBe(-40);
  });

  it('ranks the highest first, equal values sharing a rank, missing values unranked', () => {
    expect(ranksOf([0.5, null, 0.7, 0.5, 0])).toEqual([2, null, 1, 2, 4]);
    expect(ranksOf([])).toEqual([]);
    expect(ranksOf([null, null])).toEqual([null, null]);
  });

  it('ranks every measure on its own', () => {
    const ranked = rankBranches(
      [
        branch({ publications: 5, legal: 1, posts: 4 }),
        branch({ publications: 9, legal: 0, posts: 9, members: 3000 }),
        branch({ publications: 1, legal: 1, posts: 1 }),
      ].map((figures, index) => ({ name: `b${index}`, figures })),
    );
    expect(ranked.map((entry) => entry.name)).toEqual(['b0', 'b1', 'b2']);
    expect(ranked.map((entry) => entry.values.publicationsPerThousand.rank)).toEqual([1, 2, 3]);
    expect(ranked.map((entry) => entry.values.legalShare.rank)).toEqual([2, 3, 1]);
    expect(ranked[1]?.values.publicationsPerThousand).toEqual({
      value: 3,
      numerator: 9,
      denominator: 3000,
      rank: 2,
    });
  });
});
