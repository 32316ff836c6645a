/** Input validation at the door of every use case. */
import type { z } from 'zod';
import { ValidationError } from '../domain/errors.js';
import { fieldIssuesOf } from '../shared/field-issue.js';

/** The parsed input, or a ValidationError naming the record and each field at fault. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown, record: string): z.output<S> {
  const result = schema.safeParse(input);
  if (!result.success) throw new ValidationError(record, fieldIssuesOf(result.error, input));
  return result.data;
}
