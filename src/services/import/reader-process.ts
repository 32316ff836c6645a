/**
 * Reading an import in a process of its own, within a budget. The child process opens, parses and maps the
 * source (reader-process.child.ts) and hands the items over in batches; this side stores them. The child is
 * killed, and the import ends in a clear error, when it keeps the import waiting past its time budget, grows past
 * its heap, or stops without finishing. So no file can hang an import, take the server's memory (a process of
 * its own: V8 ends a thread's isolate cleanly only for a heap that grows slowly, and a single large allocation
 * would end the whole server), or run a parser inside a database transaction (which would hold SQLite's only
 * connection). A child that finished cleanly is kept for the next import, which spares it the start.
 */
import { type ChildProcess, fork } from 'node:child_process';
import { basename } from 'node:path';
import { DomainError } from '../../domain/errors.js';
import type { SheetHeader } from '../../importers/sheet/map.js';
import type { Mapped } from '../../importers/types.js';
import type { Context } from '../context.js';
import type { Prepared } from '../labels.js';
import type { EntryInfo, FromReader, ReadTask, ToReader } from './reader-process.protocol.js';
import { YOUNG_GENERATION } from './child-options.js';

export type { EntryInfo, ReadTask };

export interface ReadBudget {
  /** How long the import may wait for the reader's next batch. */
  stallSeconds: number;
  /** How long it may wait for the reader in all: this much, plus `secondsPerMb` for each megabyte read. */
  baseSeconds: number;
  secondsPerMb: number;
  /** The reader's heap. */
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
  /** Publication drafts' labels and band keys, by index in `items`, when the task asked for them. */
  prepared?: (Prepared | null)[];
}

export interface ReadingSource {
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

/** Batches the reader may read ahead of what is stored: enough to keep both busy, few to keep memory low. */
const AHEAD = 2;
/** What a reader's last words on stderr are kept of: enough to tell a heap that ran out. */
const STDERR_KEPT = 4096;

const CHILD = new URL('./reader-process.child.ts', import.meta.url).href;
const BOOT = new URL('./reader-process.boot.mjs', import.meta.url);

interface Reader {
  child: ChildProcess;
  memoryMb: number;
  stderr: string;
}

/** A reader that finished cleanly, by heap size: the next import with the same budget takes it. */
const idle = new Map<number, Reader>();

function startReader(memoryMb: number): Reader {
  const child = fork(BOOT, [CHILD], {
    execArgv: [`--max-old-space-size=${memoryMb}`, YOUNG_GENERATION],
    serialization: 'advanced',
    stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
  });
  const reader: Reader = { child, memoryMb, stderr: '' };
  // A message to a reader that has just died fails; its import learns of the death from its exit.
  child.on('error', () => undefined);
  child.once('exit', () => {
    if (idle.get(memoryMb) === reader) idle.delete(memoryMb);
  });
  child.stderr?.setEncoding('utf8');
  child.stderr?.on('data', (text: string) => (reader.stderr = (reader.stderr + text).slice(-STDERR_KEPT)));
  (child.stderr as { unref?: () => void } | null)?.unref?.();
  return reader;
}

function takeReader(memoryMb: number): Reader {
  const kept = idle.get(memoryMb);
  idle.delete(memoryMb);
  if (kept && kept.child.connected && kept.child.exitCode === null) {
    kept.child.ref();
    kept.child.channel?.ref();
    return kept;
  }
  return startReader(memoryMb);
}

/** Keeps a reader that finished cleanly for the next import; it keeps no process from ending meanwhile. */
function keepReader(reader: Reader): void {
  if (idle.has(reader.memoryMb) || !reader.child.connected) {
    reader.child.kill();
    return;
  }
  idle.set(reader.memoryMb, reader);
  reader.child.unref();
  reader.child.channel?.unref();
}

/** Starts reading; resolves once the source is open (its entries known), or rejects with why it cannot be read. */
export async function openReading(ctx: Context, task: ReadTask, budget: ReadBudget): Promise<ReadingSource> {
  const file = basename(task.target);
  const reader = takeReader(budget.memoryMb);
  const { child } = reader;
  const queue: FromReader[] = [];
  let failure: DomainError | undefined;
  let wake: (() => void) | undefined;
  const notify = () => {
    wake?.();
    wake = undefined;
  };
  /** Whether the reader is done with this task (its last message came, or it was stopped). */
  let released = false;
  const onMessage = (message: FromReader) => {
    queue.push(message);
    notify();
  };
  const onExit = (code: number | null, signal: NodeJS.Signals | null) => {
    const heap = /heap out of memory/i.test(reader.stderr) || signal === 'SIGABRT' || code === 134;
    // A reader that ended without its last message and not for its heap was ended from outside, or crashed.
    failure ??= heap
      ? new DomainError('import_read_memory', { file, limit: budget.memoryMb })
      : new DomainError('import_read_stopped', { file });
    if (!heap && code !== 0)
      ctx.log.error({ file, code, signal, stderr: reader.stderr }, 'import reader died');
    notify();
  };
  child.on('message', onMessage);
  child.once('exit', onExit);
  /** Lets the reader go: kept for the next import when it finished cleanly, else killed. */
  const release = (clean: boolean) => {
    if (released) return;
    released = true;
    child.off('message', onMessage);
    child.off('exit', onExit);
    if (clean && queue.length === 0) keepReader(reader);
    else child.kill('SIGKILL');
  };
  const tell = (message: ToReader) => {
    if (child.connected) child.send(message);
  };
  tell({ task });

  let waited = 0;
  let allowed = budget.baseSeconds * 1000;
  /** The reader's next message, within the budget; the reader is killed when it runs out. */
  const next = async (): Promise<FromReader> => {
    const started = Date.now();
    try {
      for (;;) {
        const message = queue.shift();
        if (message) return message;
        if (failure) throw failure;
        const now = Date.now() - started;
        const left = Math.min(budget.stallSeconds * 1000 - now, allowed - waited - now);
        if (left <= 0) {
          const seconds = Math.round(Math.min(budget.stallSeconds * 1000, allowed) / 1000);
          failure = new DomainError('import_read_timeout', { file, seconds });
          release(false);
          throw failure;
        }
        // A message wakes the wait and clears its timer: a long import waits thousands of times.
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, left).unref();
          wake = () => {
            clearTimeout(timer);
            resolve();
          };
        });
      }
    } finally {
      waited += Date.now() - started;
    }
  };
  /** The reader told why it cannot go on: it is sound and may read again. */
  const fail = (error: FromReader & { type: 'error' }): never => {
    release(true);
    if (error.stack) ctx.log.error({ file, stack: error.stack }, 'import parser failed');
    const { code, params, record, fields } = error.error;
    throw new DomainError(code, params, record, fields);
  };

  let hash = '';
  let opened: FromReader;
  try {
    opened = await next();
  } catch (error) {
    release(false);
    throw error;
  }
  if (opened.type === 'error') return fail(opened);
  if (opened.type !== 'opened') {
    release(false);
    throw new Error(`reader sent ${opened.type} before opening`);
  }
  allowed += (opened.entries.reduce((sum, entry) => sum + entry.size, 0) / 1e6) * budget.secondsPerMb * 1000;

  const grant = (credits: number) => tell({ credits });
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
            ...(message.prepared ? { prepared: message.prepared } : {}),
          };
        } else if (message.type === 'end') {
          hash = message.hash;
          release(true);
          return;
        } else if (message.type === 'error') {
          hash = message.hash ?? '';
          fail(message);
        } else {
          release(false);
          throw new Error(`reader sent ${message.type} twice`);
        }
      }
    },
    hash: () => hash,
    // Stopped before its end (the batches were not read through, or their reading failed here): not reused.
    close: async () => release(false),
  };
}
