/**
 * Checks while writing a post of the content plan (services/post-check.service.ts): `POST /posts/check` analyses
 * the draft as it stands and tells the platforms' limits in the user's language; `GET /posts/channels?org=` lists
 * the channels a post of the organization may go to (its own and its ancestors'). Both refuse those who may not
 * draft posts (403) and an organization outside the caller's subtree (404).
 */
import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { checkPost, postChannels } from '../../services/post-check.service.js';
import { postChannelAnswer, postCheckAnswer, postCheckInput } from '../../shared/post-check.schema.js';
import { orgParam } from './common.js';
import { json, replies } from './replies.js';

export const postCheckRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['posts'];
  const check = {
    tags,
    operationId: 'checkPost',
    summary:
      'Check a draft while writing it: its analysis, the platforms’ limits, a missing language version',
    body: postCheckInput,
    response: replies({ 200: json('The checks', postCheckAnswer) }, 400, 401, 403, 404),
  };
  app.post('/posts/check', { schema: check }, async (request) =>
    checkPost(request.ctx, request.body, request.lang),
  );
  const channels = {
    tags,
    operationId: 'listPostChannels',
    summary: 'The channels a post of the organization may go to: its own and its ancestors’, open',
    querystring: z.strictObject({ org: orgParam }),
    response: replies(
      { 200: json('The channels', z.object({ items: z.array(postChannelAnswer) })) },
      400,
      401,
      403,
      404,
    ),
  };
  app.get('/posts/channels', { schema: channels }, async (request) => ({
    items: await postChannels(request.ctx, request.query.org),
  }));
};
