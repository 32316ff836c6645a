/**
 * The dashboard's engagement measures of an organization (the caller's own by default) for a period (the current
 * year by default): engagement with the top posts, when and how to post, the followers' growth per channel.
 */
import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { MeasureQuery } from '../../services/dashboard.service.js';
import {
  engagementMeasure,
  followerGrowthMeasure,
  postingTimeMeasure,
} from '../../services/engagement.service.js';
import { engagementAnswer, followerGrowthAnswer, postingTimeAnswer } from '../../shared/engagement.schema.js';
import { asOfParam, orgPeriod, periodOf } from './common.js';
import { json, replies } from './replies.js';

const query = z.strictObject({
  ...orgPeriod,
  /** The date followers are taken at; by default the period's end, or today while it runs. */
  asOf: asOfParam,
});

function measureOf(request: z.infer<typeof query>): MeasureQuery {
  const period = periodOf(request.period);
  return {
    ...(request.org ? { org: request.org } : {}),
    ...(period ? { period } : {}),
    ...(request.asOf ? { asOf: request.asOf } : {}),
  };
}

export const engagementRoutes: FastifyPluginAsyncZod = async (app) => {
  const schema = <A extends z.ZodType>(operationId: string, summary: string, answer: A) => ({
    tags: ['measures'],
    operationId,
    summary,
    querystring: query,
    response: replies({ 200: json(summary, answer) }, 400, 401, 403, 404),
  });

  app.get(
    '/measures/engagement',
    {
      schema: schema(
        'getEngagement',
        'Reactions, comments, shares, views and engagement rates per platform and organization, with top posts',
        engagementAnswer,
      ),
    },
    (request) => engagementMeasure(request.ctx, measureOf(request.query)),
  );

  app.get(
    '/measures/posting-time',
    {
      schema: schema(
        'getPostingTime',
        'Publications and mean engagement by weekday × hour, media kind and length band',
        postingTimeAnswer,
      ),
    },
    (request) => postingTimeMeasure(request.ctx, measureOf(request.query)),
  );

  app.get(
    '/measures/follower-growth',
    {
      schema: schema(
        'getFollowerGrowth',
        'Followers of each social channel at the period’s start and end, with the change',
        followerGrowthAnswer,
      ),
    },
    (request) => followerGrowthMeasure(request.ctx, measureOf(request.query)),
  );
};
