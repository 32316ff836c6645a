/**
 * The API document is the contract: Redocly's linter (its recommended rules) passes on it, every operation names
 * itself and documents a success with a schema and the error envelope for its refusals, state-changing ones ask for
 * the CSRF header with the session, and `period` says what it accepts. Read from /api/docs/json, so a route added
 * tomorrow is held to the same.
 */
import { createConfig, lintFromString } from '@redocly/openapi-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parsePeriod } from '../../src/domain/period.js';
import { openTestServer, type TestServer } from './client.js';

/**
 * Warnings of the recommended rules allowed, each with where and why; any other warning fails, as any error does.
 */
const ALLOWED_WARNINGS: readonly { rule: string; pointer: RegExp; reason: string }[] = [
  {
    rule: 'operation-4xx-response',
    pointer: /^#\/paths\/~1(healthz|readyz)\/get\/responses$/,
    reason: 'liveness and readiness take no input and need no sign-in: nothing they could refuse',
  },
];

/**
 * Routes whose answers are still to be declared, each with why; remove a line once its routes are described, and
 * the whole list once empty.
 */
const NOT_YET_DESCRIBED: readonly { path: string; reason: string }[] = [];
const undescribed = (path: string) =>
  NOT_YET_DESCRIBED.some((pending) => path === pending.path || path.startsWith(`${pending.path}/`));
/** The same test on a JSON pointer into the document (`#/paths/~1api~1v1~1posts/get/...`). */
const undescribedAt = (pointer: string) => {
  const match = /^#\/paths\/([^/]+)/.exec(pointer);
  return match !== null && undescribed(match[1]!.replaceAll('~1', '/').replaceAll('~0', '~'));
};

const STATE_CHANGING = new Set(['post', 'put', 'patch', 'delete']);
const ENVELOPE = '#/components/schemas/ErrorEnvelope';

interface Media {
  schema?: { $ref?: string; type?: string; format?: string; properties?: object };
}
interface Operation {
  operationId?: string;
  summary?: string;
  security?: Record<string, string[]>[];
  parameters?: { name: string; in: string; description?: string; examples?: object; schema?: object }[];
  responses: Record<string, { description: string; content?: Record<string, Media> }>;
}
interface OpenApiDocument {
  components: { securitySchemes: Record<string, object> };
  paths: Record<string, Record<string, Operation>>;
}

describe('the API document', () => {
  let server: TestServer;
  let document: OpenApiDocument;
  let operations: { name: string; method: string; operation: Operation }[];

  beforeAll(async () => {
    server = await openTestServer('sqlite');
    const answer = await server.app.inject({ method: 'GET', url: '/api/docs/json' });
    expect(answer.statusCode).toBe(200);
    document = answer.json();
    operations = Object.entries(document.paths)
      .filter(([path]) => !undescribed(path))
      .flatMap(([path, methods]) =>
        Object.entries(methods).map(([method, operation]) => ({
          name: `${method.toUpperCase()} ${path}`,
          method,
          operation,
        })),
      );
  });

  afterAll(async () => {
    await server.close();
  });

  it('passes Redocly’s recommended rules', async () => {
    const config = await createConfig({ extends: ['recommended'] });
    const problems = await lintFromString({
      source: JSON.stringify(document),
      absoluteRef: 'openapi.json',
      config,
    });
    const failing = problems
      .filter((problem) => !problem.location.every((where) => undescribedAt(where.pointer ?? '')))
      .filter(
        (problem) =>
          problem.severity === 'error' ||
          !ALLOWED_WARNINGS.some(
            (allowed) =>
              allowed.rule === problem.ruleId &&
              problem.location.every((where) => allowed.pointer.test(where.pointer ?? '')),
          ),
      )
      .map((problem) => `${problem.ruleId}: ${problem.message} at ${problem.location[0]?.pointer ?? '?'}`);
    expect(failing).toEqual([]);
  });

  it('names every operation and documents a success with its schema', () => {
    expect(operations.length).toBeGreaterThan(100);
    const lacking: string[] = [];
    const ids = new Set<string>();
    for (const { name, operation } of operations) {
      if (!operation.operationId || ids.has(operation.operationId)) lacking.push(`${name}: operationId`);
      ids.add(operation.operationId ?? '');
      if (!operation.summary) lacking.push(`${name}: summary`);
      const successes = Object.entries(operation.responses).filter(([status]) => status.startsWith('2'));
      if (successes.length === 0) lacking.push(`${name}: no success`);
      for (const [status, answer] of successes) {
        if (answer.description === 'Default Response') lacking.push(`${name} ${status}: no description`);
        if (status === '204') {
          if (answer.content) lacking.push(`${name} 204: a body`);
          continue;
        }
        const media = Object.values(answer.content ?? {});
        const described = (m: Media) =>
          m.schema?.$ref !== undefined ||
          m.schema?.format === 'binary' ||
          Object.keys(m.schema?.properties ?? {}).length > 0;
        if (media.length === 0 || !media.every(described)) lacking.push(`${name} ${status}: no schema`);
      }
    }
    expect(lacking).toEqual([]);
  });

  it('documents the error envelope for the refusals: 401 without sign-in, 403 for a change without CSRF', () => {
    const lacking: string[] = [];
    for (const { name, method, operation } of operations) {
      const isPublic = Array.isArray(operation.security) && operation.security.length === 0;
      // The API's refusals; readiness answers 503 with its own small body, for load balancers.
      const refusals = Object.entries(operation.responses).filter(
        ([status]) => /^[45]/.test(status) && name.includes(' /api/'),
      );
      for (const [status, answer] of refusals) {
        if (answer.content?.['application/json']?.schema?.$ref !== ENVELOPE)
          lacking.push(`${name} ${status}`);
      }
      if (isPublic) continue;
      if (!operation.responses['401']) lacking.push(`${name}: 401`);
      if (STATE_CHANGING.has(method) && !operation.responses['403']) lacking.push(`${name}: 403`);
    }
    expect(lacking).toEqual([]);
  });

  it('asks for the session with its CSRF header, or a bearer token, on every change', () => {
    expect(document.components.securitySchemes['csrf']).toEqual(
      expect.objectContaining({ type: 'apiKey', in: 'header', name: 'X-CSRF-Token' }),
    );
    const changes = operations.filter(
      ({ method, operation }) => STATE_CHANGING.has(method) && operation.security?.length !== 0,
    );
    expect(changes.length).toBeGreaterThan(30);
    const wrong = changes
      .filter(({ operation }) => {
        const security = JSON.stringify(operation.security);
        return security !== JSON.stringify([{ session: [], csrf: [] }, { token: [] }]);
      })
      .map(({ name }) => name);
    expect(wrong).toEqual([]);
  });

  it('says what a period accepts, with examples the server reads', () => {
    const periods = operations.flatMap(({ name, operation }) =>
      (operation.parameters ?? []).filter((p) => p.name === 'period').map((p) => ({ name, parameter: p })),
    );
    expect(periods.length).toBeGreaterThan(10);
    for (const { name, parameter } of periods) {
      expect(parameter.description, name).toContain('2023-H1');
      const examples = Object.values(parameter.examples ?? {}).map((e: { value: string }) => e.value);
      expect(examples, name).toEqual(['2023', '2023-H1', '2023-Q3', '2023-05', '2021-01-01..2024-09-01']);
      for (const example of examples) expect(() => parsePeriod(example)).not.toThrow();
    }
  });
});
