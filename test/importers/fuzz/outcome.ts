/**
 * What reading one (mutated) file came to, and whether that is acceptable: read to its end with well-formed
 * rejections and drafts, or stopped by a domain error of a known code that names the file. Anything else — a raw
 * JavaScript error, a rejection that does not say where, a draft whose time cannot be stored, or no end within
 * the budget — is a finding.
 */
import { DomainError } from '../../../src/domain/errors.js';
import { READERS, type ReaderName } from '../../../src/importers/registry.js';
import type { Mapped } from '../../../src/importers/types.js';
import { RECORD_KINDS } from '../../../src/shared/import-report.js';
import { FIELD_ISSUE_CODES } from '../../../src/shared/messages.js';

/**
 * Codes a file that cannot be read at all may fail with (an import may also end in another `import_` code of
 * the runner's, e.g. a budget it went past, as long as it names the file).
 */
export const FILE_ERROR_CODES = new Set([
  'import_channel_required',
  'import_chat_choice',
  'import_zip_no_posts',
  'import_file_corrupt',
  'import_file_truncated',
  'import_file_unreadable',
  'import_sheet_kind_unknown',
  'import_chat_unknown',
  'import_format_unknown',
]);

export type Outcome =
  | { kind: 'read'; items: number; rejected: number }
  | { kind: 'clean'; code: string }
  | { kind: 'crash'; detail: string }
  | { kind: 'hang'; detail: string };

const FOUR_DIGIT_YEARS = { from: Date.parse('0000-01-01T00:00:00Z'), to: Date.parse('9999-12-31T23:59:59Z') };
const fieldCodes = new Set<string>(FIELD_ISSUE_CODES);
const recordKinds = new Set<string>(RECORD_KINDS);

/** What is wrong with an item, if anything. */
export function problemOf(item: Mapped, file: string): string | undefined {
  if (item.kind === 'rejected') {
    if (item.rejections.length === 0) return 'a rejection without issues';
    for (const rejection of item.rejections) {
      const { record } = rejection;
      if (rejection.file !== file) return `a rejection names file "${rejection.file}"`;
      if (!recordKinds.has(record.kind) || !Number.isSafeInteger(record.index))
        return `a rejection names record ${JSON.stringify(record)}`;
      if (typeof rejection.field !== 'string' || rejection.field === '') return 'a rejection names no field';
      if (!fieldCodes.has(rejection.code)) return `a rejection's reason "${rejection.code}" has no text`;
    }
    return undefined;
  }
  if (item.kind === 'draft' && item.draft.target === 'publication' && 'instant' in item.draft.time) {
    const at = Date.parse(item.draft.time.instant);
    if (!(at >= FOUR_DIGIT_YEARS.from && at <= FOUR_DIGIT_YEARS.to))
      return `a draft's time "${item.draft.time.instant}" cannot be stored`;
  }
  return undefined;
}

/** An error as a finding, or undefined when it is a clean one naming the file. */
export function errorProblem(error: unknown, file: string): string | undefined {
  if (!(error instanceof DomainError)) {
    return `${error instanceof Error ? error.name : typeof error}: ${String(error instanceof Error ? error.message : error).slice(0, 200)}`;
  }
  if (!FILE_ERROR_CODES.has(error.code) && !error.code.startsWith('import_'))
    return `DomainError of code ${error.code}`;
  if (error.params['file'] !== file) return `${error.code} names file "${String(error.params['file'])}"`;
  return undefined;
}

async function* chunked(bytes: Buffer, size: number): AsyncGenerator<Buffer> {
  for (let at = 0; at < bytes.length; at += size) yield bytes.subarray(at, at + size);
}

/** Reads the bytes with the reader to their end, within the budget. */
export async function readOutcome(
  reader: ReaderName,
  file: string,
  bytes: Buffer,
  options: { chunk: number; budgetMs: number },
): Promise<Outcome> {
  let timer: NodeJS.Timeout | undefined;
  let stop = false;
  const work = (async (): Promise<Outcome> => {
    let items = 0;
    let rejected = 0;
    try {
      for await (const batch of READERS[reader].read(chunked(bytes, options.chunk), { file })) {
        for (const item of batch) {
          const problem = problemOf(item, file);
          if (problem) return { kind: 'crash', detail: problem };
          items += 1;
          if (item.kind === 'rejected') rejected += 1;
        }
        if (stop) break;
      }
      return { kind: 'read', items, rejected };
    } catch (error) {
      const problem = errorProblem(error, file);
      return problem
        ? { kind: 'crash', detail: problem }
        : { kind: 'clean', code: (error as DomainError).code };
    }
  })();
  const budget = new Promise<Outcome>((resolve) => {
    timer = setTimeout(() => {
      stop = true;
      resolve({ kind: 'hang', detail: `no end within ${options.budgetMs} ms` });
    }, options.budgetMs);
  });
  try {
    return await Promise.race([work, budget]);
  } finally {
    clearTimeout(timer);
  }
}
