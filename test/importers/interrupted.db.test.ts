/**
 * Imports whose process died: the sweep marks them interrupted (lease ran out) with an error that says a rerun
 * completes them; the rerun claims the rows it found stored, so undoing the interrupted batch leaves what the rerun
 * counted, and undoing the rerun removes (or restores) it. A done batch keeps its rows: undoing a later import
 * gives back the state before it.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IMPORT_LEASE_MS, renewLease, sweepInterrupted } from '../../src/services/import/lease.js';
import { listPublications } from '../../src/services/import/publications.service.js';
import { getImport, undoImport } from '../../src/services/import.service.js';
import { DIALECTS, openTestContext } from '../helpers/databases.js';
import { type TelegramExportContents, writeTelegramExport } from '../factories/telegram-export.factory.js';
import { buildRegion, channelOf, failureOf, importInto, type Region, scratchDir } from './setup.js';

describe.each(DIALECTS)('interrupted imports (%s)', (dialect) => {
  let ctx: Awaited<ReturnType<typeof openTestContext>>;
  let org: Region;
  const dir = scratchDir();
  const part = join(dir, 'part.json');
  const whole = join(dir, 'whole.json');
  const edited = join(dir, 'edited.json');
  const editedMore = join(dir, 'edited-more.json');
  let partContents: TelegramExportContents;
  let wholeContents: TelegramExportContents;
  let editedMoreContents: TelegramExportContents;

  beforeAll(async () => {
    ctx = await openTestContext(dialect);
    org = await buildRegion(ctx);
    // The same channel's export cut after 120 messages: what a killed import had stored of the whole one.
    partContents = await writeTelegramExport(part, { messages: 120 });
    wholeContents = await writeTelegramExport(whole, { messages: 300 });
    await writeTelegramExport(edited, { messages: 120, edited: new Set([5, 8]) });
    editedMoreContents = await writeTelegramExport(editedMore, { messages: 150, edited: new Set([5, 8]) });
  });
  afterAll(() => ctx.close());

  const stored = async (channel: string) =>
    new Map((await listPublications(ctx, { channel })).map((item) => [item.externalId, item]));

  /** Makes a finished batch look like one whose process was killed mid-way: running, silent past the lease. */
  const kill = async (batchId: number) => {
    const silent = new Date(Date.now() - IMPORT_LEASE_MS - 1000).toISOString();
    await ctx.db.kysely
      .updateTable('importBatch')
      .set({ status: 'running', finishedAt: null, heartbeatAt: silent })
      .where('id', '=', batchId)
      .execute();
  };

  it('marks a batch whose lease ran out interrupted, and not one whose process lives, which renews it', async () => {
    const channel = await channelOf(ctx, org.region, 'telegram');
    const dead = (await importInto(ctx, part, channel)).batchId ?? 0;
    const live = (await importInto(ctx, edited, channel)).batchId ?? 0;
    await kill(dead);
    await ctx.db.kysely
      .updateTable('importBatch')
      .set({ status: 'running', finishedAt: null, heartbeatAt: new Date().toISOString() })
      .where('id', '=', live)
      .execute();
    expect(await sweepInterrupted(ctx)).toEqual([dead]);
    expect(await getImport(ctx, dead)).toMatchObject({
      status: 'interrupted',
      error: { code: 'import_interrupted', params: {} },
    });
    expect((await getImport(ctx, dead)).finishedAt).not.toBeNull();
    expect((await getImport(ctx, live)).status).toBe('running');
    expect((await failureOf(() => undoImport(ctx, live))).code).toBe('import_running');
    expect(await sweepInterrupted(ctx)).toEqual([]);
    // A process that comes back after the sweep is told that it lost its batch; a live one keeps its lease.
    expect(await renewLease(ctx, dead)).toBe(false);
    expect(await renewLease(ctx, live)).toBe(true);
    expect((await getImport(ctx, dead)).status).toBe('interrupted');
    await ctx.db.kysely.updateTable('importBatch').set({ status: 'done' }).where('id', '=', live).execute();
  });

  it('leaves what the rerun counted when the interrupted batch is undone; undoing the rerun removes it', async () => {
    const channel = await channelOf(ctx, org.region, 'telegram');
    const killed = (await importInto(ctx, part, channel)).batchId ?? 0;
    await kill(killed);
    // The rerun sweeps first: the killed batch is interrupted before the rerun finds its rows.
    const rerun = await importInto(ctx, whole, channel);
    expect(rerun).toMatchObject({
      new: wholeContents.posts - partContents.posts,
      unchanged: partContents.posts,
      updated: 0,
    });
    expect((await getImport(ctx, killed)).status).toBe('interrupted');

    expect(await undoImport(ctx, killed)).toEqual({ id: killed, removed: 0, restored: 0 });
    expect((await stored(channel)).size).toBe(wholeContents.posts);
    expect(await undoImport(ctx, rerun.batchId ?? 0)).toEqual({
      id: rerun.batchId,
      removed: wholeContents.posts,
      restored: 0,
    });
    expect((await stored(channel)).size).toBe(0);
  });

  it('lets the rerun of a failed import claim its rows as well', async () => {
    const channel = await channelOf(ctx, org.region, 'telegram');
    const failed = (await importInto(ctx, part, channel)).batchId ?? 0;
    await ctx.db.kysely
      .updateTable('importBatch')
      .set({ status: 'failed' })
      .where('id', '=', failed)
      .execute();
    const rerun = await importInto(ctx, whole, channel);
    expect(rerun).toMatchObject({ unchanged: partContents.posts });
    expect(await undoImport(ctx, failed)).toMatchObject({ removed: 0 });
    expect((await stored(channel)).size).toBe(wholeContents.posts);
  });

  it("takes over the interrupted batch's updates of an earlier import's rows, which undo then restores", async () => {
    const channel = await channelOf(ctx, org.region, 'telegram');
    await importInto(ctx, part, channel);
    const original = await stored(channel);
    const killed = await importInto(ctx, edited, channel);
    expect(killed).toMatchObject({ updated: 2 });
    await kill(killed.batchId ?? 0);
    // The rerun (of a longer export with the same edits) counts the edited posts as it finds them.
    const rerun = await importInto(ctx, editedMore, channel, { chunkSize: 40 });
    const added = editedMoreContents.posts - partContents.posts;
    expect(rerun).toMatchObject({ new: added, updated: 0, unchanged: partContents.posts });
    expect(await undoImport(ctx, killed.batchId ?? 0)).toEqual({
      id: killed.batchId,
      removed: 0,
      restored: 0,
    });
    expect((await stored(channel)).get('5')?.text).toMatch(/^Исправлено\. Новость № 5\./);
    expect(await undoImport(ctx, rerun.batchId ?? 0)).toEqual({
      id: rerun.batchId,
      removed: added,
      restored: 2,
    });
    expect(await stored(channel)).toEqual(original);
  });

  it('keeps the rows of a done batch with it: undoing a later import gives back the state before it', async () => {
    const channel = await channelOf(ctx, org.region, 'telegram');
    const done = await importInto(ctx, part, channel);
    const later = await importInto(ctx, whole, channel);
    expect(later).toMatchObject({ unchanged: partContents.posts });
    expect(await undoImport(ctx, later.batchId ?? 0)).toMatchObject({
      removed: wholeContents.posts - partContents.posts,
    });
    expect((await stored(channel)).size).toBe(partContents.posts);
    expect(await undoImport(ctx, done.batchId ?? 0)).toMatchObject({ removed: partContents.posts });
  });
});
