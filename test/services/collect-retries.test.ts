/**
 * Transient failures tried again with a pause doubled each time, on t.me-like pages (PoliteFetcher) and the Graph
 * API (GraphClient), against local servers: HTTP 503 and a dropped connection, Graph's `is_transient` error; what
 * is not transient (HTTP 400, a permission) fails at once. The pauses are recorded, not slept.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GraphClient } from '../../src/services/collect/graph.js';
import { DEFAULT_FETCH_POLICY, PoliteFetcher } from '../../src/services/collect/polite-fetch.js';
import { serveLocally } from '../helpers/local-server.js';

/** Answers each path with its scripted replies in turn (the last one repeated); `drop` closes the connection. */
async function scripted(replies: Record<string, ({ status: number; body: string } | 'drop')[]>) {
  const served = new Map<string, number>();
  const server = await serveLocally((request, response) => {
    const path = (request.url ?? '/').split('?')[0] ?? '/';
    const list = replies[path] ?? [{ status: 404, body: '' }];
    const index = served.get(path) ?? 0;
    served.set(path, index + 1);
    const reply = list[Math.min(index, list.length - 1)];
    if (reply === 'drop' || reply === undefined) request.socket.destroy();
    else response.writeHead(reply.status, { 'content-type': 'application/json' }).end(reply.body);
  });
  return {
    url: server.url,
    served,
    close: server.close,
  };
}

const POLICY = { ...DEFAULT_FETCH_POLICY, delayMs: 0, transientBackoffMs: 100 };
const ok = (body: string) => ({ status: 200, body });
const GRAPH_TRANSIENT = JSON.stringify({
  error: {
    message: 'An unexpected error has occurred.',
    type: 'OAuthException',
    code: 2,
    is_transient: true,
  },
});
const GRAPH_PERMISSION = JSON.stringify({ error: { message: '(#10) Permission denied', code: 10 } });

describe('transient failures tried again', () => {
  let server: Awaited<ReturnType<typeof scripted>>;
  beforeAll(async () => {
    server = await scripted({
      '/flaky': [{ status: 503, body: '' }, 'drop', ok('fine')],
      '/down': [{ status: 502, body: '' }],
      '/bad': [{ status: 400, body: '' }],
      '/v21.0/graph-flaky': [{ status: 500, body: GRAPH_TRANSIENT }, ok('{"id":"1"}')],
      '/v21.0/graph-denied': [{ status: 400, body: GRAPH_PERMISSION }],
    });
  });
  afterAll(() => server.close());

  it('a page: 503, then a dropped connection, then answered, after 100 then 200 ms', async () => {
    const waits: number[] = [];
    const fetcher = new PoliteFetcher(POLICY, async (ms) => void waits.push(ms));
    const page = await fetcher.get(`${server.url}/flaky`);
    expect(page.body).toBe('fine');
    expect(waits).toEqual([100, 200]);
    expect(server.served.get('/flaky')).toBe(3);
  });

  it('a page still failing after 3 retries fails; a 400 fails at once', async () => {
    const waits: number[] = [];
    const fetcher = new PoliteFetcher(POLICY, async (ms) => void waits.push(ms));
    await expect(fetcher.get(`${server.url}/down`)).rejects.toMatchObject({
      code: 'collect_fetch_failed',
      params: { detail: 'HTTP 502' },
    });
    expect(waits).toEqual([100, 200, 400]);
    expect(server.served.get('/down')).toBe(4);
    await expect(fetcher.get(`${server.url}/bad`)).rejects.toMatchObject({ code: 'collect_fetch_failed' });
    expect(server.served.get('/bad')).toBe(1);
  });

  it("Graph's transient error is tried again; a permission error is not", async () => {
    const graph = {
      ...POLICY,
      graphApiUrl: server.url,
      graphVersion: 'v21.0',
      graphBackoffMs: 1000,
      maxPages: 1,
    };
    const client = new GraphClient(graph, 'token', async () => undefined);
    expect(await client.get(client.url('graph-flaky', {}))).toEqual({ id: '1' });
    expect(client.waits).toEqual([100]);
    await expect(client.get(client.url('graph-denied', {}))).rejects.toMatchObject({
      code: 'collect_permission_missing',
    });
    expect(server.served.get('/v21.0/graph-denied')).toBe(1);
  });
});
