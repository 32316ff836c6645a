/** The audit log of the caller's subtree, and restoring a deleted record from it. */
import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { getAuditEntry, listAudit } from '../../services/audit.service.js';
import { REGISTRY_KINDS, restoreRecord } from '../../services/registry.service.js';
import { AUDIT_ACTIONS } from '../../shared/vocabulary.js';
import { auditEntryAnswer } from '../../shared/work.schema.js';
import { idParams, paging } from './common.js';
import { json, replies } from './replies.js';

const auditQuery = z.strictObject({
  resource: z.string().max(40).optional(),
  recordId: z.coerce.number().int().positive().optional(),
  action: z.enum(AUDIT_ACTIONS).optional(),
  ...paging,
});

export const auditRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['audit'];
  const list = {
    tags,
    operationId: 'listAudit',
    summary: 'The audit log of the caller’s subtree, newest first',
    querystring: auditQuery,
    response: replies(
      {
        200: json(
          'A page of entries',
          z.object({ items: z.array(auditEntryAnswer), page: z.number().int(), pageSize: z.number().int() }),
        ),
      },
      400,
      401,
      403,
    ),
  };
  app.get('/audit', { schema: list }, async (request) => {
    const { page, pageSize, ...filter } = request.query;
    const items = await listAudit(request.ctx, { ...filter, limit: pageSize, offset: (page - 1) * pageSize });
    return { items, page, pageSize };
  });
  const one = {
    tags,
    operationId: 'getAuditEntry',
    summary: 'One entry of the audit log, with the record before and after',
    params: idParams,
    response: replies({ 200: json('The entry', auditEntryAnswer) }, 400, 401, 403, 404),
  };
  app.get('/audit/:id', { schema: one }, (request) => getAuditEntry(request.ctx, request.params.id));
  const restore = {
    tags,
    operationId: 'restoreRecord',
    summary: 'Restore the record a deletion in the audit log removed',
    params: idParams,
    response: replies(
      {
        200: json(
          'The record restored: its kind and id, to read it at `/api/v1/{resource}/{id}`',
          z.object({ resource: z.enum(REGISTRY_KINDS), id: z.number().int() }),
        ),
      },
      400,
      401,
      403,
      404,
      409,
    ),
  };
  app.post('/audit/:id/restore', { schema: restore }, async (request) => {
    const { kind, row } = await restoreRecord(request.ctx, request.params.id);
    return { resource: kind, id: row.id };
  });
};
