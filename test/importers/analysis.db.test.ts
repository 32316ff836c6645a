/**
 * Content analysis at import time: what an import stores is labelled (language, topics, concreteness, reposts by
 * the source's marks and near-copies of earlier posts on other channels), and the labels are the analysis' own,
 * so that importing the same file again changes nothing, a user's correction outlives later imports, and undo
 * puts the labels back with the data.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { correctPublication, reclassifyPublications } from '../../src/services/analysis.service.js';
import { undoImport } from '../../src/services/import.service.js';
import { fromJson, toBool } from '../../src/storage/rows.js';
import { DIALECTS, openTestContext } from '../helpers/databases.js';
import { rowCounts } from '../helpers/tables.js';
import { writeTelegramExport } from '../factories/telegram-export.factory.js';
import { real } from './helpers.js';
import { buildRegion, channelOf, importInto, type Region, scratchDir } from './setup.js';
import { itReal } from '../helpers/real-files.js';

const SECTOR_NEWS =
  'Отраслевой профсоюз провел республиканский конкурс «Лучшая первичная профсоюзная организация». Из 312 конкурсантов в финал вышли 17, победителем стала первичная организация школы-гимназии № 38 Астаны.';
const NEAR_COPY = `${SECTOR_NEWS.replace('организация».', 'организация»!')} Поздравляем победителей!`;
const INSPECTION =
  'В Урджарском районе правовой инспектор проверил соблюдение трудового законодательства в шести школах, выявлено 23 нарушения.';
const SECTOR_NAME = 'Отраслевой профсоюз работников образования';

interface Message {
  id: number;
  /** Seconds after 2024-03-01T00:00:00Z. */
  at: number;
  text: string;
  forwardedFrom?: string;
}

/** A Telegram Desktop export of a channel, laid out as Telegram writes one (see the real samples). */
function writeChannelExport(path: string, name: string, messages: readonly Message[]): void {
  const start = Date.parse('2024-03-01T00:00:00Z') / 1000;
  const export_ = {
    name,
    type: 'public_channel',
    id: 1_700_000_000 + name.length,
    messages: messages.map(({ id, at, text, forwardedFrom }) => ({
      id,
      type: 'message',
      date: new Date((start + at + 5 * 3600) * 1000).toISOString().slice(0, 19),
      date_unixtime: String(start + at),
      from: name,
      from_id: `channel${1_700_000_000 + name.length}`,
      ...(forwardedFrom ? { forwarded_from: forwardedFrom } : {}),
      text,
      text_entities: [{ type: 'plain', text }],
    })),
  };
  writeFileSync(path, JSON.stringify(export_, null, 1));
}

describe.each(DIALECTS)('classifying at import time (%s)', (dialect) => {
  let ctx: Awaited<ReturnType<typeof openTestContext>>;
  let org: Region;
  const dir = scratchDir();

  beforeAll(async () => {
    ctx = await openTestContext(dialect);
    org = await buildRegion(ctx);
  });
  afterAll(() => ctx.close());

  /** A channel's publications as stored, by external id: the columns an import and the analysis write. */
  const stored = async (channel: string) => {
    const rows = await ctx.db.kysely
      .selectFrom('publication as p')
      .innerJoin('channel as ch', 'ch.id', 'p.channelId')
      .select([
        'p.id',
        'p.externalId',
        'p.text',
        'p.updatedAt',
        'p.language',
        'p.primaryTopic',
        'p.topics',
        'p.concreteness',
        'p.declarative',
        'p.isRepost',
        'p.repostSource',
        'p.repostBy',
        'p.repostOfId',
        'p.reasons',
        'p.analyzedAt',
      ])
      .where('ch.code', '=', channel)
      .execute();
    return new Map(
      rows.map((row) => [
        row.externalId,
        {
          ...row,
          topics: fromJson<{ topic: string }[]>(row.topics),
          declarative: toBool(row.declarative, 'nullable'),
          isRepost: toBool(row.isRepost),
          reasons: fromJson<{ repost: string[]; corrected?: string[] }>(row.reasons),
        },
      ]),
    );
  };
  const post = async (channel: string, externalId: string) => {
    const found = (await stored(channel)).get(externalId);
    if (!found) throw new Error(`no publication ${channel}/${externalId}`);
    return found;
  };

  it('labels every post of a real Telegram export as it stores it; a forward stays a repost of its source', async () => {
    const channel = await channelOf(ctx, org.region, 'telegram');
    // The real sample, with one message forwarded the way Telegram Desktop writes a forward.
    const sample = JSON.parse(
      readFileSync(real('telegram/htx-erg_private_supergroup_result.json'), 'utf8'),
    ) as { messages: Record<string, unknown>[] };
    const forwarded = sample.messages.find((message) => message['id'] === 4);
    if (!forwarded) throw new Error('message 4 is not in the sample');
    forwarded['forwarded_from'] = SECTOR_NAME;
    const file = join(dir, 'result.json');
    writeFileSync(file, JSON.stringify(sample, null, 1));

    const summary = await importInto(ctx, file, channel, { acceptChatType: true });
    expect(summary).toMatchObject({ new: 15, analysis: { publications: 15, reposts: 1, nearCopies: 0 } });
    const posts = [...(await stored(channel)).values()];
    expect(posts).toHaveLength(15);
    for (const item of posts) {
      expect(item.analyzedAt).not.toBeNull();
      expect(item.concreteness).not.toBeNull();
      expect(item.declarative).not.toBeNull();
      // The sample is an English business chat: neither of the brief's languages, nor a union topic.
      expect([item.language, item.primaryTopic]).toEqual(['other', 'other']);
    }
    expect(await post(channel, '4')).toMatchObject({
      isRepost: true,
      repostSource: SECTOR_NAME,
      repostBy: null,
      repostOfId: null,
      reasons: expect.objectContaining({ repost: [`source_mark:${SECTOR_NAME}`] }),
    });
    expect((await post(channel, '3')).isRepost).toBe(false);
  });

  it("labels a union channel's Russian and Kazakh posts by their content", async () => {
    const channel = await channelOf(ctx, org.branches[0] as Region['region'], 'telegram');
    const file = join(dir, 'union.json');
    const contents = await writeTelegramExport(file, { messages: 60 });
    const summary = await importInto(ctx, file, channel);
    expect(summary.analysis).toMatchObject({ publications: contents.posts, reposts: contents.forwards });
    const posts = [...(await stored(channel)).values()];
    // Russian posts, some with a Kazakh sentence.
    expect(new Set(posts.map((item) => item.language))).toEqual(new Set(['ru', 'mixed']));
    // The texts speak of legal protection, agreements and wages: no post is left without a union topic.
    expect(posts.filter((item) => item.primaryTopic === 'other')).toEqual([]);
    expect(posts.every((item) => (item.topics ?? []).length > 0)).toBe(true);
  });

  it('reports every post unchanged when the same files are imported again, changing no row and no label', async () => {
    const channel = await channelOf(ctx, org.branches[1] as Region['region'], 'telegram');
    const file = join(dir, 'again.json');
    const contents = await writeTelegramExport(file, { messages: 90 });
    const realSample = real('telegram/htx-erg_private_supergroup_result.json');
    const other = await channelOf(ctx, org.region, 'telegram');
    await importInto(ctx, file, channel);
    await importInto(ctx, realSample, other, { acceptChatType: true });
    const counts = await rowCounts(ctx);
    const before = [await stored(channel), await stored(other)];

    expect(await importInto(ctx, file, channel)).toMatchObject({
      batchId: null,
      new: 0,
      updated: 0,
      unchanged: contents.posts,
      analysis: { publications: 0 },
    });
    expect(await importInto(ctx, realSample, other, { acceptChatType: true })).toMatchObject({
      batchId: null,
      updated: 0,
      unchanged: 15,
    });
    expect(await rowCounts(ctx)).toEqual(counts);
    expect([await stored(channel), await stored(other)]).toEqual(before);
  });

  describe('near-copies across channels', () => {
    let site: string;
    let page: string;
    const original = join(dir, 'sector.json');
    const copies = join(dir, 'region.json');

    beforeAll(async () => {
      site = await channelOf(ctx, org.region, 'telegram', { url: 'https://t.me/bilim_kasipodagy' });
      page = await channelOf(ctx, org.branches[0] as Region['region'], 'telegram');
      writeChannelExport(original, SECTOR_NAME, [
        { id: 1, at: 0, text: SECTOR_NEWS },
        { id: 2, at: 3600, text: INSPECTION },
      ]);
      writeChannelExport(copies, 'Аягозский районный комитет', [
        { id: 10, at: 4 * 86_400, text: NEAR_COPY },
        { id: 11, at: 5 * 86_400, text: 'Прошел пленум районного комитета профсоюза.' },
      ]);
    });

    it('marks a near-copy of an earlier post on another channel, imported later, a repost linked to its source', async () => {
      expect(await importInto(ctx, original, site)).toMatchObject({ analysis: { nearCopies: 0 } });
      expect(await importInto(ctx, copies, page)).toMatchObject({
        new: 2,
        analysis: { publications: 2, reposts: 1, nearCopies: 1 },
      });
      const source = await post(site, '1');
      const copy = await post(page, '10');
      expect(copy).toMatchObject({
        isRepost: true,
        repostBy: 'near_duplicate',
        repostOfId: source.id,
        repostSource: 'https://t.me/bilim_kasipodagy/1',
      });
      expect(copy.reasons?.repost[0]).toMatch(
        /^near_duplicate:https:\/\/t\.me\/bilim_kasipodagy\/1 0\.\d\d$/,
      );
      expect((await post(page, '11')).isRepost).toBe(false);
      expect(source.isRepost).toBe(false);
      // Found by the analysis, the repost is no change of the source's: the same file again changes nothing.
      expect(await importInto(ctx, copies, page)).toMatchObject({ batchId: null, unchanged: 2 });
      expect(await post(page, '10')).toEqual(copy);
    });

    it("takes a source's later mark of a repost over the near-copy found; undo puts the finding back", async () => {
      const before = await post(page, '10');
      const marked = join(dir, 'region-marked.json');
      writeChannelExport(marked, 'Аягозский районный комитет', [
        { id: 10, at: 4 * 86_400, text: NEAR_COPY, forwardedFrom: SECTOR_NAME },
        { id: 11, at: 5 * 86_400, text: 'Прошел пленум районного комитета профсоюза.' },
      ]);
      const summary = await importInto(ctx, marked, page);
      expect(summary).toMatchObject({
        updated: 1,
        unchanged: 1,
        analysis: { publications: 1, nearCopies: 0 },
      });
      expect(await post(page, '10')).toMatchObject({
        isRepost: true,
        repostSource: SECTOR_NAME,
        repostBy: null,
        repostOfId: null,
      });
      await undoImport(ctx, summary.batchId ?? 0);
      expect(await post(page, '10')).toEqual(before);
    });
  });

  describe("users' corrections", () => {
    let channel: string;
    const file = join(dir, 'corrected.json');

    beforeAll(async () => {
      channel = await channelOf(ctx, org.branches[1] as Region['region'], 'telegram');
      writeChannelExport(file, 'Бескарагайский районный комитет', [
        { id: 1, at: 0, text: INSPECTION },
        {
          id: 2,
          at: 600,
          text: 'Поздравляем педагогов с Днем знаний! Желаем здоровья и успехов.',
          forwardedFrom: SECTOR_NAME,
        },
      ]);
      await importInto(ctx, file, channel);
      expect((await post(channel, '1')).primaryTopic).toBe('legal');
      expect((await post(channel, '2')).isRepost).toBe(true);
      await correctPublication(ctx, {
        publication: { channel, externalId: '1' },
        primaryTopic: 'youth',
        declarative: true,
        by: 'Айгуль',
      });
      await correctPublication(ctx, { publication: { channel, externalId: '2' }, isRepost: false });
    });

    it('keeps a correction through a re-import of the same file, which reports both posts unchanged', async () => {
      const corrected = await stored(channel);
      expect(corrected.get('1')).toMatchObject({ primaryTopic: 'youth', declarative: true });
      expect(corrected.get('2')).toMatchObject({ isRepost: false, repostBy: 'correction' });
      expect(await importInto(ctx, file, channel)).toMatchObject({ batchId: null, unchanged: 2 });
      expect(await stored(channel)).toEqual(corrected);
      // Reclassifying keeps it too.
      await reclassifyPublications(ctx, { channel });
      expect(await post(channel, '1')).toMatchObject({ primaryTopic: 'youth', declarative: true });
    });

    it('applies a correction again to a post an import changed', async () => {
      const edited = join(dir, 'corrected-edited.json');
      writeChannelExport(edited, 'Бескарагайский районный комитет', [
        { id: 1, at: 0, text: `${INSPECTION} Работодателям выданы 4 представления.` },
        {
          id: 2,
          at: 600,
          text: 'Поздравляем педагогов с Днем знаний! Желаем здоровья и успехов.',
          forwardedFrom: SECTOR_NAME,
        },
      ]);
      expect(await importInto(ctx, edited, channel)).toMatchObject({
        updated: 1,
        unchanged: 1,
        analysis: { publications: 1, corrected: 1 },
      });
      const changed = await post(channel, '1');
      expect(changed.text).toMatch(/4 представления\.$/);
      expect(changed).toMatchObject({ primaryTopic: 'youth', declarative: true });
      expect(changed.reasons?.corrected?.[0]).toMatch(/^primaryTopic by Айгуль at /);
    });
  });

  itReal(
    ['telegram/chat-analytics_DM_2A_7M.json'],
    'stores without labels when asked not to analyze; reclassifying labels the posts later',
    async () => {
      const channel = await channelOf(ctx, org.region, 'telegram');
      const file = real('telegram/chat-analytics_DM_2A_7M.json');
      const summary = await importInto(ctx, file, channel, { analyze: false, acceptChatType: true });
      expect(summary.new).toBe(6);
      expect(summary.analysis).toBeUndefined();
      const posts = [...(await stored(channel)).values()];
      expect(posts.map((item) => [item.primaryTopic, item.analyzedAt])).toEqual(
        posts.map(() => [null, null]),
      );
      expect((await reclassifyPublications(ctx, { channel })).publications).toBe(6);
      expect([...(await stored(channel)).values()].every((item) => item.primaryTopic !== null)).toBe(true);
    },
  );
});
