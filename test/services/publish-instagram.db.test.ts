/**
 * Publishing due posts to an Instagram professional account through content publishing, on both databases,
 * against a local fake of the Graph API built from recorded answers (../shared/fixtures/real/instagram-graph/,
 * Apache-2.0, python-facebook's: the container `{id}`, its FINISHED status, media_publish's `{id}`, a media of
 * /{ig-user}/media). Like Instagram, the fake fetches the container's image from the server's public address
 * (the aqparat server of the test, listening), answers IN_PROGRESS before FINISHED (the recorded status with
 * its status_code changed), ERROR for a caption asking so, and can lose media_publish's answer after publishing.
 */
import { readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect } from 'vitest';
import { setChannelToken } from '../../src/services/channel-token.js';
import { collectPolicyOf } from '../../src/services/collect/collector.js';
import type { Organization } from '../../src/services/org.service.js';
import { createPost, movePost } from '../../src/services/plan/post.service.js';
import { publishDue } from '../../src/services/plan/publish.service.js';
import { addChannel } from '../../src/services/records.service.js';
import { buildTree, uniqueCode } from '../factories/org.factory.js';
import { approvedDuePost } from '../factories/plan-post.factory.js';
import { openTestServer, type TestServer } from '../http/client.js';
import { DIALECTS } from '../helpers/databases.js';
import { serveLocally } from '../helpers/local-server.js';
import { itReal, real } from '../helpers/real-files.js';

const FILES = {
  container: 'instagram-graph/pyfb_ig_container_create_photo.json',
  status: 'instagram-graph/pyfb_ig_container_status.json',
  published: 'instagram-graph/pyfb_ig_media_publish.json',
  media: 'instagram-graph/pyfb_ig_user_media_p1.json',
};
const PATHS = Object.values(FILES);
const TOKEN = 'EAAB-instagram-token-of-the-union';
const ACCOUNT = '17841406338772941';
/** The first bytes of a PNG file, and some more. */
const PNG = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  Buffer.alloc(64, 7),
]);

type Json = Record<string, unknown>;
const recorded = (file: string) => JSON.parse(readFileSync(real(file), 'utf8')) as Json;

async function fakeInstagram() {
  const calls: string[] = [];
  /** What Instagram fetched from the image address: its status and bytes. */
  const fetched: { status: number; bytes: Buffer }[] = [];
  const containers = new Map<string, { caption: string; polls: number }>();
  const media: Json[] = [];
  const lose = { next: false };
  let next = 0;
  const server = await serveLocally((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      void (async () => {
        const url = new URL(request.url ?? '/', 'http://fake');
        const send = (status: number, body: unknown) =>
          response.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
        const node = url.pathname.split('/').slice(2).join('/');
        calls.push(`${request.method} ${node}`);
        if (request.headers.authorization !== `Bearer ${TOKEN}`)
          return send(400, { error: { message: 'Invalid OAuth access token', code: 190 } });
        const form = new URLSearchParams(Buffer.concat(chunks).toString());
        if (request.method === 'POST' && node === `${ACCOUNT}/media`) {
          const image = await fetch(form.get('image_url') ?? '');
          fetched.push({ status: image.status, bytes: Buffer.from(await image.arrayBuffer()) });
          const id = String(BigInt(String(recorded(FILES.container)['id'])) + BigInt(next++));
          containers.set(id, { caption: form.get('caption') ?? '', polls: 0 });
          return send(200, { id });
        }
        if (request.method === 'POST' && node === `${ACCOUNT}/media_publish`) {
          const container = containers.get(form.get('creation_id') ?? '');
          if (!container) return send(400, { error: { message: 'Invalid parameter', code: 100 } });
          const id = String(BigInt(String(recorded(FILES.published)['id'])) + BigInt(next++));
          const [example] = recorded(FILES.media)['data'] as Json[];
          media.unshift({
            ...example,
            id,
            caption: container.caption,
            permalink: `https://www.instagram.com/p/C${id.slice(-9)}/`,
            timestamp: new Date().toISOString().replace(/\.\d+Z$/, '+0000'),
          });
          if (lose.next) {
            lose.next = false;
            return send(500, { error: { message: 'An unknown error occurred', code: 1 } });
          }
          return send(200, { id });
        }
        if (request.method === 'GET' && node === `${ACCOUNT}/media`) return send(200, { data: media });
        const container = containers.get(node);
        if (request.method === 'GET' && container) {
          container.polls += 1;
          const status = recorded(FILES.status);
          if (container.caption.includes('[error]'))
            return send(200, {
              ...status,
              id: node,
              status_code: 'ERROR',
              status: 'Error: Media download failed',
            });
          return send(
            200,
            container.polls < 3
              ? { id: node, status_code: 'IN_PROGRESS', status: 'In Progress' }
              : { ...status, id: node },
          );
        }
        const found = media.find((item) => item['id'] === node);
        if (request.method === 'GET' && found) return send(200, found);
        return send(404, { error: { message: 'Unsupported get request', code: 100 } });
      })();
    });
  });
  return { url: server.url, calls, fetched, media, lose, close: server.close };
}

describe.each(DIALECTS)('publishing due posts to Instagram (%s)', (dialect) => {
  let server: TestServer;
  let graph: Awaited<ReturnType<typeof fakeInstagram>>;
  let branch: Organization;
  let publicUrl = '';
  const waits: number[] = [];
  const saved = { ...process.env };
  const options = () => ({
    policy: collectPolicyOf({ AQPARAT_GRAPH_API_URL: graph.url, AQPARAT_COLLECT_DELAY_MS: '0' }),
    publicUrl,
    wait: (ms: number) => {
      waits.push(ms);
      return Promise.resolve();
    },
  });

  const account = async () => {
    const code = uniqueCode('instagram');
    await addChannel(server.ctx, {
      code,
      org: branch.code,
      platform: 'instagram',
      name: code,
      url: `https://www.instagram.com/kasipodak_abai/?id=${ACCOUNT}`,
    });
    await setChannelToken(server.ctx, code, { token: TOKEN });
    return code;
  };

  beforeAll(async () => {
    graph = await fakeInstagram();
    process.env['AQPARAT_SECRET_KEY'] = 'e'.repeat(64);
    server = await openTestServer(dialect);
    await server.app.listen({ port: 0, host: '127.0.0.1' });
    publicUrl = `http://127.0.0.1:${(server.app.server.address() as AddressInfo).port}/`;
    const { regions } = await buildTree(server.ctx, { regions: 1, branches: 1, primariesPerBranch: 0 });
    branch = regions[0]!.branches[0]!.org;
  }, 60_000);
  afterAll(async () => {
    process.env = saved;
    await graph.close();
    await server.close();
  });

  itReal(
    PATHS,
    'makes the container from the served image, waits until FINISHED, publishes once',
    async () => {
      const channel = await account();
      const text = 'Семинар по охране труда: 40 уполномоченных, 9 декабря';
      const id = await approvedDuePost(server.ctx, branch.code, channel, text, PNG);
      waits.length = 0;
      const [result] = await publishDue(server.ctx, options());
      const [published] = graph.media;
      expect(result).toEqual({
        post: id,
        channel,
        state: 'published',
        externalId: published?.['id'],
        url: published?.['permalink'],
        error: null,
      });
      // Instagram got the post's own image from the public address, asked the status thrice, published once.
      expect(graph.fetched.at(-1)).toEqual({ status: 200, bytes: PNG });
      expect(waits).toEqual([1000, 2000]);
      expect(graph.calls.filter((call) => call === `POST ${ACCOUNT}/media_publish`)).toHaveLength(1);
      const stored = await server.ctx.db.kysely
        .selectFrom('publication as p')
        .innerJoin('channel as c', 'c.id', 'p.channelId')
        .select(['p.externalId', 'p.url', 'p.subjectOrgId'])
        .where('c.code', '=', channel)
        .execute();
      expect(stored).toMatchObject([
        { externalId: published?.['id'], url: published?.['permalink'], subjectOrgId: branch.id },
      ]);
      expect(await publishDue(server.ctx, options())).toEqual([]);
      // Published: its image is no longer public.
      const { mediaToken } = await server.ctx.db.kysely
        .selectFrom('planPost')
        .select('mediaToken')
        .where('id', '=', id)
        .executeTakeFirstOrThrow();
      expect((await fetch(`${publicUrl}api/v1/media/plan/${mediaToken}`)).status).toBe(404);
    },
  );

  itReal(PATHS, "a container Instagram marks ERROR fails the post with Instagram's status", async () => {
    const channel = await account();
    const id = await approvedDuePost(server.ctx, branch.code, channel, 'Итоги года [error]', PNG);
    const before = graph.calls.length;
    expect(await publishDue(server.ctx, options())).toMatchObject([
      {
        post: id,
        state: 'failed',
        error: {
          code: 'publish_media_rejected',
          params: { platform: 'Instagram', status: 'ERROR', detail: 'Error: Media download failed' },
        },
      },
    ]);
    expect(graph.calls.slice(before)).not.toContain(`POST ${ACCOUNT}/media_publish`);
    const post = await server.ctx.db.kysely
      .selectFrom('planPost')
      .select('state')
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect(post.state).toBe('failed');
  });

  itReal(PATHS, 'an answer lost after publishing: the media is found and not published again', async () => {
    const channel = await account();
    const id = await approvedDuePost(server.ctx, branch.code, channel, 'Консультация: 14 обращений', PNG);
    graph.lose.next = true;
    const publishes = () => graph.calls.filter((call) => call === `POST ${ACCOUNT}/media_publish`).length;
    const from = publishes();
    expect(await publishDue(server.ctx, options())).toMatchObject([
      { post: id, state: 'sending', error: { code: 'publish_uncertain' } },
    ]);
    await server.ctx.db.kysely
      .updateTable('planPostChannel')
      .set({ attemptedAt: new Date(Date.now() - 11 * 60_000).toISOString() })
      .where('postId', '=', id)
      .execute();
    const [found] = await publishDue(server.ctx, options());
    expect(found).toMatchObject({ post: id, state: 'published', externalId: graph.media[0]?.['id'] });
    expect(publishes()).toBe(from + 1);
  });

  itReal(
    PATHS,
    'a post without an image is refused for Instagram; a draft’s image is not public',
    async () => {
      const channel = await account();
      const bare = await createPost(server.ctx, {
        org: branch.code,
        channels: [channel],
        textRu: 'Без картинки',
        plannedAt: new Date().toISOString(),
      });
      await expect(movePost(server.ctx, bare.id, 'approve')).rejects.toMatchObject({
        code: 'plan_instagram_image_required',
        params: { channel },
      });
      const draft = await createPost(server.ctx, {
        org: branch.code,
        channels: [channel],
        textRu: 'С картинкой',
        plannedAt: new Date(Date.now() + 86_400_000).toISOString(),
        image: PNG.toString('base64'),
      });
      const { mediaToken } = await server.ctx.db.kysely
        .selectFrom('planPost')
        .select('mediaToken')
        .where('id', '=', draft.id)
        .executeTakeFirstOrThrow();
      const address = `${publicUrl}api/v1/media/plan/${mediaToken}`;
      expect((await fetch(address)).status).toBe(404);
      await movePost(server.ctx, draft.id, 'approve');
      const served = await fetch(address);
      expect(served.status).toBe(200);
      expect(served.headers.get('content-type')).toBe('image/png');
      expect(Buffer.from(await served.arrayBuffer())).toEqual(PNG);
      expect((await fetch(`${publicUrl}api/v1/media/plan/${'x'.repeat(32)}`)).status).toBe(404);
    },
  );
});
