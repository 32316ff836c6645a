/**
 * An import's analysis is written chunk-wide (one statement per table per chunk) and its band keys are held back
 * and written many chunks at once (HeldBands): what it stores must be what the analysis of each publication on its
 * own stores. `aqparat reclassify` is that reference: it takes every publication again, in order of publication,
 * with nothing held back, and finds the same near-copies only if the import left the same band keys.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  analyzePublications,
  HeldBands,
  reclassifyPublications,
  writeHeldBands,
} from '../../src/services/analysis.service.js';
import { inTransaction } from '../../src/services/context.js';
import { DIALECTS, openTestContext } from '../helpers/databases.js';
import { writeTelegramExport } from '../factories/telegram-export.factory.js';
import { buildPublication } from '../factories/publication.factory.js';
import { buildRegion, channelOf, importInto, type Region, scratchDir } from './setup.js';

/** A Telegram channel export of these texts, an hour apart from `start` (seconds since the epoch). */
function writeChannelExport(path: string, name: string, start: number, texts: readonly string[]): void {
  const id = 1_800_000_000 + name.length;
  const messages = texts.map((text, at) => ({
    id: at + 1,
    type: 'message',
    date: new Date((start + at * 3600) * 1000).toISOString().slice(0, 19),
    date_unixtime: String(start + at * 3600),
    from: name,
    from_id: `channel${id}`,
    text,
    text_entities: [{ type: 'plain', text }],
  }));
  writeFileSync(path, JSON.stringify({ name, type: 'public_channel', id, messages }, null, 1));
}

describe.each(DIALECTS)("an import's analysis written per chunk (%s)", (dialect) => {
  let ctx: Awaited<ReturnType<typeof openTestContext>>;
  let org: Region;
  const dir = scratchDir();

  beforeAll(async () => {
    ctx = await openTestContext(dialect);
    org = await buildRegion(ctx);
  });
  afterAll(() => ctx.close());

  /** Every publication's labels and every band key, as stored: what the analysis writes. */
  const analysisState = async () => {
    const publications = await ctx.db.kysely
      .selectFrom('publication')
      .select([
        'id',
        'channelId',
        'language',
        'primaryTopic',
        'topics',
        'concreteness',
        'declarative',
        'isRepost',
        'repostSource',
        'repostBy',
        'repostOfId',
        'reasons',
        'updatedAt',
        'fingerprintedAt',
      ])
      .orderBy('id')
      .execute();
    const bands = await ctx.db.kysely
      .selectFrom('publicationBand')
      .select(['publicationId', 'band', 'bucket', 'channelId'])
      .orderBy('band')
      .orderBy('bucket')
      .orderBy('channelId')
      .execute();
    return { publications, bands };
  };

  it('stores, chunk by chunk, the labels, reasons, reposts and band keys that reclassify computes', async () => {
    const sector = await channelOf(ctx, org.region, 'telegram');
    const regional = await channelOf(ctx, org.branches[0] as Region['region'], 'telegram');
    const first = join(dir, 'sector.json');
    const contents = await writeTelegramExport(first, { messages: 90 });
    // Chunks of 7: a dozen chunks each, whose band keys are held back and written at the end.
    const imported = await importInto(ctx, first, sector, { chunkSize: 7 });
    expect(imported.analysis?.publications).toBe(contents.posts);
    // The second channel copies the first's texts later: word for word, with a line added, or not at all.
    const texts = (
      await ctx.db.kysely
        .selectFrom('publication')
        .select('text')
        .where('text', 'is not', null)
        .orderBy('publishedAt')
        .orderBy('id')
        .execute()
    ).map((row) => row.text as string);
    const second = join(dir, 'regional.json');
    writeChannelExport(
      second,
      'Областной комитет профсоюза',
      Date.parse('2025-06-01T00:00:00Z') / 1000,
      texts.map((text, at) =>
        at % 3 === 0
          ? text
          : at % 3 === 1
            ? `${text} Поздравляем коллег!`
            : text.split(' ').reverse().join(' '),
      ),
    );
    const copied = await importInto(ctx, second, regional, { chunkSize: 7 });
    expect(copied.analysis?.nearCopies).toBeGreaterThan(20);

    const afterImport = await analysisState();
    // Labels that differ from post to post, so that one post's labels stored as another's would show.
    const { publications } = afterImport;
    expect(new Set(publications.map((row) => row.language)).size).toBeGreaterThan(1);
    expect(new Set(publications.map((row) => row.primaryTopic)).size).toBeGreaterThan(1);
    expect(new Set(publications.map((row) => JSON.stringify(row.reasons))).size).toBeGreaterThan(10);
    // Near-copies found, forwards the source marked (no finding of ours), and posts of their own.
    expect(new Set(publications.map((row) => `${String(row.isRepost)}:${String(row.repostBy)}`)).size).toBe(
      3,
    );
    // Every text's band keys are written, and said to be of the version stored.
    expect(publications.every((row) => row.fingerprintedAt === row.updatedAt)).toBe(true);
    expect(afterImport.bands.length).toBeGreaterThan(publications.length);

    const summary = await reclassifyPublications(ctx, {});
    expect(summary.nearCopies).toBe(copied.analysis?.nearCopies);
    expect(await analysisState()).toEqual(afterImport);
  });

  it('writes the band keys of the chunks it stored when the file breaks off', async () => {
    const channel = await channelOf(ctx, org.branches[1] as Region['region'], 'telegram');
    const whole = join(dir, 'whole.json');
    await writeTelegramExport(whole, { messages: 120 });
    const bytes = readFileSync(whole);
    const cut = join(dir, 'cut.json');
    writeFileSync(cut, bytes.subarray(0, Math.floor(bytes.length * 0.6)));
    await expect(importInto(ctx, cut, channel, { chunkSize: 7 })).rejects.toMatchObject({
      code: 'import_file_truncated',
    });
    const afterFailure = await analysisState();
    const { id: channelId } = await ctx.db.kysely
      .selectFrom('channel')
      .select('id')
      .where('code', '=', channel)
      .executeTakeFirstOrThrow();
    const kept = afterFailure.publications.filter((row) => row.channelId === channelId);
    expect(kept.length).toBeGreaterThan(30);
    expect(kept.every((row) => row.fingerprintedAt === row.updatedAt)).toBe(true);
    // Reclassifying the channel takes no key again (it brings every stale one up to date first) and labels its
    // posts as the import did. (The whole installation would differ: the earlier channel's copies of the first
    // test's texts now have an older source here.)
    await reclassifyPublications(ctx, { channel });
    expect(await analysisState()).toEqual(afterFailure);
  });

  it('writes the keys it holds before a lookup on another channel needs them, and at its limit', async () => {
    const site = await channelOf(ctx, org.region, 'website');
    const page = await channelOf(ctx, org.branches[0] as Region['region'], 'facebook');
    // Written for this test: long enough to be fingerprinted, and a near-copy of it.
    const news =
      'Областной комитет профсоюза провел семинар для председателей первичных организаций школ района, обсудили коллективный договор и оплату труда педагогов.';
    const add = (channel: string, day: number, text: string) =>
      buildPublication(ctx, channel, { publishedAt: `2026-01-${day}T06:00:00Z`, text, title: undefined });
    const sources = [
      await add(
        site,
        10,
        'Жиналыс өтті, мұғалімдердің еңбекақысы мен демалысы талқыланды, шешімдер қабылданды.',
      ),
      await add(
        site,
        11,
        'В школах района прошла проверка соблюдения трудового законодательства, выявлено двенадцать нарушений.',
      ),
      await add(site, 12, news),
    ];
    const copy = await add(page, 13, `${news} Спасибо организаторам!`);
    // A limit of two: the site's first two posts' keys are written as the second comes; the third's are held.
    const held = new HeldBands(2);
    await inTransaction(ctx, async (tx) => {
      for (const id of sources) await analyzePublications(tx, [id], held);
      expect(held.ids.size).toBe(1);
      // The page's post copies a held text: the lookup writes the held keys first and finds it.
      expect((await analyzePublications(tx, [copy], held)).nearCopies).toBe(1);
      await writeHeldBands(tx, held);
    });
    const before = await analysisState();
    expect(before.publications.find((row) => row.id === copy)?.repostOfId).toBe(sources[2]);
    // These two channels only: the earlier tests' copies have an older source since the broken-off import.
    await reclassifyPublications(ctx, { channel: site });
    await reclassifyPublications(ctx, { channel: page });
    expect(await analysisState()).toEqual(before);
  });
});
