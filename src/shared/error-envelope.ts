/**
 * The one shape every refused or failed request answers: `{error: {code, message, record?, fields?}}`, the
 * message in the user's language. The server's error handler writes it (src/http/errors.ts); the API document
 * and the web client read this schema.
 */
import { z } from 'zod';
import { ERROR_CODES } from './messages.js';

export const fieldIssueAnswer = z.object({
  /** The field at fault, e.g. `body.period` or `file`. */
  path: z.string(),
  code: z.string(),
  params: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
  message: z.string(),
});

export const errorEnvelope = z
  .object({
    error: z.object({
      code: z.enum(ERROR_CODES),
      message: z.string(),
      /** The record at fault, e.g. `person Иванова`. */
      record: z.string().optional(),
      fields: z.array(fieldIssueAnswer).optional(),
    }),
  })
  .meta({ id: 'ErrorEnvelope', description: 'An error: its code, and its message in the user’s language' });

export type ErrorEnvelope = z.infer<typeof errorEnvelope>;
