/**
 * Domain errors carry a stable code, the parameters of their message and, for invalid input, the fields at fault.
 * Texts live in shared/messages; only the http layer maps codes to statuses.
 */
import type { FieldIssue } from '../shared/field-issue.js';
import { describeError, type ErrorCode } from '../shared/messages.js';

export type { ErrorCode, FieldIssue };

export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly params: Record<string, string | number> = {},
    /** The record the error is about, e.g. `organization abai-semey` or `row 12`. */
    readonly record?: string,
    readonly fields: readonly FieldIssue[] = [],
  ) {
    super(describeError({ code, params, record, fields }, 'en'));
    this.name = 'DomainError';
  }
}

export class ValidationError extends DomainError {
  constructor(record: string | undefined, fields: readonly FieldIssue[]) {
    super('validation_failed', {}, record, fields);
    this.name = 'ValidationError';
  }
}

export class NotFoundError extends DomainError {
  constructor(code: ErrorCode, params: Record<string, string | number>, record?: string) {
    super(code, params, record);
    this.name = 'NotFoundError';
  }
}

export class ConflictError extends DomainError {
  constructor(
    code: ErrorCode,
    params: Record<string, string | number>,
    record?: string,
    fields: FieldIssue[] = [],
  ) {
    super(code, params, record, fields);
    this.name = 'ConflictError';
  }
}

/** The caller's role may not do this (the record itself may well be in scope). */
export class ForbiddenError extends DomainError {
  constructor(role: string) {
    super('forbidden', { role });
    this.name = 'ForbiddenError';
  }
}

/** No signed-in user, or the sign-in failed. */
export class UnauthenticatedError extends DomainError {
  constructor(code: 'unauthenticated' | 'login_failed' = 'unauthenticated', params = {}) {
    super(code, params);
    this.name = 'UnauthenticatedError';
  }
}
