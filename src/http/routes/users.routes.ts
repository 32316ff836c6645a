/** Users of the caller's subtree: list, add (a password generated when none is given), change. */
import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { changeUser, createUser, getUser, listUsers } from '../../services/user.service.js';
import { createdUserAnswer, userAnswer } from '../../shared/account.schema.js';
import { userChange, userInput } from '../../shared/schemas.js';
import { idParams } from './common.js';
import { json, replies } from './replies.js';

export const userRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['users'];
  const list = {
    tags,
    operationId: 'listUsers',
    summary: 'The users of the caller’s subtree',
    response: replies({ 200: json('The users', z.object({ items: z.array(userAnswer) })) }, 401, 403),
  };
  app.get('/users', { schema: list }, async (request) => ({ items: await listUsers(request.ctx) }));

  const one = {
    tags,
    operationId: 'getUser',
    summary: 'One user',
    params: idParams,
    response: replies({ 200: json('The user', userAnswer) }, 400, 401, 403, 404),
  };
  app.get('/users/:id', { schema: one }, (request) => getUser(request.ctx, request.params.id));

  const add = {
    tags,
    operationId: 'createUser',
    summary: 'Add a user',
    description: 'Without a password, the server generates one and answers it this once.',
    body: userInput,
    response: replies({ 201: json('The user added', createdUserAnswer) }, 400, 401, 403, 404, 409),
  };
  app.post('/users', { schema: add }, async (request, reply) => {
    const created = await createUser(request.ctx, request.body);
    return reply.status(201).send(created);
  });

  const change = {
    tags,
    operationId: 'changeUser',
    summary: 'Change a user’s role, organization, name, language, password or whether they are disabled',
    params: idParams,
    body: userChange,
    response: replies({ 200: json('The user as changed', userAnswer) }, 400, 401, 403, 404, 409),
  };
  app.patch('/users/:id', { schema: change }, (request) =>
    changeUser(request.ctx, request.params.id, request.body),
  );
};
