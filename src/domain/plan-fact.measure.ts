/**
 * The content plan against fact, as pure arithmetic: a target planned for a period (a year's count pro-rated by
 * the period's days, a month's count by the months it covers, a share or level as it is), the part of it due by today (the
 * period's days gone by), and whether the fact trails that part.
 */
import type { Period } from './period.js';
import type { PlanMetricKind } from '../shared/plan-fact.schema.js';
import { monthlyTargetPlatform, SHARE_METRICS } from '../shared/vocabulary.js';

const DAY_MS = 86_400_000;
const dayNumber = (date: string) => Date.parse(`${date}T00:00:00Z`) / DAY_MS;

export interface PeriodDays {
  total: number;
  /** Days of the period up to today, today included (0 before it starts, all once it is over). */
  elapsed: number;
  /** Days after today (0 once it is over). */
  left: number;
}

export function periodDays(period: Period, today: string): PeriodDays {
  const from = dayNumber(period.from);
  const to = dayNumber(period.to);
  const now = dayNumber(today);
  const total = to - from + 1;
  const elapsed = Math.min(total, Math.max(0, now - from + 1));
  return { total, elapsed, left: total - elapsed };
}

/** The calendar months a period covers, a part of a month counted by its days: a quarter is 3, 15 days of June 0.5. */
export function monthsOf(period: Period): number {
  let months = 0;
  for (let day = dayNumber(period.from); day <= dayNumber(period.to);) {
    const date = new Date(day * DAY_MS);
    const first = Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), 1) / DAY_MS;
    const next = Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + 1, 1) / DAY_MS;
    const end = Math.min(next - 1, dayNumber(period.to));
    months += (end - day + 1) / (next - first);
    day = end + 1;
  }
  return months;
}

/** How a metric is planned over a period; undefined for one the plan does not know. */
export function metricKindOf(metric: string): PlanMetricKind | undefined {
  if (monthlyTargetPlatform(metric)) return 'monthly';
  if ((SHARE_METRICS as readonly string[]).includes(metric)) return 'share';
  if (metric === 'followers' || metric === 'reach' || metric === 'app_registered') return 'level';
  if (metric === 'publications' || metric === 'media_mentions' || metric === 'branch_posts') return 'count';
  return undefined;
}

export interface PlanFact {
  metric: string;
  kind: PlanMetricKind;
  target: number;
  planned: number;
  expected: number;
  fact: number | null;
  behind: boolean;
}

const rounded = (value: number) => Math.round(value * 10) / 10;

/** One target against its fact over the period, as of today. */
export function planAgainstFact(
  target: { metric: string; value: number },
  fact: number | null,
  period: Period,
  today: string,
): PlanFact | undefined {
  const kind = metricKindOf(target.metric);
  if (!kind) return undefined;
  const days = periodDays(period, today);
  const year = Number(period.from.slice(0, 4));
  const yearDays = dayNumber(`${year + 1}-01-01`) - dayNumber(`${year}-01-01`);
  const planned =
    kind === 'count'
      ? (target.value * days.total) / yearDays
      : kind === 'monthly'
        ? target.value * monthsOf(period)
        : target.value;
  const expected = kind === 'count' || kind === 'monthly' ? (planned * days.elapsed) / days.total : planned;
  return {
    metric: target.metric,
    kind,
    target: target.value,
    planned: rounded(planned),
    expected: rounded(expected),
    fact: fact === null ? null : rounded(fact),
    // Before the period starts nothing is due yet.
    behind: fact !== null && days.elapsed > 0 && fact < expected,
  };
}

/** The plan against fact of a period: the organization's today, the period's days, each target's row. */
export interface PlanStatement {
  today: string;
  days: PeriodDays;
  items: PlanFact[];
}
