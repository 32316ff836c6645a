/**
 * The national demo's build (issue 24: a bulk build keeps its speed on both engines), timed per engine on a
 * database made for it and dropped after, the engines back to back so that the machine's load moves both alike.
 * PostgreSQL's figure is read against SQLite's of the same run: the target is at most twice its time.
 */
import { openContext } from '../src/services/context.js';
import { buildNationalDemo, type NationalSize, type NationalStage } from '../src/services/demo.service.js';
import { createTestDatabase, type DialectName } from '../test/helpers/databases.js';
import { type Figure, type Result, resultOf } from './figures.js';
import type { Scale } from './scale.js';

export const DEMO_BUILD = 'demo build';

/**
 * What is built: the scale's demo with a quarter of its channels, publications and mentions, every day of
 * snapshots (where each chunk had got slower than the one before). The whole national build on both engines
 * would take most of the benchmark's budget; `aqparat demo --scale national` measures that (docs/PERFORMANCE.md).
 */
export function buildSize(scale: Scale): NationalSize {
  const quarter = (value: number) => Math.ceil(value / 4);
  const { demo } = scale;
  return {
    ...demo,
    channels: quarter(demo.channels),
    publications: quarter(demo.publications),
    mentions: quarter(demo.mentions),
  };
}

interface BuildTiming {
  ms: number;
  /** Seconds of each stage, from its first progress step to the next stage's. */
  stages: Partial<Record<NationalStage, number>>;
}

async function timeBuild(kind: DialectName, size: NationalSize): Promise<BuildTiming> {
  const database = await createTestDatabase(kind);
  try {
    const ctx = await openContext({ db: database.target, env: {} });
    try {
      const stages: BuildTiming['stages'] = {};
      const started = performance.now();
      let stage: NationalStage | undefined;
      let since = started;
      const close = (now: number) => {
        if (stage) stages[stage] = Number(((now - since) / 1000).toFixed(1));
      };
      await buildNationalDemo(ctx, {
        size,
        progress: (current) => {
          if (current === stage) return;
          const now = performance.now();
          close(now);
          stage = current;
          since = now;
        },
      });
      const ended = performance.now();
      close(ended);
      return { ms: ended - started, stages };
    } finally {
      await ctx.db.close();
    }
  } finally {
    await database.drop();
  }
}

const stageNotes = (timing: BuildTiming) =>
  Object.fromEntries(Object.entries(timing.stages).map(([stage, seconds]) => [`${stage}S`, seconds]));

/**
 * One build per engine, SQLite first: each its own result, PostgreSQL's with SQLite's time as its baseline (and so
 * the ratio PostgreSQL ÷ SQLite) when both were built in this run.
 */
export async function measureDemoBuilds(
  kinds: readonly DialectName[],
  size: NationalSize,
  say: (kind: DialectName, text: string) => void,
): Promise<Partial<Record<DialectName, Result>>> {
  const timings: Partial<Record<DialectName, BuildTiming>> = {};
  for (const kind of [...kinds].sort((a, b) => (a === 'sqlite' ? -1 : b === 'sqlite' ? 1 : 0))) {
    say(
      kind,
      `${DEMO_BUILD}: ${size.channels} channels × ${size.days} days, ${size.publications} publications`,
    );
    timings[kind] = await timeBuild(kind, size);
  }
  const results: Partial<Record<DialectName, Result>> = {};
  const { sqlite, postgres } = timings;
  if (sqlite)
    results.sqlite = resultOf(DEMO_BUILD, 'ms', { text: '—' }, [sqlite.ms], null, stageNotes(sqlite));
  if (postgres) {
    const target = {
      text: '≤ 2× SQLite',
      check: (_: Figure, ratio: number | null) => (ratio ?? Infinity) <= 2,
    };
    results.postgres = sqlite
      ? resultOf(DEMO_BUILD, 'ms', target, [postgres.ms], [sqlite.ms], {
          ...stageNotes(postgres),
          baseline: 'SQLite, this run',
        })
      : resultOf(DEMO_BUILD, 'ms', { text: target.text }, [postgres.ms], null, stageNotes(postgres));
  }
  return results;
}
