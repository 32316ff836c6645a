/** The installation's settings (rule thresholds, the presence window, the analysis) and the attribution rules. */
import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  addAttributionRule,
  listAttributionRules,
  removeAttributionRule,
} from '../../services/import/attribution.service.js';
import { changeSettings, showSettings } from '../../services/settings.service.js';
import { attributionRuleInput } from '../../shared/schemas.js';
import { settingsInput } from '../../shared/settings.schema.js';
import { attributionRuleAnswer, settingsAnswer } from '../../shared/work.schema.js';
import { idParams, orgParam } from './common.js';
import { json, noContent, replies } from './replies.js';

export const settingsRoutes: FastifyPluginAsyncZod = async (app) => {
  const show = {
    tags: ['settings'],
    operationId: 'getSettings',
    summary: 'The installation’s settings: rule thresholds, the presence window, the analysis',
    response: replies({ 200: json('The settings', settingsAnswer) }, 401, 403),
  };
  app.get('/settings', { schema: show }, (request) => showSettings(request.ctx));

  const change = {
    tags: ['settings'],
    operationId: 'changeSettings',
    summary: 'Change some settings; those not given stay',
    body: settingsInput,
    response: replies({ 200: json('The settings as changed', settingsAnswer) }, 400, 401, 403),
  };
  app.patch('/settings', { schema: change }, async (request) => {
    await changeSettings(request.ctx, request.body);
    return showSettings(request.ctx);
  });

  app.get(
    '/attribution-rules',
    {
      schema: {
        tags: ['attribution-rules'],
        operationId: 'listAttributionRules',
        summary: 'The rules that attribute publications to organizations (hashtags, places, keywords)',
        querystring: z.strictObject({ org: orgParam.optional() }),
        response: replies(
          { 200: json('The rules', z.object({ items: z.array(attributionRuleAnswer) })) },
          400,
          401,
          403,
          404,
        ),
      },
    },
    async (request) => ({ items: await listAttributionRules(request.ctx, request.query.org) }),
  );

  app.post(
    '/attribution-rules',
    {
      schema: {
        tags: ['attribution-rules'],
        operationId: 'addAttributionRule',
        summary: 'Add an attribution rule',
        body: attributionRuleInput,
        response: replies(
          { 201: json('The rule’s id', z.object({ id: z.number().int() })) },
          400,
          401,
          403,
          404,
          409,
        ),
      },
    },
    async (request, reply) =>
      reply.status(201).send({ id: await addAttributionRule(request.ctx, request.body) }),
  );

  app.delete(
    '/attribution-rules/:id',
    {
      schema: {
        tags: ['attribution-rules'],
        operationId: 'removeAttributionRule',
        summary: 'Remove an attribution rule',
        params: idParams,
        response: replies({ 204: noContent('Removed') }, 400, 401, 403, 404),
      },
    },
    async (request, reply) => {
      await removeAttributionRule(request.ctx, request.params.id);
      return reply.status(204).send();
    },
  );
};
