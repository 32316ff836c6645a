/**
 * Uploads' imports run in a process of their own (import-process.child.ts), with their own connection to the
 * database: the storing is synchronous SQL and analysis for seconds at a stretch, and in the server's thread it
 * held every request (docs/PERFORMANCE.md). The process is started on the first import, shared by all of them,
 * and kept while the server lives. A process that dies ends its imports in an error that tells a rerun completes them.
 */
import { type ChildProcess, fork } from 'node:child_process';
import { DomainError } from '../../domain/errors.js';
import type { Context } from '../context.js';
import { importFile, type ImportRequest, type ImportSummary } from '../import.service.js';
import { reviveTaskError } from '../task-error.js';
import type { FromImport, ImportTask } from './import-process.protocol.js';
import { YOUNG_GENERATION } from './child-options.js';

const CHILD = new URL('./import-process.child.ts', import.meta.url).href;
const BOOT = new URL('./reader-process.boot.mjs', import.meta.url);
/** The heap of `aqparat` itself (bin/aqparat.js): the process holds what the server held for its imports. */
const HEAP_MB = 1024;

interface Pending {
  resolve(summary: ImportSummary): void;
  reject(error: Error): void;
}

interface ImportProcess {
  child: ChildProcess;
  pending: Map<number, Pending>;
}

let current: ImportProcess | undefined;
let tasks = 0;

/** Idle, the process keeps nothing alive: a CLI or a test ends without stopping it (it ends with us). */
function idle(process: ImportProcess, isIdle: boolean): void {
  const method = isIdle ? 'unref' : 'ref';
  process.child[method]();
  process.child.channel?.[method]();
}

function start(ctx: Context): ImportProcess {
  const child = fork(BOOT, [CHILD], {
    execArgv: [`--max-old-space-size=${HEAP_MB}`, YOUNG_GENERATION],
    serialization: 'advanced',
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
  });
  const started: ImportProcess = { child, pending: new Map() };
  // A message to a process that has just died fails; its imports learn of the death from its exit.
  child.on('error', () => undefined);
  child.on('message', (message: FromImport) => {
    const task = started.pending.get(message.id);
    if (!task) return;
    started.pending.delete(message.id);
    if (started.pending.size === 0) idle(started, true);
    if (message.type === 'done') task.resolve(message.summary);
    else task.reject(reviveTaskError(message.error, 'import process'));
  });
  child.once('exit', (code, signal) => {
    if (current === started) current = undefined;
    if (started.pending.size > 0) ctx.log.error({ code, signal }, 'import process died');
    for (const task of started.pending.values()) task.reject(new DomainError('import_interrupted'));
    started.pending.clear();
  });
  return started;
}

/** What `importFile` does, done in the import process on the same database for the same actor. */
export function importApart(
  ctx: Context,
  request: Omit<ImportRequest, 'onProgress'>,
): Promise<ImportSummary> {
  const { config } = ctx.db;
  // A database in memory has no second connection: its imports stay here.
  if (config.kind === 'sqlite' && config.file === ':memory:') return importFile(ctx, request);
  const process = current?.child.connected ? current : (current = start(ctx));
  const task: ImportTask = {
    id: ++tasks,
    db: config.kind === 'sqlite' ? config.file : config.url,
    actor: ctx.actor,
    request,
  };
  return new Promise<ImportSummary>((resolve, reject) => {
    process.pending.set(task.id, { resolve, reject });
    idle(process, false);
    process.child.send(task);
  });
}
