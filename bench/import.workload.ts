/**
 * The Telegram import workload (issue 8): a synthetic export, pretty-printed like the real format with its quirks,
 * written once into bench/data/; each run imports it in a child process of its own (so that peak RSS is the
 * run's) into a fresh database: the product with content analysis inline (the default), the product without it,
 * and the raw baseline, alternately.
 */
import { existsSync, mkdirSync, renameSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { writeTelegramExport } from '../test/factories/telegram-export.factory.js';
import { createTestDatabase, type DialectName } from '../test/helpers/databases.js';
import { runChild } from './children.js';
import { type Figure, figureOf, MB, type Result, resultOf } from './figures.js';
import type { ImportRun, ImportTask } from './import.task.js';

/**
 * Characters of each post's text: 200,000 messages then make 150 MB, about the size of the export issue 8's
 * orientation figures were measured on. Texts shorter than the factory's default weigh each message's work more.
 */
const TEXT_LENGTH = 100;

/** The synthetic export of this many messages in `dir`, written the first time it is asked for. */
export async function telegramExport(
  dir: string,
  messages: number,
): Promise<{ file: string; bytes: number }> {
  const file = join(dir, `telegram-${messages}x${TEXT_LENGTH}.json`);
  if (!existsSync(file)) {
    mkdirSync(dir, { recursive: true });
    // Written under another name first: an interrupted run leaves no half export to be taken for a whole one.
    const partial = `${file}.partial`;
    await writeTelegramExport(partial, { messages, textLength: TEXT_LENGTH });
    renameSync(partial, file);
  }
  return { file, bytes: statSync(file).size };
}

/** Messages of an export of at least `bytes`, by the size per message of a smaller one. */
export function messagesFor(bytes: number, sample: { messages: number; bytes: number }): number {
  return Math.ceil((bytes * sample.messages) / sample.bytes);
}

type Side = 'analyzed' | 'plain' | 'baseline';

const SIDES: Record<Side, { script: string; analyze?: boolean }> = {
  analyzed: { script: 'import.product.ts', analyze: true },
  plain: { script: 'import.product.ts', analyze: false },
  baseline: { script: 'import.baseline.ts' },
};

/** A run, and whether it was stopped before the end of the file. */
export type SideRun = ImportRun & { cut: boolean };

/** One run of one side on a database made for it and dropped after. */
async function importOnce(kind: DialectName, side: Side, file: string, limitMs: number): Promise<SideRun> {
  const database = await createTestDatabase(kind);
  try {
    const { script, analyze } = SIDES[side];
    const task: ImportTask = { file, db: database.target, ...(analyze === undefined ? {} : { analyze }) };
    const { answer, cut } = await runChild<ImportRun>(script, task, limitMs);
    return { ...answer, cut };
  } finally {
    await database.drop();
  }
}

export type ImportRuns = Record<Side, SideRun[]>;

export interface ImportLimits {
  /** Rounds of runs (each side once per round; the import with classification in the first only). */
  runs: number;
  /** A run still going after this long is stopped; its throughput is what it read by then. */
  runLimitMs?: number;
  /** No round starts that would end after this long, judged by its sides' last runs; the first always runs. */
  budgetMs?: number;
}

/**
 * The sides that run again after the first round. The import with classification runs into the time limit (40 s
 * of a national run, where the import without it takes 5–10 s and the baseline 2–4 s): once, it leaves the budget
 * two more rounds of the others, whose ratio then is a median of three.
 */
const REPEATED: readonly Side[] = ['plain', 'baseline'];

/** Runs the sides in turn, round after round, each run in a child process on a fresh database. */
export async function measureImport(
  kind: DialectName,
  file: string,
  limits: ImportLimits,
  sides: readonly Side[] = ['analyzed', 'plain', 'baseline'],
): Promise<ImportRuns> {
  const result: ImportRuns = { analyzed: [], plain: [], baseline: [] };
  const started = performance.now();
  const budget = limits.budgetMs ?? Infinity;
  const lasted = new Map<Side, number>();
  for (let round = 0; round < limits.runs; round++) {
    const these = round === 0 ? sides : sides.filter((side) => REPEATED.includes(side));
    const expected = these.reduce((sum, side) => sum + (lasted.get(side) ?? 0), 0);
    if (these.length === 0 || (round > 0 && performance.now() - started + expected > budget)) break;
    for (const side of these) {
      const sideStarted = performance.now();
      result[side].push(await importOnce(kind, side, file, limits.runLimitMs ?? Infinity));
      lasted.set(side, performance.now() - sideStarted);
    }
  }
  return result;
}

const RSS_TARGET = {
  text: '≤ 0.25× baseline',
  check: (_: Figure, ratio: number | null) => (ratio ?? 1) <= 0.25,
};
const median = (values: readonly number[]) => figureOf(values).median;

/** Throughput and peak RSS of both products against the baseline's, with the rows each stored as notes. */
export function importResults(runs: ImportRuns, bytes: number): Result[] {
  const throughput = (side: Side) => runs[side].map((run) => run.bytes / MB / run.seconds);
  const rss = (side: Side) => runs[side].map((run) => run.peakMb);
  const rows = (side: Side) => runs[side].flatMap((run) => (run.rows === null ? [] : [run.rows]));
  const notes = (side: Side) => ({
    fileMb: Math.round(bytes / MB),
    // Only a run that read the whole file counts its rows.
    ...(rows(side).length > 0 ? { rows: median(rows(side)) } : {}),
    baselineRows: median(rows('baseline')),
    /** Runs stopped at the time limit: their figures are those of the part of the file they read. */
    cutRuns: runs[side].filter((run) => run.cut).length,
    startMb: Math.round(median(runs[side].map((run) => run.startMb))),
    baselineStartMb: Math.round(median(runs.baseline.map((run) => run.startMb))),
  });
  return [
    resultOf(
      'telegram import',
      'MB/s',
      { text: '≥ 0.5× baseline', check: (_, ratio) => (ratio ?? 0) >= 0.5 },
      throughput('plain'),
      throughput('baseline'),
      notes('plain'),
    ),
    resultOf('telegram import peak RSS', 'MB', RSS_TARGET, rss('plain'), rss('baseline')),
    resultOf(
      'telegram import + classification',
      'MB/s',
      { text: '≥ 0.3× baseline', check: (_, ratio) => (ratio ?? 0) >= 0.3 },
      throughput('analyzed'),
      throughput('baseline'),
      notes('analyzed'),
    ),
    resultOf(
      'telegram import + classification peak RSS',
      'MB',
      { text: '— (≤ 0.25× without)' },
      rss('analyzed'),
      rss('baseline'),
    ),
  ];
}

/**
 * The product, classification inline, on an export of at least 1 GB: its peak RSS against 256 MB. The baseline
 * cannot take part: Node makes no string of a file over 512 MiB (`readFileSync(file, 'utf8')` throws "Cannot
 * create a string longer than 0x1fffffe8 characters"), so whole-file JSON.parse is out of the question.
 */
export async function bigImportResult(kind: DialectName, file: string, bytes: number): Promise<Result> {
  const [run] = (await measureImport(kind, file, { runs: 1 }, ['analyzed'])).analyzed;
  if (!run) throw new Error('the 1 GB import did not run');
  return resultOf(
    'telegram import 1 GB + classification peak RSS',
    'MB',
    { text: '≤ 256 MB', check: (figure) => figure.median <= 256 },
    [run.peakMb],
    null,
    {
      fileMb: Math.round(bytes / MB),
      rows: run.rows ?? 0,
      mbPerSecond: Number((run.bytes / MB / run.seconds).toFixed(1)),
    },
  );
}
