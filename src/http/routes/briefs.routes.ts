/**
 * The brief of an organization for a period. It is written when downloaded (a region's takes well under a
 * second), so nothing is kept between requests; `POST /briefs` checks a request and answers the links to its files.
 */
import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { parsePeriod } from '../../domain/period.js';
import {
  BRIEF_FORMATS,
  type BriefRequest,
  planBrief,
  type RenderedBrief,
  renderBrief,
} from '../../services/brief.service.js';
import { briefFileNameFor } from '../../services/export.service.js';
import { briefPlanAnswer } from '../../shared/work.schema.js';
import { REPORT_LANGS } from '../../shared/vocabulary.js';
import { asOfParam, orgParam, periodParam } from './common.js';
import { CONTENT_TYPES, DISPOSITIONS, sendFile } from './download.js';
import { file, json, replies } from './replies.js';

const BRIEF_CONTENT_TYPES = BRIEF_FORMATS.map(
  (format) => CONTENT_TYPES[`.${format}`] ?? 'application/octet-stream',
);

/** What a brief is of: an organization, a period as users write it (`2023`, `2024-H1`, `a..b`), a language. */
const briefOf = {
  org: orgParam,
  period: periodParam.min(1),
  lang: z.enum(REPORT_LANGS).default('ru'),
  /** The date members and followers are taken at; the period's end by default. */
  asOf: asOfParam,
  /** Earlier whole years beside the period in the year-by-year tables. */
  compareYears: z.coerce.number().int().min(0).max(10).optional(),
};

const downloadQuery = z.strictObject({
  ...briefOf,
  format: z.enum(BRIEF_FORMATS),
  /** `inline` to show the HTML in a preview rather than save it. */
  disposition: z.enum(DISPOSITIONS).default('attachment'),
});

const briefInput = z.strictObject({
  ...briefOf,
  formats: z
    .array(z.enum(BRIEF_FORMATS))
    .min(1)
    .default([...BRIEF_FORMATS]),
});

function briefRequest(query: {
  org: string;
  period: string;
  asOf?: string | undefined;
  compareYears?: number | undefined;
}): Omit<BriefRequest, 'lang'> {
  const period = parsePeriod(query.period);
  return {
    org: query.org,
    from: period.from,
    to: period.to,
    ...(query.asOf ? { asOf: query.asOf } : {}),
    ...(query.compareYears !== undefined ? { compareYears: query.compareYears } : {}),
  };
}

export const briefRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['briefs'];
  const plan = {
    tags,
    operationId: 'planBrief',
    summary: 'Check a brief’s request and get the links that write and download its files',
    body: briefInput,
    response: replies(
      { 200: json('The brief’s files, each with its link', briefPlanAnswer) },
      400,
      401,
      403,
      404,
    ),
  };
  app.post('/briefs', { schema: plan }, async (request) => {
    const brief = briefRequest(request.body);
    const files = await planBrief(request.ctx, brief, [request.body.lang], request.body.formats);
    return {
      org: brief.org,
      from: brief.from,
      to: brief.to,
      lang: request.body.lang,
      files: await Promise.all(
        files.map(async (file) => {
          const query = new URLSearchParams({
            org: brief.org,
            period: `${brief.from}..${brief.to}`,
            lang: file.lang,
            format: file.format,
            ...(brief.asOf ? { asOf: brief.asOf } : {}),
            ...(brief.compareYears !== undefined ? { compareYears: String(brief.compareYears) } : {}),
          });
          const fileName = await briefFileNameFor(request.ctx, brief, file.lang, file.format);
          return { format: file.format, fileName, url: `/api/v1/briefs/download?${query}` };
        }),
      ),
    };
  });

  app.get(
    '/briefs/download',
    {
      schema: {
        tags,
        operationId: 'downloadBrief',
        summary: 'Write and download a brief in one language and format',
        querystring: downloadQuery,
        response: replies({ 200: file('The brief’s file', BRIEF_CONTENT_TYPES) }, 400, 401, 403, 404),
      },
    },
    async (request, reply) => {
      const { lang, format, disposition } = request.query;
      // One language and one format asked: one file.
      const brief = briefRequest(request.query);
      const [file] = await renderBrief(request.ctx, brief, [lang], [format]);
      // The name a person would give it, rather than the command line's (`brief-abai-….docx`).
      const fileName = await briefFileNameFor(request.ctx, brief, lang, format);
      return sendFile(reply, { ...(file as RenderedBrief), fileName }, disposition);
    },
  );
};
