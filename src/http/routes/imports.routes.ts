/**
 * Imports over HTTP: a multipart upload (one file and the options of `aqparat import`) answered 202 with the
 * batch that then fills in the background; the batches with their progress, rejections and errors; undo; and
 * the blank spreadsheets to fill and import.
 */
import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ValidationError } from '../../domain/errors.js';
import { buildTemplate } from '../../services/import/template.service.js';
import type { ImportSummary } from '../../services/import.service.js';
import {
  getUpload,
  type ImportView,
  listUploadRejections,
  listUploads,
  startUpload,
  type StoredUpload,
  storeUpload,
  undoUpload,
} from '../../services/upload.service.js';
import { type ImportNote, toldNotes } from '../../shared/import-notes.js';
import { describeRejection, type Rejection } from '../../shared/import-report.js';
import { describeError } from '../../shared/messages.js';
import { SHEET_KINDS, UI_LANGS, type UiLang } from '../../shared/vocabulary.js';
import {
  importBatchAnswer,
  importCheckAnswer,
  importStartedAnswer,
  rejectionPageAnswer,
  undoAnswer,
} from '../../shared/work.schema.js';
import { idParams } from './common.js';
import { CONTENT_TYPES, sendFile } from './download.js';
import { file, json, replies } from './replies.js';

const XLSX = CONTENT_TYPES['.xlsx'] ?? 'application/octet-stream';

const noFile = () => new ValidationError('upload', [{ path: 'file', code: 'required' }]);

const withMessages = (rejections: readonly Rejection[], lang: UiLang) =>
  rejections.map((rejection) => ({ ...rejection, message: describeRejection(rejection, lang) }));

/** Rejections, notes and the error of an import, each with its message in the reader's language. */
function told<T extends { rejections: Rejection[]; notes: ImportNote[]; error?: ImportView['error'] }>(
  batch: T,
  lang: UiLang,
) {
  return {
    ...batch,
    notes: toldNotes(batch.notes, lang),
    rejections: withMessages(batch.rejections, lang),
    ...(batch.error ? { error: { ...batch.error, message: describeError(batch.error, lang) } } : {}),
  };
}

export const importRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['imports'];
  /** Imports this process runs: a closing server lets them finish, or their batches would stay `running`. */
  const running = new Set<Promise<void>>();
  app.addHook('onClose', async () => {
    await Promise.all(running);
  });

  app.post(
    '/imports',
    {
      schema: {
        tags,
        operationId: 'uploadImport',
        summary: 'Import a file: posts, followers, records',
        consumes: ['multipart/form-data'],
        description:
          'multipart/form-data: one file (`file`: JSON, CSV, XLSX, XML/RSS/Atom, HTML, ZIP or TXT) and the ' +
          'fields `channel`, `chat`, `dryRun`, `strict` and `acceptChatType` ("true"/"false"; the last imports ' +
          'a Telegram group or personal chat, which is refused otherwise). Answers 202 with the batch, ' +
          'which fills in the background (GET /imports/{id}); a dry run answers 200 with the counts.',
        response: replies(
          {
            200: json('A dry run’s counts and rejections; nothing stored', importCheckAnswer),
            202: json('The batch, filling in the background', importStartedAnswer),
          },
          400,
          401,
          403,
          404,
          409,
          413,
          415,
        ),
      },
    },
    async (request, reply) => {
      if (!request.isMultipart()) throw noFile();
      const fields: Record<string, unknown> = {};
      let stored: StoredUpload | undefined;
      try {
        for await (const part of request.parts()) {
          if (part.type === 'field') fields[part.fieldname] = part.value;
          else {
            stored = await storeUpload(request.ctx, {
              fileName: part.filename,
              stream: part.file,
              limitMb: app.uploadLimitMb,
            });
          }
        }
      } catch (error) {
        await stored?.remove();
        throw error;
      }
      if (!stored) throw noFile();
      const outcome = await startUpload(request.ctx, stored, fields, request.id);
      if (outcome.kind === 'checked') return told<ImportSummary>(outcome.summary, request.lang);
      running.add(outcome.finished);
      void outcome.finished.then(() => running.delete(outcome.finished));
      return reply.status(202).header('location', `/api/v1/imports/${outcome.batch.id}`).send(outcome.batch);
    },
  );

  app.get(
    '/imports',
    {
      schema: {
        tags,
        operationId: 'listImports',
        summary: 'The latest imports of the caller’s subtree, newest first',
        querystring: z.strictObject({ limit: z.coerce.number().int().min(1).max(500).default(50) }),
        response: replies(
          { 200: json('The batches', z.object({ items: z.array(importBatchAnswer) })) },
          400,
          401,
          403,
        ),
      },
    },
    async (request) => ({
      items: (await listUploads(request.ctx, request.query.limit)).map((batch) => told(batch, request.lang)),
    }),
  );

  const one = {
    tags,
    operationId: 'getImport',
    summary: 'One import with its progress, counts, first rejections and error',
    params: idParams,
    response: replies({ 200: json('The batch', importBatchAnswer) }, 400, 401, 403, 404),
  };
  app.get('/imports/:id', { schema: one }, async (request) =>
    told(await getUpload(request.ctx, request.params.id), request.lang),
  );

  app.get(
    '/imports/:id/rejections',
    {
      schema: {
        tags,
        operationId: 'listImportRejections',
        summary: 'A page of an import’s rejections',
        description:
          "A page of the import's rejections in the file's order, each with its message; `total` counts them all " +
          '(a batch shows the first 100 and `rejectionsTotal`).',
        params: idParams,
        querystring: z.strictObject({
          offset: z.coerce.number().int().min(0).default(0),
          limit: z.coerce.number().int().min(1).max(1000).default(100),
        }),
        response: replies(
          { 200: json('The rejections, each with its message', rejectionPageAnswer) },
          400,
          401,
          403,
          404,
        ),
      },
    },
    async (request) => {
      const page = await listUploadRejections(request.ctx, request.params.id, request.query);
      return { ...page, items: withMessages(page.items, request.lang) };
    },
  );

  const undo = {
    tags,
    operationId: 'undoImport',
    summary: 'Undo an import: delete what it created, restore what it changed',
    params: idParams,
    response: replies({ 200: json('What was removed and restored', undoAnswer) }, 400, 401, 403, 404, 409),
  };
  app.post('/imports/:id/undo', { schema: undo }, (request) => undoUpload(request.ctx, request.params.id));

  app.get(
    '/templates/:kind',
    {
      schema: {
        tags,
        operationId: 'downloadTemplate',
        summary: 'A blank spreadsheet to fill and import',
        params: z.strictObject({ kind: z.enum(SHEET_KINDS) }),
        querystring: z.strictObject({ lang: z.enum(UI_LANGS).optional() }),
        response: replies({ 200: file('The spreadsheet', [XLSX]) }, 400, 401, 403),
      },
    },
    async (request, reply) => {
      const { kind } = request.params;
      const lang = request.query.lang ?? request.lang;
      const content = await buildTemplate(request.ctx, kind, lang);
      return sendFile(reply, { fileName: `aqparat-${kind}-${lang}.xlsx`, content });
    },
  );
};
