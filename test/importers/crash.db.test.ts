/**
 * Crash safety: `aqparat import` is killed (SIGKILL) at seeded random points of a Telegram export, on each engine.
 * The database must then be sound (integrity, foreign keys, the roll-up agreeing with the rows), hold whole chunks
 * only (the batch's counts are its rows, every stored post labelled); the killed batch ends interrupted once its
 * lease has run out and an import starts; a rerun ends with exactly the file's records; undoing the killed batch
 * leaves them all, and undoing the rerun removes them.
 */
import { once } from 'node:events';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Context, openContext } from '../../src/services/context.js';
import { IMPORT_LEASE_MS } from '../../src/services/import/lease.js';
import { getImport, undoImport } from '../../src/services/import.service.js';
import { runCli, startCli } from '../helpers/cli.js';
import { createTestDatabase, DIALECTS, type DialectName, type TestDatabase } from '../helpers/databases.js';
import { type TelegramExportContents, writeTelegramExport } from '../factories/telegram-export.factory.js';
import { buildRegion, channelOf, type Region, scratchDir } from './setup.js';

/** Records a chunk of `aqparat import` stores (import.service.ts): the kill points are placed by it. */
const CHUNK = 500;
/** Whole chunks of the export written below (2,352 posts): an import of a few seconds. */
const CHUNKS = 4;
const POINTS = 2;
const SEEDS: Record<DialectName, number> = { sqlite: 0x5eed, postgres: 0xc0ffee };

/** A small seeded generator (mulberry32): the same kill points on every run. */
function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe.each(DIALECTS)('an import killed at random points (%s)', (dialect) => {
  let database: TestDatabase;
  let ctx: Context;
  let org: Region;
  const dir = scratchDir();
  const file = join(dir, 'result.json');
  let contents: TelegramExportContents;
  const random = seeded(SEEDS[dialect]);
  // Where each kill falls: after so many chunks stored (0: once the batch exists), and a part of the next one.
  const points = Array.from({ length: POINTS }, () => ({
    chunks: Math.floor(random() * CHUNKS),
    part: Math.round(random() * 100) / 100,
  }));

  beforeAll(async () => {
    database = await createTestDatabase(dialect);
    ctx = await openContext({ db: database.target, env: {} });
    org = await buildRegion(ctx);
    contents = await writeTelegramExport(file, { messages: 2400, textLength: 300 });
    expect(Math.floor(contents.posts / CHUNK)).toBe(CHUNKS);
  });
  afterAll(async () => {
    await ctx.db.close();
    await database.drop();
  });

  const db = () => ctx.db.kysely;
  const count = async (query: Promise<{ n: number | string | bigint } | undefined>) =>
    Number((await query)?.n ?? 0);
  const channelRows = (channelId: number) =>
    count(
      db()
        .selectFrom('publication')
        .select((eb) => eb.fn.countAll().as('n'))
        .where('channelId', '=', channelId)
        .executeTakeFirst(),
    );
  const batchesOf = (channelId: number) =>
    db().selectFrom('importBatch').selectAll().where('channelId', '=', channelId).orderBy('id').execute();

  /** What must hold of the whole database at any moment, a kill included. */
  const expectSound = async () => {
    if (dialect === 'sqlite') {
      // Kysely's camel-case plugin names the pragma's column.
      expect((await sql`pragma integrity_check`.execute(db())).rows).toEqual([{ integrityCheck: 'ok' }]);
      expect((await sql`pragma foreign_key_check`.execute(db())).rows).toEqual([]);
    }
    const orphans = await sql<{ n: number | string }>`
      select (select count(*) from publication_band b where not exists
                (select 1 from publication p where p.id = b.publication_id))
           + (select count(*) from publication p where p.import_batch_id is not null and not exists
                (select 1 from import_batch i where i.id = p.import_batch_id))
           + (select count(*) from import_change c where not exists
                (select 1 from import_batch i where i.id = c.batch_id)) as n`.execute(db());
    expect(Number(orphans.rows[0]?.n)).toBe(0);
    const duplicates = await sql<{ n: number | string }>`
      select count(*) as n from (select channel_id, external_id from publication
        group by channel_id, external_id having count(*) > 1) d`.execute(db());
    expect(Number(duplicates.rows[0]?.n)).toBe(0);
    // The monthly roll-up, kept by triggers, counts every publication once under its own subject.
    const rolled = await count(
      db()
        .selectFrom('publicationMonth')
        .select((eb) => eb.fn.sum<number>('count').as('n'))
        .where('isSelf', '=', 1)
        .executeTakeFirst(),
    );
    const rows = await count(
      db()
        .selectFrom('publication')
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirst(),
    );
    expect(rolled).toBe(rows);
  };

  /**
   * Starts the import and kills it once it has stored `chunks` chunks (0: once its batch exists), `part` of the
   * time a chunk takes later; the killed batch's id.
   */
  const importAndKill = async (
    channel: string,
    channelId: number,
    { chunks, part }: (typeof points)[number],
  ): Promise<number> => {
    const child = startCli(['import', file, '--channel', channel, '--db', database.target]);
    const exited = once(child, 'exit');
    let batch: { id: number; newCount: number } | undefined;
    let changedAt = Date.now();
    let chunkTime = 200;
    for (;;) {
      await pause(10);
      const [latest] = await batchesOf(channelId);
      if (latest && latest.newCount !== batch?.newCount) {
        if (batch) chunkTime = Date.now() - changedAt;
        changedAt = Date.now();
      }
      batch = latest;
      if (batch && batch.newCount >= chunks * CHUNK) break;
      if (child.exitCode !== null)
        throw new Error(`the import ended (${child.exitCode}) before it was killed`);
    }
    await pause(part * chunkTime);
    child.kill('SIGKILL');
    const [code, signal] = (await exited) as [number | null, string | null];
    expect({ code, signal }).toEqual({ code: null, signal: 'SIGKILL' });
    return batch.id;
  };

  it.each(points)(
    'killed after $chunks chunks and $part of one: a sound database, whole chunks, an interrupted batch, a complete rerun, undo keeping it',
    async (point) => {
      const channel = await channelOf(ctx, org.region, 'telegram');
      const { id: channelId } = await db()
        .selectFrom('channel')
        .select('id')
        .where('code', '=', channel)
        .executeTakeFirstOrThrow();
      const killed = await importAndKill(channel, channelId, point);

      await expectSound();
      const [batch] = await batchesOf(channelId);
      expect(batch).toMatchObject({ id: killed, status: 'running', updatedCount: 0, rejectedCount: 0 });
      // Each chunk's rows and its batch's counts are stored together, every post with its labels.
      expect(await channelRows(channelId)).toBe(batch?.newCount);
      expect(batch?.newCount ?? 0).toBeGreaterThanOrEqual(point.chunks * CHUNK);
      const unlabelled = await count(
        db()
          .selectFrom('publication')
          .select((eb) => eb.fn.countAll().as('n'))
          .where('channelId', '=', channelId)
          .where('analyzedAt', 'is', null)
          .executeTakeFirst(),
      );
      expect(unlabelled).toBe(0);

      // The lease runs out: the next import marks the batch interrupted before it starts.
      const silent = new Date(Date.now() - IMPORT_LEASE_MS - 1000).toISOString();
      await db().updateTable('importBatch').set({ heartbeatAt: silent }).where('id', '=', killed).execute();
      const rerun = await runCli(['import', file, '--channel', channel, '--db', database.target, '--json']);
      expect(rerun.code).toBe(0);
      // Its only word on stderr: the sweep's warning, naming the killed batch.
      expect(
        rerun.stderr
          .trim()
          .split('\n')
          .map((line) => JSON.parse(line) as unknown),
      ).toMatchObject([{ batches: [killed], msg: 'imports left by a process that died marked interrupted' }]);
      const summary = JSON.parse(rerun.stdout) as { batchId: number | null; new: number; unchanged: number };
      expect(summary).toMatchObject({
        new: contents.posts - (batch?.newCount ?? 0),
        updated: 0,
        rejected: 0,
      });
      expect(summary.new + summary.unchanged).toBe(contents.posts);
      expect(await getImport(ctx, killed)).toMatchObject({
        status: 'interrupted',
        error: { code: 'import_interrupted' },
      });
      // Stored so by the sweep, not only shown so.
      const [swept] = await batchesOf(channelId);
      expect(swept).toMatchObject({ id: killed, status: 'interrupted', newCount: batch?.newCount });
      expect(swept?.finishedAt).not.toBeNull();
      expect(await channelRows(channelId)).toBe(contents.posts);
      await expectSound();

      expect(await undoImport(ctx, killed)).toMatchObject({ removed: 0 });
      expect(await channelRows(channelId)).toBe(contents.posts);
      // The kill left a chunk or more to store: the rerun's batch is kept, and holds every row now.
      expect(await undoImport(ctx, summary.batchId ?? 0)).toMatchObject({ removed: contents.posts });
      expect(await channelRows(channelId)).toBe(0);
      await expectSound();
    },
    120_000,
  );
});
