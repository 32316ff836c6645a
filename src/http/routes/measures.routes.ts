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
  type MeasureQuery,
  presenceMeasure,
  reachMeasure,
  subjectPlatformMeasure,
} from '../../services/dashboard.service.js';
import { localDate } from '../../shared/schemas.js';
import { subjectPlatformAnswer } from '../../shared/subject-platform.schema.js';
import { PLATFORMS } from '../../shared/vocabulary.js';
import { sharedAnswer } from '../shared-answer.js';
import { orgPeriod, periodOf } from './common.js';

const measureQuery = z.strictObject({
  ...orgPeriod,
  /** The date members, followers and presence are taken at; by default the period's end, or today while it runs. */
  asOf: localDate.optional(),
});

const countsQuery = z.strictObject({
  ...orgPeriod,
  granularity: z.enum(GRANULARITIES).default('month'),
  platform: z.enum(PLATFORMS).optional(),
  by: z.enum(['subject', 'platform']).default('subject'),
});

function measureOf(query: {
  org?: string | undefined;
  period?: string | undefined;
  asOf?: string | undefined;
}) {
  const period = periodOf(query.period);
  const measure: MeasureQuery = {};
  if (query.org) measure.org = query.org;
  if (period) measure.period = period;
  if (query.asOf) measure.asOf = query.asOf;
  return measure;
}

export const measureRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['measures'];

  app.get('/measures/dashboard', { schema: { tags, querystring: measureQuery } }, async (request, reply) =>
    sharedAnswer(reply, await buildDashboard(request.ctx, measureOf(request.query), request.lang)),
  );

  app.get('/measures/counts', { schema: { tags, querystring: countsQuery } }, async (request, reply) => {
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
  app.get('/measures/reach', { schema: { tags, querystring: measureQuery } }, async (request, reply) =>
    sharedAnswer(reply, await reachMeasure(request.ctx, measureOf(request.query))),
  );

  app.get('/measures/presence', { schema: { tags, querystring: measureQuery } }, (request) =>
    presenceMeasure(request.ctx, measureOf(request.query)),
  );

  // A small table: answered as an object, so that its response schema checks it.
  app.get(
    '/measures/publications-by-subject-platform',
    {
      schema: {
        tags,
        summary: 'Publications by subject organization × platform',
        querystring: z.strictObject(orgPeriod),
        response: { 200: subjectPlatformAnswer },
      },
    },
    (request) => subjectPlatformMeasure(request.ctx, measureOf(request.query)),
  );

  app.get('/measures/findings', { schema: { tags, querystring: measureQuery } }, (request) =>
    findingsMeasure(request.ctx, measureOf(request.query), request.lang),
  );
};
