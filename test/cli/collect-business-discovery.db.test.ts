/**
 * `aqparat collect` of a branch's Instagram account that gave no token, read through `business_discovery` of its
 * parent organization's account, against a local fake Graph API serving recorded real answers
 * (test/fixtures/real/instagram-graph/, Apache-2.0; see its PROVENANCE.md): the account's followers
 * (pyfb_ig_business_discovery_user) answered with its first media page (pyfb_ig_business_discovery_media_p1), as
 * one request asks both, then the page its cursor names (pyfb_ig_business_discovery_media_b_p1), whose cursor is the
 * one just asked: the end. Instagram's answer for a name that is no business or creator account is written here
 * after its documented shape (code 110, subcode 2207013 "Cannot find User"): no recorded one is among the fixtures.
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
  user: 'instagram-graph/pyfb_ig_business_discovery_user.json',
  mediaP1: 'instagram-graph/pyfb_ig_business_discovery_media_p1.json',
  mediaP2: 'instagram-graph/pyfb_ig_business_discovery_media_b_p1.json',
};
const PATHS = Object.values(FILES);
type Discovered = { business_discovery: Record<string, unknown> & { media?: { data: Media[] } } };
type Media = { id: string; caption?: string; timestamp: string };
const json = (path: string) => JSON.parse(readFileSync(real(path), 'utf8')) as Discovered;
const TOKEN = 'EAAB-region-account-token';
const KEY = 'b'.repeat(64);

/** The region's own account: the Graph user id its address carries. */
const HOST = '17841406338772941';
const BRANCH_NAME = 'facebookfordevelopers';
const PERSONAL_NAME = 'someones_personal_account';
/** Instagram's answer for a name that is no professional account, as Meta documents it. */
const NOT_BUSINESS = {
  error: {
    message: 'Invalid user id',
    type: 'OAuthException',
    code: 110,
    error_subcode: 2207013,
    is_transient: false,
    error_user_title: 'Cannot find User',
    error_user_msg: `The user with username: ${PERSONAL_NAME} cannot be found.`,
    fbtrace_id: 'A1',
  },
};

interface Hit {
  path: string;
  fields: string;
  query: URLSearchParams;
  authorization: string | undefined;
}

/** The fake Graph API: /v21.0/<HOST>?fields=business_discovery.username(<name>){…media[.after(<cursor>)]…}. */
async function fakeGraph() {
  const hits: Hit[] = [];
  /** While set, every token is refused as expired. */
  const state = { refused: false };
  const server = await serveLocally((request, response) => {
    const url = new URL(request.url ?? '/', 'http://fake');
    const fields = url.searchParams.get('fields') ?? '';
    hits.push({
      path: url.pathname,
      fields,
      query: url.searchParams,
      authorization: request.headers.authorization,
    });
    const send = (status: number, body: unknown) =>
      response.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
    if (state.refused || request.headers.authorization !== `Bearer ${TOKEN}`)
      return send(400, {
        error: { message: 'Invalid OAuth access token', type: 'OAuthException', code: 190 },
      });
    const name = /^business_discovery\.username\(([^)]+)\)/.exec(fields)?.[1];
    if (url.pathname !== `/v21.0/${HOST}` || name === undefined)
      return send(404, { error: { message: 'Unknown path', type: 'GraphMethodException', code: 803 } });
    if (name !== BRANCH_NAME) return send(400, NOT_BUSINESS);
    if (/media\.after\(after\)/.test(fields)) return send(200, json(FILES.mediaP2));
    const first = json(FILES.mediaP1);
    return send(200, {
      ...first,
      business_discovery: { ...json(FILES.user).business_discovery, ...first.business_discovery },
    });
  });
  return {
    url: server.url,
    hits,
    state,
    close: server.close,
  };
}

const media = () =>
  [FILES.mediaP1, FILES.mediaP2].flatMap((file) => json(file).business_discovery.media?.data ?? []);
const seconds = (graphTime: string) => Date.parse(graphTime.replace(/(\d\d)(\d\d)$/, '$1:$2')) / 1000;

describe.each(DIALECTS)(
  "aqparat collect of a branch's Instagram through its parent's account (%s)",
  (dialect) => {
    let database: TestDatabase;
    let region: Region;
    let fake: Awaited<ReturnType<typeof fakeGraph>>;
    const dir = scratchDir();
    const cli = (args: string[], extra: Record<string, string> = {}) =>
      runCli([...args, '--db', database.target], {
        AQPARAT_GRAPH_API_URL: fake.url,
        AQPARAT_COLLECT_DELAY_MS: '0',
        AQPARAT_SECRET_KEY: KEY,
        ...extra,
      });
    const collectJson = async (...args: string[]) => {
      const result = await cli(['collect', '--json', ...args], { AQPARAT_LOG_LEVEL: 'debug' });
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
    const addChannel = (owner: Region['region'], url: string) =>
      withContext((ctx) => channelOf(ctx, owner, 'instagram', { url }));
    const publicationsOf = (code: string) =>
      withContext((ctx) =>
        ctx.db.kysely
          .selectFrom('publication')
          .innerJoin('channel', 'channel.id', 'publication.channelId')
          .select([
            'publication.externalId',
            'publication.url',
            'publication.reactions',
            'publication.comments',
          ])
          .where('channel.code', '=', code)
          .orderBy('publication.publishedAt')
          .execute(),
      );

    beforeAll(async () => {
      fake = await fakeGraph();
      database = await createTestDatabase(dialect);
      region = await withContext((ctx) => buildRegion(ctx));
    });
    afterAll(async () => {
      await fake.close();
      await database.drop();
    });

    itReal(
      PATHS,
      "posts and followers read through the parent's account with its token, paged to the end",
      async () => {
        const branch = region.branches[0] ?? region.region;
        const account = await addChannel(branch, `https://www.instagram.com/${BRANCH_NAME}/`);
        // Neither a token of its own nor a parent's account: skipped as before, nothing asked.
        const alone = await collectJson('--channel', account);
        expect(alone.code, alone.stderr).toBe(0);
        expect(alone.channels[0]).toMatchObject({ skipped: 'no_token', error: null });
        expect(fake.hits).toHaveLength(0);

        const parent = await addChannel(region.region, `https://www.instagram.com/our_union/?id=${HOST}`);
        expect((await cli(['channel', 'token', '--channel', parent, '--token', TOKEN])).code).toBe(0);
        const result = await collectJson('--channel', account);
        expect(result.code, result.stderr).toBe(0);
        expect(result.channels[0]).toMatchObject({
          channel: account,
          new: 7,
          rejected: 0,
          followers: 64976,
          error: null,
        });
        expect(fake.hits.map((hit) => hit.path)).toEqual([`/v21.0/${HOST}`, `/v21.0/${HOST}`]);
        expect(fake.hits.map((hit) => hit.fields)).toEqual([
          `business_discovery.username(${BRANCH_NAME}){followers_count,media_count,media.limit(100){id,caption,timestamp,permalink,like_count,comments_count,media_type,media_url}}`,
          `business_discovery.username(${BRANCH_NAME}){followers_count,media_count,media.after(after).limit(100){id,caption,timestamp,permalink,like_count,comments_count,media_type,media_url}}`,
        ]);
        // The parent's token goes in the header only: never in an address, never in the log.
        expect(
          fake.hits.every((hit) => !hit.query.has('access_token') && hit.authorization === `Bearer ${TOKEN}`),
        ).toBe(true);
        expect(result.stderr).not.toContain(TOKEN);
        expect(result.stdout).not.toContain(TOKEN);

        const stored = await publicationsOf(account);
        expect(stored.map((row) => row.externalId).sort()).toEqual(
          media()
            .map((post) => post.id)
            .sort(),
        );
        expect(stored.find((row) => row.externalId === '17885103395504675')).toMatchObject({
          url: 'https://www.instagram.com/p/CSr71Gzlqo4/',
          reactions: 87,
          comments: 11,
        });
        const batch = await withContext((ctx) =>
          ctx.db.kysely
            .selectFrom('importBatch')
            .innerJoin('channel', 'channel.id', 'importBatch.channelId')
            .select(['importBatch.source', 'importBatch.status'])
            .where('channel.code', '=', account)
            .executeTakeFirstOrThrow(),
        );
        expect(batch).toEqual({ source: 'instagram-graph', status: 'done' });
        // The parent's own channel is untouched: nothing stored on it.
        expect(await publicationsOf(parent)).toHaveLength(0);

        // A rerun stops at the first page (its two posts are stored) and reads no further.
        const from = fake.hits.length;
        expect((await collectJson('--channel', account)).channels[0]).toMatchObject({
          new: 0,
          unchanged: 2,
          followers: 64976,
        });
        expect(fake.hits.length - from).toBe(1);

        // The same posts imported later from the account's export are the same publications.
        const folder = join(dir, `instagram-${dialect}`, 'media');
        mkdirSync(folder, { recursive: true });
        const file = join(folder, 'posts_1.json');
        writeFileSync(
          file,
          JSON.stringify(
            media().map((post, index) => ({
              media: [
                {
                  uri: `media/posts/202110/${index}_n.jpg`,
                  creation_timestamp: seconds(post.timestamp),
                  title: post.caption ?? '',
                },
              ],
            })),
          ),
        );
        const imported = await cli(['import', file, '--channel', account, '--json']);
        expect(imported.code, imported.stderr).toBe(0);
        expect(JSON.parse(imported.stdout)).toMatchObject({ new: 0, updated: 0, unchanged: 7, rejected: 0 });
        expect(await publicationsOf(account)).toHaveLength(7);
      },
    );

    itReal(
      PATHS,
      "an address with a Graph id asks for the channel's own token: still skipped without one",
      async () => {
        const branch = region.branches[1] ?? region.region;
        const account = await addChannel(branch, `https://www.instagram.com/${BRANCH_NAME}/?id=${HOST}1`);
        const from = fake.hits.length;
        const result = await collectJson('--channel', account);
        expect(result.channels[0]).toMatchObject({ skipped: 'no_token', error: null });
        expect(fake.hits.length).toBe(from);
      },
    );

    itReal(
      PATHS,
      'a name that is no business or creator account fails its channel, told in each language',
      async () => {
        const branch = region.branches[1] ?? region.region;
        const account = await addChannel(branch, `https://www.instagram.com/${PERSONAL_NAME}/`);
        const result = await collectJson('--channel', account, '--lang', 'en');
        expect(result.code).toBe(3);
        expect(result.channels[0]).toMatchObject({
          error: { code: 'collect_instagram_not_business' },
          new: 0,
        });
        // The failure is logged, the parent's token is not.
        expect(result.stderr).toContain('channel not collected');
        expect(result.stderr).not.toContain(TOKEN);
        expect((result.channels[0]?.['error'] as { message: string }).message).toBe(
          `Instagram found no business or creator account by the name in the channel's address (The user with username: ${PERSONAL_NAME} cannot be found.): only such accounts are read through an organization's account. Check the account's name in the channel's address or set the channel its own token (aqparat channel token)`,
        );
        expect((await cli(['collect', '--channel', account, '--lang', 'ru'])).stdout).toContain(
          'Instagram не нашёл бизнес- или авторский аккаунт с именем из адреса канала',
        );
        expect((await cli(['collect', '--channel', account, '--lang', 'kk'])).stdout).toContain(
          'Instagram арна мекенжайындағы атаумен бизнес не авторлық аккаунт таппады',
        );
        expect(await publicationsOf(account)).toHaveLength(0);
      },
    );

    itReal(
      PATHS,
      "the parent's token refused marks the parent's account, and the branch waits for a new one",
      async () => {
        const branch = region.branches[1] ?? region.region;
        const account = await addChannel(branch, `https://www.instagram.com/${BRANCH_NAME}/`);
        const parent = await addChannel(region.region, `https://www.instagram.com/our_union_2/?id=${HOST}`);
        expect((await cli(['channel', 'token', '--channel', parent, '--token', TOKEN])).code).toBe(0);
        // Marks every token of the region's accounts expired, one refusal each.
        const expire = async () => {
          fake.state.refused = true;
          try {
            return await collectJson('--channel', account, '--lang', 'en');
          } finally {
            fake.state.refused = false;
          }
        };
        let failed = await expire();
        expect(failed.channels[0]).toMatchObject({ error: { code: 'collect_token_expired' } });
        failed = await expire();
        expect(failed.channels[0]).toMatchObject({ error: { code: 'collect_token_expired' } });
        const marks = await withContext((ctx) =>
          ctx.db.kysely
            .selectFrom('channelSecret')
            .innerJoin('channel', 'channel.id', 'channelSecret.channelId')
            .select(['channel.code', 'channelSecret.expiredAt'])
            .where('channel.orgId', '=', region.region.id)
            .execute(),
        );
        expect(marks.length).toBe(2);
        expect(marks.every((mark) => mark.expiredAt !== null)).toBe(true);
        // No account left to read through: skipped, nothing asked, until a token is set again.
        const from = fake.hits.length;
        expect((await collectJson('--channel', account)).channels[0]).toMatchObject({ skipped: 'no_token' });
        expect(fake.hits.length).toBe(from);
        expect((await cli(['channel', 'token', '--channel', parent, '--token', TOKEN])).code).toBe(0);
        expect((await collectJson('--channel', account)).channels[0]).toMatchObject({ new: 7, error: null });
      },
    );
  },
);
