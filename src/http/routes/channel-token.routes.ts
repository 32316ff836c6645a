/**
 * A channel's access token: `PUT /channels/:code/token` sets or replaces it, `DELETE` clears it. Both answer
 * only whether it is set, when and until when; the token itself never leaves the server (channel-token.ts).
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { channelTokenInput, clearChannelToken, setChannelToken } from '../../services/channel-token.js';
import { codeParams } from './common.js';

export const channelTokenRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['channels'];
  app.put(
    '/channels/:code/token',
    { schema: { tags, params: codeParams, body: channelTokenInput } },
    (request) => setChannelToken(request.ctx, request.params.code, request.body),
  );
  app.delete('/channels/:code/token', { schema: { tags, params: codeParams } }, (request) =>
    clearChannelToken(request.ctx, request.params.code),
  );
};
