/**
 * `aqparat collect` of Facebook pages and Instagram accounts against a local fake Graph API serving recorded real
 * answers (test/fixtures/real/facebook-graph/ and instagram-graph/, Apache-2.0 and MIT; see their PROVENANCE.md):
 * a page's posts in two pages (pyfb_page_posts_fields_p1/p2) and its fan_count, a page's posts with reactions,
 * comments and shares (pyfb_multi_posts_ids), an Instagram account's media in two pages and its followers, an
 * expired token (error 190), a missing permission (error 100), the x-business-use-case-usage header. Meta's
 * rate-limit answer is written here after its documented shape ({"error":{"code":17,...}}, developers.facebook.com
 * /docs/graph-api/overview/rate-limiting): no recorded one is among the fixtures.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect } from 'vitest';
import { type Context, openContext } from '../../src/services/context.js';
import { runCli } from '../helpers/cli.js';
import { createTestDatabase, DIALECTS, type TestDatabase } from '../helpers/databases.js';
import { itReal, real } from '../helpers/real-files.js';
import { buildRegion, channelOf, type Region, scratchDir } from '../importers/setup.js';
import { serveLocally } from '../helpers/local-server.js';

const FILES = {
  postsP1: 'facebook-graph/pyfb_page_posts_fields_p1.json',
  postsP2: 'facebook-graph/pyfb_page_posts_fields_p2.json',
  fanCount: 'facebook-graph/pyfb_page_fan_count.json',
  engaged: 'facebook-graph/pyfb_multi_posts_ids.json',
  expired: 'facebook-graph/restfb_error_190_subcode_460.json',
  permission: 'facebook-graph/pyfb_error_100_missing_permission.json',
  usage: 'facebook-graph/restfb_header_x_business_use_case_usage.json',
  mediaP1: 'instagram-graph/pyfb_ig_user_media_p1.json',
  mediaP2: 'instagram-graph/pyfb_ig_user_media_p2.json',
  igUser: 'instagram-graph/pyfb_ig_user_fields.json',
};
const PATHS = Object.values(FILES);
const json = (path: string): unknown => JSON.parse(readFileSync(real(path), 'utf8'));
const TOKEN = 'EAAB-test-page-token';
const KEY = 'a'.repeat(64);
const BACKOFF_MS = 200;

const PAGE = '4';
const ENGAGED_PAGE = '19292868552';
const IG_USER = '17841406338772941';
/** Meta's rate-limit error as the Graph API documents it (no recorded one in the fixtures). */
const RATE_LIMITED = {
  error: { message: '(#17) User request limit reached', type: 'OAuthException', code: 17, fbtrace_id: 'A1' },
};

interface Hit {
  path: string;
  query: URLSearchParams;
  at: number;
  status: number;
  authorization: string | undefined;
}

/**
 * The fake Graph API, /v21.0/<node>[/<edge>]. `expired`, `forbidden` and `limited` nodes answer errors
 * (`limited`: the count of rate-limit answers to give before answering); `busy` nodes' own answer carries the
 * usage header above 75 %.
 */
async function fakeGraph() {
  const hits: Hit[] = [];
  const expired = new Set<string>();
  const forbidden = new Set<string>();
  const limited = new Map<string, number>();
  const busy = new Set<string>();
  let base = '';
  const relinked = (answer: unknown) =>
    JSON.parse(
      JSON.stringify(answer).replace(/https:\/\/graph\.facebook\.com\/v\d+\.\d+\//g, `${base}/v21.0/`),
    );
  const engaged = Object.values(json(FILES.engaged) as Record<string, unknown>);
  const server = await serveLocally((request, response) => {
    const url = new URL(request.url ?? '/', 'http://fake');
    const [, version, node = '', edge] = url.pathname.split('/');
    const send = (status: number, body: unknown, headers: Record<string, string> = {}) => {
      hits.push({
        path: url.pathname,
        query: url.searchParams,
        at: Date.now(),
        status,
        authorization: request.headers.authorization,
      });
      response
        .writeHead(status, { 'content-type': 'application/json', ...headers })
        .end(JSON.stringify(body));
    };
    if (version !== 'v21.0' || request.headers.authorization !== `Bearer ${TOKEN}`)
      return send(400, json(FILES.expired));
    if (expired.has(node)) return send(400, json(FILES.expired));
    if (forbidden.has(node)) return send(400, json(FILES.permission));
    const left = limited.get(node) ?? 0;
    if (left > 0) {
      limited.set(node, left - 1);
      return send(400, RATE_LIMITED);
    }
    const usage = busy.has(node) && edge === undefined;
    const headers: Record<string, string> = usage
      ? { 'x-business-use-case-usage': JSON.stringify(json(FILES.usage)) }
      : {};
    if (node === PAGE && edge === undefined) return send(200, json(FILES.fanCount), headers);
    if (node === PAGE && edge === 'posts')
      return send(200, relinked(json(url.searchParams.has('until') ? FILES.postsP2 : FILES.postsP1)));
    if (node === ENGAGED_PAGE && edge === undefined)
      return send(200, { id: node, followers_count: 1200, fan_count: 1100 }, headers);
    if (node === ENGAGED_PAGE && edge === 'posts') return send(200, { data: engaged });
    if (node === IG_USER && edge === undefined) return send(200, json(FILES.igUser), headers);
    if (node === IG_USER && edge === 'media')
      return send(200, relinked(json(url.searchParams.has('after') ? FILES.mediaP2 : FILES.mediaP1)));
    return send(404, { error: { message: 'Unknown path', type: 'GraphMethodException', code: 803 } });
  });
  base = server.url;
  return {
    url: base,
    hits,
    expired,
    forbidden,
    limited,
    busy,
    close: server.close,
  };
}

const seconds = (graphTime: string) => Date.parse(graphTime.replace(/(\d\d)(\d\d)$/, '$1:$2')) / 1000;

type GraphPost = {
  id: string;
  message?: string;
  caption?: string;
  created_time?: string;
  timestamp?: string;
};

/** A Facebook "Download your information" posts file of the page's posts: text and time, no ids. */
const facebookExport = (posts: readonly GraphPost[]) =>
  posts.map((post) => ({
    timestamp: seconds(post.created_time ?? ''),
    title: 'Page posted.',
    data: [{ post: post.message }],
  }));

/** An Instagram posts file: each post's file under media/, its caption and time, no ids. */
const instagramExport = (media: readonly GraphPost[]) =>
  media.map((post, index) => ({
    media: [
      {
        uri: `media/posts/202107/${index}_n.jpg`,
        creation_timestamp: seconds(post.timestamp ?? ''),
        title: post.caption ?? '',
      },
    ],
  }));

const pagePosts = () => (json(FILES.postsP1) as { data: GraphPost[] }).data;
const igMedia = () =>
  [FILES.mediaP1, FILES.mediaP2].flatMap((file) => (json(file) as { data: GraphPost[] }).data);

describe.each(DIALECTS)('aqparat collect from a fake Graph API (%s)', (dialect) => {
  let database: TestDatabase;
  let region: Region;
  let fake: Awaited<ReturnType<typeof fakeGraph>>;
  const dir = scratchDir();
  const env = () => ({
    AQPARAT_GRAPH_API_URL: fake.url,
    AQPARAT_COLLECT_DELAY_MS: '0',
    AQPARAT_GRAPH_BACKOFF_MS: String(BACKOFF_MS),
    AQPARAT_SECRET_KEY: KEY,
  });
  const cli = (...args: string[]) => runCli([...args, '--db', database.target], env());
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
  const addChannel = async (platform: 'facebook' | 'instagram', url: string, token = true) => {
    const code = await withContext((ctx) =>
      channelOf(ctx, region.branches[0] ?? region.region, platform, { url }),
    );
    if (token) expect((await cli('channel', 'token', '--channel', code, '--token', TOKEN)).code).toBe(0);
    return code;
  };
  const publicationsOf = (code: string) =>
    withContext((ctx) =>
      ctx.db.kysely
        .selectFrom('publication')
        .innerJoin('channel', 'channel.id', 'publication.channelId')
        .select([
          'publication.externalId',
          'publication.url',
          'publication.text',
          'publication.mediaKind',
          'publication.reactions',
          'publication.comments',
          'publication.shares',
        ])
        .where('channel.code', '=', code)
        .orderBy('publication.publishedAt')
        .execute(),
    );
  const importExport = async (code: string, name: string, posts: unknown) => {
    const folder = join(dir, `${name}-${dialect}`, name === 'instagram' ? 'media' : 'posts');
    mkdirSync(folder, { recursive: true });
    const file = join(folder, name === 'instagram' ? 'posts_1.json' : 'your_posts_1.json');
    writeFileSync(file, JSON.stringify(posts));
    const imported = await cli('import', file, '--channel', code, '--json');
    expect(imported.code, imported.stderr).toBe(0);
    return JSON.parse(imported.stdout) as Record<string, unknown>;
  };
  const hitsSince = (from: number) => fake.hits.slice(from);

  beforeAll(async () => {
    fake = await fakeGraph();
    database = await createTestDatabase(dialect);
    region = await withContext((ctx) => buildRegion(ctx));
  });
  afterAll(async () => {
    await fake.close();
    await database.drop();
  });

  itReal(PATHS, "a page's posts paged to the end, its fan count as the day's followers", async () => {
    const page = await addChannel('facebook', `https://www.facebook.com/profile.php?id=${PAGE}`);
    const from = fake.hits.length;
    const result = await collectJson('--channel', page);
    expect(result.code, result.stderr).toBe(0);
    expect(result.channels).toEqual([
      expect.objectContaining({
        channel: page,
        new: 5,
        updated: 0,
        rejected: 0,
        followers: 214507731,
        error: null,
      }),
    ]);
    const hits = hitsSince(from);
    expect(hits.map((hit) => hit.path)).toEqual([
      `/v21.0/${PAGE}`,
      `/v21.0/${PAGE}/posts`,
      `/v21.0/${PAGE}/posts`,
    ]);
    // The second page is the first's `paging.next`, the token sent in the header only, never in an address.
    expect(hits[2]?.query.get('until')).toBe('1624385168');
    expect(
      hits.every((hit) => !hit.query.has('access_token') && hit.authorization === `Bearer ${TOKEN}`),
    ).toBe(true);
    expect(hits[1]?.query.get('fields')).toContain('reactions.summary(true).limit(0)');
    const stored = await publicationsOf(page);
    expect(stored.map((row) => row.externalId)).toEqual(
      pagePosts()
        .map((post) => post.id)
        .reverse(),
    );
    expect(stored.at(-1)?.text).toBe('Happy July 4th! 🇺🇸');
    const batch = await withContext((ctx) =>
      ctx.db.kysely
        .selectFrom('importBatch')
        .innerJoin('channel', 'channel.id', 'importBatch.channelId')
        .select(['importBatch.source', 'importBatch.status'])
        .where('channel.code', '=', page)
        .executeTakeFirstOrThrow(),
    );
    expect(batch).toEqual({ source: 'facebook-graph', status: 'done' });
    // A rerun stops at the first page: its posts are stored.
    const again = hitsSince(fake.hits.length).length + fake.hits.length;
    expect((await collectJson('--channel', page)).channels[0]).toMatchObject({ new: 0, unchanged: 5 });
    expect(fake.hits.length - again).toBe(2);
  });

  itReal(
    PATHS,
    "posts' reactions, comments and shares are kept; followers_count before fan_count",
    async () => {
      const page = await addChannel(
        'facebook',
        `https://www.facebook.com/people/Facebook-Engineering/${ENGAGED_PAGE}/`,
      );
      const result = await collectJson('--channel', page);
      expect(result.channels[0]).toMatchObject({ new: 2, followers: 1200, error: null });
      expect(await publicationsOf(page)).toEqual([
        expect.objectContaining({
          externalId: '19292868552_10158345715593553',
          url: 'https://www.facebook.com/19292868552/posts/10158345715593553/',
          mediaKind: 'photo',
          reactions: 110,
          comments: 11,
          shares: 11,
        }),
        expect.objectContaining({
          externalId: '19292868552_10158347294088553',
          mediaKind: 'link',
          reactions: 82,
          comments: 12,
          shares: 5,
        }),
      ]);
    },
  );

  itReal(
    PATHS,
    "an Instagram account's media paged to the end, likes as reactions, its followers",
    async () => {
      const account = await addChannel(
        'instagram',
        `https://www.instagram.com/facebookfordevelopers/?id=${IG_USER}`,
      );
      const from = fake.hits.length;
      const result = await collectJson('--channel', account);
      expect(result.code, result.stderr).toBe(0);
      expect(result.channels[0]).toMatchObject({ new: 4, rejected: 0, followers: 64363, error: null });
      expect(hitsSince(from).map((hit) => hit.path)).toEqual([
        `/v21.0/${IG_USER}`,
        `/v21.0/${IG_USER}/media`,
        `/v21.0/${IG_USER}/media`,
      ]);
      const stored = await publicationsOf(account);
      expect(stored.map((row) => row.externalId)).toEqual([
        '17893085207160254',
        '17896129349106152',
        '17896622936197745',
        '17895731045244887',
      ]);
      expect(stored[1]).toMatchObject({ text: 'ALBUM', mediaKind: 'album', reactions: 1, comments: 0 });
      expect(stored[2]).toMatchObject({
        url: 'https://www.instagram.com/p/CSgdWACBeKr/',
        reactions: 2,
        comments: 6,
      });
    },
  );

  itReal(
    PATHS,
    'an expired token marks the channel and stops its runs until a new token is set',
    async () => {
      const page = await addChannel('facebook', `https://www.facebook.com/profile.php?id=${PAGE}`);
      fake.expired.add(PAGE);
      try {
        const failed = await collectJson('--channel', page, '--lang', 'en');
        expect(failed.code).toBe(3);
        expect(failed.channels[0]).toMatchObject({ error: { code: 'collect_token_expired' }, new: 0 });
        expect((failed.channels[0]?.['error'] as { message: string }).message).toContain(
          "The channel's access token has expired or was revoked (Message describing the error)",
        );
        const mark = await withContext((ctx) =>
          ctx.db.kysely
            .selectFrom('channelSecret')
            .innerJoin('channel', 'channel.id', 'channelSecret.channelId')
            .select('channelSecret.expiredAt')
            .where('channel.code', '=', page)
            .executeTakeFirstOrThrow(),
        );
        expect(mark.expiredAt).not.toBeNull();
        // Stopped: no request is made, the reason is told.
        const from = fake.hits.length;
        const stopped = await collectJson('--channel', page);
        expect(stopped.code).toBe(0);
        expect(stopped.channels[0]).toMatchObject({ skipped: 'token_expired', error: null });
        expect(fake.hits.length).toBe(from);
        const told = await cli('collect', '--channel', page, '--lang', 'kk');
        expect(told.stdout).toContain('арна токенінің мерзімі өтті');
      } finally {
        fake.expired.delete(PAGE);
      }
      expect((await cli('channel', 'token', '--channel', page, '--token', TOKEN)).code).toBe(0);
      expect((await collectJson('--channel', page)).channels[0]).toMatchObject({ new: 5, error: null });
    },
  );

  itReal(
    PATHS,
    'a rate limit (error 17) is waited out with a growing backoff, and given up after 3 retries',
    async () => {
      const page = await addChannel('facebook', `https://www.facebook.com/profile.php?id=${ENGAGED_PAGE}`);
      fake.limited.set(ENGAGED_PAGE, 2);
      const from = fake.hits.length;
      const result = await collectJson('--channel', page);
      expect(result.code, result.stderr).toBe(0);
      expect(result.channels[0]).toMatchObject({ new: 2, error: null });
      const [first, second, third] = hitsSince(from);
      expect([first?.status, second?.status, third?.status]).toEqual([400, 400, 200]);
      expect((second?.at ?? 0) - (first?.at ?? 0)).toBeGreaterThanOrEqual(BACKOFF_MS - 10);
      expect((third?.at ?? 0) - (second?.at ?? 0)).toBeGreaterThanOrEqual(2 * BACKOFF_MS - 10);

      fake.limited.set(ENGAGED_PAGE, 10);
      const given = await collectJson('--channel', page, '--lang', 'en');
      fake.limited.delete(ENGAGED_PAGE);
      expect(given.code).toBe(3);
      expect(given.channels[0]).toMatchObject({ error: { code: 'collect_rate_limited' } });
      expect((given.channels[0]?.['error'] as { message: string }).message).toContain(
        '(#17) User request limit reached',
      );
    },
  );

  itReal(PATHS, 'usage above 75 % in x-business-use-case-usage slows the next request down', async () => {
    const page = await addChannel('facebook', `https://www.facebook.com/profile.php?id=${ENGAGED_PAGE}`);
    fake.busy.add(ENGAGED_PAGE);
    const from = fake.hits.length;
    const result = await collectJson('--channel', page);
    fake.busy.delete(ENGAGED_PAGE);
    expect(result.channels[0]).toMatchObject({ error: null });
    const [info, posts] = hitsSince(from);
    expect((posts?.at ?? 0) - (info?.at ?? 0)).toBeGreaterThanOrEqual(BACKOFF_MS - 10);
  });

  itReal(PATHS, 'a missing permission, no token and no Graph id are told apart', async () => {
    const forbidden = await addChannel('facebook', `https://www.facebook.com/profile.php?id=555555`);
    fake.forbidden.add('555555');
    const tokenless = await addChannel('instagram', `https://www.instagram.com/x/?id=${IG_USER}`, false);
    const unnamed = await addChannel('instagram', 'https://www.instagram.com/facebookfordevelopers/');
    const result = await collectJson('--org', region.region.code, '--lang', 'en');
    fake.forbidden.delete('555555');
    expect(result.code).toBe(3);
    const byCode = new Map(result.channels.map((entry) => [entry['channel'], entry]));
    expect(byCode.get(forbidden)).toMatchObject({ error: { code: 'collect_permission_missing' } });
    expect((byCode.get(forbidden)?.['error'] as { message: string }).message).toContain(
      "This endpoint requires the 'pages_read_engagement' permission",
    );
    expect(byCode.get(tokenless)).toMatchObject({ skipped: 'no_token', error: null });
    expect(byCode.get(unnamed)).toMatchObject({ skipped: 'no_graph_id', error: null });
    const told = await cli('collect', '--channel', tokenless, '--lang', 'ru');
    expect(told.stdout).toContain('у канала нет токена доступа Graph API');
  });

  itReal(
    PATHS,
    'Facebook: collected live, then imported from an export: one publication per post',
    async () => {
      const page = await addChannel('facebook', `https://www.facebook.com/profile.php?id=${PAGE}`);
      expect((await collectJson('--channel', page)).channels[0]).toMatchObject({ new: 5 });
      const imported = await importExport(page, 'facebook', facebookExport(pagePosts()));
      expect(imported).toMatchObject({ new: 0, updated: 0, unchanged: 5, rejected: 0 });
      const stored = await publicationsOf(page);
      expect(stored.map((row) => row.externalId)).toEqual(
        pagePosts()
          .map((post) => post.id)
          .reverse(),
      );
    },
  );

  itReal(
    PATHS,
    'Facebook: imported from an export, then collected live: one publication per post',
    async () => {
      const page = await addChannel('facebook', `https://www.facebook.com/profile.php?id=${PAGE}`);
      expect(await importExport(page, 'facebook', facebookExport(pagePosts()))).toMatchObject({ new: 5 });
      expect((await publicationsOf(page)).every((row) => row.externalId.startsWith('fb-'))).toBe(true);
      const collected = await collectJson('--channel', page);
      expect(collected.channels[0]).toMatchObject({ new: 0, updated: 5, error: null });
      // The posts now carry the Graph's ids: a rerun, and a new export, add nothing.
      const stored = await publicationsOf(page);
      expect(stored.map((row) => row.externalId)).toEqual(
        pagePosts()
          .map((post) => post.id)
          .reverse(),
      );
      expect((await collectJson('--channel', page)).channels[0]).toMatchObject({
        new: 0,
        updated: 0,
        unchanged: 5,
      });
      expect(await importExport(page, 'facebook', facebookExport(pagePosts()))).toMatchObject({
        new: 0,
        updated: 0,
      });
      expect(await publicationsOf(page)).toHaveLength(5);
    },
  );

  itReal(PATHS, 'Instagram: both orders give one publication per post, linked to the Graph id', async () => {
    const live = await addChannel('instagram', `https://www.instagram.com/a/?id=${IG_USER}`);
    expect((await collectJson('--channel', live)).channels[0]).toMatchObject({ new: 4 });
    expect(await importExport(live, 'instagram', instagramExport(igMedia()))).toMatchObject({
      new: 0,
      updated: 0,
      unchanged: 4,
    });
    expect(await publicationsOf(live)).toHaveLength(4);

    const exported = await addChannel('instagram', `https://www.instagram.com/b/?id=${IG_USER}`);
    expect(await importExport(exported, 'instagram', instagramExport(igMedia()))).toMatchObject({ new: 4 });
    expect((await collectJson('--channel', exported)).channels[0]).toMatchObject({ new: 0, updated: 4 });
    const stored = await publicationsOf(exported);
    expect(stored.map((row) => row.externalId)).toEqual(
      (await publicationsOf(live)).map((row) => row.externalId),
    );
    expect(stored[2]).toMatchObject({ reactions: 2, comments: 6 });
  });
});
