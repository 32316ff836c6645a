/** What is wrong with one field of a record: the shape both validation and domain rules report in. */
import type { z } from 'zod';

export interface FieldIssue {
  /** Path of the field in the record, e.g. `parent` or `engagement.views`. */
  path: string;
  /** Stable code of what is wrong with it; texts are in shared/messages. */
  code: string;
  params?: Record<string, string | number>;
}

/** Turns zod's issues into field issues with stable codes, so messages can be given in the user's language. */
export function fieldIssuesOf(error: z.ZodError, input: unknown): FieldIssue[] {
  return error.issues.map((issue): FieldIssue => {
    const path = issue.path.map(String).join('.') || '(record)';
    switch (issue.code) {
      case 'invalid_type':
        return { path, code: valueAt(input, issue.path) === undefined ? 'required' : 'invalid_type' };
      case 'too_small':
        return { path, code: 'too_small', params: { min: Number(issue.minimum) } };
      case 'too_big':
        return { path, code: 'too_big', params: { max: Number(issue.maximum) } };
      case 'invalid_value':
        return { path, code: 'not_one_of', params: { values: issue.values.map(String).join(', ') } };
      case 'unrecognized_keys':
        return { path: issue.keys.join(', '), code: 'unknown_field' };
      case 'invalid_format':
        // Every link is http(s) only (schemas.ts): the message says so rather than "wrong format (url)".
        if (issue.format === 'url') return { path, code: 'not_http_url' };
        return { path, code: 'invalid_format', params: { format: issue.format } };
      case 'custom': {
        // A check of ours names its own code (schemas.ts), so its message can say what to fix.
        const code = (issue.params as { code?: unknown } | undefined)?.code;
        return typeof code === 'string'
          ? { path, code }
          : { path, code: 'invalid', params: { detail: issue.message } };
      }
      default:
        return { path, code: 'invalid', params: { detail: issue.message } };
    }
  });
}

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let value = input;
  for (const key of path) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}
