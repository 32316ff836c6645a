/**
 * An import's new posts are labelled by its reading process, beside the storing (PreparedLabels): what it gives
 * must be what the storing process would have computed, with the installation's threshold and learned model, and
 * a chunk takes it only when its own labelling is the same.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PublicationDraft } from '../../src/importers/types.js';
import {
  correctPublication,
  readingLabelling,
  reclassifyPublications,
  retrainModel,
} from '../../src/services/analysis.service.js';
import { openReading, type ReadTask, readBudgetOf } from '../../src/services/import/reader-process.js';
import { labelledTextOf, prepare, PreparedLabels } from '../../src/services/labels.js';
import { DIALECTS, openTestContext } from '../helpers/databases.js';
import { writeTelegramExport } from '../factories/telegram-export.factory.js';
import { buildRegion, channelOf, importInto, type Region, scratchDir } from './setup.js';

describe.each(DIALECTS)('new posts labelled by the reading process (%s)', (dialect) => {
  let ctx: Awaited<ReturnType<typeof openTestContext>>;
  let org: Region;
  const dir = scratchDir();
  const file = join(dir, 'channel.json');

  beforeAll(async () => {
    ctx = await openTestContext(dialect);
    org = await buildRegion(ctx);
    await writeTelegramExport(file, { messages: 60 });
  });
  afterAll(() => ctx.close());

  /** Each publication draft the reading gives, with what it prepared for it. */
  const read = async (task: ReadTask) => {
    const source = await openReading(ctx, task, readBudgetOf());
    const found: { draft: PublicationDraft; prepared: unknown }[] = [];
    try {
      for await (const batch of source.batches()) {
        for (const [at, item] of batch.items.entries()) {
          if (item.kind === 'draft' && item.draft.target === 'publication') {
            found.push({ draft: item.draft, prepared: batch.prepared?.[at] });
          } else expect(batch.prepared?.[at] ?? null).toBeNull();
        }
      }
    } finally {
      await source.close();
    }
    return found;
  };

  it('gives each new post the labels and band keys the storing process computes, and none unasked', async () => {
    const labelling = { key: { declarativeBelow: 0.4, modelId: null } };
    const posts = await read({ target: file, labelling });
    expect(posts.length).toBeGreaterThan(40);
    for (const { draft, prepared } of posts) expect(prepared).toEqual(prepare(draft, undefined, 0.4));
    // Labels that differ from post to post and keys for most texts: one post's given to another would show.
    expect(new Set(posts.map(({ draft }) => prepare(draft, undefined, 0.4).reasons)).size).toBe(posts.length);
    expect(posts.filter(({ draft }) => prepare(draft, undefined, 0.4).bands !== null).length).toBeGreaterThan(
      40,
    );
    expect((await read({ target: file })).every(({ prepared }) => prepared === undefined)).toBe(true);
  });

  it('is taken once per text, and only under the labelling it was computed with', async () => {
    const [{ draft } = { draft: undefined }] = await read({ target: file });
    if (!draft) throw new Error('no post read');
    const key = { declarativeBelow: 0.4, modelId: null };
    const labels = new PreparedLabels(key);
    const prepared = prepare(draft, undefined, 0.4);
    labels.add(draft, prepared);
    expect(labels.take(labelledTextOf(draft), { ...key, modelId: 7 })).toBeUndefined();
    expect(labels.take(labelledTextOf(draft), { ...key, declarativeBelow: 0.5 })).toBeUndefined();
    expect(labels.take({ ...labelledTextOf(draft), isRepost: !draft.isRepost }, key)).toBeUndefined();
    expect(labels.take(labelledTextOf(draft), key)).toBe(prepared);
    expect(labels.take(labelledTextOf(draft), key)).toBeUndefined();
  });

  it("labels with the installation's learned model as a reclassify does", async () => {
    const first = await channelOf(ctx, org.region, 'telegram');
    await importInto(ctx, file, first, { chunkSize: 9 });
    // Corrections teach a model that moves the synthetic texts' topics.
    const stored = await ctx.db.kysely
      .selectFrom('publication')
      .select(['id', 'primaryTopic'])
      .where('text', 'is not', null)
      .orderBy('id')
      .limit(12)
      .execute();
    for (const { id, primaryTopic } of stored) {
      await correctPublication(ctx, {
        publication: id,
        primaryTopic: primaryTopic === 'social' ? 'legal' : 'social',
        by: 'test',
      });
    }
    const { modelId } = await retrainModel(ctx, { by: 'test' });
    expect((await readingLabelling(ctx)).key.modelId).toBe(modelId);

    const second = await channelOf(ctx, org.branches[0] as Region['region'], 'telegram');
    const imported = await importInto(ctx, file, second, { chunkSize: 9 });
    expect(imported.analysis?.publications).toBeGreaterThan(40);
    const state = () =>
      ctx.db.kysely
        .selectFrom('publication as p')
        .innerJoin('channel as c', 'c.id', 'p.channelId')
        .where('c.code', '=', second)
        .select(['p.id', 'p.primaryTopic', 'p.topics', 'p.declarative', 'p.reasons', 'p.language'])
        .orderBy('p.id')
        .execute();
    const afterImport = await state();
    // The model had a say in the labels.
    expect(afterImport.some((row) => JSON.stringify(row.reasons).includes('model:'))).toBe(true);
    await reclassifyPublications(ctx, { channel: second });
    expect(await state()).toEqual(afterImport);
  });
});
