import Table from 'cli-table3';
import type { Command } from 'commander';
import { GRANULARITIES, localDateOf, type Period, periodAsOf, periodBetween } from '../../domain/period.js';
import type { BucketCount } from '../../domain/publications.measure.js';
import { reachMeasure } from '../../services/dashboard.service.js';
import {
  publicationsByPeriod,
  publicationsBySubject,
  publicationsBySubjectAndPlatform,
  type SubjectBreakdown,
  type SubjectPlatformBreakdown,
} from '../../services/stats.service.js';
import type { ReachResponse } from '../../shared/dashboard.js';
import { formatNumber, formatPercent } from '../../shared/format.js';
import { PLATFORM_LABELS } from '../../shared/labels.js';
import { type NamedOrg, orgName } from '../../shared/org-name.js';
import { DEFAULT_TIME_ZONE, PLATFORMS, type UiLang } from '../../shared/vocabulary.js';
import { type CommonOptions, langOf, oneOf, runCommand, say, withCommonOptions } from '../options.js';

interface StatsOptions extends CommonOptions {
  org: string;
  from?: string;
  to?: string;
  platform?: string;
  channel?: string;
  asOf?: string;
  by: string;
  json?: boolean;
}

/** Subject rows and columns: the organization, each branch and the direct primaries × platforms. */
const BY_SUBJECT_PLATFORM = 'subject,platform';

function subjectLabel(row: Pick<SubjectBreakdown['rows'][number], 'group' | 'org'>, lang: UiLang): string {
  if (row.group.kind === 'direct_primaries' || !row.org) return say(lang, 'directPrimaries');
  return orgName(row.org, lang);
}

function printTable(head: string[], rows: (string | number)[][]): void {
  const table = new Table({ head, style: { head: [], border: [], compact: true } });
  table.push(...rows);
  console.log(table.toString());
}

function printHeading(lang: UiLang, org: NamedOrg, period: Period, platform?: string): void {
  const from = period.from === periodAsOf(period.to).from ? '…' : period.from;
  console.log(
    [
      `${say(lang, 'organization')}: ${orgName(org, lang, 'full')}`,
      `${say(lang, 'period')}: ${from} – ${period.to}`,
      `${say(lang, 'platform')}: ${platform ?? say(lang, 'allPlatforms')}`,
    ].join(' · '),
  );
}

/** Members, followers and reach, with the date they are taken at. */
function printSnapshot(snapshot: ReachResponse, lang: UiLang): void {
  const orDash = (value: number | null, format: (value: number, lang: UiLang) => string) =>
    value === null ? '—' : format(value, lang);
  console.log(
    say(lang, 'snapshot', {
      date: snapshot.asOf,
      members: orDash(snapshot.members, formatNumber),
      followers: formatNumber(snapshot.followers, lang),
      reach: orDash(snapshot.reach, formatPercent),
    }),
  );
}

function printSubjectBreakdown(result: SubjectBreakdown, lang: UiLang): void {
  printTable(
    [say(lang, 'subject'), say(lang, 'publications')],
    [...result.rows.map((row) => [subjectLabel(row, lang), row.count]), [say(lang, 'total'), result.total]],
  );
}

/** Only the platforms with publications are columns of the table; the JSON has them all. */
function printSubjectPlatformBreakdown(result: SubjectPlatformBreakdown, lang: UiLang): void {
  const platforms = PLATFORMS.filter((platform) => result.totals.counts[platform] > 0);
  printTable(
    [
      say(lang, 'subject'),
      ...platforms.map((platform) => PLATFORM_LABELS[lang][platform]),
      say(lang, 'total'),
    ],
    [
      ...result.rows.map((row) => [
        subjectLabel(row, lang),
        ...platforms.map((platform) => row.counts[platform]),
        row.total,
      ]),
      [
        say(lang, 'total'),
        ...platforms.map((platform) => result.totals.counts[platform]),
        result.totals.total,
      ],
    ],
  );
}

function printBuckets(rows: readonly BucketCount[], total: number, lang: UiLang): void {
  printTable(
    [say(lang, 'period'), say(lang, 'publications')],
    [...rows.map((row) => [row.bucket, row.count]), [say(lang, 'total'), total]],
  );
}

export function statsCommand(program: Command): void {
  withCommonOptions(
    program
      .command('stats')
      .description('publications of an organization subtree by subject organization or by period')
      .requiredOption('--org <code>', 'organization code, e.g. abai')
      .option('--from <date>', 'first local date YYYY-MM-DD (default: everything up to --to)')
      .option('--to <date>', 'last local date YYYY-MM-DD (default: today)')
      .option('--platform <platform>', `one of: ${PLATFORMS.join(', ')}`)
      .option('--channel <code>', 'one channel')
      .option('--as-of <date>', 'date of members and followers (default: --to, or today if it is later)')
      .option(
        '--by <grouping>',
        `subject, ${BY_SUBJECT_PLATFORM} (a column per platform) or one of: ${GRANULARITIES.join(', ')}`,
        'subject',
      )
      .option('--json', 'print JSON instead of a table'),
  ).action(async (options: StatsOptions) => {
    const lang = langOf(options);
    const to = options.to ?? localDateOf(new Date(), DEFAULT_TIME_ZONE);
    const period = options.from ? periodBetween(options.from, to) : periodAsOf(to);
    const platform = options.platform ? oneOf('--platform', options.platform, PLATFORMS) : undefined;
    const by = oneOf('--by', options.by, ['subject', BY_SUBJECT_PLATFORM, ...GRANULARITIES] as const);
    const query = {
      org: options.org,
      period,
      ...(platform ? { platform } : {}),
      ...(options.channel ? { channel: options.channel } : {}),
    };
    const echo = {
      org: options.org,
      ...period,
      platform: platform ?? null,
      channel: options.channel ?? null,
    };
    await runCommand(options, async (ctx) => {
      const snapshot = await reachMeasure(ctx, {
        org: options.org,
        period,
        ...(options.asOf ? { asOf: options.asOf } : {}),
      });
      const figures = {
        asOf: snapshot.asOf,
        members: snapshot.members,
        followers: snapshot.followers,
        reach: snapshot.reach,
      };
      if (by === BY_SUBJECT_PLATFORM) {
        const result = await publicationsBySubjectAndPlatform(ctx, query);
        if (options.json) {
          const rows = result.rows.map((row) => ({
            group: row.group.kind,
            org: row.org?.code ?? null,
            name: subjectLabel(row, lang),
            counts: row.counts,
            total: row.total,
          }));
          console.log(JSON.stringify({ ...echo, ...figures, rows, totals: result.totals }, null, 2));
          return;
        }
        printHeading(lang, result.org, period, platform);
        printSnapshot(snapshot, lang);
        printSubjectPlatformBreakdown(result, lang);
        return;
      }
      if (by === 'subject') {
        const result = await publicationsBySubject(ctx, query);
        if (options.json) {
          const bySubject = result.rows.map((row) => ({
            group: row.group.kind,
            org: row.org?.code ?? null,
            name: subjectLabel(row, lang),
            count: row.count,
          }));
          console.log(JSON.stringify({ ...echo, ...figures, total: result.total, bySubject }, null, 2));
          return;
        }
        printHeading(lang, result.org, period, platform);
        printSnapshot(snapshot, lang);
        printSubjectBreakdown(result, lang);
        return;
      }
      const result = await publicationsByPeriod(ctx, { ...query, granularity: by });
      if (options.json) {
        console.log(
          JSON.stringify({ ...echo, ...figures, total: result.total, byPeriod: result.rows }, null, 2),
        );
        return;
      }
      printHeading(lang, result.org, period, platform);
      printSnapshot(snapshot, lang);
      printBuckets(result.rows, result.total, lang);
    });
  });
}
