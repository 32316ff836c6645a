/** Publications of the caller's subtree: the filtered list, one in full, and correcting its labels and subject. */
import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { changePublication, getPublication, searchPublications } from '../../services/publication.service.js';
import { publicationPatch } from '../../shared/dashboard.js';
import { code } from '../../shared/schemas.js';
import { PLATFORMS, TOPICS } from '../../shared/vocabulary.js';
import { idParams, orgPeriod, paging, periodOf } from './common.js';

/** A yes/no filter as a query string carries it. */
const flag = z.enum(['true', 'false']).transform((value) => value === 'true');

const listQuery = z.strictObject({
  ...orgPeriod,
  ...paging,
  channel: code.optional(),
  platform: z.enum(PLATFORMS).optional(),
  /** The primary topic. */
  topic: z.enum(TOPICS).optional(),
  repost: flag.optional(),
  declarative: flag.optional(),
  /** Words searched for in titles and texts, any letter case. */
  q: z.string().max(200).optional(),
});

export const publicationRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['publications'];

  app.get('/publications', { schema: { tags, querystring: listQuery } }, (request) => {
    const { period, ...query } = request.query;
    return searchPublications(request.ctx, { ...query, period: periodOf(period) });
  });

  app.get('/publications/:id', { schema: { tags, params: idParams } }, (request) =>
    getPublication(request.ctx, request.params.id),
  );

  app.patch('/publications/:id', { schema: { tags, params: idParams, body: publicationPatch } }, (request) =>
    changePublication(request.ctx, request.params.id, request.body),
  );
};
