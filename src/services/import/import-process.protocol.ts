/** The messages between the server and the process that runs its uploads' imports (import-process.ts). */
import type { Actor } from '../../policies/actor.js';
import type { ImportRequest, ImportSummary } from '../import.service.js';
import type { TaskError } from '../task-error.js';

/** An import to run: on which database (what `--db` takes), for whom, and what. */
export interface ImportTask {
  id: number;
  db: string;
  actor: Actor;
  request: Omit<ImportRequest, 'onProgress'>;
}

export type FromImport =
  { id: number; type: 'done'; summary: ImportSummary } | { id: number; type: 'error'; error: TaskError };
