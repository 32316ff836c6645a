/**
 * The HTTP API: Fastify under /api/v1, inputs validated by the zod schemas the use cases share, an OpenAPI
 * document at /api/docs generated from them, one error envelope, and a Context per request acting for the
 * signed-in user.
 */
import { randomUUID } from 'node:crypto';
import cookie from '@fastify/cookie';
import multipart from '@fastify/multipart';
import rateLimit from '@fastify/rate-limit';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify from 'fastify';
import { jsonSchemaTransform, serializerCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import type { z } from 'zod';
import { ValidationError } from '../domain/errors.js';
import { asNobody, type Context } from '../services/context.js';
import { fieldIssuesOf } from '../shared/field-issue.js';
import { envelope, replyWithError } from './errors.js';
import { authenticateWith } from './request-context.js';
import { healthRoutes } from './routes/health.routes.js';
import { ROUTES } from './routes/index.js';
import { webApp } from './web.js';

export interface AppOptions {
  /** The database, clock and log the server runs on; requests act for their own user. */
  context: Context;
  /** The largest upload accepted, in megabytes. */
  uploadLimitMb?: number;
}

declare module 'fastify' {
  interface FastifyInstance {
    uploadLimitMb: number;
  }
}

export const DEFAULT_UPLOAD_LIMIT_MB = 1024;

export async function buildApp(options: AppOptions) {
  const base = asNobody(options.context);
  const app = Fastify({
    loggerInstance: options.context.log,
    genReqId: (request) => String(request.headers['x-request-id'] ?? randomUUID()),
    requestIdHeader: false,
    bodyLimit: 10 * 1024 * 1024,
  }).withTypeProvider<ZodTypeProvider>();
  app.decorate('uploadLimitMb', options.uploadLimitMb ?? DEFAULT_UPLOAD_LIMIT_MB);
  app.decorateRequest('ctx', null as unknown as Context);
  app.decorateRequest('lang', 'ru');
  app.decorateRequest('sessionToken', undefined);
  app.decorateRequest('csrfToken', undefined);

  // Our own validator: a zod failure becomes the domain's ValidationError, so it is told like any other.
  app.setValidatorCompiler(({ schema, httpPart }) => (data: unknown) => {
    const result = (schema as z.ZodType).safeParse(data);
    if (result.success) return { value: result.data };
    return { error: new ValidationError(httpPart ?? 'request', fieldIssuesOf(result.error, data)) };
  });
  app.setSerializerCompiler(serializerCompiler);
  app.setErrorHandler((error, request, reply) => replyWithError(error as Error, request, reply));
  app.setNotFoundHandler((request, reply) =>
    reply.status(404).send(envelope(request.lang ?? 'ru', 'not_found')),
  );
  app.addHook('onSend', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });

  await app.register(cookie);
  await app.register(rateLimit, { global: false });
  await app.register(multipart, {
    limits: { fileSize: app.uploadLimitMb * 1024 * 1024, files: 1, fields: 20 },
  });
  await app.register(swagger, {
    openapi: {
      info: { title: 'aqparat API', version: '1' },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'aqparat_session' },
          token: { type: 'http', scheme: 'bearer' },
        },
      },
      security: [{ session: [] }, { token: [] }],
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs' });

  app.addHook('onRequest', authenticateWith(base));
  await app.register(healthRoutes);
  for (const routes of ROUTES) await app.register(routes, { prefix: '/api/v1' });
  await app.register(webApp);
  return app;
}
