/** The error a failed import's batch keeps. */
import { DomainError } from '../../domain/errors.js';
import type { FieldIssue } from '../../shared/field-issue.js';
import type { ErrorCode } from '../../shared/messages.js';

/** An error kept with a failed import, told in the reader's language when read. */
export interface ImportError {
  code: ErrorCode;
  params: Record<string, string | number>;
  record?: string;
  fields?: FieldIssue[];
}

/** What a batch keeps of a failure: a DomainError as it is, anything else as an internal error. */
export function importErrorOf(error: unknown, params: Record<string, string> = {}): ImportError {
  if (!(error instanceof DomainError)) return { code: 'internal_error', params };
  return {
    code: error.code,
    params: error.params,
    ...(error.record ? { record: error.record } : {}),
    ...(error.fields.length > 0 ? { fields: [...error.fields] } : {}),
  };
}
