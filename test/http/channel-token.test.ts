/**
 * A channel's access token over HTTP, on both databases: set and cleared by those who may change the channel,
 * answered and listed only as "set on …, expires on …", refused to a viewer (403) and to another branch (404),
 * refused without the CSRF header, and absent from the server's log at its most verbose.
 */
import { randomBytes } from 'node:crypto';
import { Writable } from 'node:stream';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { buildApp } from '../../src/http/app.js';
import type { Organization } from '../../src/services/org.service.js';
import { addChannel } from '../../src/services/records.service.js';
import { buildOrg, uniqueCode } from '../factories/org.factory.js';
import { DIALECTS } from '../helpers/databases.js';
import { addUser, type Client, openTestServer, signIn, type TestApp, type TestServer } from './client.js';

const TOKEN = `IGQVJ-secret-${randomBytes(16).toString('hex')}`;

describe.each(DIALECTS)('channel tokens over HTTP (%s)', (dialect) => {
  let server: TestServer;
  let region: Organization;
  let branch: Organization;
  let sibling: Organization;
  let channel: { id: number; code: string };
  let manager: Client;

  beforeAll(async () => {
    vi.stubEnv('AQPARAT_SECRET_KEY', randomBytes(32).toString('hex'));
    server = await openTestServer(dialect);
    const { ctx } = server;
    region = await buildOrg(ctx, 'region');
    branch = await buildOrg(ctx, 'branch', region);
    sibling = await buildOrg(ctx, 'branch', region);
    const code = uniqueCode('ig');
    channel = {
      code,
      id: await addChannel(ctx, { code, org: branch.code, platform: 'instagram', name: code }),
    };
    manager = await signIn(server.app, await addUser(ctx, 'manager', branch.code));
  });
  afterAll(async () => {
    await server.close();
    vi.unstubAllEnvs();
  });

  const put = (client: Client, body: unknown, code = channel.code) =>
    client.request({ method: 'PUT', url: `/api/v1/channels/${code}/token`, payload: body as object });

  it('sets the token and answers only that it is set, when and until when', async () => {
    const response = await put(manager, { token: TOKEN, expiresOn: '2027-03-31' });
    expect(response.statusCode).toBe(200);
    expect(response.body).not.toContain(TOKEN);
    const answer = response.json() as Record<string, unknown>;
    expect(Object.keys(answer).sort()).toEqual(['expiresOn', 'set', 'setAt']);
    expect(answer).toMatchObject({ set: true, expiresOn: '2027-03-31' });
  });

  it('shows the token as set in the channel and in the list, never the token nor its cipher', async () => {
    await put(manager, { token: TOKEN, expiresOn: '2027-03-31' });
    const one = await manager.get(`/api/v1/channels/${channel.id}`);
    expect(one.statusCode).toBe(200);
    expect(one.json()).toMatchObject({ code: channel.code, token: { set: true, expiresOn: '2027-03-31' } });
    const list = await manager.get(`/api/v1/channels?org=${branch.code}`);
    expect(list.statusCode).toBe(200);
    const items = (list.json() as { items: { code: string; token: unknown }[] }).items;
    expect(items.find((item) => item.code === channel.code)?.token).toMatchObject({ set: true });
    for (const body of [one.body, list.body]) {
      expect(body).not.toContain(TOKEN);
      expect(body).not.toContain('v1:');
      expect(body).not.toContain('cipher');
    }
    // Changing the channel answers the same way.
    const patched = await manager.patch(`/api/v1/channels/${channel.id}`, { name: 'renamed' });
    expect(patched.statusCode).toBe(200);
    expect(patched.body).not.toContain(TOKEN);
    expect(patched.json()).toMatchObject({ token: { set: true } });
  });

  it('clears the token with DELETE', async () => {
    await put(manager, { token: TOKEN });
    const cleared = await manager.delete(`/api/v1/channels/${channel.code}/token`);
    expect(cleared.statusCode).toBe(200);
    expect(cleared.json()).toEqual({ set: false, setAt: null, expiresOn: null });
    const one = await manager.get(`/api/v1/channels/${channel.id}`);
    expect(one.json()).toMatchObject({ token: { set: false, setAt: null, expiresOn: null } });
  });

  it("refuses a viewer of the channel's branch (403), and another branch's editor and manager (404)", async () => {
    const viewer = await signIn(server.app, await addUser(server.ctx, 'viewer', branch.code));
    expect((await put(viewer, { token: TOKEN })).statusCode).toBe(403);
    expect((await viewer.delete(`/api/v1/channels/${channel.code}/token`)).statusCode).toBe(403);
    for (const role of ['editor', 'manager'] as const) {
      const other = await signIn(server.app, await addUser(server.ctx, role, sibling.code));
      const response = await put(other, { token: TOKEN });
      expect(response.statusCode).toBe(404);
      expect(response.json()).toMatchObject({ error: { code: 'channel_unknown' } });
      expect((await other.delete(`/api/v1/channels/${channel.code}/token`)).statusCode).toBe(404);
    }
    // Whoever may change it in the region above may set it.
    const regional = await signIn(server.app, await addUser(server.ctx, 'manager', region.code));
    expect((await put(regional, { token: TOKEN })).statusCode).toBe(200);
  });

  it('refuses a session without the CSRF header', async () => {
    const response = await manager.request({
      method: 'PUT',
      url: `/api/v1/channels/${channel.code}/token`,
      payload: { token: TOKEN },
      headers: { 'x-csrf-token': '' },
    });
    expect(response.statusCode).toBe(403);
    expect(response.json()).toMatchObject({ error: { code: 'csrf_invalid' } });
  });

  it('refuses a date that is no date, without echoing the token', async () => {
    const response = await put(manager, { token: TOKEN, expiresOn: '2027-02-30' });
    expect(response.statusCode).toBe(400);
    expect(response.body).not.toContain(TOKEN);
  });
});

describe('the server log', () => {
  let server: TestServer;
  let app: TestApp;
  let logged = '';

  beforeAll(async () => {
    vi.stubEnv('AQPARAT_SECRET_KEY', randomBytes(32).toString('hex'));
    server = await openTestServer('sqlite');
    const sink = new Writable({
      write: (chunk: Buffer, _encoding, done) => {
        logged += chunk.toString();
        done();
      },
    });
    app = await buildApp({ context: { ...server.ctx, log: pino({ level: 'trace' }, sink) } });
  });
  afterAll(async () => {
    await app.close();
    await server.close();
    vi.unstubAllEnvs();
  });

  it('holds the requests that set a token, never the token', async () => {
    const org = await buildOrg(server.ctx, 'union');
    const code = uniqueCode('tg');
    await addChannel(server.ctx, { code, org: org.code, platform: 'telegram', name: code });
    const admin = await signIn(app, await addUser(server.ctx, 'admin'));
    const url = `/api/v1/channels/${code}/token`;
    const statuses = [];
    for (const payload of [
      { token: TOKEN },
      { token: TOKEN, expiresOn: 'soon' },
      { token: TOKEN, extra: 1 },
    ]) {
      statuses.push((await admin.request({ method: 'PUT', url, payload })).statusCode);
    }
    // Stored once, refused twice by validation: both paths were taken and logged.
    expect(statuses).toEqual([200, 400, 400]);
    expect(logged).toContain(url);
    expect(logged).not.toContain(TOKEN);
    expect(logged).not.toContain(TOKEN.slice(-16));
  });
});
