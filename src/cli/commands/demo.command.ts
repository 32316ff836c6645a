import cliProgress from 'cli-progress';
import type { Command } from 'commander';
import { DomainError } from '../../domain/errors.js';
import { describeDatabase } from '../../services/context.js';
import { buildDemo, buildNationalDemo, type NationalStage } from '../../services/demo.service.js';
import type { UiLang } from '../../shared/vocabulary.js';
import type { CliText } from '../texts.js';
import { type CommonOptions, langOf, oneOf, runCommand, say, withCommonOptions } from '../options.js';

const SCALES = ['region', 'national'] as const;

const STAGE_TEXTS: Readonly<Record<NationalStage, CliText>> = {
  tree: 'stageTree',
  channels: 'stageChannels',
  followers: 'stageFollowers',
  publications: 'stagePublications',
  mentions: 'stageMentions',
};

interface DemoOptions extends CommonOptions {
  reset?: boolean;
  scale: string;
  seed?: string;
}

function seedOf(value: string): number {
  const seed = Number(value);
  if (!/^\d+$/.test(value) || !Number.isSafeInteger(seed)) {
    throw new DomainError('option_invalid', { option: '--seed', value, values: '0, 1, 2, …' });
  }
  return seed;
}

/** One progress bar on stderr, restarted at each stage; cli-progress prints nothing when stderr is no terminal. */
function stageBar(lang: UiLang) {
  const bar = new cliProgress.SingleBar(
    { stream: process.stderr, format: '{stage} {bar} {percentage}% | {value}/{total}', hideCursor: true },
    cliProgress.Presets.shades_classic,
  );
  let current: NationalStage | undefined;
  return {
    update(stage: NationalStage, done: number, total: number) {
      if (stage !== current) {
        if (current) bar.stop();
        bar.start(Math.max(total, 1), done, { stage: say(lang, STAGE_TEXTS[stage]) });
        current = stage;
      } else bar.update(done);
    },
    stop: () => current && bar.stop(),
  };
}

export function demoCommand(program: Command): void {
  withCommonOptions(
    program
      .command('demo')
      .description(
        'build the Abai demo data of the seed brief, or the whole country at scale (again with --reset)',
      )
      .option('--reset', 'delete the demo data and build it anew')
      .option('--scale <scale>', `region (the Abai brief) or national: ${SCALES.join('|')}`, 'region')
      .option('--seed <n>', 'seed of the national data (the same seed builds the same data)'),
  ).action(async (options: DemoOptions) => {
    const lang = langOf(options);
    await runCommand(options, async (ctx) => {
      const scale = oneOf('--scale', options.scale, SCALES);
      const seed = options.seed === undefined ? undefined : seedOf(options.seed);
      if (scale === 'region') {
        const result = await buildDemo(ctx, { reset: options.reset === true });
        console.log(say(lang, result.built ? 'demoBuilt' : 'demoPresent', { db: describeDatabase(ctx) }));
        return;
      }
      const started = performance.now();
      const bar = stageBar(lang);
      const result = await buildNationalDemo(ctx, {
        reset: options.reset === true,
        ...(seed === undefined ? {} : { seed }),
        progress: bar.update,
      }).finally(bar.stop);
      const seconds = ((performance.now() - started) / 1000).toFixed(1);
      console.log(
        say(lang, result.built ? 'nationalBuilt' : 'nationalPresent', { db: describeDatabase(ctx), seconds }),
      );
    });
  });
}
