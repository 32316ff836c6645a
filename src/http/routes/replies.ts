/**
 * What a route answers, for its `schema.response`: each success under a description, and the error envelope
 * under each status the route can refuse with. The server checks every JSON answer against these schemas before
 * sending it (app.ts), so the API document cannot promise a shape a route does not send.
 */
import { z } from 'zod';
import { errorEnvelope } from '../../shared/error-envelope.js';

const REFUSALS = {
  400:
    'The request is not valid: `validation_failed` with the fields at fault, or an input the server could not ' +
    'accept (a period, a date, a file)',
  401: 'Not signed in: no session cookie or API token, or an expired one (`unauthenticated`)',
  403:
    'Not allowed for this user (`forbidden`), or a state-changing request under a session without its ' +
    '`X-CSRF-Token` header (`csrf_invalid`)',
  404: 'No such record among those the user may see (`not_found`)',
  409: 'The change conflicts with the stored records: a code already taken, a record still referred to, a step out of order',
  413: 'The file is larger than the server accepts (`upload_too_large`)',
  415: 'The file type is not accepted (`upload_type`)',
  429: 'Too many requests: try again later (`rate_limited`; `login_throttled` with a Retry-After header)',
  500: 'An unexpected failure, told with the request id to look for in the server log (`internal_error`)',
} as const;

export type RefusalStatus = Exclude<keyof typeof REFUSALS, 500>;

interface Reply<S extends z.ZodType = z.ZodType> {
  description: string;
  content: Record<string, { schema: S }>;
}

/** A JSON answer. */
export function json<S extends z.ZodType>(description: string, schema: S): Reply<S> {
  return { description, content: { 'application/json': { schema } } };
}

/** An answer without a body (204). */
export const noContent = (description: string) => ({ description, content: {} });

/** A file in one of these content types: the bytes of the file, not JSON. */
export function file(description: string, contentTypes: readonly string[]): Reply {
  const bytes = z.string().meta({ format: 'binary' });
  // The media type alone: a charset parameter is no part of an OpenAPI content key.
  const media = contentTypes.map((type) => type.split(';')[0]!.trim());
  return { description, content: Object.fromEntries(media.map((type) => [type, { schema: bytes }])) };
}

const refusal = (status: keyof typeof REFUSALS): Reply<typeof errorEnvelope> =>
  json(REFUSALS[status], errorEnvelope);

/** The route's `schema.response`: its successes, the refusals it can answer, and the unexpected failure. */
export function replies<S extends Record<number, Reply | ReturnType<typeof noContent>>>(
  successes: S,
  ...refusals: RefusalStatus[]
) {
  const errors = Object.fromEntries([...refusals, 500 as const].map((status) => [status, refusal(status)]));
  return { ...successes, ...errors } as S & Record<RefusalStatus | 500, Reply<typeof errorEnvelope>>;
}
