/** Users of the caller's subtree: list, add (a password generated when none is given), change. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { changeUser, createUser, getUser, listUsers } from '../../services/user.service.js';
import { userChange, userInput } from '../../shared/schemas.js';
import { idParams } from './common.js';

export const userRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/users', { schema: { tags: ['users'] } }, async (request) => ({
    items: await listUsers(request.ctx),
  }));

  app.get('/users/:id', { schema: { tags: ['users'], params: idParams } }, (request) =>
    getUser(request.ctx, request.params.id),
  );

  app.post('/users', { schema: { tags: ['users'], body: userInput } }, async (request, reply) => {
    const created = await createUser(request.ctx, request.body);
    return reply.status(201).send(created);
  });

  app.patch('/users/:id', { schema: { tags: ['users'], params: idParams, body: userChange } }, (request) =>
    changeUser(request.ctx, request.params.id, request.body),
  );
};
