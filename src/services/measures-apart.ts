/**
 * The dashboard's measures computed in a worker thread with a read-only connection of its own (SQLite only), for
 * the answers that lag imports storing in the background (data-cache.ts, Memo.recent). better-sqlite3 is
 * synchronous: computed in the server's thread, a dashboard's 39 statements (some 80 ms, more on busy cores) held
 * every request arriving meanwhile, once a second while uploads stored (docs/PERFORMANCE.md). The worker runs the
 * same service code for the same actor, query and clock, in one read transaction, and posts the answer back.
 * PostgreSQL's driver does not hold the thread while a query runs: its measures stay where they are.
 */
import { Worker } from 'node:worker_threads';
import type { Logger } from 'pino';
import type { Actor } from '../policies/actor.js';
import type { UiLang } from '../shared/vocabulary.js';
import type { CountsQuery, MeasureQuery } from './dashboard.service.js';
import { reviveTaskError, type TaskError } from './task-error.js';

/** Which measure, of which query: the query resolved, so that no default depends on where it runs. */
export type MeasureTask =
  | { measure: 'dashboard' | 'findings'; query: MeasureQuery; lang: UiLang }
  | {
      measure: 'reach' | 'presence' | 'subject-platform' | 'rankings' | 'channel-activity' | 'plan-fact';
      query: MeasureQuery;
    }
  | { measure: 'counts'; query: CountsQuery };

export interface ToWorker {
  id: number;
  actor: Actor;
  /** The requester's clock, as an ISO instant. */
  now: string;
  task: MeasureTask;
}

export type FromWorker =
  { id: number; type: 'done'; answer: unknown } | { id: number; type: 'error'; error: TaskError };

const WORKER = new URL('./measures-apart.worker.ts', import.meta.url).href;
// The sources are TypeScript run without a build: the reading process's entry registers tsx, then imports them.
const BOOT = new URL('./import/reader-process.boot.mjs', import.meta.url);
/** Far more than a nation's dashboard needs; past it the worker alone ends, and the measure is computed here. */
const HEAP_MB = 512;
/** Workers that end unasked before the measures go back to the server's thread for good. */
const FAILURES_ALLOWED = 3;

interface Pending {
  resolve(answer: unknown): void;
  reject(error: Error): void;
}

/** The worker is gone (or never started): the task is to be done where it was asked. */
class Unavailable extends Error {}

export class MeasuresApart {
  #worker: Worker | undefined;
  readonly #pending = new Map<number, Pending>();
  #ids = 0;
  #failures = 0;
  #closed = false;
  /** Answers the worker gave: how tests tell where a measure was computed. */
  answered = 0;

  constructor(
    private readonly file: string,
    private readonly log: Logger,
  ) {}

  /** Starts the worker ahead of its first task (it takes a moment to load the services). */
  start(): Worker | undefined {
    if (this.#closed || this.#failures >= FAILURES_ALLOWED) return undefined;
    if (this.#worker) return this.#worker;
    const worker = new Worker(BOOT, {
      argv: [WORKER],
      workerData: { file: this.file },
      resourceLimits: { maxOldGenerationSizeMb: HEAP_MB },
      stdout: false,
      stderr: false,
    });
    this.#worker = worker;
    worker.on('message', (message: FromWorker) => {
      const task = this.#pending.get(message.id);
      if (!task) return;
      this.#pending.delete(message.id);
      if (this.#pending.size === 0) worker.unref();
      if (message.type === 'done') {
        this.answered += 1;
        task.resolve(message.answer);
      } else task.reject(reviveTaskError(message.error, 'measures worker'));
    });
    worker.on('error', (error) => this.log.error({ err: error }, 'measures worker failed'));
    worker.once('exit', () => {
      if (this.#worker === worker) this.#worker = undefined;
      if (!this.#closed) this.#failures += 1;
      for (const task of this.#pending.values()) task.reject(new Unavailable());
      this.#pending.clear();
    });
    // Idle, it keeps nothing alive: a server that ends, or a test, need not stop it.
    worker.unref();
    return worker;
  }

  /**
   * The measure computed in the worker for the actor, at the requester's time; where the worker cannot (it
   * ended), computed here instead by `here`. A domain error is the one the same code throws here.
   */
  run<T>(actor: Actor, now: Date, task: MeasureTask, here: () => Promise<T>): Promise<T> {
    const worker = this.start();
    if (!worker) return here();
    const message: ToWorker = { id: ++this.#ids, actor, now: now.toISOString(), task };
    const answer = new Promise<unknown>((resolve, reject) => {
      this.#pending.set(message.id, { resolve, reject });
      worker.ref();
      worker.postMessage(message);
    });
    return answer.then(
      (value) => value as T,
      (error: unknown) => (error instanceof Unavailable ? here() : Promise.reject(error)),
    );
  }

  async close(): Promise<void> {
    this.#closed = true;
    await this.#worker?.terminate();
  }
}
