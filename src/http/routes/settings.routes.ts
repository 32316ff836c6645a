/** The installation's settings (rule thresholds, the presence window, the analysis) and the attribution rules. */
import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  addAttributionRule,
  listAttributionRules,
  removeAttributionRule,
} from '../../services/import/attribution.service.js';
import { changeSettings, showSettings } from '../../services/settings.service.js';
import { attributionRuleInput, code } from '../../shared/schemas.js';
import { settingsInput } from '../../shared/settings.schema.js';
import { idParams } from './common.js';

export const settingsRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/settings', { schema: { tags: ['settings'] } }, (request) => showSettings(request.ctx));

  app.patch('/settings', { schema: { tags: ['settings'], body: settingsInput } }, async (request) => {
    await changeSettings(request.ctx, request.body);
    return showSettings(request.ctx);
  });

  app.get(
    '/attribution-rules',
    { schema: { tags: ['attribution-rules'], querystring: z.strictObject({ org: code.optional() }) } },
    async (request) => ({ items: await listAttributionRules(request.ctx, request.query.org) }),
  );

  app.post(
    '/attribution-rules',
    { schema: { tags: ['attribution-rules'], body: attributionRuleInput } },
    async (request, reply) =>
      reply.status(201).send({ id: await addAttributionRule(request.ctx, request.body) }),
  );

  app.delete(
    '/attribution-rules/:id',
    { schema: { tags: ['attribution-rules'], params: idParams } },
    async (request, reply) => {
      await removeAttributionRule(request.ctx, request.params.id);
      return reply.status(204).send();
    },
  );
};
