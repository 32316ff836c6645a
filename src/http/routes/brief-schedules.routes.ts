/**
 * Briefs e-mailed on a schedule: `GET /brief-schedules` lists those of the caller's scope, `POST` adds one,
 * `DELETE /brief-schedules/:id` stops one; an administrator or a manager of the organization only
 * (brief-schedule.service.ts).
 */
import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  addBriefSchedule,
  listBriefSchedules,
  removeBriefSchedule,
} from '../../services/brief-schedule.service.js';
import { briefScheduleInput } from '../../shared/brief-schedule.schema.js';
import { briefScheduleAnswer } from '../../shared/work.schema.js';
import { idParams } from './common.js';
import { json, noContent, replies } from './replies.js';

export const briefScheduleRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['briefs'];
  const list = {
    tags,
    operationId: 'listBriefSchedules',
    summary: 'The briefs e-mailed on a schedule in the caller’s scope',
    response: replies(
      { 200: json('The schedules', z.object({ items: z.array(briefScheduleAnswer) })) },
      401,
      403,
    ),
  };
  app.get('/brief-schedules', { schema: list }, async (request) => ({
    items: await listBriefSchedules(request.ctx),
  }));
  const add = {
    tags,
    operationId: 'addBriefSchedule',
    summary: 'E-mail an organization’s brief every month, quarter, half or year',
    body: briefScheduleInput,
    response: replies({ 201: json('The schedule added', briefScheduleAnswer) }, 400, 401, 403, 404, 409),
  };
  app.post('/brief-schedules', { schema: add }, async (request, reply) =>
    reply.status(201).send(await addBriefSchedule(request.ctx, request.body)),
  );
  const remove = {
    tags,
    operationId: 'removeBriefSchedule',
    summary: 'Stop a scheduled brief',
    params: idParams,
    response: replies({ 204: noContent('Stopped') }, 400, 401, 403, 404),
  };
  app.delete('/brief-schedules/:id', { schema: remove }, async (request, reply) => {
    await removeBriefSchedule(request.ctx, request.params.id);
    return reply.status(204).send();
  });
};
