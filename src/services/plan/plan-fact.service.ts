/**
 * The content plan against fact for an organization and a period: each of its targets for the period's year
 * (publications, posts per month on a platform, the legal-protection and concrete shares, posts about branches,
 * media mentions, followers, reach), planned for the period and pro-rated to today, against the fact measured by
 * the same measures the dashboard and the brief use (the subject × platform counts, the brief's facts), never a
 * second way of counting. A target whose fact trails its pro-rated plan is marked behind.
 */
import { share } from '../../domain/content.measure.js';
import { localDateOf, parsePeriod, type Period } from '../../domain/period.js';
import { type PlanFact, periodDays, planAgainstFact } from '../../domain/plan-fact.measure.js';
import type { BriefFacts } from '../../domain/brief-facts.js';
import { authorize } from '../../policies/abilities.js';
import { formatNumber } from '../../shared/format.js';
import { interpolate, PLAN_FACT_TEXTS } from '../../shared/messages.js';
import { targetMetricLabel } from '../../shared/labels.js';
import { PLATFORMS, type Platform, type UiLang } from '../../shared/vocabulary.js';
import { targetsOf } from '../../storage/repositories/target.repository.js';
import { prepareBrief } from '../brief.service.js';
import type { Context } from '../context.js';
import { getOrganization } from '../org.service.js';
import {
  publicationsBySubjectAndPlatform,
  snapshotDate,
  type SubjectPlatformBreakdown,
} from '../stats.service.js';

export interface PlanFactResult {
  org: string;
  period: Period;
  today: string;
  days: { total: number; elapsed: number; left: number };
  items: PlanFact[];
}

const platformOf = (metric: string): Platform | undefined =>
  PLATFORMS.find((platform) => metric === `posts_month_${platform}`);

/** Measures the subject × platform counts or the brief's facts only when a target needs them. */
function factsFor(ctx: Context, org: string, period: Period, asOf: string) {
  let counts: Promise<SubjectPlatformBreakdown> | undefined;
  let brief: Promise<BriefFacts> | undefined;
  const countsOf = () => (counts ??= publicationsBySubjectAndPlatform(ctx, { org, period }));
  const briefOf = () =>
    (brief ??= prepareBrief(ctx, { org, from: period.from, to: period.to, asOf }).then((it) => it.facts));
  const percent = (value: number | null) => (value === null ? null : value * 100);
  return async (metric: string): Promise<number | null> => {
    const platform = platformOf(metric);
    if (platform) return (await countsOf()).totals.counts[platform];
    switch (metric) {
      case 'publications':
        return (await countsOf()).totals.total;
      case 'branch_posts':
        return (await countsOf()).rows
          .filter((row) => row.group.kind === 'child')
          .reduce((sum, row) => sum + row.total, 0);
      case 'legal_share': {
        const { content } = await briefOf();
        return percent(share(content.topics.legal, content.posts));
      }
      case 'concrete_share': {
        const { content } = await briefOf();
        return percent(share(content.judged - content.declarative, content.judged));
      }
      case 'media_mentions':
        return (await briefOf()).media.counts.reduce((sum, row) => sum + row.count, 0);
      case 'followers':
      case 'reach': {
        const values = (await briefOf()).pages
          .map((page) => page[metric])
          .filter((value): value is number => value !== null);
        return values.length === 0 ? null : values.reduce((sum, value) => sum + value, 0);
      }
      default:
        return null;
    }
  };
}

/** The organization's targets for the period's year against their facts; the current month by default. */
export async function planFact(
  ctx: Context,
  query: { org: string; period?: string | undefined },
): Promise<PlanFactResult> {
  authorize(ctx.actor, 'read', 'measures');
  const org = await getOrganization(ctx, query.org);
  const today = localDateOf(ctx.clock(), org.timeZone);
  const period = query.period === undefined ? parsePeriod(today.slice(0, 7)) : parsePeriod(query.period);
  const factOf = factsFor(ctx, org.code, period, snapshotDate(ctx, org, period));
  const items: PlanFact[] = [];
  for (const target of await targetsOf(ctx.db.kysely, org.id, Number(period.from.slice(0, 4)))) {
    const row = planAgainstFact(target, await factOf(target.metric), period, today);
    if (row) items.push(row);
  }
  return { org: org.code, period, today, days: periodDays(period, today), items };
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
