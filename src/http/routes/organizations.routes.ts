/** The organization tree the caller sees, one organization with its figures, adding and renaming. */
import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  addOrganization,
  changeOrganization,
  listVisibleOrganizations,
  organizationChange,
} from '../../services/org.service.js';
import { organizationFiguresFor } from '../../services/stats.service.js';
import { organizationAnswer, organizationFiguresAnswer } from '../../shared/organization.schema.js';
import { organizationInput } from '../../shared/schemas.js';
import { asOfParam, codeParams, periodOf, periodParam } from './common.js';
import { json, replies } from './replies.js';

export const organizationRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['organizations'];
  const list = {
    tags,
    operationId: 'listOrganizations',
    summary: 'The organizations the caller sees, parents before their children',
    response: replies(
      { 200: json('The organizations', z.object({ items: z.array(organizationAnswer) })) },
      401,
      403,
    ),
  };
  app.get('/organizations', { schema: list }, async (request) => ({
    items: await listVisibleOrganizations(request.ctx),
  }));

  const figures = {
    tags,
    operationId: 'getOrganization',
    summary:
      'One organization with its members, structure, channels and information officers as of a date: `asOf`, ' +
      'else the date the period’s measures take (its end, or today while it runs), else today',
    params: codeParams,
    querystring: z.strictObject({ asOf: asOfParam, period: periodParam.optional() }),
    response: replies(
      { 200: json('The organization and its figures', organizationFiguresAnswer) },
      400,
      401,
      403,
      404,
    ),
  };
  app.get('/organizations/:code', { schema: figures }, (request) =>
    organizationFiguresFor(request.ctx, request.params.code, {
      period: periodOf(request.query.period),
      asOf: request.query.asOf,
    }),
  );

  const add = {
    tags,
    operationId: 'createOrganization',
    summary: 'Add an organization under its parent',
    body: organizationInput,
    response: replies({ 201: json('The organization added', organizationAnswer) }, 400, 401, 403, 404, 409),
  };
  app.post('/organizations', { schema: add }, async (request, reply) =>
    reply.status(201).send(await addOrganization(request.ctx, request.body)),
  );

  const change = {
    tags,
    operationId: 'changeOrganization',
    summary: 'Rename an organization or change its time zone or order',
    params: codeParams,
    body: organizationChange,
    response: replies(
      { 200: json('The organization as changed', organizationAnswer) },
      400,
      401,
      403,
      404,
      409,
    ),
  };
  app.patch('/organizations/:code', { schema: change }, (request) =>
    changeOrganization(request.ctx, request.params.code, request.body),
  );
};
