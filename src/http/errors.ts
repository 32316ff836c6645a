/**
 * One error envelope for every failure: `{error: {code, message, fields?}}`, the message in the user's language.
 * Only this module maps error kinds to HTTP statuses; the envelope's schema is src/shared/error-envelope.ts.
 */
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import {
  DomainError,
  ForbiddenError,
  NotFoundError,
  UnauthenticatedError,
  ValidationError,
  ConflictError,
} from '../domain/errors.js';
import { describeFieldIssue, ERROR_TEXTS, type ErrorCode, interpolate } from '../shared/messages.js';
import type { ErrorEnvelope } from '../shared/error-envelope.js';
import type { FieldIssue } from '../shared/field-issue.js';
import type { UiLang } from '../shared/vocabulary.js';

export function statusOf(error: DomainError): number {
  if (error instanceof ValidationError) return 400;
  if (error instanceof UnauthenticatedError) return 401;
  if (error instanceof ForbiddenError) return 403;
  if (error instanceof NotFoundError) return 404;
  if (error instanceof ConflictError) return 409;
  if (error.code === 'csrf_invalid') return 403;
  if (error.code === 'rate_limited' || error.code === 'login_throttled') return 429;
  if (error.code === 'token_needs_session') return 403;
  if (error.code === 'upload_too_large') return 413;
  if (error.code === 'upload_type') return 415;
  // The rest are inputs a use case could not accept: a period, an option, a file.
  return 400;
}

export function envelope(
  lang: UiLang,
  code: ErrorCode,
  params: Record<string, string | number> = {},
  record?: string,
  fields: readonly FieldIssue[] = [],
): ErrorEnvelope {
  return {
    error: {
      code,
      message: interpolate(ERROR_TEXTS[lang][code], params),
      ...(record ? { record } : {}),
      ...(fields.length > 0
        ? { fields: fields.map((issue) => ({ ...issue, message: describeFieldIssue(issue, lang) })) }
        : {}),
    },
  };
}

/** The reply for any error a request ran into; unexpected ones are logged and told as `internal_error`. */
export function replyWithError(error: FastifyError | Error, request: FastifyRequest, reply: FastifyReply) {
  const lang = request.lang;
  if (error instanceof DomainError) {
    // A throttled sign-in says when to try again, to people in the message and to programs in the header.
    if (error.code === 'login_throttled') reply.header('retry-after', String(error.params['seconds']));
    return reply
      .status(statusOf(error))
      .send(envelope(lang, error.code, error.params, error.record, error.fields));
  }
  const status = (error as FastifyError).statusCode;
  if (status === 429) return reply.status(429).send(envelope(lang, 'rate_limited', { seconds: 60 }));
  if (status === 413 || (error as FastifyError).code === 'FST_REQ_FILE_TOO_LARGE') {
    return reply
      .status(413)
      .send(envelope(lang, 'upload_too_large', { limit: request.server.uploadLimitMb }));
  }
  if (status === 415)
    return reply
      .status(415)
      .send(envelope(lang, 'upload_type', { type: String(request.headers['content-type'] ?? '?') }));
  if (status !== undefined && status >= 400 && status < 500) {
    // Malformed requests Fastify itself refuses (bad JSON, wrong content type): the detail is technical.
    return reply
      .status(status)
      .send(
        envelope(lang, 'validation_failed', {}, undefined, [
          { path: '(request)', code: 'invalid', params: { detail: error.message } },
        ]),
      );
  }
  request.log.error({ err: error }, 'request failed');
  return reply.status(500).send(envelope(lang, 'internal_error', { requestId: String(request.id) }));
}
