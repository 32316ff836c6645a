/**
 * `npm run bench [-- --db sqlite|postgres|both] [--only NAME] [--runs N] [--repeat N] [--big] [--scale tiny]`:
 * times the demo's build on each database (demo-build.ts), builds the national demo once per database
 * (bench/data/national.sqlite; the `aqparat_bench` database on DATABASE_URL's server) and the synthetic Telegram
 * export once (bench/data/), then measures each workload against its raw baseline, alternately in the same run,
 * prints a table and writes bench/results.json. The ratio is the figure to read: the machine's load moves both
 * sides alike.
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';
import Table from 'cli-table3';
import { Command } from 'commander';
import { sql } from 'kysely';
import pg from 'pg';
import { type Context, openContext } from '../src/services/context.js';
import { buildNationalDemo } from '../src/services/demo.service.js';
import type { DialectName } from '../test/helpers/databases.js';
import { COLLECTION, COLLECTION_SIZES, measureCollection } from './collect.workload.js';
import { buildSize, DEMO_BUILD, measureDemoBuilds } from './demo-build.js';
import { type Result, resultOf, type Unit } from './figures.js';
import { measureDashboardLoad } from './http.workload.js';
import {
  bigImportResult,
  importResults,
  measureImport,
  messagesFor,
  telegramExport,
} from './import.workload.js';
import { SCALES, type Scale } from './scale.js';
import { IMPORTS, measureDashboardUnderUploads, uploadExports, UPLOADS } from './uploads.workload.js';
import { type Workload, workloads } from './workloads.js';

const HERE = import.meta.dirname;
const DATA = join(HERE, 'data');
/**
 * Time budgets that keep `npm run bench` on both databases, national demo build included, near 15 minutes on two
 * cores: a dashboard workload stops repeating after BUDGET_MS once it has three runs; an import run is stopped
 * after IMPORT_RUN_MS (its throughput is then that of the part it read) and no round of import runs starts that
 * would end after IMPORT_BUDGET_MS.
 */
const BUDGET_MS = 10_000;
/** Warm-up of a dashboard workload, each side: this many runs, or fewer once this long has passed. */
const WARM_RUNS = 50;
const WARM_MS = 1_000;
const IMPORT_RUN_MS = 40_000;
const IMPORT_BUDGET_MS = 90_000;
const STARTED = performance.now();
const IMPORT = 'telegram import';
const LOAD = 'http dashboard region';
/** Messages of each export the dashboard-under-uploads workload imports: 33,000 make 25 MB. */
const UPLOAD_MESSAGES = 33_000;

/** One measurement: milliseconds, or the items per second the workload reports. */
async function measure(ctx: Context, workload: Workload, run: Workload['run']): Promise<number> {
  const start = performance.now();
  const result = await run(ctx);
  const ms = performance.now() - start;
  return workload.unit === 'items/s' ? (result.items ?? NaN) : ms;
}

/**
 * Product runs per round of a dashboard workload, beside one of its baseline: a p95 of 15 runs is their maximum,
 * which one pause of the collector (often for the baseline's garbage) decides; of 75 it is a percentile.
 */
const PRODUCT_RUNS_PER_ROUND = 5;

async function time(ctx: Context, workload: Workload, runs: number): Promise<Result> {
  const product: number[] = [];
  const baseline: number[] = [];
  const base = workload.baseline?.bind(workload);
  const perRound = base && workload.unit === 'ms' ? PRODUCT_RUNS_PER_ROUND : 1;
  // Warm-up: caches, the renderers' lazy imports, and the JIT, which a sub-millisecond read leaves cold for
  // dozens of runs (the product's query building more than the baseline's one statement).
  const warming = performance.now();
  for (let run = 0; run < WARM_RUNS && (run < 1 || performance.now() - warming < WARM_MS); run++) {
    await workload.run(ctx);
    if (base) await base(ctx);
  }
  const started = performance.now();
  for (let run = 0; run < runs && (run < 3 || performance.now() - started < BUDGET_MS); run++) {
    for (let again = 0; again < perRound; again++) {
      product.push(await measure(ctx, workload, workload.run.bind(workload)));
    }
    if (base) baseline.push(await measure(ctx, workload, base));
  }
  return resultOf(workload.name, workload.unit, workload.target, product, base ? baseline : null);
}

function withDatabase(url: string, database: string): string {
  const target = new URL(url);
  target.pathname = `/${database}`;
  return target.toString();
}

/** The database the national demo is kept in between runs: a file, or a database on DATABASE_URL's server. */
async function benchTarget(kind: DialectName, scale: Scale): Promise<string> {
  if (kind === 'sqlite') return join(DATA, `${scale.name}.sqlite`);
  const url = process.env['DATABASE_URL'];
  if (!url) throw new Error('--db postgres needs DATABASE_URL (postgres://user@host:port/db)');
  const database = scale.name === 'national' ? 'aqparat_bench' : `aqparat_bench_${scale.name}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  const exists = await admin.query('select 1 from pg_database where datname = $1', [database]);
  if (exists.rowCount === 0) await admin.query(`create database ${database}`);
  await admin.end();
  return withDatabase(url, database);
}

/**
 * A copy of the national demo that a workload may write to, dropped after: a file beside it, or a database made
 * from it as a template (which no connection may be open on).
 */
async function scratchCopy(
  kind: DialectName,
  target: string,
): Promise<{ target: string; drop(): Promise<void> }> {
  if (kind === 'sqlite') {
    const copy = target.replace(/\.sqlite$/, '-scratch.sqlite');
    copyFileSync(target, copy);
    const drop = async () => {
      for (const suffix of ['', '-wal', '-shm']) rmSync(`${copy}${suffix}`, { force: true });
    };
    return { target: copy, drop };
  }
  const source = new URL(target).pathname.slice(1);
  const database = `${source}_scratch`;
  const admin = new pg.Client({ connectionString: target });
  await admin.connect();
  try {
    await admin.query(`drop database if exists ${database} with (force)`);
    // A file copy: the default (WAL_LOG) writes the whole database through the log, minutes for the national demo.
    await admin.query(`create database ${database} template ${source} strategy file_copy`);
  } finally {
    await admin.end();
  }
  const drop = async () => {
    const client = new pg.Client({ connectionString: target });
    await client.connect();
    await client.query(`drop database if exists ${database} with (force)`);
    await client.end();
  };
  return { target: withDatabase(target, database), drop };
}

async function engineVersion(ctx: Context): Promise<string> {
  const query =
    ctx.db.dialect.name === 'sqlite'
      ? sql<{ v: string }>`select sqlite_version() as v`
      : sql<{ v: string }>`select version() as v`;
  return (await query.execute(ctx.db.kysely)).rows[0]?.v ?? '';
}

interface Options {
  db: string;
  only?: string;
  runs: string;
  repeat: string;
  big?: boolean;
  scale: string;
}

interface Export {
  file: string;
  bytes: number;
}

async function benchDatabase(kind: DialectName, scale: Scale, options: Options, exports: Export[]) {
  const selected = (name: string) => !options.only || name.includes(options.only);
  const say = (text: string) => process.stderr.write(`  ${elapsed()} ${kind}: ${text}\n`);
  const list = workloads(scale).filter((workload) => selected(workload.name));
  const results: Result[] = [];
  let buildSeconds: number | null = null;
  let engine = '';
  if (list.length > 0 || selected(LOAD) || selected(UPLOADS)) {
    const target = await benchTarget(kind, scale);
    const ctx = await openContext({ db: target });
    try {
      engine = await engineVersion(ctx);
      const started = performance.now();
      let lastShown = 0;
      const { built } = await buildNationalDemo(ctx, {
        size: scale.demo,
        progress: (stage, done, total) => {
          if (performance.now() - lastShown > 5_000 || done === total) {
            say(`building national data, ${stage} ${done}/${total}`);
            lastShown = performance.now();
          }
        },
      });
      if (built) buildSeconds = (performance.now() - started) / 1000;
      // What autovacuum does on a live installation, and a test server may run without: the planner's
      // statistics and the visibility map index-only scans need (without them the brief took twice as long).
      if (kind === 'postgres') await sql`vacuum analyze`.execute(ctx.db.kysely);
      for (const workload of list) {
        say(workload.name);
        results.push(await time(ctx, workload, workload.name.startsWith('brief') ? 3 : Number(options.runs)));
      }
      if (selected(LOAD)) {
        say(`${LOAD} (${options.repeat} × ${scale.loadSeconds} s each side)`);
        const load = { seconds: scale.loadSeconds, runs: Number(options.repeat) };
        results.push(
          ...(await measureDashboardLoad(ctx, target, { label: 'region', org: scale.region }, load)),
        );
      }
    } finally {
      await ctx.db.close();
    }
    if (selected(UPLOADS)) {
      say(`${UPLOADS} (${IMPORTS} imports; ${options.repeat} × ${scale.loadSeconds} s each side)`);
      const files = await uploadExports(DATA, IMPORTS, scale.name === 'national' ? UPLOAD_MESSAGES : 2_000);
      const copy = await scratchCopy(kind, target);
      const scratch = await openContext({ db: copy.target });
      try {
        const load = { exports: files, seconds: scale.loadSeconds, runs: Number(options.repeat) };
        results.push(
          ...(await measureDashboardUnderUploads(scratch, copy.target, { org: scale.region }, load)),
        );
      } finally {
        await scratch.db.close();
        await copy.drop();
      }
    }
  }
  const [standard, big] = exports;
  if (standard) {
    say(
      `${IMPORT} (up to ${options.repeat} rounds: with classification in the first, without it and the baseline in each)`,
    );
    const limits = { runs: Number(options.repeat), runLimitMs: IMPORT_RUN_MS, budgetMs: IMPORT_BUDGET_MS };
    results.push(...importResults(await measureImport(kind, standard.file, limits), standard.bytes));
  }
  if (big) {
    say(`${IMPORT}, 1 GB`);
    results.push(await bigImportResult(kind, big.file, big.bytes));
  }
  if (selected(COLLECTION)) {
    const size = COLLECTION_SIZES[scale.name === 'national' ? 'national' : 'tiny'];
    say(`${COLLECTION} (${size.channels} channels × ${size.posts} posts, fake t.me at ${size.latencyMs} ms)`);
    results.push(...measureCollection(kind, size));
  }
  return { date: new Date().toISOString(), loadAverage: loadavg(), engine, buildSeconds, results };
}

/** Minutes and seconds since the benchmark started, for its progress lines. */
function elapsed(): string {
  const seconds = Math.round((performance.now() - STARTED) / 1000);
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
}

const DECIMALS: Record<Unit, number> = { ms: 0, 'items/s': 0, 'MB/s': 1, MB: 0, 'req/s': 0 };

const format = (value: number | undefined, unit: Unit) =>
  value === undefined || Number.isNaN(value)
    ? '—'
    : value.toLocaleString('en', {
        maximumFractionDigits: unit === 'ms' && value < 10 ? 2 : DECIMALS[unit],
      });

function print(kind: string, results: readonly Result[]): void {
  const table = new Table({
    head: [kind, 'median', 'p95', 'min–max', 'baseline median', 'ratio', 'target', 'met'],
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
      result.meets === null ? '—' : result.meets ? 'yes' : 'NO',
    ]);
  }
  console.log(table.toString());
  for (const result of results) {
    if (!result.notes) continue;
    const notes = Object.entries(result.notes).map(([key, value]) => `${key} ${value}`);
    console.log(`  ${result.workload}: ${notes.join(', ')}`);
  }
}

function commit(): string {
  try {
    return execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: HERE, encoding: 'utf8' }).trim();
  } catch {
    return '';
  }
}

const program = new Command()
  .option('--db <which>', 'sqlite, postgres or both', process.env['DATABASE_URL'] ? 'both' : 'sqlite')
  .option('--only <name>', 'only the workloads whose name contains this')
  .option('--runs <n>', 'timed runs of each dashboard workload', '15')
  .option(
    '--repeat <n>',
    'runs of the HTTP load and of the import (with classification: once), each side',
    '3',
  )
  .option('--big', 'also import a 1 GB export (its peak RSS against 256 MB; several minutes per database)')
  .option('--scale <name>', 'national, or tiny for a quick check that writes no results', 'national')
  .parse();
const options = program.opts<Options>();
const scale = SCALES[options.scale as Scale['name']];
if (!scale) throw new Error(`--scale ${options.scale}: national or tiny`);
const kinds = options.db === 'both' ? (['sqlite', 'postgres'] as const) : [options.db];
for (const kind of kinds) {
  if (kind !== 'sqlite' && kind !== 'postgres') throw new Error(`--db ${kind}: sqlite, postgres or both`);
}
const load = { start: loadavg() };
const exports: Export[] = [];
if (!options.only || IMPORT.includes(options.only)) {
  process.stderr.write(`  ${elapsed()} the synthetic Telegram export of ${scale.messages} messages\n`);
  const standard = await telegramExport(DATA, scale.messages);
  exports.push(standard);
  if (options.big) {
    const messages = messagesFor(1e9, { messages: scale.messages, bytes: standard.bytes });
    process.stderr.write(`  ${elapsed()} the synthetic Telegram export of ${messages} messages (1 GB)\n`);
    exports.push(await telegramExport(DATA, messages));
  }
}
const resultsFile = join(HERE, 'results.json');
/** A database's figures; each result dated, since a run with --only keeps the others' latest. */
type Measured = Omit<Awaited<ReturnType<typeof benchDatabase>>, 'results'> & {
  results: (Result & { date?: string })[];
};
// A run keeps the latest figures of the workloads and databases it did not measure.
const databases: Record<string, Measured> = existsSync(resultsFile)
  ? (JSON.parse(readFileSync(resultsFile, 'utf8')) as { databases: typeof databases }).databases
  : {};
// The demo's build on each engine, back to back, from empty databases.
const builds =
  !options.only || DEMO_BUILD.includes(options.only)
    ? await measureDemoBuilds(kinds as DialectName[], buildSize(scale), (kind, text) =>
        process.stderr.write(`  ${elapsed()} ${kind}: ${text}\n`),
      )
    : {};
for (const kind of kinds as DialectName[]) {
  const result = await benchDatabase(kind, scale, options, exports);
  const build = builds[kind];
  if (build) result.results.unshift(build);
  print(kind, result.results);
  const previous = databases[kind];
  const measured = new Set(result.results.map((entry) => entry.workload));
  databases[kind] = {
    ...result,
    engine: result.engine || (previous?.engine ?? ''),
    // The build time is the one of the run that built the data.
    buildSeconds: result.buildSeconds ?? previous?.buildSeconds ?? null,
    results: [
      ...(previous?.results ?? []).filter((entry) => !measured.has(entry.workload)),
      ...result.results.map((entry) => ({ ...entry, date: result.date })),
    ],
  };
}
process.stderr.write(`  ${elapsed()} done\n`);
if (scale.name === 'national') {
  const report = {
    date: new Date().toISOString(),
    machine: {
      cpu: cpus()[0]?.model ?? '',
      cores: cpus().length,
      memoryGb: Math.round(totalmem() / 2 ** 30),
      loadAverage: { ...load, end: loadavg() },
    },
    versions: {
      aqparat: commit(),
      node: process.version,
      ...Object.fromEntries(Object.entries(databases).map(([k, v]) => [k, v.engine])),
    },
    databases,
  };
  writeFileSync(resultsFile, `${JSON.stringify(report, null, 2)}\n`);
  console.log(
    `bench/results.json written; load average ${load.start.map((v) => v.toFixed(2)).join(' ')} at the start`,
  );
}
