/**
 * Every real export sample imports with the counts its content implies; a second import changes nothing;
 * archives are read in place, feeds from a URL; unknown files are refused with what is supported.
 */
import { createHash } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listPublications } from '../../src/services/import/publications.service.js';
import { getImport, listImports } from '../../src/services/import.service.js';
import { DIALECTS, openTestContext } from '../helpers/databases.js';
import { rowCounts } from '../helpers/tables.js';
import { writeZip } from '../factories/zip.factory.js';
import { FIXTURES, mojibake, real } from './helpers.js';
import { buildRegion, channelOf, failureOf, importInto, type Region, scratchDir } from './setup.js';
import { itReal } from '../helpers/real-files.js';

describe.each(DIALECTS)('importing the real exports (%s)', (dialect) => {
  let ctx: Awaited<ReturnType<typeof openTestContext>>;
  let org: Region;
  const dir = scratchDir();

  beforeAll(async () => {
    ctx = await openTestContext(dialect);
    org = await buildRegion(ctx);
  });
  afterAll(() => ctx.close());

  const texts = async (channel: string) =>
    (await listPublications(ctx, { channel })).map((item) => item.text);

  itReal(
    ['telegram/chat-analytics_DM_2A_7M.json'],
    'imports the Telegram exports: messages stored, service messages skipped and counted',
    async () => {
      const channel = await channelOf(ctx, org.region, 'telegram');
      const group = await importInto(ctx, real('telegram/htx-erg_private_supergroup_result.json'), channel, {
        acceptChatType: true,
      });
      expect(group).toMatchObject({
        format: 'telegram',
        new: 15,
        updated: 0,
        unchanged: 0,
        rejected: 0,
        skipped: 2,
      });
      expect(group.skippedByReason).toEqual({ service: 2 });
      const personal = await channelOf(ctx, org.region, 'telegram');
      const chat = await importInto(ctx, real('telegram/chat-analytics_DM_2A_7M.json'), personal, {
        acceptChatType: true,
      });
      expect(chat).toMatchObject({ new: 6, skipped: 2 });
      // A message with only `date` is read on the owner's wall clock: Almaty was UTC+6 in 2019.
      const [first] = await listPublications(ctx, { channel: personal });
      expect(first).toMatchObject({
        externalId: '3644',
        publishedAt: '2019-07-12T10:55:32.000Z',
        localDate: '2019-07-12',
        text: 'https://google.com 👀',
      });
    },
  );

  itReal(
    ['telegram/chat-analytics_MultiChat_2C_6M.json'],
    "chooses a full export's chat: asked by id, found by the channel's name, else asks",
    async () => {
      const file = real('telegram/chat-analytics_MultiChat_2C_6M.json');
      const anyChannel = await channelOf(ctx, org.region, 'telegram');
      const ask = await failureOf(() => importInto(ctx, file, anyChannel));
      expect(ask.code).toBe('import_chat_choice');
      expect(ask.params['chats']).toBe('Chat One (700000001); Chat Two (700000002)');
      expect(
        await importInto(ctx, file, anyChannel, { chat: '700000001', acceptChatType: true }),
      ).toMatchObject({
        new: 2,
        skipped: 0,
      });
      const named = await channelOf(ctx, org.region, 'telegram', { name: 'Chat Two' });
      expect(await importInto(ctx, file, named, { acceptChatType: true })).toMatchObject({
        new: 3,
        skipped: 1,
      });
      expect(await texts(named)).toEqual(['Welcome to chat two!', 'Group chat is fun!', null]);
      const unknown = await failureOf(() => importInto(ctx, file, anyChannel, { chat: 'Chat Three' }));
      expect(unknown.code).toBe('import_chat_unknown');
    },
  );

  itReal(
    [
      'facebook/earth-llc-page_profile_posts_1.excerpt.json',
      'facebook/kis81_your_posts_1.json',
      'facebook/piter-a_your_posts_1.json',
    ],
    'imports the Facebook files of every layout, with the mojibake repaired',
    async () => {
      const profile = await channelOf(ctx, org.branches[0] as Region['region'], 'facebook');
      expect(await importInto(ctx, real('facebook/piter-a_your_posts_1.json'), profile)).toMatchObject({
        new: 28,
        skipped: 3,
        skippedByReason: { empty: 3 },
      });
      expect(await texts(profile)).toContain('Jeszcze ząbki');
      const older = await channelOf(ctx, org.branches[0] as Region['region'], 'facebook');
      expect(await importInto(ctx, real('facebook/kis81_your_posts_1.json'), older)).toMatchObject({
        new: 86,
        skipped: 7,
      });
      const stored = await listPublications(ctx, { channel: older });
      // Every share, of a link too: "shared a post." 52, "a link." 13, "a photo." 3, "a video …" 2.
      expect(stored.filter((item) => item.isRepost)).toHaveLength(70);
      expect(stored.map((item) => item.text)).toContain(
        'Tulino, kamoši z Krompach ti prajú všetko najlepšie!!!!!!',
      );
      const page = await channelOf(ctx, org.branches[1] as Region['region'], 'facebook');
      expect(
        await importInto(ctx, real('facebook/earth-llc-page_profile_posts_1.excerpt.json'), page),
      ).toMatchObject({
        new: 6,
        skipped: 0,
      });
    },
  );

  it('stores a Russian post written in Meta’s escapes as Russian', async () => {
    const file = join(dir, 'your_posts_1.json');
    const text = 'Профсоюз провёл семинар для молодых педагогов';
    writeFileSync(
      file,
      `[\n  {\n    "timestamp": 1709269200,\n    "data": [\n      {\n        "post": "${mojibake(text)}"\n      }\n    ]\n  }\n]`,
    );
    const channel = await channelOf(ctx, org.region, 'facebook');
    await importInto(ctx, file, channel);
    expect(await texts(channel)).toEqual([text]);
  });

  itReal(
    [
      'instagram/sr4136_posts_1.excerpt.json',
      'instagram/yummyhopper_your_instagram_activity_content_posts_1.json',
    ],
    'imports the Instagram files, single posts and carousels',
    async () => {
      const channel = await channelOf(ctx, org.region, 'instagram');
      expect(
        await importInto(
          ctx,
          real('instagram/yummyhopper_your_instagram_activity_content_posts_1.json'),
          channel,
        ),
      ).toMatchObject({ new: 4 });
      expect(await importInto(ctx, real('instagram/sr4136_posts_1.excerpt.json'), channel)).toMatchObject({
        new: 8,
      });
      expect(await texts(channel)).toContain('Un Taxi 🇨🇴');
    },
  );

  it('changes nothing when the same file is imported again, and says when it was imported', async () => {
    const channel = await channelOf(ctx, org.region, 'telegram');
    const file = real('telegram/htx-erg_private_supergroup_result.json');
    const first = await importInto(ctx, file, channel, { acceptChatType: true });
    const before = await rowCounts(ctx);
    const again = await importInto(ctx, file, channel, { acceptChatType: true });
    expect(await rowCounts(ctx)).toEqual(before);
    expect(again).toMatchObject({
      batchId: null,
      previousBatchId: first.batchId,
      new: 0,
      updated: 0,
      unchanged: 15,
    });
    expect((await getImport(ctx, first.batchId ?? 0)).fileHash).toBe(again.fileHash);
    expect(again.fileHash).toBe(createHash('sha256').update(readFileSync(file)).digest('hex'));
  });

  itReal(
    [
      'facebook/kis81_your_posts_1.json',
      'facebook/piter-a_your_posts_1.json',
      'instagram/sr4136_posts_1.excerpt.json',
    ],
    'reads a ZIP in place, finding the posts files by layout, the channel’s network when both are there',
    async () => {
      const zip = join(dir, 'facebook-export.zip');
      writeZip(zip, {
        'your_facebook_activity/posts/your_posts__check_ins__photos_and_videos_1.json': readFileSync(
          real('facebook/kis81_your_posts_1.json'),
        ),
        'your_facebook_activity/posts/your_posts__check_ins__photos_and_videos_2.json': readFileSync(
          real('facebook/piter-a_your_posts_1.json'),
        ),
        'your_facebook_activity/posts/album/0.json': '{"name": "Mobile uploads"}',
        'your_facebook_activity/posts/media/Mobile_1/1.jpg': Buffer.from([0xff, 0xd8, 0xff]),
        'your_instagram_activity/media/posts_1.json': readFileSync(
          real('instagram/sr4136_posts_1.excerpt.json'),
        ),
      });
      const facebook = await channelOf(ctx, org.branches[1] as Region['region'], 'facebook');
      const summary = await importInto(ctx, zip, facebook);
      expect(summary).toMatchObject({
        format: 'facebook',
        file: 'facebook-export.zip',
        new: 86 + 28,
        skipped: 10,
      });
      const instagram = await channelOf(ctx, org.branches[1] as Region['region'], 'instagram');
      expect(await importInto(ctx, zip, instagram)).toMatchObject({ format: 'instagram', new: 8 });
      const cut = join(dir, 'cut.zip');
      writeFileSync(cut, readFileSync(zip).subarray(0, 5000));
      expect((await failureOf(() => importInto(ctx, cut, facebook))).params).toMatchObject({
        file: 'cut.zip',
        format: 'ZIP',
      });
      const empty = join(dir, 'nothing.zip');
      writeZip(empty, { 'messages/inbox/a/message_1.json': '[]' });
      expect((await failureOf(() => importInto(ctx, empty, facebook))).code).toBe('import_zip_no_posts');
    },
  );

  it('refuses a file of no known format, saying what is supported; asks for a channel when one is needed', async () => {
    const png = join(dir, 'photo.json');
    writeFileSync(png, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]));
    const channel = await channelOf(ctx, org.region, 'telegram');
    const unknown = await failureOf(() => importInto(ctx, png, channel));
    expect(unknown.code).toBe('import_format_unknown');
    expect(unknown.params['formats']).toContain('Telegram');
    expect(unknown.params['formats']).toContain('CSV (UTF-8, Windows-1251)');
    const without = await failureOf(() =>
      importInto(ctx, real('telegram/htx-erg_private_supergroup_result.json')),
    );
    expect(without.code).toBe('import_channel_required');
    expect((await failureOf(() => importInto(ctx, join(dir, 'missing.json'), channel))).code).toBe(
      'import_source_unavailable',
    );
  });

  describe('a website feed from its URL', () => {
    let server: Server;
    let base: string;

    beforeAll(async () => {
      server = createServer((request, response) => {
        if (request.url === '/feed/') {
          response.writeHead(200, { 'content-type': 'application/rss+xml; charset=utf-8' });
          response.end(readFileSync(`${FIXTURES}news.rss.xml`));
        } else response.writeHead(404).end();
      });
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      const address = server.address();
      base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
    });
    afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

    it('imports the items, guid as the id; a missing page is a clear error', async () => {
      const channel = await channelOf(ctx, org.region, 'website');
      const summary = await importInto(ctx, `${base}/feed/`, channel);
      expect(summary).toMatchObject({ format: 'feed', new: 3, rejected: 1 });
      expect(summary.rejections).toEqual([
        { file: `${base}/feed/`, record: { kind: 'item', index: 4 }, field: 'pubDate', code: 'required' },
      ]);
      const stored = await listPublications(ctx, { channel });
      expect(stored.map((item) => item.externalId)).toEqual([
        'https://abai-edu-union.kz/?p=101',
        'https://abai-edu-union.kz/?p=102',
        'https://abai-edu-union.kz/?p=103',
      ]);
      expect((await listImports(ctx)).find((batch) => batch.id === summary.batchId)?.rejections).toHaveLength(
        1,
      );
      const missing = await failureOf(() => importInto(ctx, `${base}/nothing/`, channel));
      expect(missing.params).toEqual({ file: `${base}/nothing/`, detail: 'HTTP 404' });
    });
  });
});
