/** Building what mappers yield. */
import type { z } from 'zod';
import { type FieldIssue, fieldIssuesOf } from '../shared/field-issue.js';
import type { Mapped, RecordRef } from './types.js';

/** Characters of a value quoted in a rejection: a file's 2 MB string is not kept a thousand times over. */
const QUOTED_CHARS = 100;

const clipped = (params: Record<string, string | number>) =>
  Object.fromEntries(
    Object.entries(params).map(([key, value]) => [
      key,
      typeof value === 'string' && value.length > QUOTED_CHARS ? `${value.slice(0, QUOTED_CHARS)}…` : value,
    ]),
  );

/** A record rejected for the issues of its fields. */
export function rejected(file: string, record: RecordRef, issues: readonly FieldIssue[]): Mapped {
  return {
    kind: 'rejected',
    rejections: issues.map((issue) => ({
      file,
      record,
      field: issue.path,
      code: issue.code,
      ...(issue.params ? { params: clipped(issue.params) } : {}),
    })),
  };
}

/** A record rejected for one field. */
export function rejectedField(
  file: string,
  record: RecordRef,
  field: string,
  code: string,
  params?: Record<string, string | number>,
): Mapped {
  return rejected(file, record, [{ path: field, code, ...(params ? { params } : {}) }]);
}

/** The record as the schema reads it, or its rejection naming every field of the wrong type. */
export function shaped<T>(
  schema: z.ZodType<T>,
  value: unknown,
  file: string,
  record: RecordRef,
): { value: T } | { rejected: Mapped } {
  const parsed = schema.safeParse(value);
  return parsed.success
    ? { value: parsed.data }
    : { rejected: rejected(file, record, fieldIssuesOf(parsed.error, value)) };
}
