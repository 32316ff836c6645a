/**
 * `aqparat collect` of websites and YouTube channels against local fake sites serving recorded real answers: RSS
 * feeds of news sites (../shared/fixtures/real/rss/, no license stated: read from there), WordPress REST API pages
 * of demo.worona.org (test/fixtures/real/wordpress/, Apache-2.0) and YouTube channel feeds
 * (../shared/fixtures/real/youtube/, GPL: read from there). The WordPress API's index (`/wp-json/`), the sites'
 * home pages linking their feeds and the 404 and 429 answers are written here after their documented shapes: no
 * recorded one is among the fixtures.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import type { IncomingMessage } from 'node:http';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect } from 'vitest';
import { type Context, openContext } from '../../src/services/context.js';
import { runCli } from '../helpers/cli.js';
import { createTestDatabase, DIALECTS, type TestDatabase } from '../helpers/databases.js';
import { itReal, real } from '../helpers/real-files.js';
import { buildRegion, channelOf, type Region, scratchDir } from '../importers/setup.js';
import { serveLocally } from '../helpers/local-server.js';

const FILES = {
  liga: 'rss/liga_net_rss.xml',
  mos: 'rss/mos_ru_rss.xml',
  wpP1: 'wordpress/frontity_wp_v2_posts_category7_embed.json',
  wpP2: 'wordpress/frontity_wp_v2_posts_category7_embed_p2.json',
  youtube: 'youtube/friends_youtube_feed_aeronewsgermany.xml',
};
const PATHS = Object.values(FILES);
const text = (path: string) => readFileSync(real(path), 'utf8');
const YOUTUBE_ID = 'UCipwt-3-cptv9K6uhfZ61GA';
const ETAG = '"liga-v1"';
const LAST_MODIFIED = 'Sun, 22 Aug 2021 11:24:01 GMT';

interface Hit {
  path: string;
  query: URLSearchParams;
  headers: IncomingMessage['headers'];
  status: number;
  at: number;
}

type Post = { modified: string; id: number };

/**
 * A fake site. `wordpress`: `/wp-json/` answers the API's index and `/wp-json/wp/v2/posts` the recorded pages
 * (`modified_after` filters them onto one page); else `/wp-json/` is 404, `/` links the liga feed, whose ETag and
 * Last-Modified a repeated request gets a 304 for. `limited` paths answer 429 with Retry-After 1 that many times.
 */
async function fakeSite(wordpress: boolean) {
  const hits: Hit[] = [];
  const limited = new Map<string, number>();
  const pages = [JSON.parse(text(FILES.wpP1)) as Post[], JSON.parse(text(FILES.wpP2)) as Post[]];
  const server = await serveLocally((request, response) => {
    const url = new URL(request.url ?? '/', 'http://fake');
    const send = (status: number, body: string, headers: Record<string, string> = {}) => {
      hits.push({
        path: url.pathname,
        query: url.searchParams,
        headers: request.headers,
        status,
        at: Date.now(),
      });
      response.writeHead(status, headers).end(body);
    };
    const left = limited.get(url.pathname) ?? 0;
    if (left > 0) {
      limited.set(url.pathname, left - 1);
      return send(429, 'Too Many Requests', { 'retry-after': '1' });
    }
    const xml = { 'content-type': 'application/rss+xml; charset=utf-8' };
    if (wordpress && url.pathname === '/wp-json/')
      return send(200, JSON.stringify({ name: 'Worona Demo', namespaces: ['oembed/1.0', 'wp/v2'] }), {
        'content-type': 'application/json',
      });
    if (wordpress && url.pathname === '/wp-json/wp/v2/posts') {
      const after = url.searchParams.get('modified_after');
      const json = { 'content-type': 'application/json' };
      if (after !== null) {
        const newer = pages.flat().filter((post) => post.modified > after);
        return send(200, JSON.stringify(newer), {
          ...json,
          'x-wp-total': String(newer.length),
          'x-wp-totalpages': '1',
        });
      }
      const page = pages[Number(url.searchParams.get('page') ?? '1') - 1];
      if (!page) return send(400, JSON.stringify({ code: 'rest_post_invalid_page_number' }), json);
      return send(200, JSON.stringify(page), { ...json, 'x-wp-total': '10', 'x-wp-totalpages': '2' });
    }
    if (url.pathname === '/')
      return send(
        200,
        '<!DOCTYPE html><html><head><title>Новости</title>' +
          '<link rel="alternate" type="application/rss+xml" title="RSS" href="/feed/liga.xml"></head><body></body></html>',
        { 'content-type': 'text/html; charset=utf-8' },
      );
    if (url.pathname === '/feed/liga.xml') {
      if (request.headers['if-none-match'] === ETAG) return send(304, '');
      return send(200, text(FILES.liga), { ...xml, etag: ETAG, 'last-modified': LAST_MODIFIED });
    }
    if (url.pathname === '/feed/mos.xml') return send(200, text(FILES.mos), xml);
    if (url.pathname === '/feeds/videos.xml' && url.searchParams.get('channel_id') === YOUTUBE_ID)
      return send(200, text(FILES.youtube), { 'content-type': 'text/xml; charset=UTF-8' });
    return send(404, 'Not Found');
  });
  return {
    url: server.url,
    hits,
    limited,
    close: server.close,
  };
}

describe.each(DIALECTS)('aqparat collect from fake websites and YouTube (%s)', (dialect) => {
  let database: TestDatabase;
  let region: Region;
  let news: Awaited<ReturnType<typeof fakeSite>>;
  let wordpress: Awaited<ReturnType<typeof fakeSite>>;
  const dir = scratchDir();
  const cli = (...args: string[]) =>
    runCli([...args, '--db', database.target], {
      AQPARAT_COLLECT_DELAY_MS: '0',
      AQPARAT_YOUTUBE_FEED_URL: `${news.url}/feeds/videos.xml`,
    });
  const collectJson = async (...args: string[]) => {
    const result = await cli('collect', '--json', ...args);
    return { ...result, channels: JSON.parse(result.stdout || '[]') as Record<string, unknown>[] };
  };
  const withContext = async <T>(work: (ctx: Context) => Promise<T>): Promise<T> => {
    const ctx = await openContext({ db: database.target, env: {} });
    try {
      return await work(ctx);
    } finally {
      await ctx.db.close();
    }
  };
  const addChannel = (platform: 'website' | 'youtube', url: string) =>
    withContext((ctx) => channelOf(ctx, region.branches[0] ?? region.region, platform, { url }));
  const publicationsOf = (code: string) =>
    withContext((ctx) =>
      ctx.db.kysely
        .selectFrom('publication')
        .innerJoin('channel', 'channel.id', 'publication.channelId')
        .select([
          'publication.externalId',
          'publication.url',
          'publication.title',
          'publication.mediaKind',
          'publication.views',
          'publication.reactions',
        ])
        .where('channel.code', '=', code)
        .orderBy('publication.publishedAt')
        .execute(),
    );
  const batchesOf = (code: string) =>
    withContext((ctx) =>
      ctx.db.kysely
        .selectFrom('importBatch')
        .innerJoin('channel', 'channel.id', 'importBatch.channelId')
        .select(['importBatch.id', 'importBatch.source', 'importBatch.status', 'importBatch.newCount'])
        .where('channel.code', '=', code)
        .orderBy('importBatch.id')
        .execute(),
    );

  beforeAll(async () => {
    news = await fakeSite(false);
    wordpress = await fakeSite(true);
    database = await createTestDatabase(dialect);
    region = await withContext((ctx) => buildRegion(ctx));
  });
  afterAll(async () => {
    await news.close();
    await wordpress.close();
    await database.drop();
  });

  itReal(
    PATHS,
    "a site's feed found from its page, then asked conditionally: a 304 adds nothing",
    async () => {
      const site = await addChannel('website', `${news.url}/`);
      const from = news.hits.length;
      const first = await collectJson('--channel', site);
      expect(first.code, first.stderr).toBe(0);
      expect(first.channels).toEqual([
        expect.objectContaining({
          channel: site,
          new: 12,
          updated: 0,
          rejected: 0,
          followers: null,
          error: null,
        }),
      ]);
      // /wp-json/ probed once (404: no WordPress), the page read for its feed's link, the feed.
      expect(news.hits.slice(from).map((hit) => [hit.path, hit.status])).toEqual([
        ['/wp-json/', 404],
        ['/', 200],
        ['/feed/liga.xml', 200],
      ]);
      const stored = await publicationsOf(site);
      expect(stored).toHaveLength(12);
      expect(stored.at(-1)).toMatchObject({
        externalId:
          'https://news.liga.net/sport/news/futbol-arsenal-chelsi-gde-i-kogda-smotret-match-angliyskoy-premer-ligi',
        title: 'Футбол. "Арсенал" – "Челси": где и когда смотреть матч английской Премьер-лиги',
        mediaKind: 'photo',
      });
      expect(await batchesOf(site)).toEqual([
        expect.objectContaining({ source: 'website-feed', status: 'done', newCount: 12 }),
      ]);

      const again = news.hits.length;
      const second = await collectJson('--channel', site);
      expect(second.code, second.stderr).toBe(0);
      expect(second.channels[0]).toMatchObject({ new: 0, updated: 0, unchanged: 0, error: null });
      const asked = news.hits.slice(again);
      expect(asked.map((hit) => [hit.path, hit.status])).toEqual([['/feed/liga.xml', 304]]);
      expect(asked[0]?.headers['if-none-match']).toBe(ETAG);
      expect(asked[0]?.headers['if-modified-since']).toBe(LAST_MODIFIED);
      expect(await batchesOf(site)).toHaveLength(1);
    },
  );

  itReal(PATHS, 'an undone collection is asked again without validators and stored again', async () => {
    const site = await addChannel('website', `${news.url}/`);
    expect((await collectJson('--channel', site)).channels[0]).toMatchObject({ new: 12 });
    const [batch] = await batchesOf(site);
    expect((await cli('imports', 'undo', String(batch?.id))).code).toBe(0);
    expect(await publicationsOf(site)).toHaveLength(0);
    const from = news.hits.length;
    expect((await collectJson('--channel', site)).channels[0]).toMatchObject({ new: 12, error: null });
    const asked = news.hits.slice(from);
    expect(asked.map((hit) => [hit.path, hit.status])).toEqual([['/feed/liga.xml', 200]]);
    expect(asked[0]?.headers['if-none-match']).toBeUndefined();
  });

  itReal(
    PATHS,
    "a WordPress site's posts paged to X-WP-TotalPages, then only those modified after",
    async () => {
      const site = await addChannel('website', `${wordpress.url}/`);
      const from = wordpress.hits.length;
      const first = await collectJson('--channel', site);
      expect(first.code, first.stderr).toBe(0);
      expect(first.channels[0]).toMatchObject({ new: 10, rejected: 0, error: null });
      const asked = wordpress.hits.slice(from);
      expect(asked.map((hit) => hit.path)).toEqual([
        '/wp-json/',
        '/wp-json/wp/v2/posts',
        '/wp-json/wp/v2/posts',
      ]);
      expect(asked.slice(1).map((hit) => [hit.query.get('page'), hit.query.get('per_page')])).toEqual([
        ['1', '100'],
        ['2', '100'],
      ]);
      expect(asked[1]?.query.has('modified_after')).toBe(false);
      const stored = await publicationsOf(site);
      expect(stored.map((row) => row.externalId)).toEqual(
        [1, 12, 23, 26, 30, 33, 36, 42, 54, 57].map((id) => `https://demo.worona.org/?p=${id}`),
      );
      expect(stored.at(-1)).toMatchObject({
        url: 'https://demo.worona.org/shinjuku-gyoen-national-garden/',
        title: 'Shinjuku Gyoen National Garden',
        mediaKind: 'photo',
      });
      expect(await batchesOf(site)).toEqual([
        expect.objectContaining({ source: 'wordpress-api', newCount: 10 }),
      ]);

      const again = wordpress.hits.length;
      const second = await collectJson('--channel', site);
      expect(second.channels[0]).toMatchObject({ new: 0, updated: 0, error: null });
      const rerun = wordpress.hits.slice(again);
      // No probe again; the latest modification stored asked after.
      const latest = [FILES.wpP1, FILES.wpP2]
        .flatMap((file) => (JSON.parse(text(file)) as Post[]).map((post) => post.modified))
        .sort()
        .at(-1);
      expect(latest).toBe('2018-01-11T09:51:58');
      expect(rerun.map((hit) => [hit.path, hit.query.get('modified_after')])).toEqual([
        ['/wp-json/wp/v2/posts', latest],
      ]);
    },
  );

  itReal(
    PATHS,
    'a missing feed fails with its address while another channel is stored; a 429 is waited out',
    async () => {
      const missing = await addChannel('website', `${news.url}/feed/gone.xml`);
      const limited = await addChannel('website', `${news.url}/feed/mos.xml`);
      news.limited.set('/feed/mos.xml', 1);
      const started = Date.now();
      const result = await collectJson('--org', region.branches[0]?.code ?? '');
      expect(result.code).toBe(3);
      const byCode = new Map(result.channels.map((channel) => [channel.channel, channel]));
      expect(byCode.get(missing)?.['error']).toMatchObject({
        code: 'collect_page_missing',
        params: { url: `${news.url}/feed/gone.xml`, status: 404 },
      });
      expect(byCode.get(limited)).toMatchObject({ new: 10, error: null });
      expect(Date.now() - started).toBeGreaterThanOrEqual(1000);
      const mosHits = news.hits.filter((hit) => hit.path === '/feed/mos.xml').map((hit) => hit.status);
      expect(mosHits).toEqual([429, 200]);
    },
  );

  itReal(
    PATHS,
    "a YouTube channel's videos with their views and likes; an unknown channel is missing",
    async () => {
      const channel = await addChannel('youtube', `https://www.youtube.com/channel/${YOUTUBE_ID}`);
      const result = await collectJson('--channel', channel);
      expect(result.code, result.stderr).toBe(0);
      expect(result.channels[0]).toMatchObject({ new: 15, rejected: 0, error: null });
      const stored = await publicationsOf(channel);
      expect(stored.at(-1)).toMatchObject({
        externalId: 'yt:video:IGciw-yYlo4',
        url: 'https://www.youtube.com/watch?v=IGciw-yYlo4',
        mediaKind: 'video',
        views: 71584,
        reactions: 3367,
      });
      expect(stored.every((row) => row.views !== null && row.reactions !== null)).toBe(true);
      expect(await batchesOf(channel)).toEqual([expect.objectContaining({ source: 'youtube-feed' })]);

      const unknown = await addChannel('youtube', 'https://www.youtube.com/channel/UC0000000000000000000000');
      const failed = await collectJson('--channel', unknown, '--lang', 'en');
      expect(failed.code).toBe(3);
      expect(failed.channels[0]?.['error']).toMatchObject({
        code: 'collect_page_missing',
        message: expect.stringContaining('/feeds/videos.xml?channel_id=UC0000000000000000000000'),
      });
    },
  );

  itReal(
    PATHS,
    'a feed file imported, then the same feed collected, is one publication per post',
    async () => {
      const site = await addChannel('website', `${news.url}/feed/mos.xml`);
      const file = join(dir, `mos-${dialect}.xml`);
      writeFileSync(file, text(FILES.mos));
      const imported = await cli('import', file, '--channel', site, '--json');
      expect(imported.code, imported.stderr).toBe(0);
      expect(JSON.parse(imported.stdout)).toMatchObject({ new: 10 });
      const collected = await collectJson('--channel', site);
      expect(collected.channels[0]).toMatchObject({ new: 0, updated: 0, unchanged: 10, error: null });
      expect(await publicationsOf(site)).toHaveLength(10);
    },
  );

  itReal(PATHS, 'a feed collected, then the same feed imported from a file, adds nothing', async () => {
    const channel = await addChannel(
      'youtube',
      `https://www.youtube.com/feeds/videos.xml?channel_id=${YOUTUBE_ID}`,
    );
    expect((await collectJson('--channel', channel)).channels[0]).toMatchObject({ new: 15 });
    const file = join(dir, `youtube-${dialect}.xml`);
    writeFileSync(file, text(FILES.youtube));
    const imported = await cli('import', file, '--channel', channel, '--json');
    expect(imported.code, imported.stderr).toBe(0);
    expect(JSON.parse(imported.stdout)).toMatchObject({ new: 0, updated: 0, unchanged: 15 });
    expect(await publicationsOf(channel)).toHaveLength(15);
  });
});
