/** Publications of the caller's subtree: the filtered list, one in full, and correcting its labels and subject. */
import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { changePublication, getPublication, searchPublications } from '../../services/publication.service.js';
import { code } from '../../shared/schemas.js';
import { PLATFORMS, SUBJECT_GROUPS, TOPICS } from '../../shared/vocabulary.js';
import {
  publicationAnswer,
  publicationChangeAnswer,
  publicationPageAnswer,
  publicationPatch,
} from '../../shared/dashboard.js';
import { idParams, orgPeriod, paging, periodOf } from './common.js';
import { json, replies } from './replies.js';

/** A yes/no filter as a query string carries it. */
const flag = z.enum(['true', 'false']).transform((value) => value === 'true');

export const listQuery = z.strictObject({
  ...orgPeriod,
  ...paging,
  channel: code.meta({ description: 'The code of a channel', example: 'abai-telegram' }).optional(),
  platform: z.enum(PLATFORMS).optional(),
  /** The primary topic. */
  topic: z.enum(TOPICS).optional(),
  repost: flag.optional(),
  declarative: flag.optional(),
  /** Words searched for in titles and texts, any letter case. */
  q: z.string().max(200).optional(),
  group: z
    .enum(SUBJECT_GROUPS)
    .meta({
      description:
        'Only the subjects of one row of the organization × platform table: `self` the organization itself, ' +
        '`direct_primaries` the primaries directly under it (of `org`, else the caller’s own organization)',
    })
    .optional(),
  batch: z.coerce
    .number()
    .int()
    .positive()
    .meta({ description: 'Only the publications this import (its id) created', example: 12 })
    .optional(),
});

export const publicationRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['publications'];

  const list = {
    tags,
    operationId: 'listPublications',
    summary: 'The publications of the caller’s subtree, filtered, newest first',
    querystring: listQuery,
    response: replies({ 200: json('A page of publications', publicationPageAnswer) }, 400, 401, 403, 404),
  };
  app.get('/publications', { schema: list }, (request) => {
    const { period, ...query } = request.query;
    return searchPublications(request.ctx, { ...query, period: periodOf(period) });
  });

  const one = {
    tags,
    operationId: 'getPublication',
    summary: 'One publication in full, with its labels, the reasons for them and their corrections',
    params: idParams,
    response: replies({ 200: json('The publication', publicationAnswer) }, 400, 401, 403, 404),
  };
  app.get('/publications/:id', { schema: one }, (request) => getPublication(request.ctx, request.params.id));

  const correct = {
    tags,
    operationId: 'correctPublication',
    summary: 'Correct a publication’s labels or subject',
    params: idParams,
    body: publicationPatch,
    response: replies(
      {
        200: json('The values before the correction, and the publication after it', publicationChangeAnswer),
      },
      400,
      401,
      403,
      404,
    ),
  };
  app.patch('/publications/:id', { schema: correct }, (request) =>
    changePublication(request.ctx, request.params.id, request.body),
  );
};
