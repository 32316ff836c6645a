/**
 * The plain records, one set of routes a kind: `GET /{kind}` (a subtree's, paged), `GET /{kind}/:id`,
 * `POST /{kind}`, `PATCH /{kind}/:id`, `DELETE /{kind}/:id`; and the tasks of a decision.
 */
import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  addTask,
  createRecord,
  deleteRecord,
  getRecord,
  listRecords,
  REGISTRY,
  REGISTRY_KINDS,
  updateRecord,
} from '../../services/registry.service.js';
import { taskInput } from '../../shared/schemas.js';
import { idParams, orgPeriod, paging, periodOf } from './common.js';

const listQuery = z.strictObject({
  ...orgPeriod,
  ...paging,
  /** The record these belong to: a channel's audience snapshots, a decision's tasks, an outlet's mentions. */
  parentId: z.coerce.number().int().positive().optional(),
});

export const registryRoutes: FastifyPluginAsyncZod = async (app) => {
  for (const kind of REGISTRY_KINDS) {
    const def = REGISTRY[kind];
    const tags = [kind];
    app.get(`/${kind}`, { schema: { tags, querystring: listQuery } }, (request) => {
      const { org, period, parentId, page, pageSize } = request.query;
      return listRecords(request.ctx, kind, {
        ...(org ? { org } : {}),
        ...(period ? { period: periodOf(period) } : {}),
        ...(parentId ? { parentId } : {}),
        page,
        pageSize,
      });
    });
    app.get(`/${kind}/:id`, { schema: { tags, params: idParams } }, (request) =>
      getRecord(request.ctx, kind, request.params.id),
    );
    if (kind !== 'tasks') {
      app.post(`/${kind}`, { schema: { tags, body: REGISTRY[kind].input } }, async (request, reply) =>
        reply.status(201).send(await createRecord(request.ctx, kind, request.body)),
      );
    }
    app.patch(`/${kind}/:id`, { schema: { tags, params: idParams, body: def.patch } }, (request) =>
      updateRecord(request.ctx, kind, request.params.id, request.body),
    );
    app.delete(`/${kind}/:id`, { schema: { tags, params: idParams } }, async (request, reply) => {
      await deleteRecord(request.ctx, kind, request.params.id);
      return reply.status(204).send();
    });
  }

  app.post(
    '/decisions/:id/tasks',
    { schema: { tags: ['decisions'], params: idParams, body: taskInput } },
    async (request, reply) =>
      reply.status(201).send(await addTask(request.ctx, request.params.id, request.body)),
  );
};
