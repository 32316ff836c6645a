/**
 * The dashboard's measures of an organization (the caller's own by default) for a period (the current year by
 * default): the whole dashboard, and its parts for those who need only one.
 */
import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { GRANULARITIES } from '../../domain/period.js';
import {
  buildDashboard,
  countsMeasure,
  findingsMeasure,
  presenceMeasure,
  reachMeasure,
  subjectPlatformMeasure,
} from '../../services/dashboard.service.js';
import {
  countsAnswer,
  dashboardAnswer,
  findingsAnswer,
  presenceMatrix,
  reachAnswer,
} from '../../shared/dashboard.js';
import { subjectPlatformAnswer } from '../../shared/subject-platform.schema.js';
import { PLATFORMS } from '../../shared/vocabulary.js';
import { sharedAnswer } from '../shared-answer.js';
import { asOfParam, measureOf, orgPeriod } from './common.js';
import { json, replies } from './replies.js';

const measureQuery = z.strictObject({
  ...orgPeriod,
  /** The date members, followers and presence are taken at; by default the period's end, or today while it runs. */
  asOf: asOfParam,
});

const countsQuery = z.strictObject({
  ...orgPeriod,
  granularity: z.enum(GRANULARITIES).default('month'),
  platform: z.enum(PLATFORMS).optional(),
  by: z.enum(['subject', 'platform']).default('subject'),
});

export const measureRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['measures'];

  /** A measure's schema: its summary, its query, its answer. */
  const measure = <Q extends z.ZodType, A extends z.ZodType>(
    operationId: string,
    summary: string,
    querystring: Q,
    answer: A,
  ) => ({
    tags,
    operationId,
    summary,
    querystring,
    response: replies({ 200: json(summary, answer) }, 400, 401, 403, 404),
  });

  const dashboard = measure(
    'getDashboard',
    'The whole dashboard of an organization for a period',
    measureQuery,
    dashboardAnswer,
  );
  app.get('/measures/dashboard', { schema: dashboard }, async (request, reply) =>
    sharedAnswer(reply, await buildDashboard(request.ctx, measureOf(request.query), request.lang)),
  );

  const counts = measure(
    'getPublicationCounts',
    'Publications counted by subject or platform and by year, half, quarter or month',
    countsQuery,
    countsAnswer,
  );
  app.get('/measures/counts', { schema: counts }, async (request, reply) => {
    const { granularity, platform, by } = request.query;
    const counts = await countsMeasure(request.ctx, {
      ...measureOf(request.query),
      granularity,
      by,
      ...(platform ? { platform } : {}),
    });
    return sharedAnswer(reply, counts);
  });

  // Of a date: the named one, else the period's end (today while it runs), like every other measure.
  const reach = measure(
    'getReach',
    'Followers of the subtree’s channels and their reach among the members',
    measureQuery,
    reachAnswer,
  );
  app.get('/measures/reach', { schema: reach }, async (request, reply) =>
    sharedAnswer(reply, await reachMeasure(request.ctx, measureOf(request.query))),
  );

  const presence = measure(
    'getPresence',
    'Which organizations are present and active on which platforms',
    measureQuery,
    presenceMatrix,
  );
  app.get('/measures/presence', { schema: presence }, (request) =>
    presenceMeasure(request.ctx, measureOf(request.query)),
  );

  // A small table: answered as an object, so that its response schema checks it.
  app.get(
    '/measures/publications-by-subject-platform',
    {
      schema: {
        tags,
        operationId: 'getPublicationsBySubjectPlatform',
        summary: 'Publications by subject organization × platform',
        querystring: z.strictObject(orgPeriod),
        response: replies(
          { 200: json('Publications by subject organization × platform', subjectPlatformAnswer) },
          400,
          401,
          403,
          404,
        ),
      },
    },
    (request) => subjectPlatformMeasure(request.ctx, measureOf(request.query)),
  );

  const findings = measure(
    'getFindings',
    'What the rules found in the subtree’s work, with recommendations',
    measureQuery,
    findingsAnswer,
  );
  app.get('/measures/findings', { schema: findings }, (request) =>
    findingsMeasure(request.ctx, measureOf(request.query), request.lang),
  );
};
