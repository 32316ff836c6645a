/** Plan against fact as arithmetic: a year's count pro-rated to the period and to today, shares held, a pace trailed. */
import { describe, expect, it } from 'vitest';
import { parsePeriod } from '../../src/domain/period.js';
import { metricKindOf, monthsOf, periodDays, planAgainstFact } from '../../src/domain/plan-fact.measure.js';

describe('plan against fact', () => {
  it('counts the days of the period gone by, today included, and those left', () => {
    expect(periodDays(parsePeriod('2023-12'), '2023-12-22')).toEqual({ total: 31, elapsed: 22, left: 9 });
    expect(periodDays(parsePeriod('2023'), '2022-06-01')).toEqual({ total: 365, elapsed: 0, left: 365 });
    expect(periodDays(parsePeriod('2023-Q1'), '2024-01-05')).toEqual({ total: 90, elapsed: 90, left: 0 });
  });

  it('counts the months a period covers, a part of one by its days', () => {
    expect(monthsOf(parsePeriod('2023'))).toBe(12);
    expect(monthsOf(parsePeriod('2023-Q3'))).toBe(3);
    expect(monthsOf(parsePeriod('2024-02'))).toBe(1);
    expect(monthsOf(parsePeriod('2023-06-16..2023-07-31'))).toBeCloseTo(1.5, 10);
  });

  it('knows each metric a target may plan, and none else', () => {
    expect(metricKindOf('publications')).toBe('count');
    expect(metricKindOf('branch_posts')).toBe('count');
    expect(metricKindOf('posts_month_facebook')).toBe('monthly');
    expect(metricKindOf('legal_share')).toBe('share');
    expect(metricKindOf('followers')).toBe('level');
    expect(metricKindOf('likes')).toBeUndefined();
    expect(
      planAgainstFact({ metric: 'likes', value: 1 }, 1, parsePeriod('2023'), '2023-06-01'),
    ).toBeUndefined();
  });

  it("pro-rates a year's count to a month and to the days gone by, and marks a fact behind that pace", () => {
    // 365 a year is one a day: December plans 31, of which 22 are due by the 22nd.
    const row = planAgainstFact(
      { metric: 'publications', value: 365 },
      20,
      parsePeriod('2023-12'),
      '2023-12-22',
    );
    expect(row).toEqual({
      metric: 'publications',
      kind: 'count',
      target: 365,
      planned: 31,
      expected: 22,
      fact: 20,
      behind: true,
    });
    const ahead = planAgainstFact(
      { metric: 'publications', value: 365 },
      22,
      parsePeriod('2023-12'),
      '2023-12-22',
    );
    expect(ahead?.behind).toBe(false);
  });

  it('plans a monthly count twelve times over a year, and a share as it is, whatever the period', () => {
    const monthly = planAgainstFact(
      { metric: 'posts_month_facebook', value: 10 },
      60,
      parsePeriod('2023'),
      '2023-12-31',
    );
    expect(monthly).toMatchObject({ kind: 'monthly', planned: 120, expected: 120, behind: true });
    const legal = planAgainstFact(
      { metric: 'legal_share', value: 15 },
      3.04,
      parsePeriod('2023'),
      '2023-12-22',
    );
    expect(legal).toMatchObject({ kind: 'share', planned: 15, expected: 15, fact: 3, behind: true });
  });

  it('finds nothing behind before the period starts, nor where the fact is not measured', () => {
    expect(
      planAgainstFact({ metric: 'publications', value: 100 }, 0, parsePeriod('2024'), '2023-12-22'),
    ).toMatchObject({
      expected: 0,
      behind: false,
    });
    expect(
      planAgainstFact({ metric: 'reach', value: 1 }, null, parsePeriod('2023'), '2023-12-22'),
    ).toMatchObject({
      fact: null,
      behind: false,
    });
  });
});
