/** Rankings of an organization's branches for a period: `GET /measures/rankings`. */
import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { rankingMeasure } from '../../services/ranking.service.js';
import { rankingAnswer } from '../../shared/ranking.schema.js';
import { asOfParam, measureOf, orgPeriod } from './common.js';
import { json, replies } from './replies.js';

const summary =
  'The branches (a sector union’s regions) ranked by publications per 1,000 members, reach, concrete and legal ' +
  'shares and growth of followers, each with the figures behind it';

export const rankingRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/measures/rankings',
    {
      schema: {
        tags: ['measures'],
        operationId: 'getRankings',
        summary,
        querystring: z.strictObject({ ...orgPeriod, asOf: asOfParam }),
        response: replies({ 200: json(summary, rankingAnswer) }, 400, 401, 403, 404),
      },
    },
    (request) => rankingMeasure(request.ctx, measureOf(request.query)),
  );
};
