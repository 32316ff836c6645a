/**
 * The OpenAPI document at /api/docs and the check that keeps the routes to it: each route's zod schemas give its
 * parameters, bodies and answers, and every JSON answer is checked against the schema of its status before it is
 * sent, so a route answering a shape its document does not declare fails (500, logged) instead of surprising a
 * client.
 */
import type { SwaggerOptions } from '@fastify/swagger';
import type { FastifySerializerCompiler } from 'fastify/types/schema.js';
import {
  jsonSchemaTransform,
  jsonSchemaTransformObject,
  ResponseSerializationError,
} from 'fastify-type-provider-zod';
import { z } from 'zod';
import { SESSION_COOKIE } from './request-context.js';

const STATE_CHANGING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * The paths of an answer's fields that its checked form dropped: the fields its schema does not declare (zod's
 * objects strip what they do not name).
 */
export function undeclaredFields(given: unknown, checked: unknown, path = ''): string[] {
  if (Array.isArray(given) && Array.isArray(checked)) {
    return given.flatMap((item, index) => undeclaredFields(item, checked[index], `${path}[${index}]`));
  }
  if (!isPlainObject(given) || !isPlainObject(checked)) return [];
  return Object.entries(given).flatMap(([key, value]) => {
    if (value === undefined) return [];
    const at = path ? `${path}.${key}` : key;
    return key in checked ? undeclaredFields(value, checked[key], at) : [at];
  });
}

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Checks each answer against the route's schema and sends it as the route made it: a missing or mistyped field
 * fails (500). A field the schema does not declare is sent all the same, so a gap in the document never breaks a
 * user's page, and logged; under `strict` (the tests) it fails too, so the document must name every field.
 */
export function answerChecker(options: {
  strict: boolean;
  warn: (fields: readonly string[], route: string) => void;
}): FastifySerializerCompiler<z.ZodType> {
  return ({ schema, method, url }) =>
    (data) => {
      const result = z.safeEncode(schema, data);
      if (!result.success) throw new ResponseSerializationError(method, url, { cause: result.error });
      const undeclared = undeclaredFields(data, result.data);
      if (undeclared.length > 0) {
        if (options.strict) {
          // Each field once, whatever the array items it was found in.
          const fields = [...new Set(undeclared.map((field) => field.replace(/\[\d+\]/g, '[]')))];
          const issues = fields.map((field) => ({
            code: 'custom' as const,
            path: [field],
            message: 'a field the API document does not declare',
            input: undefined,
          }));
          throw new ResponseSerializationError(method, url, { cause: new z.ZodError(issues) });
        }
        options.warn(undeclared, `${method} ${url}`);
      }
      return JSON.stringify(data);
    };
}

/**
 * An answer's schema as the document states it: without `additionalProperties: false`, since answers may carry
 * more than the schema names; and a record keyed by an enumeration (every platform, say) with each key as a
 * property, since OpenAPI 3.0 has no `propertyNames` to say which keys it requires.
 */
function open(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(open);
  if (typeof schema !== 'object' || schema === null) return schema;
  const node = Object.fromEntries(
    Object.entries(schema)
      .filter(([key, value]) => !(key === 'additionalProperties' && value === false))
      .map(([key, value]) => [key, open(value)]),
  ) as { required?: string[]; properties?: Record<string, unknown>; additionalProperties?: unknown };
  const { required, additionalProperties } = node;
  if (Array.isArray(required) && typeof additionalProperties === 'object' && additionalProperties !== null) {
    const missing = required.filter((key) => node.properties?.[key] === undefined);
    const named = Object.fromEntries(missing.map((key) => [key, additionalProperties]));
    if (missing.length > 0) node.properties = { ...node.properties, ...named };
  }
  return node;
}

/**
 * The answers as the document states them: open objects, and an answer without a body (204, no content types)
 * as @fastify/swagger spells one, a `null` schema.
 */
function answersOf(responses: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(responses).map(([status, answer]) => {
      const { description, content } = answer as { description?: string; content?: object };
      if (content && Object.keys(content).length === 0) return [status, { type: 'null', description }];
      return [status, open(answer)];
    }),
  );
}

const DESCRIPTION = `The API of aqparat under \`/api/v1\`. Answers are JSON, errors the one envelope
\`{error: {code, message, record?, fields?}}\` with the message in the user's language (Accept-Language: ru, kk
or en; the signed-in user's own language otherwise).

Sign in with \`POST /api/v1/session\`: the answer sets the \`${SESSION_COOKIE}\` cookie and carries \`csrfToken\`,
which every state-changing request (POST, PUT, PATCH, DELETE) under that session must send back in the
\`X-CSRF-Token\` header. Scripts use an API token instead, made under a session with \`POST /api/v1/tokens\` and sent as
\`Authorization: Bearer …\`; a token needs no CSRF header.

A period (\`period\`) is written \`2023\` (a year), \`2023-H1\` (a half), \`2023-Q3\` (a quarter), \`2023-05\` (a month),
\`2021-01-01..2024-09-01\` (the days between, both included) or \`..2024-09-01\` (everything up to that day).`;

export const swaggerOptions: SwaggerOptions = {
  openapi: {
    info: {
      title: 'aqparat API',
      version: '1',
      description: DESCRIPTION,
      license: { name: 'MIT', url: 'https://opensource.org/license/mit' },
    },
    servers: [{ url: '/', description: 'The server this document came from' }],
    components: {
      securitySchemes: {
        session: {
          type: 'apiKey',
          in: 'cookie',
          name: SESSION_COOKIE,
          description: 'The session cookie POST /api/v1/session sets',
        },
        csrf: {
          type: 'apiKey',
          in: 'header',
          name: 'X-CSRF-Token',
          description:
            'The session’s `csrfToken` (from POST or GET /api/v1/session), required with the session cookie on ' +
            'every POST, PUT, PATCH and DELETE',
        },
        token: {
          type: 'http',
          scheme: 'bearer',
          description: 'An API token, made under a session with POST /api/v1/tokens; no CSRF header needed',
        },
      },
    },
    security: [{ session: [] }, { token: [] }],
  },
  // A public route says so in the document (OpenAPI's empty security list); a state-changing one under a session
  // needs the CSRF header with the cookie, as request-context.ts checks.
  transform: (input) => {
    const transformed = jsonSchemaTransform(input);
    const schema: Record<string, unknown> = { ...transformed.schema };
    if (schema['response']) schema['response'] = answersOf(schema['response'] as Record<string, unknown>);
    const methods = [input.route.method].flat().map(String);
    if (input.route.config?.public === true) schema['security'] = [];
    else if (methods.some((method) => STATE_CHANGING.has(method)))
      schema['security'] = [{ session: [], csrf: [] }, { token: [] }];
    return { ...transformed, schema };
  },
  // Schemas named with `.meta({id})` (the error envelope) are written once, under components; the envelope is
  // only ever an answer, so its twin as a request body's input is left out.
  transformObject: (input) => {
    const document = jsonSchemaTransformObject(input) as {
      components?: { schemas?: Record<string, unknown> };
    };
    delete document.components?.schemas?.['ErrorEnvelopeInput'];
    return document as ReturnType<typeof jsonSchemaTransformObject>;
  },
};
