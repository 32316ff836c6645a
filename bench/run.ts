/**
 * `npm run bench [-- --db sqlite|postgres|both] [--only NAME] [--runs N]`: builds the national demo once per
 * database (bench/data/national.sqlite; the `aqparat_bench` database on DATABASE_URL's server), then times each
 * workload against its raw baseline, run alternately in this same process, and prints a table and writes
 * bench/results.json. The ratio is the figure to read: the machine's load moves both sides alike.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';
import Table from 'cli-table3';
import { Command } from 'commander';
import { sql } from 'kysely';
import pg from 'pg';
import { type Context, openContext } from '../src/services/context.js';
import { buildNationalDemo, NATIONAL_ROOT } from '../src/services/demo.service.js';
import { type Workload, workloads } from './workloads.js';

const HERE = import.meta.dirname;
const BENCH_DATABASE = 'aqparat_bench';
/** A workload stops repeating after this long, once it has three runs. */
const BUDGET_MS = 60_000;

interface Figure {
  median: number;
  p95: number;
  min: number;
  max: number;
  runs: number;
}

interface Result {
  workload: string;
  unit: Workload['unit'];
  target: string;
  product: Figure;
  baseline: Figure | null;
  /** Time workloads: product ÷ baseline (lower is better); throughput: product ÷ baseline (higher is better). */
  ratio: number | null;
}

function figureOf(values: readonly number[]): Figure {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] ?? NaN;
  return {
    median: at(0.5),
    p95: at(0.95),
    min: sorted[0] ?? NaN,
    max: sorted.at(-1) ?? NaN,
    runs: sorted.length,
  };
}

/** One measurement: milliseconds, or the items per second the workload reports. */
async function measure(ctx: Context, workload: Workload, run: Workload['run']): Promise<number> {
  const start = performance.now();
  const result = await run(ctx);
  const ms = performance.now() - start;
  return workload.unit === 'items/s' ? (result.items ?? NaN) : ms;
}

async function time(ctx: Context, workload: Workload, runs: number): Promise<Result> {
  const product: number[] = [];
  const baseline: number[] = [];
  const base = workload.baseline?.bind(workload);
  // Warm-up: caches, JIT, the renderers' lazy imports.
  await workload.run(ctx);
  if (base) await base(ctx);
  const started = performance.now();
  for (let run = 0; run < runs && (run < 3 || performance.now() - started < BUDGET_MS); run++) {
    product.push(await measure(ctx, workload, workload.run.bind(workload)));
    if (base) baseline.push(await measure(ctx, workload, base));
  }
  const own = figureOf(product);
  const raw = base ? figureOf(baseline) : null;
  return {
    workload: workload.name,
    unit: workload.unit,
    target: workload.target,
    product: own,
    baseline: raw,
    ratio: raw ? own.median / raw.median : null,
  };
}

async function postgresTarget(): Promise<string> {
  const url = process.env['DATABASE_URL'];
  if (!url) throw new Error('--db postgres needs DATABASE_URL (postgres://user@host:port/db)');
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  const exists = await admin.query('select 1 from pg_database where datname = $1', [BENCH_DATABASE]);
  if (exists.rowCount === 0) await admin.query(`create database ${BENCH_DATABASE}`);
  await admin.end();
  const target = new URL(url);
  target.pathname = `/${BENCH_DATABASE}`;
  return target.toString();
}

async function engineVersion(ctx: Context): Promise<string> {
  const query =
    ctx.db.dialect.name === 'sqlite'
      ? sql<{ v: string }>`select sqlite_version() as v`
      : sql<{ v: string }>`select version() as v`;
  return (await query.execute(ctx.db.kysely)).rows[0]?.v ?? '';
}

async function benchDatabase(kind: 'sqlite' | 'postgres', only: string | undefined, runs: number) {
  const target = kind === 'sqlite' ? join(HERE, 'data', 'national.sqlite') : await postgresTarget();
  const ctx = await openContext({ db: target });
  try {
    const started = performance.now();
    let lastShown = 0;
    const { built } = await buildNationalDemo(ctx, {
      progress: (stage, done, total) => {
        if (performance.now() - lastShown > 5_000 || done === total) {
          process.stderr.write(`  ${kind}: building national data, ${stage} ${done}/${total}\n`);
          lastShown = performance.now();
        }
      },
    });
    const buildSeconds = built ? (performance.now() - started) / 1000 : null;
    const results: Result[] = [];
    for (const workload of workloads({ region: 'nat-r01', nation: NATIONAL_ROOT, classifyPosts: 20_000 })) {
      if (only && !workload.name.includes(only)) continue;
      process.stderr.write(`  ${kind}: ${workload.name}\n`);
      results.push(await time(ctx, workload, workload.name.startsWith('brief') ? 3 : runs));
    }
    return {
      date: new Date().toISOString(),
      loadAverage: loadavg(),
      engine: await engineVersion(ctx),
      buildSeconds,
      results,
    };
  } finally {
    await ctx.db.close();
  }
}

const format = (value: number | undefined, unit: Workload['unit']) =>
  value === undefined || Number.isNaN(value)
    ? '—'
    : unit === 'ms'
      ? value.toFixed(value < 10 ? 2 : 0)
      : Math.round(value).toLocaleString('en');

function print(kind: string, results: readonly Result[]): void {
  const table = new Table({
    head: [kind, 'median', 'p95', 'min–max', 'baseline median', 'ratio', 'target'],
  });
  for (const result of results) {
    const { unit, product, baseline } = result;
    table.push([
      `${result.workload} (${unit})`,
      format(product.median, unit),
      format(product.p95, unit),
      `${format(product.min, unit)}–${format(product.max, unit)}`,
      format(baseline?.median, unit),
      result.ratio === null ? '—' : `${result.ratio.toFixed(2)}×`,
      result.target,
    ]);
  }
  console.log(table.toString());
}

const program = new Command()
  .option('--db <which>', 'sqlite, postgres or both', process.env['DATABASE_URL'] ? 'both' : 'sqlite')
  .option('--only <name>', 'only the workloads whose name contains this')
  .option('--runs <n>', 'timed runs of each dashboard workload', '15')
  .parse();
const options = program.opts<{ db: string; only?: string; runs: string }>();
const kinds = options.db === 'both' ? (['sqlite', 'postgres'] as const) : ([options.db] as const);
const load = { start: loadavg() };
const resultsFile = join(HERE, 'results.json');
// A run on one database keeps the other's latest figures.
const databases: Record<string, Awaited<ReturnType<typeof benchDatabase>>> = existsSync(resultsFile)
  ? (JSON.parse(readFileSync(resultsFile, 'utf8')) as { databases: typeof databases }).databases
  : {};
for (const kind of kinds) {
  if (kind !== 'sqlite' && kind !== 'postgres') throw new Error(`--db ${kind}: sqlite, postgres or both`);
  const previous = databases[kind];
  const result = await benchDatabase(kind, options.only, Number(options.runs));
  // The build time is the one of the run that built the data.
  databases[kind] = { ...result, buildSeconds: result.buildSeconds ?? previous?.buildSeconds ?? null };
  print(kind, result.results);
}
const report = {
  date: new Date().toISOString(),
  machine: {
    cpu: cpus()[0]?.model ?? '',
    cores: cpus().length,
    memoryGb: Math.round(totalmem() / 2 ** 30),
    loadAverage: { ...load, end: loadavg() },
  },
  versions: {
    node: process.version,
    ...Object.fromEntries(Object.entries(databases).map(([k, v]) => [k, v.engine])),
  },
  databases,
};
writeFileSync(resultsFile, `${JSON.stringify(report, null, 2)}\n`);
console.log(
  `bench/results.json written; load average ${report.machine.loadAverage.start.map((v) => v.toFixed(2)).join(' ')} at the start`,
);
