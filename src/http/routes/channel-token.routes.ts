/**
 * A channel's access token: `PUT /channels/:code/token` sets or replaces it, `DELETE` clears it. Both answer
 * only whether it is set, when and until when; the token itself never leaves the server (channel-token.ts).
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { channelTokenInput, clearChannelToken, setChannelToken } from '../../services/channel-token.js';
import { tokenStatusAnswer } from '../../shared/records.schema.js';
import { codeParams } from './common.js';
import { json, replies } from './replies.js';

export const channelTokenRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['channels'];
  const set = {
    tags,
    operationId: 'setChannelToken',
    summary: 'Set or replace a channel’s access token for its platform',
    params: codeParams,
    body: channelTokenInput,
    response: replies(
      { 200: json('Whether the token is set, when and until when', tokenStatusAnswer) },
      400,
      401,
      403,
      404,
    ),
  };
  app.put('/channels/:code/token', { schema: set }, (request) =>
    setChannelToken(request.ctx, request.params.code, request.body),
  );
  const clear = {
    tags,
    operationId: 'clearChannelToken',
    summary: 'Clear a channel’s access token',
    params: codeParams,
    response: replies({ 200: json('The token’s state: not set', tokenStatusAnswer) }, 400, 401, 403, 404),
  };
  app.delete('/channels/:code/token', { schema: clear }, (request) =>
    clearChannelToken(request.ctx, request.params.code),
  );
};
