/** The channels' activity for the Channels page: `GET /measures/channel-activity`. */
import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { channelActivityMeasure } from '../../services/channel-activity.service.js';
import { channelActivityAnswer } from '../../shared/channel-activity.schema.js';
import { asOfParam, measureOf, orgPeriod } from './common.js';
import { json, replies } from './replies.js';

const summary =
  'The subtree’s channels with their followers, publications in the period, latest publication and whether ' +
  'they are active by the presence rule';

export const channelActivityRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/measures/channel-activity',
    {
      schema: {
        tags: ['measures'],
        operationId: 'getChannelActivity',
        summary,
        querystring: z.strictObject({ ...orgPeriod, asOf: asOfParam }),
        response: replies({ 200: json(summary, channelActivityAnswer) }, 400, 401, 403, 404),
      },
    },
    (request) => channelActivityMeasure(request.ctx, measureOf(request.query)),
  );
};
