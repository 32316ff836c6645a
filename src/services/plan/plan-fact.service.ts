/**
 * The content plan against fact for an organization and a period within one year: each of its targets for that
 * year (publications, posts per month on a platform, the legal-protection and concrete shares, posts about
 * branches, media mentions, followers, reach), planned for the period and pro-rated to the organization's today,
 * against the fact measured by the same measures the dashboard and the brief use (the subject × platform counts,
 * the brief's facts), never a second way of counting. The brief's facts carry it (brief.service.ts), and so
 * `GET /plan/fact` answers what the brief states.
 */
import { share } from '../../domain/content.measure.js';
import { localDateOf, type Period } from '../../domain/period.js';
import {
  type PlanFact,
  periodDays,
  planAgainstFact,
  type PlanStatement,
} from '../../domain/plan-fact.measure.js';
import type { BriefFacts } from '../../domain/brief-facts.js';
import { formatNumber } from '../../shared/format.js';
import { targetMetricLabel } from '../../shared/labels.js';
import { interpolate, PLAN_FACT_TEXTS } from '../../shared/messages.js';
import { monthlyTargetPlatform, type UiLang } from '../../shared/vocabulary.js';
import { targetsOf } from '../../storage/repositories/target.repository.js';
import type { Context } from '../context.js';
import { publicationsBySubjectAndPlatform, type SubjectPlatformBreakdown } from '../stats.service.js';

type FactsWithoutPlan = Omit<BriefFacts, 'plan'>;

/** A target's fact: the subject × platform counts measured only when a target needs them, the rest the brief's. */
function factsFor(ctx: Context, org: string, period: Period, facts: FactsWithoutPlan) {
  let counts: Promise<SubjectPlatformBreakdown> | undefined;
  const countsOf = () => (counts ??= publicationsBySubjectAndPlatform(ctx, { org, period }));
  const percent = (value: number | null) => (value === null ? null : value * 100);
  const { content } = facts;
  return async (metric: string): Promise<number | null> => {
    const platform = monthlyTargetPlatform(metric);
    if (platform) return (await countsOf()).totals.counts[platform];
    switch (metric) {
      case 'publications':
        return (await countsOf()).totals.total;
      case 'branch_posts':
        return (await countsOf()).rows
          .filter((row) => row.group.kind === 'child')
          .reduce((sum, row) => sum + row.total, 0);
      case 'legal_share':
        return percent(share(content.topics.legal, content.posts));
      case 'concrete_share':
        return percent(share(content.judged - content.declarative, content.judged));
      case 'media_mentions':
        return facts.media.counts.reduce((sum, row) => sum + row.count, 0);
      case 'followers':
      case 'reach': {
        const values = facts.pages
          .map((page) => page[metric])
          .filter((value): value is number => value !== null);
        return values.length === 0 ? null : values.reduce((sum, value) => sum + value, 0);
      }
      default:
        return null;
    }
  };
}

/**
 * The organization's targets for the period's year against the brief's facts; null when the period spans more
 * than one year (targets are a year's) or nothing is planned.
 */
export async function planAgainstFacts(
  ctx: Context,
  org: { id: number; code: string; timeZone: string },
  facts: FactsWithoutPlan,
): Promise<PlanStatement | null> {
  const { period } = facts;
  const year = period.from.slice(0, 4);
  if (period.to.slice(0, 4) !== year) return null;
  const targets = await targetsOf(ctx.db.kysely, org.id, Number(year));
  if (targets.length === 0) return null;
  const today = localDateOf(ctx.clock(), org.timeZone);
  const factOf = factsFor(ctx, org.code, period, facts);
  const items: PlanFact[] = [];
  for (const target of targets) {
    const row = planAgainstFact(target, await factOf(target.metric), period, today);
    if (row) items.push(row);
  }
  return items.length === 0 ? null : { today, days: periodDays(period, today), items };
}

/** A row in the user's language, e.g. "Legal protection: 3% of 15% planned; 9 days left". */
export function toldPlanFact(row: PlanFact, daysLeft: number, lang: UiLang): string {
  const texts = PLAN_FACT_TEXTS[lang];
  const metric = targetMetricLabel(row.metric, lang);
  const number = (value: number | null) => (value === null ? '—' : formatNumber(value, lang));
  const body = interpolate(texts[row.kind === 'monthly' ? 'count' : row.kind], {
    metric,
    fact: number(row.fact),
    planned: number(row.planned),
    expected: number(row.expected),
  });
  return `${body}; ${daysLeft > 0 ? interpolate(texts.left, { days: daysLeft }) : texts.over}`;
}
