/**
 * One run of the product's import, in a process of its own: `importFile` of the export into a Telegram channel
 * of a fresh database — parse, map, attribute, store, and content analysis unless the task turns it off.
 */
import { statSync } from 'node:fs';
import { openContext } from '../src/services/context.js';
import { importFile } from '../src/services/import.service.js';
import { addChannel } from '../src/services/records.service.js';
import { buildOrg } from '../test/factories/org.factory.js';
import { answer, taskOf } from './children.js';
import { type ImportRun, type ImportTask, peakMb, rssMb } from './import.task.js';

/** How often a run tells how far it got, so that a run cut short still gives its throughput so far. */
const PROGRESS_MS = 1_000;

const task = taskOf<ImportTask>();
const ctx = await openContext({ db: task.db });
try {
  const owner = await buildOrg(ctx, 'region');
  const channel = 'bench-telegram';
  await addChannel(ctx, {
    code: channel,
    org: owner.code,
    platform: 'telegram',
    name: 'Профсоюз образования области Абай',
    url: 'https://t.me/abai_edu',
  });
  const startMb = rssMb();
  const started = performance.now();
  const progress = (bytes: number, rows: number | null): ImportRun => ({
    bytes,
    seconds: (performance.now() - started) / 1000,
    peakMb: peakMb(),
    startMb,
    rows,
  });
  let shown = started;
  await importFile(ctx, {
    file: task.file,
    channel,
    analyze: task.analyze ?? true,
    onProgress: (done) => {
      if (performance.now() - shown < PROGRESS_MS) return;
      shown = performance.now();
      answer(progress(done, null));
    },
  });
  const run = progress(statSync(task.file).size, null);
  const { n } = await ctx.db.kysely
    .selectFrom('publication')
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .executeTakeFirstOrThrow();
  answer({ ...run, rows: Number(n) });
} finally {
  await ctx.db.close();
}
