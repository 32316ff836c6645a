/** The organization tree the caller sees, one organization with its figures, adding and renaming. */
import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  addOrganization,
  changeOrganization,
  listVisibleOrganizations,
  organizationChange,
} from '../../services/org.service.js';
import { organizationFigures } from '../../services/stats.service.js';
import { localDate, organizationInput } from '../../shared/schemas.js';
import { codeParams } from './common.js';

export const organizationRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/organizations', { schema: { tags: ['organizations'] } }, async (request) => ({
    items: await listVisibleOrganizations(request.ctx),
  }));

  app.get(
    '/organizations/:code',
    {
      schema: {
        tags: ['organizations'],
        params: codeParams,
        querystring: z.strictObject({ asOf: localDate.optional() }),
      },
    },
    (request) =>
      organizationFigures(
        request.ctx,
        request.params.code,
        request.query.asOf ?? request.ctx.clock().toISOString().slice(0, 10),
      ),
  );

  app.post(
    '/organizations',
    { schema: { tags: ['organizations'], body: organizationInput } },
    async (request, reply) => reply.status(201).send(await addOrganization(request.ctx, request.body)),
  );

  app.patch(
    '/organizations/:code',
    { schema: { tags: ['organizations'], params: codeParams, body: organizationChange } },
    (request) => changeOrganization(request.ctx, request.params.code, request.body),
  );
};
