/**
 * The security headers on every kind of answer: the web application's page, an API route (answered or refused)
 * and the API document's pages. What the policy lets the browser load is checked in a browser by
 * test/browser/content-security-policy.test.ts.
 */
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../helpers/databases.js';
import { addUser, type Client, openTestServerWithWebApp, signIn, type TestApp } from './client.js';

/** The policy's directives by name, each with its sources. */
function policyOf(response: LightMyRequestResponse): Map<string, string[]> {
  const header = String(response.headers['content-security-policy'] ?? '');
  return new Map(
    header
      .split(';')
      .map((directive) => directive.trim().split(/\s+/))
      .filter(([name]) => name)
      .map(([name, ...sources]) => [name ?? '', sources]),
  );
}

describe.each(DIALECTS)('security headers (%s)', (dialect) => {
  let app: TestApp;
  let close: () => Promise<void>;
  let admin: Client;

  beforeAll(async () => {
    const server = await openTestServerWithWebApp(dialect);
    const { ctx } = server;
    app = server.app;
    close = server.close;
    admin = await signIn(app, await addUser(ctx, 'admin'));
  });

  afterAll(async () => {
    await close();
  });

  const answers = async (): Promise<[string, LightMyRequestResponse][]> => [
    ['the web application', await app.inject({ url: '/' })],
    ['a browser route of the web application', await app.inject({ url: '/publications/12' })],
    ['an API route', await admin.get('/api/v1/settings')],
    ['an API route refused', await app.inject({ url: '/api/v1/settings' })],
    ['an unknown API path', await app.inject({ url: '/api/v1/nothing-here' })],
    ['the API document', await app.inject({ url: '/api/docs' })],
    ['the API document’s files', await app.inject({ url: '/api/docs/static/swagger-ui-bundle.js' })],
  ];

  it('lets the browser run and load only the server’s own files', async () => {
    for (const [what, response] of await answers()) {
      expect(response.statusCode, what).toBeLessThan(500);
      const policy = policyOf(response);
      expect(policy.get('default-src'), what).toEqual(["'self'"]);
      // No inline script, no eval, nothing from elsewhere.
      expect(policy.get('script-src'), what).toEqual(["'self'"]);
      expect(policy.get('script-src-attr'), what).toEqual(["'none'"]);
      expect(policy.get('object-src'), what).toEqual(["'none'"]);
      expect(policy.get('base-uri'), what).toEqual(["'self'"]);
      expect(policy.get('form-action'), what).toEqual(["'self'"]);
      // A server reached over plain HTTP inside a network must keep working.
      expect(policy.has('upgrade-insecure-requests'), what).toBe(false);
    }
  });

  it('lets no other site frame the pages, and browsers guess no content type', async () => {
    for (const [what, response] of await answers()) {
      expect(policyOf(response).get('frame-ancestors'), what).toEqual(["'self'"]);
      expect(response.headers['x-frame-options'], what).toBe('SAMEORIGIN');
      expect(response.headers['x-content-type-options'], what).toBe('nosniff');
      expect(response.headers['referrer-policy'], what).toBe('no-referrer');
      expect(response.headers['cross-origin-opener-policy'], what).toBe('same-origin');
    }
  });

  it('answered the pages it checked: the web page, the settings, the API document', async () => {
    const [web, , settings, refused, unknown, docs, docsFile] = (await answers()).map(([, r]) => r);
    expect(web?.body).toContain('<div id="root">');
    expect(settings?.statusCode).toBe(200);
    expect(refused?.statusCode).toBe(401);
    expect(unknown?.statusCode).toBe(404);
    expect(docs?.body).toContain('swagger-ui');
    expect(docsFile?.statusCode).toBe(200);
  });
});
