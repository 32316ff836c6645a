/**
 * Accounts over HTTP on both databases: sign-in throttling per login and client address (the owner is never
 * locked out from elsewhere, unknown logins are answered alike, the wait doubles, several servers share it), API
 * tokens (expiry, revoked by a new password, not made by a token) and the password rules.
 */
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/http/app.js';
import { clientAddress } from '../../src/http/routes/session.routes.js';
import { type Context, openContext } from '../../src/services/context.js';
import {
  FIRST_LOGIN_WAIT_S,
  FREE_LOGIN_FAILURES,
  MAX_LOGIN_WAIT_S,
} from '../../src/services/user.service.js';
import { buildTree } from '../factories/org.factory.js';
import { DIALECTS, openTestContext } from '../helpers/databases.js';
import { addUser, type Client, PASSWORD, signIn, type TestApp } from './client.js';

interface Envelope {
  error: { code: string; message: string; fields?: { path: string; code: string; message: string }[] };
}

const WRONG = 'not the password at all';

describe.each(DIALECTS)('accounts (%s)', (dialect) => {
  let now = new Date('2026-12-06T08:00:00.000Z');
  const clock = () => now;
  const wait = (seconds: number) => (now = new Date(now.getTime() + seconds * 1000));
  let ctx: Awaited<ReturnType<typeof openTestContext>>;
  let app: TestApp;
  /** A second server process on the same database. */
  let other: { ctx: Context; app: TestApp };
  let branch: string;
  let adminLogin: string;
  /** Signed in anew before each test: the clock moves on by days in some. */
  let admin: Client;
  /** Each test signs in from addresses of its own: the per-address limit counts them all. */
  let addresses = 0;
  const newAddress = () => `10.0.${dialect === 'sqlite' ? 1 : 2}.${++addresses}`;

  const attempt = (login: string, password: string, address: string, via = app, lang = 'ru') =>
    via.inject({
      method: 'POST',
      url: '/api/v1/session',
      remoteAddress: address,
      headers: { 'accept-language': lang },
      payload: { login, password },
    });
  /** What a client is told, without what differs by chance. */
  const answerOf = (response: LightMyRequestResponse) => ({
    status: response.statusCode,
    retryAfter: response.headers['retry-after'],
    error: (response.json() as Envelope).error,
  });

  beforeAll(async () => {
    ctx = await openTestContext(dialect, { clock });
    app = await buildApp({ context: ctx });
    const otherCtx = await openContext({ db: ctx.target, env: {}, clock });
    other = { ctx: otherCtx, app: await buildApp({ context: otherCtx }) };
    branch = (await buildTree(ctx, { regions: 1, branches: 1, primariesPerBranch: 0 })).regions[0]!
      .branches[0]!.org.code;
    adminLogin = await addUser(ctx, 'admin');
  });
  beforeEach(async () => {
    admin = await signIn(app, adminLogin);
  });
  afterAll(async () => {
    await other.app.close();
    await other.ctx.db.close();
    await app.close();
    await ctx.close();
  });

  describe('sign-in throttling', () => {
    it("does not let failures at another address keep the owner out, an administrator's included", async () => {
      const login = await addUser(ctx, 'admin');
      const attacker = newAddress();
      for (let i = 1; i <= FREE_LOGIN_FAILURES + 3; i++) {
        const response = await attempt(login, WRONG, attacker);
        expect(response.statusCode).toBe(i < FREE_LOGIN_FAILURES ? 401 : 429);
      }
      expect((await attempt(login, PASSWORD, attacker)).statusCode).toBe(429);
      expect((await attempt(login, PASSWORD, newAddress())).statusCode).toBe(200);
    });

    it('answers an unknown login exactly as a known one, wait and all, and says when to retry', async () => {
      const known = await addUser(ctx, 'viewer', branch);
      const unknown = `nobody-${dialect}`;
      const address = newAddress();
      for (let i = 1; i <= FREE_LOGIN_FAILURES + 1; i++) {
        const a = answerOf(await attempt(known, WRONG, address, app, 'kk'));
        const b = answerOf(await attempt(unknown, WRONG, address, app, 'kk'));
        expect(b).toEqual(a);
        if (i < FREE_LOGIN_FAILURES)
          expect(a).toMatchObject({ status: 401, error: { code: 'login_failed' } });
      }
      const last = answerOf(await attempt(unknown, WRONG, address, app, 'kk'));
      expect(last).toEqual({
        status: 429,
        retryAfter: String(FIRST_LOGIN_WAIT_S),
        error: {
          code: 'login_throttled',
          message: `Осы логинмен сіздің мекенжайыңыздан сәтсіз кіру әрекеттері тым көп: келесі әрекет ${FIRST_LOGIN_WAIT_S} с кейін, ${new Date(now.getTime() + FIRST_LOGIN_WAIT_S * 1000).toISOString().slice(0, 19).replace('T', ' ')} (UTC) кейін`,
        },
      });
    });

    it('doubles the wait after each further failure up to its cap, and starts over after a success', async () => {
      const login = await addUser(ctx, 'editor', branch);
      const address = newAddress();
      for (let i = 1; i < FREE_LOGIN_FAILURES; i++) await attempt(login, WRONG, address);
      const waits: number[] = [];
      for (let i = 0; i < 7; i++) {
        const response = await attempt(login, WRONG, address);
        expect(response.statusCode).toBe(429);
        const seconds = Number(response.headers['retry-after']);
        waits.push(seconds);
        // One second early is still too early, and is not counted.
        wait(seconds - 1);
        expect(Number((await attempt(login, WRONG, address)).headers['retry-after'])).toBe(1);
        wait(1);
      }
      expect(waits).toEqual([30, 60, 120, 240, 480, MAX_LOGIN_WAIT_S, MAX_LOGIN_WAIT_S]);
      expect((await attempt(login, PASSWORD, address)).statusCode).toBe(200);
      expect((await attempt(login, WRONG, address)).statusCode).toBe(401);
    });

    it('counts an IPv6 client by its /64 network, which one client commonly holds whole', async () => {
      expect(clientAddress('2001:db8:0:12::1')).toBe('2001:db8:0:12::/64');
      expect(clientAddress('2001:0db8:0000:0012:ffff:1:2:3')).toBe('2001:db8:0:12::/64');
      expect(clientAddress('::ffff:192.0.2.7')).toBe('192.0.2.7');
      expect(clientAddress('192.0.2.7')).toBe('192.0.2.7');
      const login = await addUser(ctx, 'viewer', branch);
      const network = `2001:db8:${dialect === 'sqlite' ? 1 : 2}:${++addresses}`;
      for (let i = 1; i <= FREE_LOGIN_FAILURES; i++) await attempt(login, WRONG, `${network}::${i}`);
      expect((await attempt(login, PASSWORD, `${network}::99`)).statusCode).toBe(429);
      expect((await attempt(login, PASSWORD, `2001:db8:ff:${addresses}::1`)).statusCode).toBe(200);
    });

    it('is shared by the server processes on the database', async () => {
      const login = `ghost-${dialect}`;
      const address = newAddress();
      for (let i = 1; i < FREE_LOGIN_FAILURES; i++) {
        expect((await attempt(login, WRONG, address, i % 2 ? app : other.app)).statusCode).toBe(401);
      }
      expect((await attempt(login, WRONG, address, other.app)).statusCode).toBe(429);
      expect((await attempt(login, WRONG, address, app)).statusCode).toBe(429);
    });

    it('checks attempts sent at once one at a time: no more than the free ones are tried', async () => {
      const login = await addUser(ctx, 'viewer', branch);
      const address = newAddress();
      const answers = await Promise.all(
        Array.from({ length: 12 }, () => attempt(login, WRONG, address).then((r) => r.statusCode)),
      );
      expect(answers.filter((status) => status === 401).length).toBeLessThan(FREE_LOGIN_FAILURES);
      expect(answers.every((status) => status === 401 || status === 429)).toBe(true);
    });

    it('keeps the limit of sign-ins per address a minute, whatever the logins', async () => {
      const address = newAddress();
      const statuses: number[] = [];
      for (let i = 0; i < 21; i++) statuses.push((await attempt(`many-${i}`, WRONG, address)).statusCode);
      expect(statuses.slice(0, 20).every((status) => status === 401)).toBe(true);
      const limited = await attempt('many-21', WRONG, address);
      expect(limited.statusCode).toBe(429);
      expect((limited.json() as Envelope).error.code).toBe('rate_limited');
      expect(limited.headers['retry-after']).toBeDefined();
    });
  });

  describe('API tokens', () => {
    const withToken = (token: string, method: 'GET' | 'POST', url: string, payload?: object) =>
      app.inject({
        method,
        url,
        headers: { authorization: `Bearer ${token}` },
        ...(payload ? { payload } : {}),
      });

    it('expire: 90 days by default, or as many as asked for, shown in the list', async () => {
      const user = await signIn(app, await addUser(ctx, 'viewer', branch));
      const lasting = (await user.post('/api/v1/tokens', { name: 'default' })).json() as {
        id: number;
        token: string;
        expiresAt: string;
      };
      expect(Date.parse(lasting.expiresAt)).toBe(now.getTime() + 90 * 86_400_000);
      const short = await user.post('/api/v1/tokens', { name: 'short', expiresInDays: 1 });
      expect(short.statusCode).toBe(201);
      const { id, token, expiresAt } = short.json() as { id: number; token: string; expiresAt: string };
      expect(Date.parse(expiresAt)).toBe(now.getTime() + 86_400_000);
      const listed = (await user.get('/api/v1/tokens')).json() as {
        items: { id: number; expiresAt: string }[];
      };
      expect(listed.items.find((row) => row.id === id)?.expiresAt).toBe(expiresAt);
      expect(
        (await user.post('/api/v1/tokens', { name: 'forever', expiresInDays: 100_000 })).statusCode,
      ).toBe(400);

      expect((await withToken(token, 'GET', '/api/v1/session')).statusCode).toBe(200);
      wait(86_400 + 1);
      expect((await withToken(token, 'GET', '/api/v1/session')).statusCode).toBe(401);
      expect((await withToken(lasting.token, 'GET', '/api/v1/session')).statusCode).toBe(200);
      wait(89 * 86_400);
      expect((await withToken(lasting.token, 'GET', '/api/v1/session')).statusCode).toBe(401);
    });

    it('are not made by a request signed in with a token', async () => {
      const user = await signIn(app, await addUser(ctx, 'editor', branch));
      const { token } = (await user.post('/api/v1/tokens', { name: 'robot' })).json() as { token: string };
      const refused = await app.inject({
        method: 'POST',
        url: '/api/v1/tokens',
        headers: { authorization: `Bearer ${token}` },
        payload: { name: 'offspring' },
      });
      expect(refused.statusCode).toBe(403);
      expect((refused.json() as Envelope).error.code).toBe('token_needs_session');
      // In the token's user's language.
      expect((refused.json() as Envelope).error.message).toContain('войдите с логином и паролем');
    });

    it("are revoked by a new password, with the user's other sessions; the session that set it stays", async () => {
      const login = await addUser(ctx, 'manager', branch);
      const current = await signIn(app, login);
      const elsewhere = await signIn(app, login);
      const { token } = (await current.post('/api/v1/tokens', { name: 'sync' })).json() as { token: string };
      const me = (await current.get('/api/v1/session')).json() as { user: { id: number } };
      const newPassword = 'a brand new passphrase';
      expect((await current.patch(`/api/v1/users/${me.user.id}`, { password: newPassword })).statusCode).toBe(
        200,
      );
      expect((await current.get('/api/v1/session')).statusCode).toBe(200);
      expect((await elsewhere.get('/api/v1/session')).statusCode).toBe(401);
      expect((await withToken(token, 'GET', '/api/v1/session')).statusCode).toBe(401);

      // Reset by an administrator: every session and token of the user ends.
      const again = await signIn(app, login, newPassword);
      const second = (await again.post('/api/v1/tokens', { name: 'sync' })).json() as { token: string };
      expect((await admin.patch(`/api/v1/users/${me.user.id}`, { password: PASSWORD })).statusCode).toBe(200);
      expect((await again.get('/api/v1/session')).statusCode).toBe(401);
      expect((await current.get('/api/v1/session')).statusCode).toBe(401);
      expect((await withToken(second.token, 'GET', '/api/v1/session')).statusCode).toBe(401);
    });
  });

  describe('passwords', () => {
    const fieldsOf = (response: LightMyRequestResponse) => (response.json() as Envelope).error.fields ?? [];

    it('are refused when shorter than 12 characters, spaces counted once, saying what to do', async () => {
      for (const password of ['0123456789', ' '.repeat(10), ' '.repeat(14), 'ab       cd   ef  gh']) {
        const response = await admin.post('/api/v1/users', {
          login: `short-${addresses++}`,
          role: 'viewer',
          org: branch,
          password,
        });
        expect(response.statusCode).toBe(400);
        expect(fieldsOf(response)).toEqual([
          expect.objectContaining({ path: 'password', code: 'password_too_short' }),
        ]);
        expect(fieldsOf(response)[0]?.message).toContain('пароль короче 12 знаков');
      }
    });

    it('are refused when common, however spelled, in a new user and in a change', async () => {
      for (const password of ['qwerty123456', 'QWERTY 123456', '1q2w3e4r5t6y', '123456789012']) {
        const response = await admin.post('/api/v1/users', {
          login: `common-${addresses++}`,
          role: 'viewer',
          org: branch,
          password,
        });
        expect(response.statusCode).toBe(400);
        expect(fieldsOf(response)).toEqual([
          expect.objectContaining({ path: 'password', code: 'password_common' }),
        ]);
        expect(fieldsOf(response)[0]?.message).toContain('списке самых частых');
      }
      const created = await admin.post('/api/v1/users', {
        login: `fine-${dialect}`,
        role: 'viewer',
        org: branch,
      });
      const { user, generatedPassword } = created.json() as {
        user: { id: number };
        generatedPassword: string;
      };
      expect(generatedPassword.length).toBeGreaterThanOrEqual(12);
      const changed = await admin.patch(`/api/v1/users/${user.id}`, { password: 'password1234' });
      expect(changed.statusCode).toBe(400);
      expect(fieldsOf(changed)[0]?.code).toBe('password_common');
      expect(
        (await admin.patch(`/api/v1/users/${user.id}`, { password: 'tulips under the snow' })).statusCode,
      ).toBe(200);
    });
  });
});
