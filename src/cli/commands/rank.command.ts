/** `aqparat rank`: an organization's branches ranked for a period, the figures behind each value beside it. */
import Table from 'cli-table3';
import type { Command } from 'commander';
import { type Period, periodBetween } from '../../domain/period.js';
import { RANKING_MEASURES, type RankingMeasure } from '../../domain/ranking.measure.js';
import { rankingMeasure } from '../../services/ranking.service.js';
import { formatNumber, formatPercent } from '../../shared/format.js';
import { interpolate } from '../../shared/messages.js';
import { orgName } from '../../shared/org-name.js';
import type { RankedValue, RankingAnswer } from '../../shared/ranking.schema.js';
import type { UiLang } from '../../shared/vocabulary.js';
import { type CommonOptions, langOf, oneOf, runCommand, withCommonOptions } from '../options.js';

interface RankOptions extends CommonOptions {
  org?: string;
  from?: string;
  to?: string;
  asOf?: string;
  by: string;
  json?: boolean;
}

interface RankTexts {
  heading: string;
  rank: string;
  organization: string;
  members: string;
  none: string;
  measures: Record<RankingMeasure, string>;
}

const TEXTS: Record<UiLang, RankTexts> = {
  ru: {
    heading: 'Рейтинг филиалов «{org}» за {from} – {to}; численность и подписчики на {asOf}',
    rank: 'Место',
    organization: 'Организация',
    members: 'Членов',
    none: 'Филиалов нет',
    measures: {
      publicationsPerThousand: 'Публикаций на 1000 членов',
      reach: 'Охват',
      concreteShare: 'Доля конкретных',
      legalShare: 'Доля правовых',
      followerGrowth: 'Прирост подписчиков',
    },
  },
  kk: {
    heading: '«{org}» филиалдарының рейтингі, {from} – {to}; мүшелер мен жазылушылар {asOf} бойынша',
    rank: 'Орын',
    organization: 'Ұйым',
    members: 'Мүшелер',
    none: 'Филиалдар жоқ',
    measures: {
      publicationsPerThousand: '1000 мүшеге жарияланым',
      reach: 'Қамту',
      concreteShare: 'Нақты жазбалар үлесі',
      legalShare: 'Құқықтық жазбалар үлесі',
      followerGrowth: 'Жазылушылар өсімі',
    },
  },
  en: {
    heading: 'Branches of {org} ranked for {from} – {to}; members and followers as of {asOf}',
    rank: 'Rank',
    organization: 'Organization',
    members: 'Members',
    none: 'No branches',
    measures: {
      publicationsPerThousand: 'Publications per 1,000 members',
      reach: 'Reach',
      concreteShare: 'Concrete share',
      legalShare: 'Legal share',
      followerGrowth: 'Growth of followers',
    },
  },
};

/** A value as the web shows it, the figures it is made of and its rank after it: "4.2 (12 / 2,850) #3". */
function cellOf(measure: RankingMeasure, figure: RankedValue, lang: UiLang): string {
  if (figure.value === null) return '—';
  const number = (value: number | null) => (value === null ? '—' : formatNumber(value, lang));
  const value =
    measure === 'publicationsPerThousand'
      ? formatNumber(figure.value, lang)
      : measure === 'followerGrowth'
        ? `${figure.value > 0 ? '+' : ''}${formatNumber(figure.value, lang)}`
        : formatPercent(figure.value, lang);
  const behind =
    measure === 'followerGrowth'
      ? `${number(figure.denominator)} → ${number(figure.numerator)}`
      : `${number(figure.numerator)} / ${number(figure.denominator)}`;
  return `${value} (${behind}) #${figure.rank ?? '—'}`;
}

/** The rows in the order of the measure's ranks, those without a value last. */
function ordered(answer: RankingAnswer, by: RankingMeasure) {
  return [...answer.rows].sort((a, b) => (a.values[by].rank ?? Infinity) - (b.values[by].rank ?? Infinity));
}

function printRanking(answer: RankingAnswer, by: RankingMeasure, lang: UiLang): void {
  const texts = TEXTS[lang];
  console.log(
    interpolate(texts.heading, {
      org: orgName(answer.org, lang, 'full'),
      from: answer.period.from,
      to: answer.period.to,
      asOf: answer.asOf,
    }),
  );
  if (answer.rows.length === 0) {
    console.log(texts.none);
    return;
  }
  const table = new Table({
    head: [
      texts.rank,
      texts.organization,
      texts.members,
      ...RANKING_MEASURES.map((measure) => texts.measures[measure]),
    ],
    style: { head: [], border: [], compact: true },
  });
  for (const row of ordered(answer, by)) {
    table.push([
      row.values[by].rank ?? '—',
      orgName(row.org, lang),
      row.members === null ? '—' : formatNumber(row.members, lang),
      ...RANKING_MEASURES.map((measure) => cellOf(measure, row.values[measure], lang)),
    ]);
  }
  console.log(table.toString());
}

export function rankCommand(program: Command): void {
  withCommonOptions(
    program
      .command('rank')
      .description(
        'branches of an organization ranked by publications per 1,000 members, reach, concrete and legal shares and growth of followers',
      )
      .option('--org <code>', 'organization code, e.g. abai (default: your own, or the top of the tree)')
      .option('--from <date>', 'first local date YYYY-MM-DD (default: 1 January of the year of --to)')
      .option('--to <date>', 'last local date YYYY-MM-DD (default: 31 December of the year of --from)')
      .option('--as-of <date>', 'date of members and followers (default: --to, or today if it is later)')
      .option(
        '--by <measure>',
        `the measure the rows are ordered by, one of: ${RANKING_MEASURES.join(', ')}`,
        'publicationsPerThousand',
      )
      .option('--json', 'print JSON instead of a table'),
  ).action(async (options: RankOptions) => {
    const lang = langOf(options);
    const by = oneOf('--by', options.by, RANKING_MEASURES);
    // Without dates, the current year, as the dashboard's.
    let period: Period | undefined;
    if (options.from || options.to) {
      const to = options.to ?? `${(options.from ?? '').slice(0, 4)}-12-31`;
      period = periodBetween(options.from ?? `${to.slice(0, 4)}-01-01`, to);
    }
    await runCommand(options, async (ctx) => {
      const answer = await rankingMeasure(ctx, {
        ...(options.org ? { org: options.org } : {}),
        ...(period ? { period } : {}),
        ...(options.asOf ? { asOf: options.asOf } : {}),
      });
      if (options.json) {
        // The API's answer, its rows in the order asked, each with its name in the language.
        const rows = ordered(answer, by).map((row) => ({ ...row, name: orgName(row.org, lang) }));
        console.log(JSON.stringify({ ...answer, by, rows }, null, 2));
        return;
      }
      printRanking(answer, by, lang);
    });
  });
}
