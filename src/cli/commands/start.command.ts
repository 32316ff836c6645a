import type { Command } from 'commander';
import { BRIEF_FORMATS, renderBrief } from '../../services/brief.service.js';
import { describeDatabase } from '../../services/context.js';
import { buildDemo } from '../../services/demo.service.js';
import { organizationFigures } from '../../services/stats.service.js';
import { formatNumber, formatPercent } from '../../shared/format.js';
import { REPORT_LANGS } from '../../shared/vocabulary.js';
import { type CommonOptions, langOf, runCommand, say, withCommonOptions } from '../options.js';
import { writeBriefFiles } from './report.command.js';
import { serveUntilStopped, type ServeOptions, withServeOptions } from './serve.command.js';

/** The seed brief's organization and period. */
const DEMO_BRIEF = { org: 'abai', from: '2021-01-01', to: '2024-09-01' } as const;

/**
 * The main job: the demo data if absent, the Abai brief in Russian and Kazakh in every format in ./out, then the
 * server, with its URL and the administrator's login printed.
 */
export function startCommand(program: Command): void {
  withServeOptions(
    withCommonOptions(
      program
        .command('start')
        .description(
          'build the demo data if absent, write the Abai brief (ru and kk) into a folder, start the server',
        )
        .option('--out <dir>', 'folder to write the brief into', './out')
        .option('--no-serve', 'stop after writing the brief'),
    ),
  ).action(async (options: CommonOptions & ServeOptions & { out: string; serve: boolean }) => {
    const lang = langOf(options);
    await runCommand(options, async (ctx) => {
      const demo = await buildDemo(ctx);
      console.log(say(lang, demo.built ? 'demoBuilt' : 'demoPresent', { db: describeDatabase(ctx) }));
      const figures = await organizationFigures(ctx, DEMO_BRIEF.org, DEMO_BRIEF.to);
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
      const files = await renderBrief(ctx, DEMO_BRIEF, REPORT_LANGS, BRIEF_FORMATS);
      for (const path of await writeBriefFiles(files, options.out))
        console.log(say(lang, 'written', { path }));
      // The demo's channels carry real organizations' addresses: collected only when asked (AQPARAT_SCHEDULER=on).
      if (options.serve) await serveUntilStopped(ctx, options, lang, false);
    });
  });
}
