/**
 * Talking to the API in tests through Fastify's `inject`: a server on a fresh test database, users made by the
 * system, and a client that signs in and then carries the session cookie and CSRF token like a browser.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import { buildApp } from '../../src/http/app.js';
import type { Context } from '../../src/services/context.js';
import { createUser } from '../../src/services/user.service.js';
import type { Role } from '../../src/shared/vocabulary.js';
import { type DialectName, openTestContext } from '../helpers/databases.js';

export type TestApp = Awaited<ReturnType<typeof buildApp>>;

export interface TestServer {
  app: TestApp;
  /** The system's context on the same database, for building records. */
  ctx: Context & { target: string };
  close(): Promise<void>;
}

export async function openTestServer(
  dialect: DialectName,
  options: { uploadLimitMb?: number; webRoot?: string; strictAnswers?: boolean } = {},
): Promise<TestServer> {
  const ctx = await openTestContext(dialect);
  const app = await buildApp({ context: ctx, ...options });
  return {
    app,
    ctx,
    close: async () => {
      await app.close();
      await ctx.close();
    },
  };
}

/**
 * A test server on a web application of its own: an index.html that answers any path the API leaves, whether
 * web/dist was built or not. Its folder goes with the server.
 */
export async function openTestServerWithWebApp(dialect: DialectName): Promise<TestServer> {
  const webRoot = `${mkdtempSync(join(tmpdir(), 'aqparat-web-'))}/`;
  writeFileSync(join(webRoot, 'index.html'), '<!doctype html><div id="root"></div>');
  const server = await openTestServer(dialect, { webRoot });
  return {
    ...server,
    close: async () => {
      await server.close();
      rmSync(webRoot, { recursive: true, force: true });
    },
  };
}

export const PASSWORD = 'correct horse battery';

let users = 0;

/** A user of the role at the organization (none for an admin of the whole tree), with PASSWORD. */
export async function addUser(ctx: Context, role: Role, org?: string): Promise<string> {
  users += 1;
  const login = `${role}-${users}-${process.pid}`;
  await createUser(ctx, { login, role, ...(org ? { org } : {}), password: PASSWORD });
  return login;
}

export interface Client {
  request(options: InjectOptions): Promise<LightMyRequestResponse>;
  get(url: string): Promise<LightMyRequestResponse>;
  post(url: string, body?: unknown): Promise<LightMyRequestResponse>;
  patch(url: string, body: unknown): Promise<LightMyRequestResponse>;
  delete(url: string): Promise<LightMyRequestResponse>;
  csrfToken: string;
}

/** A client signed in as the login; throws if signing in fails. */
export async function signIn(app: TestApp, login: string, password = PASSWORD): Promise<Client> {
  const response = await app.inject({ method: 'POST', url: '/api/v1/session', payload: { login, password } });
  if (response.statusCode !== 200) throw new Error(`sign-in of ${login} failed: ${response.body}`);
  const cookie = response.cookies.find((c) => c.name === 'aqparat_session');
  const csrfToken = (response.json() as { csrfToken: string }).csrfToken;
  const headers = { cookie: `aqparat_session=${cookie?.value ?? ''}`, 'x-csrf-token': csrfToken };
  const request = (options: InjectOptions) =>
    app.inject({ ...options, headers: { ...headers, ...(options.headers ?? {}) } });
  return {
    request,
    get: (url) => request({ method: 'GET', url }),
    post: (url, body) =>
      request({ method: 'POST', url, ...(body === undefined ? {} : { payload: body as object }) }),
    patch: (url, body) => request({ method: 'PATCH', url, payload: body as object }),
    delete: (url) => request({ method: 'DELETE', url }),
    csrfToken,
  };
}

export interface FileToSend {
  name: string;
  content: Buffer | string;
}

/** A multipart body as a browser's FormData sends it: the fields, then the file. */
export async function formOf(fields: Record<string, string>, file?: FileToSend) {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) form.append(name, value);
  if (file) form.append('file', new Blob([file.content]), file.name);
  const encoded = new Response(form);
  return {
    payload: Buffer.from(await encoded.arrayBuffer()),
    headers: { 'content-type': encoded.headers.get('content-type') ?? '' },
  };
}
