/**
 * The dashboard over HTTP with an API token, as automation and the load benchmark read it: reading writes
 * nothing after the token's first use of the minute, so the cached answer stays valid, and a publication
 * written by another connection to the database is in the next answer; while imports store in the background,
 * the answer computed off the server's thread is the one its own thread gives.
 */
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Context, openContext } from '../../src/services/context.js';
import type { DashboardResponse } from '../../src/shared/dashboard.js';
import { buildTree } from '../factories/org.factory.js';
import { buildChannel, buildPublication } from '../factories/publication.factory.js';
import { DIALECTS } from '../helpers/databases.js';
import { whileUnchanged } from '../helpers/quiet.js';
import { addUser, openTestServer, signIn, type TestServer } from './client.js';

describe.each(DIALECTS)('the dashboard read with a token (%s)', (dialect) => {
  let server: TestServer;
  let other: Context;
  let channel: string;
  let url: string;
  let token: string;

  const read = (): Promise<LightMyRequestResponse> =>
    server.app.inject({ method: 'GET', url, headers: { authorization: `Bearer ${token}` } });
  const published = async () => {
    const response = await read();
    expect(response.statusCode, response.body).toBe(200);
    return response.json<DashboardResponse>().publications.current;
  };

  beforeAll(async () => {
    server = await openTestServer(dialect);
    other = await openContext({ db: server.ctx.target, env: {} });
    const { regions } = await buildTree(server.ctx, { regions: 1, branches: 1, primariesPerBranch: 1 });
    const region = regions[0]!.org;
    channel = await buildChannel(server.ctx, region);
    await buildPublication(server.ctx, channel);
    url = `/api/v1/measures/dashboard?org=${region.code}&period=2023-01-01..2023-12-31&asOf=2023-12-31`;
    const viewer = await signIn(server.app, await addUser(server.ctx, 'viewer', region.code));
    token = (await viewer.post('/api/v1/tokens', { name: 'reader' })).json<{ token: string }>().token;
  }, 60_000);
  afterAll(async () => {
    await other.db.close();
    await server.close();
  });

  it('writes nothing while reading, once the token is marked used', async () => {
    const first = await read();
    expect(first.statusCode).toBe(200);
    expect(first.headers['content-type']).toBe('application/json; charset=utf-8');
    const again = await whileUnchanged(server.ctx, () => Promise.all([read(), read(), read()]));
    for (const response of again) expect(response.body).toBe(first.body);
  });

  it('answers with the publications another connection adds', async () => {
    const before = await published();
    await buildPublication(other, channel, { publishedAt: '2023-03-01T06:00:00Z' });
    expect(await published()).toBe(before + 1);
    await buildPublication(server.ctx, channel, { publishedAt: '2023-03-02T06:00:00Z' });
    expect(await published()).toBe(before + 2);
  });

  it('answers alike while imports store in the background: off the thread on SQLite, then here', async () => {
    const before = await published();
    let finish = () => {};
    server.ctx.cache.lagWhile(new Promise<void>((resolve) => (finish = resolve)));
    const answered = server.ctx.cache.apart?.answered ?? 0;
    try {
      await buildPublication(other, channel, { publishedAt: '2023-04-01T06:00:00Z' });
      // Nothing computed since imports began: the answer is computed at once, at the data of now.
      const lagging = await read();
      expect(lagging.statusCode, lagging.body).toBe(200);
      expect(lagging.json<DashboardResponse>().publications.current).toBe(before + 1);
      expect(server.ctx.cache.apart?.answered ?? 0).toBe(dialect === 'sqlite' ? answered + 1 : 0);
      finish();
      await new Promise((resolve) => setImmediate(resolve));
      // The imports over, the server's own thread computes it, at the same data: the same bytes.
      const here = await read();
      expect(here.body).toBe(lagging.body);
      expect(server.ctx.cache.apart?.answered ?? 0).toBe(dialect === 'sqlite' ? answered + 1 : 0);
    } finally {
      finish();
    }
  });
});
