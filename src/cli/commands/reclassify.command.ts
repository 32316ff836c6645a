import cliProgress from 'cli-progress';
import Table from 'cli-table3';
import type { Command } from 'commander';
import { localDateOf, periodBetween } from '../../domain/period.js';
import { reclassifyPublications } from '../../services/analysis.service.js';
import { formatPercent } from '../../shared/format.js';
import { TOPIC_LABELS } from '../../shared/labels.js';
import { DEFAULT_TIME_ZONE, TOPICS } from '../../shared/vocabulary.js';
import { type CommonOptions, langOf, runCommand, say, withCommonOptions } from '../options.js';

interface ReclassifyOptions extends CommonOptions {
  org?: string;
  channel?: string;
  from?: string;
  to?: string;
  json?: boolean;
}

/** A progress bar on stderr in publications; cli-progress prints nothing when stderr is not a terminal. */
function progressBar() {
  const bar = new cliProgress.SingleBar(
    { stream: process.stderr, format: '{bar} {percentage}% | {value}/{total}', hideCursor: true },
    cliProgress.Presets.shades_classic,
  );
  let started = false;
  return {
    update(done: number, total: number) {
      if (!started) bar.start(Math.max(total, 1), done);
      else bar.update(done);
      started = true;
    },
    stop: () => started && bar.stop(),
  };
}

export function reclassifyCommand(program: Command): void {
  withCommonOptions(
    program
      .command('reclassify')
      .description(
        'classify stored publications again: topics, concreteness, language, reposts; corrections win',
      )
      .option('--org <code>', 'publications whose subject organization lies in this subtree')
      .option('--channel <code>', 'one channel')
      .option('--from <date>', 'first local date YYYY-MM-DD')
      .option('--to <date>', 'last local date YYYY-MM-DD')
      .option('--json', 'print JSON instead of a table'),
  ).action(async (options: ReclassifyOptions) => {
    const lang = langOf(options);
    const period =
      options.from || options.to
        ? periodBetween(
            options.from ?? '1900-01-01',
            options.to ?? localDateOf(new Date(), DEFAULT_TIME_ZONE),
          )
        : undefined;
    await runCommand(options, async (ctx) => {
      const bar = options.json ? undefined : progressBar();
      const summary = await reclassifyPublications(
        ctx,
        {
          ...(options.org ? { org: options.org } : {}),
          ...(options.channel ? { channel: options.channel } : {}),
          ...(period ? { period } : {}),
        },
        bar?.update,
      );
      bar?.stop();
      if (options.json) {
        console.log(JSON.stringify(summary, null, 2));
        return;
      }
      const table = new Table({
        head: [say(lang, 'colTopic'), say(lang, 'publications'), say(lang, 'colShare')],
        style: { head: [], border: [], compact: true },
      });
      for (const topic of TOPICS) {
        const count = summary.byTopic[topic];
        const share = summary.publications > 0 ? count / summary.publications : 0;
        table.push([TOPIC_LABELS[lang][topic], count, formatPercent(share, lang)]);
      }
      console.log(table.toString());
      console.log(
        say(lang, 'reclassifyDone', {
          count: summary.publications,
          reposts: summary.reposts,
          copies: summary.nearCopies,
          declarative: summary.declarative,
          corrected: summary.corrected,
        }),
      );
    });
  });
}
