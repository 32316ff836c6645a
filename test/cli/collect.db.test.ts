/**
 * `aqparat collect` against the local fake of t.me serving saved real pages (test/helpers/fake-telegram.ts): 12 + 20
 * posts over two pages, the last of which is rejected, 82 932 subscribers; missing names, a group and a bot.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect } from 'vitest';
import { localDateOf } from '../../src/domain/period.js';
import { parsePostsPage, type WebPost } from '../../src/importers/telegram-web/parse.js';
import { type Context, openContext } from '../../src/services/context.js';
import { runCli } from '../helpers/cli.js';
import { createTestDatabase, DIALECTS, type TestDatabase } from '../helpers/databases.js';
import {
  fakeTelegram,
  readTelegramPage as read,
  TELEGRAM_FILES as FILES,
  TELEGRAM_PATHS as PATHS,
} from '../helpers/fake-telegram.js';
import { itReal } from '../helpers/real-files.js';
import { buildRegion, channelOf, type Region, scratchDir } from '../importers/setup.js';

/** The posts of both pages as the collector reads them, the undated one left out. */
function pagePosts(): WebPost[] {
  return [read(FILES.newest), read(FILES.oldest)]
    .flatMap((html) => parsePostsPage(html).posts)
    .filter((post) => post.instant !== undefined);
}

/**
 * A Telegram Desktop export of the channel holding the same posts: each text with its links as `text_link`
 * entities, photos, videos and documents as files, an album as two photo messages of one second, forwards.
 */
function exportOf(posts: readonly WebPost[]): object {
  const messages: object[] = [];
  for (const post of posts) {
    const text: (string | object)[] = [];
    let rest = post.text ?? '';
    for (const link of post.links) {
      const at = rest.indexOf(link.text);
      if (at < 0) throw new Error(`link text not in post ${post.id}`);
      if (at > 0) text.push(rest.slice(0, at));
      text.push({ type: 'text_link', text: link.text, href: link.url });
      rest = rest.slice(at + link.text.length);
    }
    if (rest) text.push(rest);
    const seconds = String(Date.parse(post.instant ?? '') / 1000);
    const base = {
      type: 'message',
      date: (post.instant ?? '').slice(0, 19),
      date_unixtime: seconds,
      from: 'Канал',
      from_id: 'channel1084368520',
      ...(post.forwardedFrom !== undefined ? { forwarded_from: post.forwardedFrom } : {}),
    };
    const media =
      post.media === 'photo' || post.media === 'album'
        ? { photo: `photos/photo_${post.id}.jpg` }
        : post.media === 'video'
          ? { file: `video_files/${post.id}.mp4`, media_type: 'video_file' }
          : post.media === 'document'
            ? { file: `files/${post.id}.pdf` }
            : {};
    messages.push({ id: post.id, ...base, ...media, text });
    if (post.media === 'album')
      messages.push({ id: post.id + 1, ...base, photo: `photos/photo_${post.id + 1}.jpg`, text: '' });
  }
  return { name: 'Военное обозрение', type: 'public_channel', id: 1084368520, messages };
}

describe.each(DIALECTS)('aqparat collect from a fake t.me (%s)', (dialect) => {
  let database: TestDatabase;
  let region: Region;
  let fake: Awaited<ReturnType<typeof fakeTelegram>>;
  const dir = scratchDir();
  const today = () => localDateOf(new Date(), 'Asia/Almaty');
  const cli = (...args: string[]) =>
    runCli([...args, '--db', database.target], {
      AQPARAT_TELEGRAM_WEB_URL: fake.url,
      AQPARAT_COLLECT_DELAY_MS: '0',
    });
  const collectJson = async (...args: string[]) => {
    const result = await cli('collect', '--json', ...args);
    return { ...result, channels: JSON.parse(result.stdout) as Record<string, unknown>[] };
  };
  const withContext = async <T>(work: (ctx: Context) => Promise<T>): Promise<T> => {
    const ctx = await openContext({ db: database.target, env: {} });
    try {
      return await work(ctx);
    } finally {
      await ctx.db.close();
    }
  };
  const addChannel = (url?: string, platform: 'telegram' | 'vk' = 'telegram') =>
    withContext((ctx) => channelOf(ctx, region.branches[0] ?? region.region, platform, url ? { url } : {}));
  const publicationsOf = (code: string) =>
    withContext((ctx) =>
      ctx.db.kysely
        .selectFrom('publication')
        .innerJoin('channel', 'channel.id', 'publication.channelId')
        .select([
          'publication.externalId',
          'publication.views',
          'publication.mediaKind',
          'publication.isRepost',
        ])
        .where('channel.code', '=', code)
        .execute(),
    );
  const urlsSince = (from: number) => fake.hits.slice(from).map((hit) => hit.url);

  beforeAll(async () => {
    fake = await fakeTelegram();
    database = await createTestDatabase(dialect);
    region = await withContext((ctx) => buildRegion(ctx));
  });
  afterAll(async () => {
    await fake.close();
    await database.drop();
  });

  let channel = '';

  itReal(
    PATHS,
    "stores the channel's posts with views and its subscribers of the day, paging to the end",
    async () => {
      channel = await addChannel('https://t.me/topwar_official');
      const from = fake.hits.length;
      const result = await collectJson('--channel', channel);
      expect(result.code, result.stderr).toBe(0);
      expect(result.channels).toEqual([
        expect.objectContaining({
          channel,
          new: 31,
          updated: 0,
          unchanged: 0,
          rejected: 1,
          followers: 82932,
          followersAsOf: today(),
          error: null,
        }),
      ]);
      // The channel's page, its newest posts, the older page; the older page has none before it.
      expect(urlsSince(from)).toEqual([
        '/topwar_official',
        '/s/topwar_official',
        '/s/topwar_official?before=70989',
      ]);
      const stored = await publicationsOf(channel);
      expect(stored).toHaveLength(31);
      const byId = new Map(stored.map((row) => [row.externalId, row]));
      expect(byId.get('70989')).toMatchObject({ views: 37200, mediaKind: 'photo' });
      expect(byId.get('70992')).toMatchObject({ views: 33800, mediaKind: 'album' });
      expect(byId.get('56622')).toMatchObject({ views: 12300, mediaKind: 'text' });
      expect(Boolean(byId.get('71006')?.isRepost)).toBe(true);
      expect(byId.has('56641')).toBe(false);
      const [batch, snapshot] = await withContext(async (ctx) => [
        await ctx.db.kysely
          .selectFrom('importBatch')
          .innerJoin('channel', 'channel.id', 'importBatch.channelId')
          .select(['importBatch.source', 'importBatch.newCount', 'importBatch.status'])
          .where('channel.code', '=', channel)
          .executeTakeFirstOrThrow(),
        await ctx.db.kysely
          .selectFrom('audienceSnapshot')
          .innerJoin('channel', 'channel.id', 'audienceSnapshot.channelId')
          .select(['audienceSnapshot.followers', 'audienceSnapshot.asOf'])
          .where('channel.code', '=', channel)
          .execute(),
      ]);
      // The batch counts the day's snapshot with the posts.
      expect(batch).toEqual({ source: 'telegram-web', newCount: 32, status: 'done' });
      expect(snapshot).toEqual([{ followers: 82932, asOf: today() }]);
    },
  );

  itReal(PATHS, 'a rerun reads the newest page only (its posts are stored) and adds nothing', async () => {
    const from = fake.hits.length;
    const result = await collectJson('--channel', channel);
    expect(result.code, result.stderr).toBe(0);
    expect(result.channels).toEqual([
      expect.objectContaining({ channel, new: 0, updated: 0, unchanged: 12, rejected: 0, followers: 82932 }),
    ]);
    expect(urlsSince(from)).toEqual(['/topwar_official', '/s/topwar_official']);
    expect(await publicationsOf(channel)).toHaveLength(31);
  });

  itReal(PATHS, "waits out a 429's Retry-After and collects", async () => {
    fake.throttle.set('/s/topwar_official', 1);
    const from = fake.hits.length;
    const result = await collectJson('--channel', channel);
    expect(result.code, result.stderr).toBe(0);
    const hits = fake.hits.slice(from).filter((hit) => hit.url === '/s/topwar_official');
    expect(hits.map((hit) => hit.status)).toEqual([429, 200]);
    const [refused, answered] = hits;
    expect((answered?.at ?? 0) - (refused?.at ?? 0)).toBeGreaterThanOrEqual(990);
    expect(result.channels[0]).toMatchObject({ error: null, new: 0 });
  });

  itReal(
    PATHS,
    'a missing channel, a group, a bot and a private invite fail with their errors, exit 3, the others stored',
    async () => {
      const missing = await addChannel('https://t.me/not_existed_channel');
      const group = await addChannel('https://t.me/ru_python');
      const bot = await addChannel('https://t.me/botfather');
      const invite = await addChannel('https://t.me/+OGsucQ4Njk6');
      const fresh = await addChannel('https://t.me/s/topwar_official/');
      // A platform no collector reads (websites, YouTube, Facebook and Instagram have theirs).
      const other = await addChannel('https://vk.com/profsoyuz', 'vk');
      const unnamed = await addChannel();
      const result = await collectJson('--org', region.region.code, '--lang', 'en');
      expect(result.code).toBe(3);
      const byCode = new Map(result.channels.map((entry) => [entry['channel'], entry]));
      const errorOf = (code: string) => byCode.get(code)?.['error'] as { code: string; message: string };
      expect(errorOf(missing)).toMatchObject({
        code: 'collect_channel_missing',
        message: `Telegram has no channel @not_existed_channel (${fake.url}/not_existed_channel): check the channel's address`,
      });
      expect(errorOf(group)).toMatchObject({ code: 'collect_channel_group' });
      expect(errorOf(group).message).toContain('@ru_python on Telegram is a group, not a channel');
      expect(errorOf(bot)).toMatchObject({ code: 'collect_channel_bot' });
      expect(errorOf(invite)).toMatchObject({ code: 'collect_channel_private' });
      expect(byCode.get(other)).toMatchObject({ skipped: 'not_telegram', error: null });
      expect(byCode.get(unnamed)).toMatchObject({ skipped: 'no_public_address', error: null });
      expect(byCode.get(fresh)).toMatchObject({ new: 31, error: null, followers: 82932 });
      expect(byCode.get(channel)).toMatchObject({ new: 0, error: null });
      expect(await publicationsOf(fresh)).toHaveLength(31);
      // In the user's language without --json too.
      const told = await cli('collect', '--channel', group, '--lang', 'kk');
      expect(told.code).toBe(3);
      expect(told.stdout).toContain('Telegram-дағы @ru_python — арна емес, топ');
    },
  );

  itReal(PATHS, 'collected live, then imported from an export: one publication per post', async () => {
    const live = await addChannel('https://t.me/topwar_official');
    expect((await collectJson('--channel', live)).channels[0]).toMatchObject({ new: 31 });
    const file = join(dir, `live-then-export-${dialect}.json`);
    writeFileSync(file, JSON.stringify(exportOf(pagePosts())));
    const imported = await cli('import', file, '--channel', live, '--json');
    expect(imported.code, imported.stderr).toBe(0);
    expect(JSON.parse(imported.stdout)).toMatchObject({ new: 0, updated: 0, unchanged: 31, rejected: 0 });
    const stored = await publicationsOf(live);
    expect(stored).toHaveLength(31);
    // The export has no views: the collected ones stay.
    expect(stored.find((row) => row.externalId === '70989')?.views).toBe(37200);
  });

  itReal(PATHS, 'imported from an export, then collected live: one publication per post', async () => {
    const exported = await addChannel('https://t.me/topwar_official');
    const file = join(dir, `export-then-live-${dialect}.json`);
    writeFileSync(file, JSON.stringify(exportOf(pagePosts())));
    const imported = await cli('import', file, '--channel', exported, '--json');
    expect(imported.code, imported.stderr).toBe(0);
    expect(JSON.parse(imported.stdout)).toMatchObject({ new: 31, rejected: 0 });
    const collected = await collectJson('--channel', exported);
    expect(collected.code, collected.stderr).toBe(0);
    // Nothing new: the newest page's posts are stored, so the paging ends there, and its views are what the
    // collection adds to the exported posts.
    expect(collected.channels[0]).toMatchObject({ new: 0, updated: 12, rejected: 0, error: null });
    const stored = await publicationsOf(exported);
    expect(stored).toHaveLength(31);
    expect(stored.find((row) => row.externalId === '70989')?.views).toBe(37200);
    expect(stored.find((row) => row.externalId === '56622')?.views).toBeNull();
  });
});
