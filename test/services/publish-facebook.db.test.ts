/**
 * Publishing due posts to a Facebook page through the Graph API, on both databases, against a local fake built
 * from recorded answers (../shared/fixtures/real/facebook-graph/, MIT: restfb's publish result `{id}` and its
 * OAuthException 190, written after Meta's documented example). The fake numbers later posts on from the recorded
 * id, keeps what it published for `/{page-id}/posts`, and can lose an answer after posting (a 500, written after
 * the Graph API's documented error shape: no recorded one is among the fixtures).
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect } from 'vitest';
import { setChannelToken } from '../../src/services/channel-token.js';
import { collectPolicyOf } from '../../src/services/collect/collector.js';
import type { Organization } from '../../src/services/org.service.js';
import { publishDue } from '../../src/services/plan/publish.service.js';
import { addChannel } from '../../src/services/records.service.js';
import { buildTree, uniqueCode } from '../factories/org.factory.js';
import { approvedDuePost } from '../factories/plan-post.factory.js';
import { DIALECTS, openTestContext } from '../helpers/databases.js';
import { serveLocally } from '../helpers/local-server.js';
import { itReal, real } from '../helpers/real-files.js';

const FILES = {
  published: 'facebook-graph/restfb_publish_result_id.json',
  expired: 'facebook-graph/restfb_error_190_subcode_460.json',
};
const PATHS = Object.values(FILES);
const TOKEN = 'EAAB-page-token-of-the-union';
const PAGE = '123456786';

type Json = Record<string, unknown>;

async function fakeGraph() {
  const sent: { path: string; message: string; authorization: string; query: string }[] = [];
  const posts: Json[] = [];
  const lose = { next: false };
  let next = 0;
  const server = await serveLocally((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      void (async () => {
        const url = new URL(request.url ?? '/', 'http://fake');
        const send = (status: number, body: string) =>
          response.writeHead(status, { 'content-type': 'application/json' }).end(body);
        const authorization = request.headers.authorization ?? '';
        if (authorization !== `Bearer ${TOKEN}`) return send(400, readFileSync(real(FILES.expired), 'utf8'));
        if (request.method === 'GET' && url.pathname.endsWith(`/${PAGE}/posts`))
          return send(200, JSON.stringify({ data: posts }));
        const form = await new Response(Buffer.concat(chunks), {
          headers: { 'content-type': request.headers['content-type'] ?? '' },
        }).formData();
        const message = String(form.get('message') ?? '');
        sent.push({ path: url.pathname, message, authorization, query: url.search });
        const recorded = JSON.parse(readFileSync(real(FILES.published), 'utf8')) as { id: string };
        const [page, first] = recorded.id.split('_');
        const id = `${page}_${Number(first) + next++}`;
        posts.unshift({ id, message, created_time: new Date().toISOString().replace('Z', '+0000') });
        if (lose.next) {
          lose.next = false;
          return send(500, JSON.stringify({ error: { message: 'An unknown error occurred', code: 1 } }));
        }
        return send(200, JSON.stringify({ id }));
      })();
    });
  });
  return { url: server.url, sent, lose, close: server.close };
}

describe.each(DIALECTS)('publishing due posts to a Facebook page (%s)', (dialect) => {
  let ctx: Awaited<ReturnType<typeof openTestContext>>;
  let graph: Awaited<ReturnType<typeof fakeGraph>>;
  let branch: Organization;
  const saved = { ...process.env };
  const policy = () => collectPolicyOf({ AQPARAT_GRAPH_API_URL: graph.url, AQPARAT_COLLECT_DELAY_MS: '0' });

  const page = async (token: string) => {
    const code = uniqueCode('facebook');
    await addChannel(ctx, {
      code,
      org: branch.code,
      platform: 'facebook',
      name: code,
      url: `https://www.facebook.com/${PAGE}`,
    });
    await setChannelToken(ctx, code, { token });
    return code;
  };
  const duePost = (channel: string, text: string) => approvedDuePost(ctx, branch.code, channel, text);

  beforeAll(async () => {
    graph = await fakeGraph();
    process.env['AQPARAT_SECRET_KEY'] = 'e'.repeat(64);
    ctx = await openTestContext(dialect);
    const { regions } = await buildTree(ctx, { regions: 1, branches: 1, primariesPerBranch: 0 });
    branch = regions[0]!.branches[0]!.org;
  }, 60_000);
  afterAll(async () => {
    process.env = saved;
    await graph.close();
    await ctx.close();
  });

  itReal(PATHS, "posts to the page's feed once and stores the post under the Graph id", async () => {
    const channel = await page(TOKEN);
    const id = await duePost(channel, 'Подписан коллективный договор: 1 200 работников, рост оплаты на 12 %');
    expect(await publishDue(ctx, { policy: policy() })).toEqual([
      {
        post: id,
        channel,
        state: 'published',
        externalId: '123456786_5735173162',
        url: 'https://www.facebook.com/123456786/posts/5735173162',
        error: null,
      },
    ]);
    expect(graph.sent).toEqual([
      {
        path: `/v21.0/${PAGE}/feed`,
        message: 'Подписан коллективный договор: 1 200 работников, рост оплаты на 12 %',
        authorization: `Bearer ${TOKEN}`,
        query: '',
      },
    ]);
    const stored = await ctx.db.kysely
      .selectFrom('publication as p')
      .innerJoin('channel as c', 'c.id', 'p.channelId')
      .select(['p.externalId', 'p.url', 'p.subjectOrgId', 'p.analyzedAt'])
      .where('c.code', '=', channel)
      .execute();
    expect(stored).toMatchObject([
      {
        externalId: '123456786_5735173162',
        url: 'https://www.facebook.com/123456786/posts/5735173162',
        subjectOrgId: branch.id,
      },
    ]);
    expect(stored[0]?.analyzedAt).not.toBeNull();
    expect(await publishDue(ctx, { policy: policy() })).toEqual([]);
  });

  itReal(PATHS, "a refused page token fails the post with the Graph API's message", async () => {
    const channel = await page('EAAB-a-token-meta-refuses');
    const id = await duePost(channel, 'Семинар по охране труда 9 декабря');
    expect(await publishDue(ctx, { policy: policy() })).toMatchObject([
      {
        post: id,
        state: 'failed',
        error: {
          code: 'publish_token_refused',
          params: { platform: 'Facebook', detail: 'Message describing the error' },
        },
      },
    ]);
  });

  itReal(
    PATHS,
    'an answer lost after posting: the page’s posts are read and the post is not sent again',
    async () => {
      const channel = await page(TOKEN);
      const id = await duePost(channel, 'Консультация юриста: 14 обращений за 2 часа');
      graph.lose.next = true;
      const from = graph.sent.length;
      expect(await publishDue(ctx, { policy: policy() })).toMatchObject([
        { post: id, state: 'sending', error: { code: 'publish_uncertain' } },
      ]);
      await ctx.db.kysely
        .updateTable('planPostChannel')
        .set({ attemptedAt: new Date(Date.now() - 11 * 60_000).toISOString() })
        .where('postId', '=', id)
        .execute();
      const [found] = await publishDue(ctx, { policy: policy() });
      expect(found).toMatchObject({
        post: id,
        state: 'published',
        externalId: expect.stringMatching(/^123456786_/),
      });
      expect(graph.sent.length).toBe(from + 1);
    },
  );
});
