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
  type RegistryKind,
  updateRecord,
} from '../../services/registry.service.js';
import { pageAnswer, RECORD_ANSWERS } from '../../shared/records.schema.js';
import { taskInput } from '../../shared/schemas.js';
import { idParams, orgPeriod, paging, periodOf } from './common.js';
import { json, noContent, replies } from './replies.js';

export const listQuery = z.strictObject({
  ...orgPeriod,
  ...paging,
  /** The record these belong to: a channel's audience snapshots, a decision's tasks, an outlet's mentions. */
  parentId: z.coerce
    .number()
    .int()
    .positive()
    .meta({ description: 'The record these belong to (a channel, a decision, an outlet)', example: 1 })
    .optional(),
});

/** How the document names a kind's records, one and many. */
const NAMES: Readonly<Record<RegistryKind, [string, string]>> = {
  membership: ['membership figure', 'membership figures'],
  people: ['person', 'people'],
  channels: ['channel', 'channels'],
  audience: ['audience snapshot', 'audience snapshots'],
  outlets: ['media outlet', 'media outlets'],
  mentions: ['media mention', 'media mentions'],
  subscriptions: ['press subscription', 'press subscriptions'],
  materials: ['material', 'materials'],
  events: ['event', 'events'],
  decisions: ['decision', 'decisions'],
  tasks: ['task of a decision', 'tasks of decisions'],
  'app-usage': ['app usage figure', 'app usage figures'],
  targets: ['target', 'targets'],
};

/** `channels` → `Channels`, `app-usage` → `AppUsage`: the kind in an operation's id. */
const capitalized = (kind: string) =>
  kind.replace(/(?:^|-)(\w)/g, (_, letter: string) => letter.toUpperCase());

export const registryRoutes: FastifyPluginAsyncZod = async (app) => {
  for (const kind of REGISTRY_KINDS) {
    const def = REGISTRY[kind];
    const tags = [kind];
    const [one, many] = NAMES[kind];
    const row = RECORD_ANSWERS[kind];
    const Kind = capitalized(kind);
    const list = {
      tags,
      operationId: `list${Kind}`,
      summary: `The ${many} of the caller’s subtree, a page at a time`,
      querystring: listQuery,
      response: replies({ 200: json(`A page of ${many}`, pageAnswer(row)) }, 400, 401, 403, 404),
    };
    app.get(`/${kind}`, { schema: list }, (request) => {
      const { org, period, parentId, page, pageSize } = request.query;
      return listRecords(request.ctx, kind, {
        ...(org ? { org } : {}),
        ...(period ? { period: periodOf(period) } : {}),
        ...(parentId ? { parentId } : {}),
        page,
        pageSize,
      });
    });
    const get = {
      tags,
      operationId: `get${Kind}Record`,
      summary: `One ${one}`,
      params: idParams,
      response: replies({ 200: json(`The ${one}`, row) }, 400, 401, 403, 404),
    };
    app.get(`/${kind}/:id`, { schema: get }, (request) => getRecord(request.ctx, kind, request.params.id));
    if (kind !== 'tasks') {
      const create = {
        tags,
        operationId: `create${Kind}Record`,
        summary: `Add a ${one}`,
        body: REGISTRY[kind].input,
        response: replies({ 201: json(`The ${one} added`, row) }, 400, 401, 403, 404, 409),
      };
      app.post(`/${kind}`, { schema: create }, async (request, reply) =>
        reply.status(201).send(await createRecord(request.ctx, kind, request.body)),
      );
    }
    const change = {
      tags,
      operationId: `change${Kind}Record`,
      summary: `Change a ${one}: the fields given, the others as they were`,
      params: idParams,
      body: def.patch,
      response: replies({ 200: json(`The ${one} as changed`, row) }, 400, 401, 403, 404, 409),
    };
    app.patch(`/${kind}/:id`, { schema: change }, (request) =>
      updateRecord(request.ctx, kind, request.params.id, request.body),
    );
    const remove = {
      tags,
      operationId: `delete${Kind}Record`,
      summary: `Delete a ${one} (the audit log keeps it, to restore)`,
      params: idParams,
      response: replies({ 204: noContent('Deleted') }, 400, 401, 403, 404, 409),
    };
    app.delete(`/${kind}/:id`, { schema: remove }, async (request, reply) => {
      await deleteRecord(request.ctx, kind, request.params.id);
      return reply.status(204).send();
    });
  }

  const addTaskSchema = {
    tags: ['decisions'],
    operationId: 'addDecisionTask',
    summary: 'Add a task to a decision',
    params: idParams,
    body: taskInput,
    response: replies({ 201: json('The task added', RECORD_ANSWERS.tasks) }, 400, 401, 403, 404, 409),
  };
  app.post('/decisions/:id/tasks', { schema: addTaskSchema }, async (request, reply) =>
    reply.status(201).send(await addTask(request.ctx, request.params.id, request.body)),
  );
};
