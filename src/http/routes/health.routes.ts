/** Liveness and readiness for process managers and load balancers; no sign-in. */
import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { databaseAnswers } from '../../services/context.js';
import { json } from './replies.js';

export const healthRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['health'];
  const live = {
    tags,
    operationId: 'getLiveness',
    summary: 'Whether the process answers',
    response: { 200: json('The process answers', z.object({ status: z.literal('ok') })) },
  };
  app.get('/healthz', { config: { public: true }, schema: live }, async () => ({ status: 'ok' as const }));

  const ready = {
    tags,
    operationId: 'getReadiness',
    summary: 'Whether the server can serve requests: its database answers',
    response: {
      200: json('Ready', z.object({ status: z.literal('ready') })),
      503: json('The database does not answer', z.object({ status: z.literal('database unavailable') })),
    },
  };
  app.get('/readyz', { config: { public: true }, schema: ready }, async (request, reply) =>
    (await databaseAnswers(request.ctx))
      ? reply.status(200).send({ status: 'ready' })
      : reply.status(503).send({ status: 'database unavailable' }),
  );
};
