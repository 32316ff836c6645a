/**
 * A checkout whose web application was never built: its first address tells how to build it, in the request's
 * language, not the API's "record not found"; and a period given backwards is told as such over HTTP too.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDemo } from '../../src/services/demo.service.js';
import { DIALECTS } from '../helpers/databases.js';
import { addUser, type Client, openTestServer, signIn, type TestServer } from './client.js';

describe.each(DIALECTS)('a server without its web application (%s)', (dialect) => {
  let server: TestServer;
  let admin: Client;

  beforeAll(async () => {
    server = await openTestServer(dialect, { webRoot: join(import.meta.dirname, 'no-such-build/') });
    await buildDemo(server.ctx);
    admin = await signIn(server.app, await addUser(server.ctx, 'admin'));
  });
  afterAll(() => server.close());

  it('answers / with a page saying how to build it, in the language asked', async () => {
    for (const [lang, words] of [
      ['kk', 'Веб-қосымша әлі жиналмаған'],
      ['ru', 'Веб-приложение ещё не собрано'],
      ['en', 'The web application has not been built'],
    ] as const) {
      const page = await server.app.inject({ url: '/', headers: { 'accept-language': `${lang},en;q=0.5` } });
      expect(page.statusCode).toBe(503);
      expect(page.headers['content-type']).toBe('text/html; charset=utf-8');
      expect(page.body).toContain(`<html lang="${lang}">`);
      expect(page.body).toContain(words);
      expect(page.body).toContain('npm run build:web');
    }
    // The API answers as ever.
    expect((await server.app.inject({ url: '/healthz' })).statusCode).toBe(200);
  });

  it('tells a period whose start is after its end', async () => {
    const response = await admin.get('/api/v1/publications?period=2023-12-31..2023-01-01');
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({
      error: {
        code: 'period_reversed',
        message: 'Начало периода 2023-12-31 позже его конца 2023-01-01: поменяйте даты местами',
      },
    });
  });
});
