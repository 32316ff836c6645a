/**
 * Every list and table the UI shows, as a spreadsheet: `GET /exports/{list}?format=xlsx|csv` with the list
 * route's own filters (without paging: every row). The rows are read by the list's own use case, so the roles
 * and subtrees allowed are the list's.
 */
import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { exportList, type ExportRequest } from '../../services/export.service.js';
import { EXPORT_KINDS, exportPath } from '../../shared/export-lists.js';
import { EXPORT_TITLES } from '../../shared/export-texts.js';
import { exportFormat } from '../../shared/export.schema.js';
import { orgPeriod, periodOf } from './common.js';
import { CONTENT_TYPES, sendFile } from './download.js';
import { listQuery as publicationQuery } from './publications.routes.js';
import { listQuery as registryQuery } from './registry.routes.js';
import { file, replies } from './replies.js';

const FILE_TYPES = ['.xlsx', '.csv'].map(
  (extension) => CONTENT_TYPES[extension] ?? 'application/octet-stream',
);

const WITHOUT_PAGING = { page: true, pageSize: true } as const;

const schemaOf = <Q extends z.ZodType>(operationId: string, summary: string, querystring: Q) => ({
  tags: ['exports'],
  operationId,
  summary,
  querystring,
  response: replies({ 200: file(`${summary}: the file`, FILE_TYPES) }, 400, 401, 403, 404),
});

/** `channels` → `Channels`, `publications-by-subject-platform` → `PublicationsBySubjectPlatform`. */
const capitalized = (name: string) =>
  name.replace(/(?:^|-)(\w)/g, (_, letter: string) => letter.toUpperCase());

export const exportRoutes: FastifyPluginAsyncZod = async (app) => {
  const publications = publicationQuery.omit(WITHOUT_PAGING).extend({ format: exportFormat });
  app.get(
    exportPath('publications'),
    {
      schema: schemaOf(
        'exportPublications',
        'The publications of the caller’s subtree, filtered as the list is, as a spreadsheet',
        publications,
      ),
    },
    async (request, reply) => {
      const { format, period, ...query } = request.query;
      const asked: ExportRequest = { list: 'publications', query: { ...query, period: periodOf(period) } };
      return sendFile(reply, await exportList(request.ctx, asked, format, request.lang));
    },
  );

  const table = z.strictObject({ ...orgPeriod, format: exportFormat });
  app.get(
    exportPath('publications-by-subject-platform'),
    {
      schema: schemaOf(
        'exportPublicationsBySubjectPlatform',
        'Publications by subject organization × platform, as a spreadsheet',
        table,
      ),
    },
    async (request, reply) => {
      const { format, org, period } = request.query;
      const asked: ExportRequest = {
        list: 'publications-by-subject-platform',
        query: { org, period: periodOf(period) },
      };
      return sendFile(reply, await exportList(request.ctx, asked, format, request.lang));
    },
  );

  const records = registryQuery.omit(WITHOUT_PAGING).extend({ format: exportFormat });
  for (const kind of EXPORT_KINDS) {
    app.get(
      exportPath(kind),
      {
        schema: schemaOf(
          `export${capitalized(kind)}`,
          `${EXPORT_TITLES.en[kind]} of the caller’s subtree, as a spreadsheet`,
          records,
        ),
      },
      async (request, reply) => {
        const { format, org, period, parentId } = request.query;
        const asked: ExportRequest = { list: kind, query: { org, period: periodOf(period), parentId } };
        return sendFile(reply, await exportList(request.ctx, asked, format, request.lang));
      },
    );
  }
};
