/**
 * A union channel's Telegram exports, synthetic and shaped like the real thing: forwards, reactions, escapes
 * and albums stored as they should be; a later export with edits updates; undo removes exactly one batch; a
 * cut or corrupted file stores whole chunks only and a rerun completes it.
 */
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listPublications } from '../../src/services/import/publications.service.js';
import { getImport, undoImport } from '../../src/services/import.service.js';
import { DIALECTS, openTestContext } from '../helpers/databases.js';
import { rowCounts } from '../helpers/tables.js';
import { type TelegramExportContents, writeTelegramExport } from '../factories/telegram-export.factory.js';
import { buildRegion, channelOf, failureOf, importInto, type Region, scratchDir } from './setup.js';

const CHANNEL_NAME = 'Профсоюз образования области Абай';

describe.each(DIALECTS)('Telegram channel exports (%s)', (dialect) => {
  let ctx: Awaited<ReturnType<typeof openTestContext>>;
  let org: Region;
  const dir = scratchDir();
  const first = join(dir, 'result.json');
  const edited = join(dir, 'result-edited.json');
  let contents: TelegramExportContents;

  beforeAll(async () => {
    ctx = await openTestContext(dialect);
    org = await buildRegion(ctx);
    contents = await writeTelegramExport(first, { messages: 120 });
    await writeTelegramExport(edited, { messages: 120, edited: new Set([5, 8]) });
  });
  afterAll(() => ctx.close());

  const stored = async (channel: string) =>
    new Map((await listPublications(ctx, { channel })).map((item) => [item.externalId, item]));
  /** The near-copy index's keys of the channel's posts, by post. */
  const bandKeys = async (channel: string) =>
    (
      await ctx.db.kysely
        .selectFrom('publicationBand as b')
        .innerJoin('publication as p', 'p.id', 'b.publicationId')
        .innerJoin('channel as c', 'c.id', 'p.channelId')
        .select(['p.externalId', 'b.band', 'b.bucket'])
        .where('c.code', '=', channel)
        .orderBy('p.externalId')
        .orderBy('b.band')
        .execute()
    ).map((key) => ({ ...key, bucket: Number(key.bucket) }));

  it('stores posts, forwards as reposts with their source, reactions, escaped text; skips service and album parts', async () => {
    const channel = await channelOf(ctx, org.region, 'telegram', { url: 'https://t.me/abai_edu' });
    const summary = await importInto(ctx, first, channel);
    expect(summary).toMatchObject({ new: contents.posts, updated: 0, rejected: 0 });
    expect(summary.skippedByReason).toEqual({ service: contents.service, album_part: contents.albumParts });
    const posts = await stored(channel);
    expect(posts.size).toBe(contents.posts);
    const reposts = [...posts.values()].filter((post) => post.isRepost);
    expect(reposts).toHaveLength(contents.forwards);
    expect(new Set(reposts.map((post) => post.repostSource))).toEqual(
      new Set(['Центральный комитет профсоюза']),
    );
    expect(posts.get('17')).toMatchObject({ reactions: 10, url: 'https://t.me/abai_edu/17' });
    // Message 13 carried a \x07: imported, the control character dropped.
    expect(posts.get('13')?.text).toMatch(/^Новость № 13\. /);
    expect(posts.get('13')?.text).not.toContain('\u0007');
    expect(posts.get('11')?.text).toMatch(/^Важно: Новость № 11\..*#профсоюз$/);
    const album = posts.get('30');
    expect(album).toMatchObject({ mediaKind: 'album' });
    expect(posts.has('31')).toBe(false);
  });

  it('updates the edited posts from a later export; undo restores them, then removes the first batch', async () => {
    const channel = await channelOf(ctx, org.region, 'telegram');
    const initial = await rowCounts(ctx);
    const original = await importInto(ctx, first, channel);
    const before = await stored(channel);
    const keysBefore = await bandKeys(channel);
    const later = await importInto(ctx, edited, channel);
    // The edited texts were fingerprinted again: their keys are not the first ones.
    const keysLater = await bandKeys(channel);
    expect(keysLater).not.toEqual(keysBefore);
    expect(later).toMatchObject({ new: 0, updated: 2, unchanged: contents.posts - 2 });
    const after = await stored(channel);
    expect(after.get('5')?.text).toMatch(/^Исправлено\. Новость № 5\./);
    expect(after.get('8')?.title).toMatch(/^Исправлено\. Новость № 8\./);

    const blocked = await failureOf(() => undoImport(ctx, original.batchId ?? 0));
    expect(blocked.code).toBe('import_undo_blocked');
    expect(blocked.params).toEqual({ id: original.batchId, later: later.batchId });

    const counts = await rowCounts(ctx);
    expect(await undoImport(ctx, later.batchId ?? 0)).toEqual({ id: later.batchId, removed: 0, restored: 2 });
    const restored = await stored(channel);
    expect(restored.get('5')).toEqual(before.get('5'));
    expect(restored.get('8')).toEqual(before.get('8'));
    expect(await bandKeys(channel)).toEqual(keysBefore);
    expect(await rowCounts(ctx)).toEqual({
      ...counts,
      publicationBand: (counts['publicationBand'] ?? 0) - keysLater.length + keysBefore.length,
    });
    expect((await getImport(ctx, later.batchId ?? 0)).status).toBe('undone');

    expect(await undoImport(ctx, original.batchId ?? 0)).toMatchObject({
      removed: contents.posts,
      restored: 0,
    });
    expect((await stored(channel)).size).toBe(0);
    // As before the first import, but for the two batches kept as undone and the second one's log.
    expect(await rowCounts(ctx)).toEqual({
      ...initial,
      importBatch: (initial['importBatch'] ?? 0) + 2,
      importChange: (initial['importChange'] ?? 0) + 2,
    });
    expect((await failureOf(() => undoImport(ctx, original.batchId ?? 0))).code).toBe(
      'import_already_undone',
    );
  });

  it('keeps the counts a later export does not give, and updates the ones it does', async () => {
    const channel = await channelOf(ctx, org.region, 'telegram');
    await importInto(ctx, first, channel);
    const chat = JSON.parse(readFileSync(first, 'utf8').replace(/\\x/g, '\\u00')) as {
      messages: { id: number; reactions?: { count: number }[] }[];
    };
    const [without, changed] = chat.messages.filter((message) => message.reactions);
    delete without!.reactions;
    changed!.reactions = [{ count: 99 }];
    const later = join(dir, 'result-reactions.json');
    writeFileSync(later, JSON.stringify(chat, null, 1));

    const before = await stored(channel);
    const outcome = await importInto(ctx, later, channel);
    expect(outcome).toMatchObject({ new: 0, updated: 1, unchanged: contents.posts - 1 });
    const after = await stored(channel);
    expect(after.get(String(without!.id))?.reactions).toBe(before.get(String(without!.id))?.reactions);
    expect(after.get(String(without!.id))?.reactions).toBeGreaterThan(0);
    expect(after.get(String(changed!.id))?.reactions).toBe(99);
  });

  it('reads the same channel from the full export, choosing the chat named like the channel', async () => {
    const full = join(dir, 'full.json');
    await writeTelegramExport(full, { messages: 120, full: true });
    const single = await channelOf(ctx, org.branches[0] as Region['region'], 'telegram');
    const named = await channelOf(ctx, org.branches[0] as Region['region'], 'telegram', {
      name: CHANNEL_NAME,
    });
    await importInto(ctx, first, single);
    expect(await importInto(ctx, full, named)).toMatchObject({ new: contents.posts });
    const strip = (posts: Awaited<ReturnType<typeof stored>>) =>
      [...posts.values()].map(({ externalId, text, publishedAt, isRepost }) => ({
        externalId,
        text,
        publishedAt,
        isRepost,
      }));
    expect(strip(await stored(named))).toEqual(strip(await stored(single)));
  });

  it('tells a full export by its content past a BOM and 100 KB of leading whitespace, choosing the channel’s chat', async () => {
    const full = join(dir, 'full.json');
    await writeTelegramExport(full, { messages: 120, full: true });
    const padded = join(dir, 'padded.json');
    writeFileSync(
      padded,
      Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.alloc(100 * 1024, ' \n'), readFileSync(full)]),
    );
    const named = await channelOf(ctx, org.branches[1] as Region['region'], 'telegram', {
      name: CHANNEL_NAME,
    });
    // Read as one chat, the personal chat before the channel would be imported (or the file refused).
    expect(await importInto(ctx, padded, named)).toMatchObject({ new: contents.posts });
  });

  it('stores whole chunks of a cut-off file only, says where it breaks, and completes on a rerun', async () => {
    const file = join(dir, 'cut.json');
    const big = join(dir, 'whole.json');
    const whole = await writeTelegramExport(big, { messages: 300 });
    const bytes = readFileSync(big);
    writeFileSync(file, bytes.subarray(0, Math.floor(bytes.length * 0.6)));
    const channel = await channelOf(ctx, org.branches[1] as Region['region'], 'telegram');
    const cut = await failureOf(() => importInto(ctx, file, channel, { chunkSize: 40 }));
    expect(cut.code).toBe('import_file_truncated');
    expect(cut.params).toMatchObject({
      file: 'cut.json',
      line: bytes
        .subarray(0, Math.floor(bytes.length * 0.6))
        .toString()
        .split('\n').length,
      position: Math.floor(bytes.length * 0.6),
    });
    const kept = (await stored(channel)).size;
    expect(kept).toBeGreaterThan(0);
    expect(kept % 40).toBe(0);
    const batches = await ctx.db.kysely
      .selectFrom('importBatch')
      .selectAll()
      .where('fileName', '=', 'cut.json')
      .execute();
    // The failed batch keeps the hash of the file it read, as a finished one does.
    const cutHash = createHash('sha256').update(readFileSync(file)).digest('hex');
    expect(batches.map((batch) => [batch.status, batch.newCount, batch.fileHash])).toEqual([
      ['failed', kept, cutHash],
    ]);

    writeFileSync(file, bytes);
    expect(await importInto(ctx, file, channel, { chunkSize: 40 })).toMatchObject({
      new: whole.posts - kept,
      unchanged: kept,
    });
    expect((await stored(channel)).size).toBe(whole.posts);
  });

  it('names the line and the character where a file is corrupted, keeping only the chunks before it', async () => {
    const big = join(dir, 'corrupt-source.json');
    await writeTelegramExport(big, { messages: 300 });
    const text = readFileSync(big, 'utf8');
    const at = text.indexOf('},\n  {', Math.floor(text.length / 2)) + 2;
    const file = join(dir, 'corrupt.json');
    writeFileSync(file, `${text.slice(0, at)}@${text.slice(at)}`);
    const channel = await channelOf(ctx, org.branches[1] as Region['region'], 'telegram');
    const error = await failureOf(() => importInto(ctx, file, channel, { chunkSize: 40 }));
    expect(error.code).toBe('import_file_corrupt');
    expect(error.params).toEqual({
      file: 'corrupt.json',
      line: text.slice(0, at).split('\n').length,
      position: Buffer.byteLength(text.slice(0, at)),
      found: '@',
    });
    expect((await stored(channel)).size % 40).toBe(0);
  });
});
