/**
 * The server's uploads are imported here, in a process of its own with its own connection to the database: the
 * storing (mapping drafts to rows, the copy search, content analysis, better-sqlite3's synchronous statements)
 * takes this process's thread, never the server's. Each task is `importFile` as `aqparat import` runs it, for the
 * uploader; the reading goes on in a reading process of this one's (reader-process.ts). Several imports run at
 * once, as in the server before: on SQLite they share one connection and store chunk by chunk in turn.
 */
import { DomainError } from '../../domain/errors.js';
import { type Context, openContext } from '../context.js';
import { importFile } from '../import.service.js';
import { describeTaskError } from '../task-error.js';
import type { FromImport, ImportTask } from './import-process.protocol.js';

if (!process.send) throw new Error('import-process.child runs only as a child process');
const send = (message: FromImport) => process.send?.(message);

/** The databases open, each with the imports running on it: closed when the last ends. */
const open = new Map<string, { ctx: Promise<Context>; users: number }>();

function acquire(db: string): Promise<Context> {
  const known = open.get(db);
  if (known) {
    known.users += 1;
    return known.ctx;
  }
  const ctx = openContext({ db });
  open.set(db, { ctx, users: 1 });
  ctx.catch(() => open.delete(db));
  return ctx;
}

async function release(db: string): Promise<void> {
  const known = open.get(db);
  if (!known || --known.users > 0) return;
  open.delete(db);
  await (await known.ctx).db.close();
}

async function run(task: ImportTask): Promise<void> {
  let ctx: Context | undefined;
  try {
    ctx = { ...(await acquire(task.db)), actor: task.actor };
    send({ id: task.id, type: 'done', summary: await importFile(ctx, task.request) });
  } catch (error) {
    if (!(error instanceof DomainError))
      ctx?.log.error({ err: error, file: task.request.file }, 'import failed');
    send({ id: task.id, type: 'error', error: describeTaskError(error) });
  } finally {
    await release(task.db);
  }
}

process.on('message', (task: ImportTask) => void run(task));
// The server going away ends this process: its running batches are left to their leases (lease.ts).
process.on('disconnect', () => process.exit(0));
