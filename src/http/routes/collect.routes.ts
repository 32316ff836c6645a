/**
 * Collection from the web application: `POST /channels/:code/collect` collects the channel now (its
 * ChannelCollection), `GET /channels/:code/collections` tells its collection's health and its runs, and
 * `GET /collections?org=` the health of every channel of a subtree, for the Channels page's list. Errors come with
 * their message in the user's language.
 */
import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  channelCollections,
  collectChannelNow,
  subtreeCollectionHealth,
} from '../../services/collection-health.service.js';
import { getOrganization } from '../../services/org.service.js';
import { describeError, ERROR_CODES, type ErrorCode } from '../../shared/messages.js';
import {
  channelCollectionAnswer,
  channelCollectionsAnswer,
  channelHealthAnswer,
} from '../../shared/work.schema.js';
import type { UiLang } from '../../shared/vocabulary.js';
import { codeParams, orgParam } from './common.js';
import { json, replies } from './replies.js';

const isErrorCode = (value: string): value is ErrorCode => (ERROR_CODES as readonly string[]).includes(value);

/**
 * An error with its message in the user's language. A skipped run's code is its reason (no token, no public
 * address…), which the web application words itself: its message is null.
 */
function told(error: { code: string; params: Record<string, string | number> | null } | null, lang: UiLang) {
  if (!error) return null;
  const params = error.params ?? {};
  const message = isErrorCode(error.code) ? describeError({ code: error.code, params }, lang) : null;
  return { code: error.code, params, message };
}

export const collectRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['channels'];

  const collect = {
    tags,
    operationId: 'collectChannel',
    summary: 'Collect a channel now',
    params: codeParams,
    response: replies(
      { 200: json('What the collection found, or why it was skipped', channelCollectionAnswer) },
      400,
      401,
      403,
      404,
      409,
    ),
  };
  app.post('/channels/:code/collect', { schema: collect }, async (request) => {
    const result = await collectChannelNow(request.ctx, request.params.code);
    return { ...result, error: told(result.error, request.lang) };
  });

  const runs = {
    tags,
    operationId: 'getChannelCollections',
    summary: 'A channel’s collection health and its runs',
    params: codeParams,
    response: replies(
      { 200: json('The health and the runs, newest first', channelCollectionsAnswer) },
      400,
      401,
      403,
      404,
    ),
  };
  app.get('/channels/:code/collections', { schema: runs }, async (request) => {
    const { lastError, runs, ...health } = await channelCollections(request.ctx, request.params.code);
    return {
      ...health,
      lastError: told(lastError, request.lang),
      runs: runs.map(({ errorCode, errorParams, ...run }) => ({
        ...run,
        error: told(errorCode === null ? null : { code: errorCode, params: errorParams }, request.lang),
      })),
    };
  });

  app.get(
    '/collections',
    {
      schema: {
        tags,
        operationId: 'listCollectionHealth',
        summary: 'The collection health of every channel of a subtree',
        querystring: z.strictObject({ org: orgParam }),
        response: replies(
          { 200: json('Each channel’s health', z.object({ items: z.array(channelHealthAnswer) })) },
          400,
          401,
          403,
          404,
        ),
      },
    },
    async (request) => {
      const org = await getOrganization(request.ctx, request.query.org);
      const items = await subtreeCollectionHealth(request.ctx, org.id);
      return { items: items.map((item) => ({ ...item, lastError: told(item.lastError, request.lang) })) };
    },
  );
};
