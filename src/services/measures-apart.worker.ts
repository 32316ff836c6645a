/**
 * The worker thread of measures-apart.ts: the dashboard's measures of the server's SQLite file, computed on a
 * read-only connection of its own so that the server's thread is free meanwhile. Each task runs the service the
 * server would have run, for the same actor, query and clock, in one read transaction: every figure of an answer
 * is of one state of the data, at least as new as the version the server keyed it by. Tasks run one at a time.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { sql } from 'kysely';
import { createDb } from '../storage/db.js';
import { type Context, createLogger } from './context.js';
import {
  buildDashboard,
  countsMeasure,
  findingsMeasure,
  planFactMeasure,
  presenceMeasure,
  reachMeasure,
  subjectPlatformMeasure,
} from './dashboard.service.js';
import { channelActivityMeasure } from './channel-activity.service.js';
import { DataCache } from './data-cache.js';
import { rankingMeasure } from './ranking.service.js';
import type { FromWorker, MeasureTask, ToWorker } from './measures-apart.js';
import { describeTaskError } from './task-error.js';

const port = parentPort;
if (!port) throw new Error('measures-apart.worker runs only as a worker thread');

const { file } = workerData as { file: string };
const db = createDb({ kind: 'sqlite', file }, { readonly: true });
const log = createLogger();
// Answers of one state of the data are shared by the tasks that read it (the dashboard's parts).
const cache = new DataCache(() => db.dialect.dataVersion(db.kysely));

function measure(ctx: Context, task: MeasureTask): Promise<unknown> {
  switch (task.measure) {
    case 'dashboard':
      return buildDashboard(ctx, task.query, task.lang);
    case 'findings':
      return findingsMeasure(ctx, task.query, task.lang);
    case 'reach':
      return reachMeasure(ctx, task.query);
    case 'presence':
      return presenceMeasure(ctx, task.query);
    case 'counts':
      return countsMeasure(ctx, task.query);
    case 'subject-platform':
      return subjectPlatformMeasure(ctx, task.query);
    case 'rankings':
      return rankingMeasure(ctx, task.query);
    case 'channel-activity':
      return channelActivityMeasure(ctx, task.query);
    case 'plan-fact':
      return planFactMeasure(ctx, task.query);
  }
}

async function run({ id, actor, now, task }: ToWorker): Promise<FromWorker> {
  const ctx: Context = { actor, db, clock: () => new Date(now), log, cache };
  let begun = false;
  try {
    // Begun outside Kysely's transactions, so that the memo still keys answers by the version this snapshot reads.
    await sql`begin`.execute(db.kysely);
    begun = true;
    return { id, type: 'done', answer: await measure(ctx, task) };
  } catch (error) {
    return { id, type: 'error', error: describeTaskError(error) };
  } finally {
    if (begun) await sql`rollback`.execute(db.kysely).catch(() => undefined);
  }
}

let queue = Promise.resolve();
port.on('message', (message: ToWorker) => {
  queue = queue.then(async () => port.postMessage(await run(message)));
});
