import type { Command } from 'commander';
import { parsePeriod, periodBetween } from '../../domain/period.js';
import { describeDatabase } from '../../services/context.js';
import { buildDemo } from '../../services/demo.service.js';
import {
  organizationFigures,
  publicationsByPeriod,
  publicationsBySubject,
} from '../../services/stats.service.js';
import { formatNumber, formatPercent } from '../../shared/format.js';
import { type CommonOptions, langOf, runCommand, say, withCommonOptions } from '../options.js';
import { printBuckets, printHeading, printSubjectBreakdown } from './stats.command.js';

const DEMO_ORG = 'abai';
const AS_OF = '2024-09-01';

/** The main job for now: the demo data, and the seed brief's figures computed from its records. */
export function startCommand(program: Command): void {
  withCommonOptions(
    program
      .command('start')
      .description('build the demo data if absent and show the Abai figures of the seed brief'),
  ).action(async (options: CommonOptions) => {
    const lang = langOf(options);
    await runCommand(options, async (ctx) => {
      const demo = await buildDemo(ctx);
      console.log(say(lang, demo.built ? 'demoBuilt' : 'demoPresent', { db: describeDatabase(ctx) }));
      const figures = await organizationFigures(ctx, DEMO_ORG, AS_OF);
      console.log(
        say(lang, 'members', {
          date: figures.asOf,
          members: formatNumber(figures.members ?? 0, lang),
          primaries: formatNumber(figures.structure.primaries, lang),
          branches: figures.structure.branches,
        }),
      );
      for (const channel of figures.channels) {
        if (channel.followers === null || channel.ownerId !== figures.org.id) continue;
        console.log(
          say(lang, 'followers', {
            channel: channel.url ?? channel.code,
            followers: formatNumber(channel.followers, lang),
            date: channel.followersAsOf ?? '',
            reach: channel.reach === null ? '—' : formatPercent(channel.reach, lang),
          }),
        );
      }
      for (const period of [parsePeriod('2023'), periodBetween('2024-01-01', AS_OF)]) {
        console.log();
        printHeading(lang, figures.org, period, 'facebook');
        printSubjectBreakdown(
          await publicationsBySubject(ctx, { org: DEMO_ORG, period, platform: 'facebook' }),
          lang,
        );
      }
      const years = periodBetween('2021-01-01', AS_OF);
      const website = await publicationsByPeriod(ctx, {
        org: DEMO_ORG,
        period: years,
        platform: 'website',
        granularity: 'year',
      });
      console.log();
      printHeading(lang, figures.org, years, 'website');
      printBuckets(website.rows, website.total, lang);
    });
  });
}
