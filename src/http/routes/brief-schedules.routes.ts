/**
 * Briefs e-mailed on a schedule: `GET /brief-schedules` lists those of the caller's scope, `POST` adds one,
 * `DELETE /brief-schedules/:id` stops one; an administrator or a manager of the organization only
 * (brief-schedule.service.ts).
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  addBriefSchedule,
  briefScheduleInput,
  listBriefSchedules,
  removeBriefSchedule,
} from '../../services/brief-schedule.service.js';
import { idParams } from './common.js';

export const briefScheduleRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['briefs'];
  app.get('/brief-schedules', { schema: { tags } }, async (request) => ({
    items: await listBriefSchedules(request.ctx),
  }));
  app.post('/brief-schedules', { schema: { tags, body: briefScheduleInput } }, async (request, reply) =>
    reply.status(201).send(await addBriefSchedule(request.ctx, request.body)),
  );
  app.delete('/brief-schedules/:id', { schema: { tags, params: idParams } }, async (request, reply) => {
    await removeBriefSchedule(request.ctx, request.params.id);
    return reply.status(204).send();
  });
};
