/**
 * A failure carried from another process or thread (the import process, the measures' worker) back to the one
 * that answers: a domain error becomes the same kind of error here, so that the server answers with the same
 * status and message as if the work had been done in its own thread.
 */
import {
  ConflictError,
  DomainError,
  ForbiddenError,
  NotFoundError,
  UnauthenticatedError,
  ValidationError,
} from '../domain/errors.js';
import type { ErrorInfo } from './import/reader-process.protocol.js';

/** A domain error's parts and its kind (the class the server's answer depends on); else a failure of our own. */
export type TaskError =
  (ErrorInfo & { type: 'domain'; kind: string }) | { type: 'internal'; message: string };

export function describeTaskError(error: unknown): TaskError {
  if (error instanceof DomainError) {
    const { code, params, record, fields, name } = error;
    return { type: 'domain', kind: name, code, params, record, fields: [...fields] };
  }
  return { type: 'internal', message: error instanceof Error ? error.message : String(error) };
}

/** A DomainError of the kind thrown where the work ran; an internal failure named after that place. */
export function reviveTaskError(error: TaskError, where: string): Error {
  if (error.type === 'internal') return new Error(`${where}: ${error.message}`);
  const { code, params, record, fields } = error;
  if (error.kind === 'ValidationError') return new ValidationError(record, fields);
  if (error.kind === 'NotFoundError') return new NotFoundError(code, params, record);
  if (error.kind === 'ConflictError') return new ConflictError(code, params, record, fields);
  if (error.kind === 'ForbiddenError') return new ForbiddenError(String(params['role'] ?? ''));
  if (error.kind === 'UnauthenticatedError')
    return new UnauthenticatedError(code === 'login_failed' ? code : 'unauthenticated', params);
  return new DomainError(code, params, record, fields);
}
