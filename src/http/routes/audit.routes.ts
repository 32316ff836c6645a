/** The audit log of the caller's subtree, and restoring a deleted record from it. */
import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { getAuditEntry, listAudit } from '../../services/audit.service.js';
import { restoreRecord } from '../../services/registry.service.js';
import { AUDIT_ACTIONS } from '../../shared/vocabulary.js';
import { idParams, paging } from './common.js';

const auditQuery = z.strictObject({
  resource: z.string().max(40).optional(),
  recordId: z.coerce.number().int().positive().optional(),
  action: z.enum(AUDIT_ACTIONS).optional(),
  ...paging,
});

export const auditRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/audit', { schema: { tags: ['audit'], querystring: auditQuery } }, async (request) => {
    const { page, pageSize, ...filter } = request.query;
    const items = await listAudit(request.ctx, { ...filter, limit: pageSize, offset: (page - 1) * pageSize });
    return { items, page, pageSize };
  });
  app.get('/audit/:id', { schema: { tags: ['audit'], params: idParams } }, (request) =>
    getAuditEntry(request.ctx, request.params.id),
  );
  app.post('/audit/:id/restore', { schema: { tags: ['audit'], params: idParams } }, (request) =>
    restoreRecord(request.ctx, request.params.id),
  );
};
