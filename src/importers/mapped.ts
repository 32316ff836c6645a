/** Building what mappers yield. */
import type { FieldIssue } from '../shared/field-issue.js';
import type { Mapped, RecordRef } from './types.js';

/** A record rejected for the issues of its fields. */
export function rejected(file: string, record: RecordRef, issues: readonly FieldIssue[]): Mapped {
  return {
    kind: 'rejected',
    rejections: issues.map((issue) => ({
      file,
      record,
      field: issue.path,
      code: issue.code,
      ...(issue.params ? { params: issue.params } : {}),
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
