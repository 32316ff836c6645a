/**
 * The content plan against fact, the answer of `GET /api/v1/plan/fact`: each target of the organization for the
 * period's year, planned for the period, pro-rated to today, against the fact the dashboard's and the brief's
 * measures give.
 */
import { z } from 'zod';

/**
 * How a target is planned over a period: a year's count pro-rated by days, a month's count likewise, a share or
 * a level (followers) held whatever the period.
 */
export const PLAN_METRIC_KINDS = ['count', 'monthly', 'share', 'level'] as const;
export type PlanMetricKind = (typeof PLAN_METRIC_KINDS)[number];

export const planFactRow = z.object({
  metric: z.string(),
  kind: z.enum(PLAN_METRIC_KINDS),
  /** The target as stored: a year's count, a month's count, a share in per cent or a level. */
  target: z.number(),
  /** What the target means for the whole period. */
  planned: z.number(),
  /** What should have been reached by today at the planned pace (the period's days gone by). */
  expected: z.number(),
  /** The measured fact; null where the measure is not available. */
  fact: z.number().nullable(),
  /** The fact trails the plan pro-rated to today. */
  behind: z.boolean(),
  /** The row in the user's language, e.g. "Legal protection: 3 % of 15 % planned; 9 days left". */
  message: z.string(),
});
export type PlanFactRowAnswer = z.infer<typeof planFactRow>;

export const planFactAnswer = z.object({
  org: z.string(),
  period: z.object({ from: z.string(), to: z.string() }),
  /** Today in the organization's calendar. */
  today: z.string(),
  days: z.object({ total: z.number().int(), elapsed: z.number().int(), left: z.number().int() }),
  items: z.array(planFactRow),
});
export type PlanFactAnswer = z.infer<typeof planFactAnswer>;
