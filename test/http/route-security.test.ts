/**
 * Every route of the OpenAPI document the server serves, refused as it must be: without a session (401), under a
 * session without the CSRF token when it changes state (403), and through the spellings of its path an attacker
 * tries (percent-encoded letters, doubled slashes, dot segments, mixed case, encoded slashes), which either reach
 * the same route and are refused there, or reach none (404). Built from the document, so a new route is covered
 * the day it is added. Requests go over a socket: an in-process inject would tidy the path before the router.
 */
import { request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../helpers/databases.js';
import { addUser, openTestServerWithWebApp, PASSWORD, type TestApp } from './client.js';

/** The routes answered without signing in (health and the sign-in); any other the document marks public fails. */
/** Public besides health and the sign-in: an approved post's image, for Instagram to fetch by its unguessable token. */
const PUBLIC_OPERATIONS = [
  'GET /healthz',
  'GET /readyz',
  'POST /api/v1/session',
  'GET /api/v1/media/plan/no-such-token-0000000000',
];

const STATE_CHANGING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** A plausible value for each path parameter of the document. */
const PARAM_VALUES: Readonly<Record<string, string>> = {
  id: '1',
  code: 'abai',
  kind: 'publications',
  token: 'no-such-token-0000000000',
};

const API = '/api/v1/';

interface Operation {
  method: string;
  /** The path with its parameters filled in. */
  url: string;
  public: boolean;
}

interface OpenApiDocument {
  paths: Record<string, Record<string, { security?: unknown[] }>>;
}

function operationsOf(document: OpenApiDocument): Operation[] {
  return Object.entries(document.paths).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, operation]) => ({
      method: method.toUpperCase(),
      url: path.replace(/\{(\w+)\}/g, (_, name: string) => {
        const value = PARAM_VALUES[name];
        if (value === undefined) throw new Error(`no value for the path parameter {${name}} of ${path}`);
        return value;
      }),
      // OpenAPI's way of saying that a route needs no credentials.
      public: Array.isArray(operation.security) && operation.security.length === 0,
    })),
  );
}

/** Other spellings of an API path: each reaches this very route (and is refused there) or no route at all. */
function variantsOf(url: string): string[] {
  const rest = url.slice(API.length);
  const encodedFirst = `%${rest.charCodeAt(0).toString(16)}${rest.slice(1)}`;
  return [
    url.replace('/api/', '/%61pi/'),
    url.replace('/api/', '/%41PI/'),
    `/api/v%31/${rest}`,
    `${API}${encodedFirst}`,
    url.replace(/\//g, '//'),
    `/${url}`,
    `${API}x/../${rest}`,
    `${API}./${rest}`,
    `${API}%2e%2e/v1/${rest}`,
    `/api/v1/x/%2e%2e/${rest}`,
    url.toUpperCase(),
    url.replace('/api/', '/Api/'),
    url.replace('/api/v1/', '/api%2fv1%2f'),
    url.replace('/api/v1/', '/api/v1%2F'),
    `${url}/`,
  ];
}

interface Answer {
  status: number;
  body: string;
}

describe.each(DIALECTS)('every route’s authentication and CSRF (%s)', (dialect) => {
  let app: TestApp;
  let close: () => Promise<void>;
  let port: number;
  let operations: Operation[];
  let session: { cookie: string; csrfToken: string };

  /** One request over the socket, its path sent exactly as written. */
  function send(method: string, path: string, headers: Record<string, string> = {}): Promise<Answer> {
    const body = STATE_CHANGING.has(method) && method !== 'DELETE' ? '{}' : undefined;
    return new Promise((resolve, reject) => {
      const request = httpRequest(
        {
          host: '127.0.0.1',
          port,
          method,
          path,
          headers: body ? { ...headers, 'content-type': 'application/json' } : headers,
        },
        (response) => {
          const chunks: Buffer[] = [];
          response.on('data', (chunk: Buffer) => chunks.push(chunk));
          response.on('end', () =>
            resolve({ status: response.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }),
          );
        },
      );
      request.on('error', reject);
      request.end(body);
    });
  }

  const withSession = () => ({ cookie: session.cookie });
  const codeOf = (answer: Answer) => (JSON.parse(answer.body) as { error?: { code?: string } }).error?.code;

  beforeAll(async () => {
    // A web application of our own: its index.html answers any path the API leaves, which a spelling of an API
    // path must never get.
    const server = await openTestServerWithWebApp(dialect);
    const { ctx } = server;
    app = server.app;
    close = server.close;
    await app.listen({ port: 0, host: '127.0.0.1' });
    port = (app.server.address() as AddressInfo).port;
    const login = await addUser(ctx, 'admin');
    const signedIn = await app.inject({
      method: 'POST',
      url: '/api/v1/session',
      payload: { login, password: PASSWORD },
    });
    const cookie = signedIn.cookies.find((c) => c.name === 'aqparat_session');
    session = {
      cookie: `aqparat_session=${cookie?.value ?? ''}`,
      csrfToken: (signedIn.json() as { csrfToken: string }).csrfToken,
    };
    const document = await send('GET', '/api/docs/json');
    expect(document.status).toBe(200);
    operations = operationsOf(JSON.parse(document.body) as OpenApiDocument);
  });

  afterAll(async () => {
    await close();
  });

  const privateOperations = () => operations.filter((operation) => !operation.public);

  it("walks the routes that carry secrets too: a channel's token", () => {
    const names = privateOperations().map((o) => `${o.method} ${o.url}`);
    expect(names).toEqual(
      expect.arrayContaining(['PUT /api/v1/channels/abai/token', 'DELETE /api/v1/channels/abai/token']),
    );
  });

  it('reads the routes from the document; only health, the sign-in and a plan image are public', () => {
    expect(operations.length).toBeGreaterThan(50);
    expect(operations.filter((operation) => operation.public).map((o) => `${o.method} ${o.url}`)).toEqual(
      PUBLIC_OPERATIONS,
    );
  });

  it('refuses every other route without a session (401)', async () => {
    const answered: string[] = [];
    for (const { method, url } of privateOperations()) {
      const answer = await send(method, url);
      if (answer.status !== 401 || codeOf(answer) !== 'unauthenticated') answered.push(`${method} ${url}`);
      // The HEAD Fastify adds to a GET route asks the same.
      if (method === 'GET' && (await send('HEAD', url)).status !== 401) answered.push(`HEAD ${url}`);
    }
    expect(answered).toEqual([]);
  });

  it('refuses every change under a session without the CSRF token (403), or with a wrong one', async () => {
    const changes = privateOperations().filter((operation) => STATE_CHANGING.has(operation.method));
    expect(changes.length).toBeGreaterThan(20);
    const answered: string[] = [];
    for (const { method, url } of changes) {
      for (const headers of [withSession(), { ...withSession(), 'x-csrf-token': 'forged' }]) {
        const answer = await send(method, url, headers);
        if (answer.status !== 403 || codeOf(answer) !== 'csrf_invalid') answered.push(`${method} ${url}`);
      }
    }
    expect(answered).toEqual([]);
  });

  it('refuses every spelling of every route: without a session, or without the CSRF token', async () => {
    const answered: string[] = [];
    for (const { method, url } of privateOperations()) {
      for (const variant of variantsOf(url)) {
        const anonymous = await send(method, variant);
        if (![401, 404].includes(anonymous.status))
          answered.push(`${method} ${variant}: ${anonymous.status}`);
        if (!STATE_CHANGING.has(method)) continue;
        const forged = await send(method, variant, withSession());
        if (![403, 404].includes(forged.status))
          answered.push(`${method} ${variant} (session): ${forged.status}`);
      }
    }
    expect(answered).toEqual([]);
  });

  it('refuses the probe’s spellings at the route the router decodes them to', async () => {
    const settings = await send('GET', '/%61pi/v1/settings');
    expect(settings.status).toBe(401);
    expect(codeOf(settings)).toBe('unauthenticated');
    const undo = await send('POST', '/%61pi/v1/imports/4/undo', withSession());
    expect(undo.status).toBe(403);
    expect(codeOf(undo)).toBe('csrf_invalid');
    const upload = await send('POST', '/api/v%31/imports', withSession());
    expect(codeOf(upload)).toBe('csrf_invalid');
  });

  it('answers the public routes without a session, and unknown paths with a bare 404', async () => {
    for (const path of ['/healthz', '/readyz', '/api/docs', '/api/docs/json', '/', '/publications/12']) {
      expect((await send('GET', path)).status, path).toBe(200);
    }
    expect((await send('GET', '/publications/12')).body).toContain('<div id="root">');
    for (const [method, path] of [
      ['GET', '/api/v1/nothing-here'],
      ['POST', '/api/v1/nothing-here'],
      ['DELETE', '/%61pi/v1/nothing-here'],
      ['GET', '/api'],
    ] as const) {
      const answer = await send(method, path);
      expect(answer.status, `${method} ${path}`).toBe(404);
      expect(codeOf(answer)).toBe('not_found');
    }
  });
});
