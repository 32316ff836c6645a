/** The messages between the server and the process that runs its uploads' imports (import-process.ts). */
import type { Actor } from '../../policies/actor.js';
import type { ImportRequest, ImportSummary } from '../import.service.js';
import type { ErrorInfo } from './reader-process.protocol.js';

/** An import to run: on which database (what `--db` takes), for whom, and what. */
export interface ImportTask {
  id: number;
  db: string;
  actor: Actor;
  request: Omit<ImportRequest, 'onProgress'>;
}

/** A domain error's parts and its kind (the class the server's answer depends on); else a failure of our own. */
export type TaskError =
  (ErrorInfo & { type: 'domain'; kind: string }) | { type: 'internal'; message: string };

export type FromImport =
  { id: number; type: 'done'; summary: ImportSummary } | { id: number; type: 'error'; error: TaskError };
