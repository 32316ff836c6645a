/**
 * The server's own routes on both databases: signing in (throttling, CSRF, API tokens), users, organizations, the
 * plain records (401 / 400 with field paths / 404 outside the subtree / success), the audit log with restore,
 * health and the OpenAPI document.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FREE_LOGIN_FAILURES } from '../../src/services/user.service.js';
import { buildTree, type RegionTree } from '../factories/org.factory.js';
import { DIALECTS } from '../helpers/databases.js';
import { addUser, type Client, openTestServer, PASSWORD, signIn, type TestServer } from './client.js';

interface Envelope {
  error: { code: string; message: string; fields?: { path: string; code: string; message: string }[] };
}

describe.each(DIALECTS)('the server (%s)', (dialect) => {
  let server: TestServer;
  let region: RegionTree;
  let admin: Client;
  /** A manager of the region's first branch. */
  let manager: Client;
  let ownBranch: string;
  let siblingBranch: string;

  beforeAll(async () => {
    server = await openTestServer(dialect);
    region = (await buildTree(server.ctx, { regions: 1, branches: 2, primariesPerBranch: 1 })).regions[0]!;
    ownBranch = region.branches[0]!.org.code;
    siblingBranch = region.branches[1]!.org.code;
    admin = await signIn(server.app, await addUser(server.ctx, 'admin'));
    manager = await signIn(server.app, await addUser(server.ctx, 'manager', ownBranch));
  });
  afterAll(async () => server.close());

  describe('signing in', () => {
    it('refuses the API without a session, in the language asked for', async () => {
      const response = await server.app.inject({
        method: 'GET',
        url: '/api/v1/people',
        headers: { 'accept-language': 'kk' },
      });
      expect(response.statusCode).toBe(401);
      expect((response.json() as Envelope).error).toEqual({
        code: 'unauthenticated',
        message: 'Жүйеге кіріңіз: сеанс басталмаған немесе мерзімі өткен',
      });
    });

    it('answers a wrong password with 401, and makes the login wait at that address after repeated failures', async () => {
      const login = await addUser(server.ctx, 'viewer', ownBranch);
      const attempt = (password: string) =>
        server.app.inject({ method: 'POST', url: '/api/v1/session', payload: { login, password } });
      for (let i = 1; i < FREE_LOGIN_FAILURES; i++)
        expect((await attempt('wrong password')).statusCode).toBe(401);
      const throttled = await attempt('wrong password');
      expect(throttled.statusCode).toBe(429);
      expect((throttled.json() as Envelope).error.message).toContain('следующая попытка через 30 с');
      // Even the right password waits at this address (test/http/accounts.test.ts: not at another).
      expect((await attempt(PASSWORD)).statusCode).toBe(429);
    });

    it('does not tell an unknown login from a wrong password', async () => {
      const response = await server.app.inject({
        method: 'POST',
        url: '/api/v1/session',
        payload: { login: 'nobody-here', password: 'whatever it is' },
      });
      expect(response.statusCode).toBe(401);
      expect((response.json() as Envelope).error.code).toBe('login_failed');
    });

    it('returns the user, their abilities and a CSRF token; refuses changes without the token', async () => {
      const me = await manager.get('/api/v1/session');
      expect(me.statusCode).toBe(200);
      const body = me.json() as {
        user: { role: string; orgCode: string };
        abilities: Record<string, string[]>;
      };
      expect(body.user).toMatchObject({ role: 'manager', orgCode: ownBranch });
      expect(body.abilities['people']).toEqual(['read', 'write']);
      expect(body.abilities['settings']).toEqual(['read']);
      const forged = await manager.request({
        method: 'POST',
        url: '/api/v1/people',
        headers: { 'x-csrf-token': 'forged' },
        payload: { org: ownBranch, fullName: 'Забелин' },
      });
      expect(forged.statusCode).toBe(403);
      expect((forged.json() as Envelope).error.code).toBe('csrf_invalid');
    });

    it('ends a session on sign-out', async () => {
      const client = await signIn(server.app, await addUser(server.ctx, 'viewer', ownBranch));
      expect((await client.delete('/api/v1/session')).statusCode).toBe(204);
      expect((await client.get('/api/v1/people')).statusCode).toBe(401);
    });

    it('lets an API token act for its user without a cookie, until revoked', async () => {
      const created = await manager.post('/api/v1/tokens', { name: 'sync' });
      expect(created.statusCode).toBe(201);
      const { id, token } = created.json() as { id: number; token: string };
      const asToken = () =>
        server.app.inject({
          method: 'POST',
          url: '/api/v1/people',
          headers: { authorization: `Bearer ${token}` },
          payload: { org: ownBranch, fullName: 'Автоматов' },
        });
      expect((await asToken()).statusCode).toBe(201);
      expect((await manager.delete(`/api/v1/tokens/${id}`)).statusCode).toBe(204);
      expect((await asToken()).statusCode).toBe(401);
    });
  });

  describe('users', () => {
    it('lets a manager add an editor in their subtree, not an admin, not elsewhere', async () => {
      const editor = await manager.post('/api/v1/users', {
        login: `ed-${dialect}`,
        role: 'editor',
        org: region.branches[0]!.primaries[0]!.code,
      });
      expect(editor.statusCode).toBe(201);
      expect((editor.json() as { generatedPassword: string }).generatedPassword).toHaveLength(16);
      expect((await manager.post('/api/v1/users', { login: 'boss', role: 'admin' })).statusCode).toBe(403);
      const elsewhere = await manager.post('/api/v1/users', {
        login: 'spy',
        role: 'viewer',
        org: siblingBranch,
      });
      expect(elsewhere.statusCode).toBe(400);
      expect((elsewhere.json() as Envelope).error.fields?.[0]).toMatchObject({
        path: 'org',
        code: 'unknown_org',
      });
      const taken = await manager.post('/api/v1/users', {
        login: `ed-${dialect}`,
        role: 'viewer',
        org: ownBranch,
      });
      expect(taken.statusCode).toBe(409);
    });

    it('lists only the users of the subtree; a sibling subtree user is 404', async () => {
      const sibling = await addUser(server.ctx, 'viewer', siblingBranch);
      const logins = (
        (await manager.get('/api/v1/users')).json() as { items: { login: string }[] }
      ).items.map((user) => user.login);
      expect(logins).not.toContain(sibling);
      const all = ((await admin.get('/api/v1/users')).json() as { items: { id: number; login: string }[] })
        .items;
      const siblingId = all.find((user) => user.login === sibling)!.id;
      expect((await manager.get(`/api/v1/users/${siblingId}`)).statusCode).toBe(404);
      expect((await manager.patch(`/api/v1/users/${siblingId}`, { disabled: true })).statusCode).toBe(404);
    });

    it('signs a disabled user out and keeps them out', async () => {
      const login = await addUser(server.ctx, 'viewer', ownBranch);
      const client = await signIn(server.app, login);
      const all = ((await manager.get('/api/v1/users')).json() as { items: { id: number; login: string }[] })
        .items;
      const id = all.find((user) => user.login === login)!.id;
      expect((await manager.patch(`/api/v1/users/${id}`, { disabled: true })).statusCode).toBe(200);
      expect((await client.get('/api/v1/people')).statusCode).toBe(401);
      await expect(signIn(server.app, login)).rejects.toThrow(/login_failed/);
    });
  });

  describe('organizations', () => {
    it('shows the tree of the caller subtree only, and 404 for a sibling', async () => {
      const codes = (
        (await manager.get('/api/v1/organizations')).json() as { items: { code: string }[] }
      ).items.map((org) => org.code);
      expect(codes).toEqual([ownBranch, region.branches[0]!.primaries[0]!.code]);
      expect((await manager.get(`/api/v1/organizations/${siblingBranch}`)).statusCode).toBe(404);
      const own = await manager.get(`/api/v1/organizations/${ownBranch}`);
      expect(own.statusCode).toBe(200);
      expect((own.json() as { structure: { primaries: number } }).structure.primaries).toBe(1);
    });

    it('adds under its subtree, renames, and refuses a bad kind with the field', async () => {
      const added = await manager.post('/api/v1/organizations', {
        code: `ppo-${dialect}-new`,
        kind: 'primary',
        parent: ownBranch,
        nameRu: 'Новая ППО',
        nameKk: 'Жаңа БКҰ',
      });
      expect(added.statusCode).toBe(201);
      const renamed = await manager.patch(`/api/v1/organizations/ppo-${dialect}-new`, {
        nameRu: 'ППО школы № 1',
      });
      expect((renamed.json() as { nameRu: string }).nameRu).toBe('ППО школы № 1');
      const bad = await manager.post('/api/v1/organizations', {
        code: `ppo-${dialect}-bad`,
        kind: 'region',
        parent: ownBranch,
        nameRu: 'x',
        nameKk: 'x',
      });
      expect(bad.statusCode).toBe(400);
      expect((bad.json() as Envelope).error.fields?.[0]?.path).toBe('parent');
    });
  });

  describe('plain records', () => {
    it('validates input with field paths in the user language', async () => {
      const response = await manager.post('/api/v1/people', { org: ownBranch, email: 'not an email' });
      expect(response.statusCode).toBe(400);
      const fields = (response.json() as Envelope).error.fields ?? [];
      expect(fields.map((field) => [field.path, field.code])).toEqual([
        ['fullName', 'required'],
        ['email', 'invalid_format'],
      ]);
      expect(fields[0]?.message).toBe('поле «fullName»: обязательное поле');
    });

    it('creates, reads, changes, deletes and restores a record in scope; the audit log has it all', async () => {
      const created = await manager.post('/api/v1/events', {
        org: ownBranch,
        titleRu: 'Семинар по трудовым спорам',
        kind: 'seminar',
        topic: 'legal',
        heldOn: '2024-03-14',
        participants: 40,
      });
      expect(created.statusCode).toBe(201);
      const event = created.json() as { id: number; orgCode: string; participants: number };
      expect(event.orgCode).toBe(ownBranch);
      const changed = await manager.patch(`/api/v1/events/${event.id}`, { participants: 45 });
      expect((changed.json() as { participants: number }).participants).toBe(45);
      expect((changed.json() as { titleRu: string }).titleRu).toBe('Семинар по трудовым спорам');
      expect((await manager.delete(`/api/v1/events/${event.id}`)).statusCode).toBe(204);
      expect((await manager.get(`/api/v1/events/${event.id}`)).statusCode).toBe(404);

      const log = (
        (await manager.get(`/api/v1/audit?resource=events&recordId=${event.id}`)).json() as {
          items: {
            id: number;
            action: string;
            userLogin: string;
            before: { participants?: number } | null;
          }[];
        }
      ).items;
      expect(log.map((entry) => entry.action)).toEqual(['delete', 'update', 'create']);
      expect(log[0]!.before?.participants).toBe(45);
      expect(log[1]!.before?.participants).toBe(40);

      const restored = await manager.post(`/api/v1/audit/${log[0]!.id}/restore`);
      expect(restored.statusCode).toBe(200);
      expect(restored.json()).toEqual({ resource: 'events', id: event.id });
      expect((await manager.get(`/api/v1/events/${event.id}`)).json()).toMatchObject({ participants: 45 });
      expect((await manager.post(`/api/v1/audit/${log[0]!.id}/restore`)).statusCode).toBe(409);
    });

    it('answers 404 for a sibling subtree record, whatever the verb, and lists none of it', async () => {
      const theirs = await admin.post('/api/v1/materials', {
        org: siblingBranch,
        titleRu: 'Памятка соседей',
        kind: 'manual',
        issuedOn: '2024-02-01',
      });
      const { id } = theirs.json() as { id: number };
      expect((await manager.get(`/api/v1/materials/${id}`)).statusCode).toBe(404);
      expect((await manager.patch(`/api/v1/materials/${id}`, { copies: 1 })).statusCode).toBe(404);
      expect((await manager.delete(`/api/v1/materials/${id}`)).statusCode).toBe(404);
      const listed = (await manager.get('/api/v1/materials')).json() as { items: { id: number }[] };
      expect(listed.items.map((item) => item.id)).not.toContain(id);
      const audit = (await manager.get('/api/v1/audit?resource=materials')).json() as { items: unknown[] };
      expect(audit.items).toEqual([]);
    });

    it('refuses to delete a record others refer to', async () => {
      const channel = (
        await manager.post('/api/v1/channels', {
          code: `ch-${dialect}-in-use`,
          org: ownBranch,
          platform: 'facebook',
          name: 'Страница филиала',
        })
      ).json() as { id: number };
      const snapshot = await manager.post('/api/v1/audience', {
        channel: `ch-${dialect}-in-use`,
        asOf: '2024-01-01',
        followers: 120,
      });
      expect(snapshot.statusCode).toBe(201);
      const refused = await manager.delete(`/api/v1/channels/${channel.id}`);
      expect(refused.statusCode).toBe(409);
      expect((refused.json() as Envelope).error.code).toBe('record_in_use');
      const history = (await manager.get(`/api/v1/audience?parentId=${channel.id}`)).json() as {
        items: { followers: number }[];
      };
      expect(history.items.map((row) => row.followers)).toEqual([120]);
    });

    it('pages lists', async () => {
      for (const year of [2020, 2021, 2022]) {
        await manager.post('/api/v1/targets', { org: ownBranch, metric: 'publications', year, value: 10 });
      }
      const page = (await manager.get(`/api/v1/targets?org=${ownBranch}&page=2&pageSize=2`)).json() as {
        items: { year: number }[];
        total: number;
      };
      expect(page.total).toBe(3);
      expect(page.items).toHaveLength(1);
      expect((await manager.get('/api/v1/targets?pageSize=9999')).statusCode).toBe(400);
    });
  });

  describe('operations', () => {
    it('answers health and readiness without signing in, with a request id', async () => {
      const health = await server.app.inject({ method: 'GET', url: '/healthz' });
      expect(health.statusCode).toBe(200);
      expect(health.headers['x-request-id']).toBeTruthy();
      expect((await server.app.inject({ method: 'GET', url: '/readyz' })).json()).toEqual({
        status: 'ready',
      });
    });

    it('publishes an OpenAPI document of the routes', async () => {
      const document = (await server.app.inject({ method: 'GET', url: '/api/docs/json' })).json() as {
        paths: Record<string, Record<string, { requestBody?: unknown }>>;
      };
      expect(Object.keys(document.paths)).toEqual(
        expect.arrayContaining(['/api/v1/session', '/api/v1/people', '/api/v1/people/{id}', '/api/v1/audit']),
      );
      expect(document.paths['/api/v1/people']?.['post']?.requestBody).toBeTruthy();
    });
  });
});
