/**
 * A route answering a shape its document does not declare fails instead of sending it: the server checks every
 * JSON answer against the route's response schema. A field beyond the schema is sent as the route made it (and
 * logged) by an installation, and fails under the tests' strict check, so every HTTP test holds the routes to
 * their document.
 */
import { z } from 'zod';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { json, replies } from '../../src/http/routes/replies.js';
import { sharedAnswer } from '../../src/http/shared-answer.js';
import { undeclaredFields } from '../../src/http/api-document.js';
import { openTestServer, type TestServer } from './client.js';

const count = z.object({ count: z.number().int(), since: z.string().nullable() });

describe.each([
  ['an installation', false],
  ['the tests', true],
])('the answers’ check against the document, as %s runs it', (_name, strictAnswers) => {
  let server: TestServer;

  beforeAll(async () => {
    server = await openTestServer('sqlite', { strictAnswers });
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

  it(
    strictAnswers
      ? 'refuses an answer with a field the document does not declare'
      : 'sends an answer of the declared shape, with the fields beyond it',
    async () => {
      const answer = await server.app.inject({ method: 'GET', url: '/test/right' });
      if (strictAnswers) {
        expect(answer.statusCode).toBe(500);
        expect(answer.json()).toMatchObject({ error: { code: 'internal_error' } });
      } else {
        expect(answer.statusCode).toBe(200);
        expect(answer.json()).toEqual({ count: 3, since: null, extra: 'kept' });
      }
    },
  );

  it.each(['mistyped', 'missing', 'shared'])(
    'refuses to send a %s field: 500 internal_error',
    async (name) => {
      const answer = await server.app.inject({ method: 'GET', url: `/test/${name}` });
      expect(answer.statusCode).toBe(500);
      expect(answer.json()).toMatchObject({ error: { code: 'internal_error' } });
    },
  );
});

describe('the fields an answer has beyond its schema', () => {
  const row = z.object({ id: z.number(), tags: z.array(z.object({ name: z.string() })) });
  const page = z.object({ items: z.array(row), total: z.number(), meta: z.record(z.string(), z.unknown()) });

  it('are named by their paths, in nested objects and arrays; a record’s keys are all declared', () => {
    const given = {
      items: [
        { id: 1, tags: [{ name: 'a', colour: 'red' }] },
        { id: 2, tags: [], hidden: true, skipped: undefined },
      ],
      total: 2,
      meta: { anything: 1 },
      extra: null,
    };
    expect(undeclaredFields(given, page.parse(given))).toEqual([
      'items[0].tags[0].colour',
      'items[1].hidden',
      'extra',
    ]);
  });

  it('are none for an answer of the declared shape', () => {
    const given = { items: [{ id: 1, tags: [{ name: 'a' }] }], total: 1, meta: {} };
    expect(undeclaredFields(given, page.parse(given))).toEqual([]);
  });
});
