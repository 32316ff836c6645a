/**
 * A route answering a shape its document does not declare fails instead of sending it: the server checks every
 * JSON answer against the route's response schema. Fields beyond the schema are sent as the route made them.
 */
import { z } from 'zod';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { json, replies } from '../../src/http/routes/replies.js';
import { sharedAnswer } from '../../src/http/shared-answer.js';
import { openTestServer, type TestServer } from './client.js';

const count = z.object({ count: z.number().int(), since: z.string().nullable() });

describe('the answers’ check against the document', () => {
  let server: TestServer;

  beforeAll(async () => {
    server = await openTestServer('sqlite');
    // Routes of the test's own on the real server, before it starts: one right, three wrong (a shared answer too).
    const schema = { response: replies({ 200: json('A count', count) }, 400) };
    const config = { public: true };
    const { app } = server;
    app.get('/test/right', { config, schema }, () => ({ count: 3, since: null, extra: 'kept' }));
    app.get('/test/mistyped', { config, schema }, () => ({ count: 'three', since: null }) as never);
    app.get('/test/missing', { config, schema }, () => ({ count: 3 }) as never);
    app.get('/test/shared', { config, schema }, (_request, reply) =>
      sharedAnswer(reply, { count: 1.5, since: null }),
    );
    await app.ready();
  });

  afterAll(async () => {
    await server.close();
  });

  it('sends an answer of the declared shape, with the fields beyond it', async () => {
    const answer = await server.app.inject({ method: 'GET', url: '/test/right' });
    expect(answer.statusCode).toBe(200);
    expect(answer.json()).toEqual({ count: 3, since: null, extra: 'kept' });
  });

  it.each(['mistyped', 'missing', 'shared'])(
    'refuses to send a %s field: 500 internal_error',
    async (name) => {
      const answer = await server.app.inject({ method: 'GET', url: `/test/${name}` });
      expect(answer.statusCode).toBe(500);
      expect(answer.json()).toMatchObject({ error: { code: 'internal_error' } });
    },
  );
});
