/**
 * Reading an import on a thread of its own, within a budget. The thread opens, parses and maps the source
 * (reader-thread.worker.ts) and hands the items over in batches; this side stores them. The thread is stopped,
 * and the import ends in a clear error, when it keeps the import waiting past its time budget, grows past its
 * memory budget, or stops without finishing. So no file can hang an import, take the server's memory, or run a
 * parser inside a database transaction (which would hold SQLite's only connection).
 */
import { Worker } from 'node:worker_threads';
import { DomainError } from '../../domain/errors.js';
import type { SheetHeader } from '../../importers/sheet/map.js';
import type { Mapped } from '../../importers/types.js';
import type { Context } from '../context.js';
import type { EntryInfo, FromReader, ReadTask, ToReader } from './reader-thread.protocol.js';

export type { EntryInfo, ReadTask };

export interface ReadBudget {
  /** How long the import may wait for the thread's next batch. */
  stallSeconds: number;
  /** How long it may wait for the thread in all: this much, plus `secondsPerMb` for each megabyte read. */
  baseSeconds: number;
  secondsPerMb: number;
  /** The thread's heap. */
  memoryMb: number;
}

const DEFAULT_BUDGET: ReadBudget = { stallSeconds: 60, baseSeconds: 120, secondsPerMb: 2, memoryMb: 512 };

/** The budget, with `AQPARAT_READ_STALL_SECONDS` and `AQPARAT_READ_MEMORY_MB` where set. */
export function readBudgetOf(env: NodeJS.ProcessEnv = process.env): ReadBudget {
  const positive = (name: string, fallback: number) => {
    const value = Number(env[name]);
    return Number.isFinite(value) && value > 0 ? value : fallback;
  };
  return {
    ...DEFAULT_BUDGET,
    stallSeconds: positive('AQPARAT_READ_STALL_SECONDS', DEFAULT_BUDGET.stallSeconds),
    memoryMb: positive('AQPARAT_READ_MEMORY_MB', DEFAULT_BUDGET.memoryMb),
  };
}

export interface ReadBatch {
  items: Mapped[];
  /** Bytes read so far, of all entries. */
  done: number;
  header?: SheetHeader;
}

export interface ThreadSource {
  name: string;
  entries: EntryInfo[];
  /** The Telegram full export's chat chosen. */
  chat?: string;
  /** The batches, once: a failure of the reading is thrown from here. */
  batches(): AsyncGenerator<ReadBatch>;
  /** The source's SHA-256, once the batches have ended (or failed after the file could be hashed). */
  hash(): string;
  close(): Promise<void>;
}

/** Batches the thread may read ahead of what is stored: enough to keep both threads busy, few to keep memory low. */
const AHEAD = 2;

const MODULE = new URL('./reader-thread.worker.ts', import.meta.url).href;
const BOOT = new URL('./reader-thread.boot.mjs', import.meta.url);

/** Starts reading; resolves once the source is open (its entries known), or rejects with why it cannot be read. */
export async function openInThread(ctx: Context, task: ReadTask, budget: ReadBudget): Promise<ThreadSource> {
  const file = task.target.split(/[\\/]/).pop() || task.target;
  const worker = new Worker(BOOT, {
    workerData: { module: MODULE, task },
    resourceLimits: { maxOldGenerationSizeMb: budget.memoryMb, maxYoungGenerationSizeMb: 16 },
    stdout: false,
    stderr: false,
  });
  const queue: FromReader[] = [];
  let failure: DomainError | undefined;
  let wake: (() => void) | undefined;
  const notify = () => {
    wake?.();
    wake = undefined;
  };
  let ended = false;
  worker.on('message', (message: FromReader) => {
    queue.push(message);
    notify();
  });
  worker.on('error', (error: Error & { code?: string }) => {
    failure ??=
      error.code === 'ERR_WORKER_OUT_OF_MEMORY'
        ? new DomainError('import_read_memory', { file, limit: budget.memoryMb })
        : new DomainError('import_file_unreadable', { file, format: '', detail: error.message });
    if (error.code !== 'ERR_WORKER_OUT_OF_MEMORY')
      ctx.log.error({ err: error, file }, 'import reader failed');
    notify();
  });
  worker.on('exit', () => {
    // A thread that ended without its last message stopped inside a parser that waited on what never comes.
    if (!ended) failure ??= new DomainError('import_read_stalled', { file });
    notify();
  });

  let waited = 0;
  let allowed = budget.baseSeconds * 1000;
  /** The thread's next message, within the budget; the thread is stopped when it runs out. */
  const next = async (): Promise<FromReader> => {
    const started = Date.now();
    try {
      for (;;) {
        const message = queue.shift();
        if (message) return message;
        if (failure) throw failure;
        const left = Math.min(budget.stallSeconds * 1000, allowed - waited - (Date.now() - started));
        if (left <= 0) {
          failure = new DomainError('import_read_timeout', { file, seconds: Math.round(allowed / 1000) });
          await worker.terminate();
          throw failure;
        }
        const timer = new Promise<void>((resolve) => {
          wake = resolve;
          setTimeout(resolve, left).unref();
        });
        await timer;
      }
    } finally {
      waited += Date.now() - started;
    }
  };
  const fail = async (error: FromReader & { type: 'error' }): Promise<never> => {
    ended = true;
    if (error.stack) ctx.log.error({ file, stack: error.stack }, 'import parser failed');
    await worker.terminate();
    const { code, params, record, fields } = error.error;
    throw new DomainError(code, params, record, fields);
  };

  let hash = '';
  const opened = await next().catch(async (error: unknown) => {
    await worker.terminate();
    throw error;
  });
  if (opened.type === 'error') return fail(opened);
  if (opened.type !== 'opened') throw new Error(`reader sent ${opened.type} before opening`);
  allowed += (opened.entries.reduce((sum, entry) => sum + entry.size, 0) / 1e6) * budget.secondsPerMb * 1000;

  const grant = (credits: number) => worker.postMessage({ credits } satisfies ToReader);
  return {
    name: opened.name,
    entries: opened.entries,
    ...(opened.chat ? { chat: opened.chat } : {}),
    async *batches() {
      grant(AHEAD);
      for (;;) {
        const message = await next();
        if (message.type === 'batch') {
          grant(1);
          yield {
            items: message.items,
            done: message.done,
            ...(message.header ? { header: message.header } : {}),
          };
        } else if (message.type === 'end') {
          ended = true;
          hash = message.hash;
          return;
        } else if (message.type === 'error') {
          hash = message.hash ?? '';
          await fail(message);
        } else throw new Error(`reader sent ${message.type} twice`);
      }
    },
    hash: () => hash,
    close: async () => {
      ended = true;
      await worker.terminate();
    },
  };
}
