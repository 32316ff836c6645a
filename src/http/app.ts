/**
 * The HTTP API: Fastify under /api/v1, inputs validated by the zod schemas the use cases share, an OpenAPI
 * document at /api/docs generated from them, one error envelope, and a Context per request acting for the
 * signed-in user.
 */
import { randomUUID } from 'node:crypto';
import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import multipart from '@fastify/multipart';
import rateLimit from '@fastify/rate-limit';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance, type RouteOptions } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { z } from 'zod';
import { ValidationError } from '../domain/errors.js';
import { asNobody, type Context } from '../services/context.js';
import { fieldIssuesOf } from '../shared/field-issue.js';
import { answerChecker, swaggerOptions } from './api-document.js';
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
  /** The built web application's folder (web/dist by default). */
  webRoot?: string;
  /**
   * Whether an answer field the API document does not declare fails the request (500) rather than being logged;
   * by default `AQPARAT_ANSWER_CHECK=strict`, which the tests set.
   */
  strictAnswers?: boolean;
}

declare module 'fastify' {
  interface FastifyInstance {
    uploadLimitMb: number;
  }
}

export const DEFAULT_UPLOAD_LIMIT_MB = 1024;

/**
 * What browsers may load and run: only our own files. antd writes its styles into <style> elements at run time
 * (and Swagger UI uses style attributes), hence inline styles. No upgrade-insecure-requests: the server may be
 * reached over plain HTTP inside a network. The web application frames its own brief preview, so frames are
 * allowed from the same origin only.
 */
const CONTENT_SECURITY_POLICY = {
  useDefaults: false,
  directives: {
    defaultSrc: ["'self'"],
    baseUri: ["'self'"],
    connectSrc: ["'self'"],
    fontSrc: ["'self'", 'data:'],
    formAction: ["'self'"],
    frameAncestors: ["'self'"],
    frameSrc: ["'self'"],
    imgSrc: ["'self'", 'data:'],
    objectSrc: ["'none'"],
    scriptSrc: ["'self'"],
    scriptSrcAttr: ["'none'"],
    styleSrc: ["'self'", "'unsafe-inline'"],
  },
};

/** The API document's pages (Swagger UI): public, like the document they show. */
async function apiDocs(app: FastifyInstance): Promise<void> {
  app.addHook('onRoute', (route: RouteOptions) => {
    route.config = { ...route.config, public: true };
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs' });
}

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
  app.setSerializerCompiler(
    answerChecker({
      strict: options.strictAnswers ?? process.env['AQPARAT_ANSWER_CHECK'] === 'strict',
      warn: (fields, route) =>
        app.log.warn({ route, fields }, 'answer fields the API document does not declare'),
    }),
  );
  app.setErrorHandler((error, request, reply) => replyWithError(error as Error, request, reply));
  app.setNotFoundHandler((request, reply) =>
    reply.status(404).send(envelope(request.lang ?? 'ru', 'not_found')),
  );
  app.addHook('onSend', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });
  // Routes left out of the API document must be public: every private route is then in the document, which the
  // route-security test walks. Checked once all are known (plugins mark theirs public as they add them).
  const hidden: { method: unknown; url: string; config?: { public?: boolean } }[] = [];
  app.addHook('onRoute', (route) => {
    if (route.schema?.hide === true) hidden.push(route);
  });
  app.addHook('onReady', async () => {
    const names = hidden
      .filter((route) => route.config?.public !== true)
      .map((r) => `${String(r.method)} ${r.url}`);
    if (names.length > 0)
      throw new Error(`routes hidden from the API document must be public: ${names.join(', ')}`);
  });

  // Content-Security-Policy, X-Frame-Options, nosniff and the other headers helmet keeps up to date.
  await app.register(helmet, {
    contentSecurityPolicy: CONTENT_SECURITY_POLICY,
    // The host's other subdomains are not ours to bind to HTTPS.
    strictTransportSecurity: { maxAge: 31_536_000, includeSubDomains: false },
  });
  await app.register(cookie);
  await app.register(rateLimit, { global: false });
  await app.register(multipart, {
    limits: { fileSize: app.uploadLimitMb * 1024 * 1024, files: 1, fields: 20 },
  });
  await app.register(swagger, swaggerOptions);
  await app.register(apiDocs);

  app.addHook('onRequest', authenticateWith(base));
  await app.register(healthRoutes);
  for (const routes of ROUTES) await app.register(routes, { prefix: '/api/v1' });
  await app.register(webApp, options.webRoot === undefined ? {} : { root: options.webRoot });
  return app;
}
