/**
 * Imports through the server. An upload is streamed to a temporary file (never held in memory) and checked by
 * its name and first bytes; then it is imported in the background under a batch made at once, so that the
 * answer carries the batch's id and every server process reports its progress from the database.
 * A batch belongs to its channel's organization or, for a spreadsheet without a channel, to the uploader's, and
 * keeps the error a failed import stopped at; a running batch's heartbeat tells whether its process still lives.
 */
import { createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, extname, join } from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { z } from 'zod';
import { DomainError, ValidationError } from '../domain/errors.js';
import { containerOf } from '../importers/sniff.js';
import { authorize } from '../policies/abilities.js';
import { userIdOf } from '../policies/actor.js';
import { code } from '../shared/schemas.js';
import { findChannelByCode } from '../storage/repositories/channel.repository.js';
import { insertBatch, updateBatch } from '../storage/repositories/import.repository.js';
import { toJson } from '../storage/rows.js';
import { recordChange } from './audit.service.js';
import { type Context, inTransaction, scopeOfContext } from './context.js';
import { type ImportError, importErrorOf } from './import/import-error.js';
import { importApart } from './import/import-process.js';
import { recordBatchEnd } from './import/lease.js';
import {
  getImport,
  type ImportBatch,
  type ImportRequest,
  type ImportSummary,
  listImportRejections,
  listImports,
  type RejectionPage,
  undoImport,
  type UndoResult,
} from './import.service.js';
import { parseInput } from './validate.js';

/** Names of the files accepted; what they hold is then told from their content, as for `aqparat import`. */
const EXTENSIONS = new Set([
  '.json',
  '.csv',
  '.txt',
  '.xlsx',
  '.zip',
  '.xml',
  '.rss',
  '.atom',
  '.html',
  '.htm',
]);
/** Bytes of the head the content is judged by: a ZIP, or text (JSON, XML, HTML, CSV), never other binary data. */
const HEAD_BYTES = 64 * 1024;

export interface Upload {
  /** The name the user's file had, if it had one. */
  fileName: string | undefined;
  /** The bytes; `truncated` once they passed the size limit (as the multipart parser marks it). */
  stream: Readable & { truncated?: boolean };
  /** The largest upload accepted, in megabytes: what the message tells. */
  limitMb: number;
}

export interface StoredUpload {
  /** The file under the user's name, in a temporary folder of its own. */
  path: string;
  size: number;
  remove(): Promise<void>;
}

/** Bytes of a stored name at most: file systems take 255, and the folder's name is not part of it. */
const NAME_BYTES = 200;

/** A name's extension; a name that is only one (`.csv`) is its own. */
function extensionOf(name: string): string {
  return (extname(name) || (name.lastIndexOf('.') === 0 ? name : '')).toLowerCase();
}

/**
 * The user's file name without folders or control characters, short enough for any file system (a long Cyrillic
 * name is twice as many bytes as characters) with its extension kept: the importers name the file by it.
 */
function safeName(fileName: string | undefined): string {
  const name = basename((fileName ?? '').replace(/\\/g, '/'))
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u001f\u007f]/g, '')
    .trim();
  if (name === '' || name === '.' || name === '..') return 'upload';
  if (Buffer.byteLength(name) <= NAME_BYTES) return name;
  // Every extension accepted is short: a long one is kept no more than the rest.
  const found = extensionOf(name);
  const extension = found.length <= 16 ? found : '';
  let stem = '';
  let bytes = Buffer.byteLength(extension);
  for (const char of name.slice(0, name.length - extension.length)) {
    bytes += Buffer.byteLength(char);
    if (bytes > NAME_BYTES) break;
    stem += char;
  }
  return stem + extension;
}

/**
 * Streams an upload to a temporary file (os.tmpdir(): point TMPDIR to a disk where /tmp is in memory). A name
 * not accepted is refused before a byte is stored, a binary head as soon as it has arrived.
 */
export async function storeUpload(ctx: Context, upload: Upload): Promise<StoredUpload> {
  authorize(ctx.actor, 'write', 'imports');
  const name = safeName(upload.fileName);
  const extension = extensionOf(name);
  if (!EXTENSIONS.has(extension)) throw new DomainError('upload_type', { type: extension || name });
  const dir = await mkdtemp(join(tmpdir(), 'aqparat-upload-'));
  const stored: StoredUpload = {
    path: join(dir, name),
    size: 0,
    remove: () => rm(dir, { recursive: true, force: true }),
  };
  const head: Buffer[] = [];
  let judged = false;
  const judge = () => {
    judged = true;
    if (containerOf(Buffer.concat(head).subarray(0, HEAD_BYTES)) === 'binary')
      throw new DomainError('upload_type', { type: extension });
  };
  try {
    await pipeline(
      upload.stream,
      async function* (chunks: AsyncIterable<Buffer>) {
        for await (const chunk of chunks) {
          stored.size += chunk.length;
          if (!judged) {
            head.push(chunk);
            if (stored.size >= HEAD_BYTES) judge();
          }
          yield chunk;
        }
      },
      createWriteStream(stored.path),
    );
    if (upload.stream.truncated) throw new DomainError('upload_too_large', { limit: upload.limitMb });
    if (stored.size === 0) throw new ValidationError('upload', [{ path: 'file', code: 'required' }]);
    if (!judged) judge();
    return stored;
  } catch (error) {
    await stored.remove();
    throw error;
  }
}

const flag = z.enum(['true', 'false']).transform((value) => value === 'true');

/** The form fields of an upload: the options of `aqparat import`. */
export const uploadFields = z.strictObject({
  /** The channel the publications (or followers) belong to. */
  channel: code.optional(),
  /** A Telegram full export's chat, by name or id. */
  chat: z.string().trim().min(1).max(200).optional(),
  /** Read and check everything, store nothing: answered at once with the counts. */
  dryRun: flag.optional(),
  /** Store nothing if any record is rejected. */
  strict: flag.optional(),
  /** Import a Telegram chat that is no channel (a group, a personal chat): the user confirmed its type. */
  acceptChatType: flag.optional(),
});

export interface ImportView extends ImportBatch {
  /** Records read so far (stored, passed over or rejected), counted as each chunk is stored. */
  progress: number;
}

export type UploadOutcome =
  | { kind: 'checked'; summary: ImportSummary }
  | {
      kind: 'started';
      batch: { id: number; status: 'running'; file: string };
      /** Settles when the import has finished or failed; it never rejects. */
      finished: Promise<void>;
    };

/** Marks the batch failed and keeps the error; with the summary of a strict import, its counts (the runner stored its rejections). */
async function failBatch(
  ctx: Context,
  batch: { id: number; orgId: number | null },
  error: ImportError,
  summary?: ImportSummary,
): Promise<void> {
  await inTransaction(ctx, async (tx) => {
    await updateBatch(tx.db.kysely, batch.id, {
      status: 'failed',
      finishedAt: tx.clock().toISOString(),
      error: toJson(error),
      ...(summary
        ? {
            source: summary.format,
            fileHash: summary.fileHash,
            newCount: summary.new,
            updatedCount: summary.updated,
            unchangedCount: summary.unchanged,
            rejectedCount: summary.rejected,
            skippedCount: summary.skipped,
          }
        : {}),
    });
    await recordBatchEnd(tx, batch, 'failed', error.code);
  });
}

/** The import itself, after the answer: the batch ends done, or failed with the error kept. */
async function runUpload(
  ctx: Context,
  batch: { id: number; orgId: number | null },
  request: ImportRequest,
  stored: StoredUpload,
  requestId: string,
): Promise<void> {
  try {
    const summary = await importApart(ctx, { ...request, batchId: batch.id });
    // A strict import with rejections stored nothing, its batch included: the batch tells why.
    if (!summary.stored) {
      const error = { code: 'import_strict_rejected' as const, params: { rejected: summary.rejected } };
      await failBatch(ctx, batch, error, summary);
    }
  } catch (error) {
    if (!(error instanceof DomainError)) ctx.log.error({ err: error, batchId: batch.id }, 'import failed');
    await failBatch(ctx, batch, importErrorOf(error, { requestId })).catch((failure: unknown) =>
      ctx.log.error({ err: failure, batchId: batch.id }, 'import failure not recorded'),
    );
  } finally {
    await stored.remove();
  }
}

/**
 * Imports a stored upload with the form's options; the upload is the use case's from here and removed when
 * done. A dry run is answered with its counts; otherwise the batch is made and the import goes on in the background.
 */
export async function startUpload(
  ctx: Context,
  stored: StoredUpload,
  fields: unknown,
  requestId: string,
): Promise<UploadOutcome> {
  let started = false;
  try {
    authorize(ctx.actor, 'write', 'imports');
    const options = parseInput(uploadFields, fields, 'upload');
    const channel =
      options.channel === undefined
        ? undefined
        : await findChannelByCode(ctx.db.kysely, scopeOfContext(ctx), options.channel);
    if (options.channel !== undefined && !channel) {
      throw new ValidationError('upload', [
        { path: 'channel', code: 'unknown_channel', params: { code: options.channel } },
      ]);
    }
    const request: ImportRequest = {
      file: stored.path,
      ...(options.channel ? { channel: options.channel } : {}),
      ...(options.chat ? { chat: options.chat } : {}),
      ...(options.acceptChatType ? { acceptChatType: true } : {}),
      strict: options.strict ?? false,
    };
    if (options.dryRun)
      return { kind: 'checked', summary: await importApart(ctx, { ...request, dryRun: true }) };

    const file = basename(stored.path);
    // A spreadsheet names no channel: its batch belongs to the uploader's organization (none for the whole tree).
    const uploader = ctx.actor.kind === 'user' && scopeOfContext(ctx).kind !== 'all' ? ctx.actor.orgId : null;
    const orgId = channel?.orgId ?? uploader;
    const id = await inTransaction(ctx, async (tx) => {
      const batchId = await insertBatch(tx.db.kysely, {
        // Until the import has recognized the format.
        source: extname(file).slice(1).toLowerCase(),
        fileName: file,
        fileHash: null,
        channelId: channel?.id ?? null,
        orgId,
        userId: userIdOf(tx.actor),
        status: 'running',
        startedAt: tx.clock().toISOString(),
        heartbeatAt: tx.clock().toISOString(),
      });
      await recordChange(tx, {
        action: 'create',
        resource: 'imports',
        recordId: batchId,
        orgId,
        after: { file, size: stored.size, ...options },
      });
      return batchId;
    });
    started = true;
    const finished = runUpload(ctx, { id, orgId }, request, stored, requestId);
    ctx.cache.lagWhile(finished);
    return { kind: 'started', batch: { id, status: 'running', file }, finished };
  } finally {
    if (!started) await stored.remove();
  }
}

const progressOf = (batch: ImportBatch) =>
  batch.new + batch.updated + batch.unchanged + batch.rejected + batch.skipped;

export async function getUpload(ctx: Context, id: number): Promise<ImportView> {
  authorize(ctx.actor, 'read', 'imports');
  const batch = await getImport(ctx, id);
  return { ...batch, progress: progressOf(batch) };
}

/** A page of a batch's rejections, every one of which the batch keeps. */
export async function listUploadRejections(
  ctx: Context,
  id: number,
  page: { offset: number; limit: number },
): Promise<RejectionPage> {
  authorize(ctx.actor, 'read', 'imports');
  return listImportRejections(ctx, id, page);
}

/** The latest batches of the caller's subtree. */
export async function listUploads(ctx: Context, limit = 50): Promise<ImportView[]> {
  authorize(ctx.actor, 'read', 'imports');
  return (await listImports(ctx, limit)).map((batch) => ({ ...batch, progress: progressOf(batch) }));
}

/**
 * Undoes a batch the caller sees that is no longer running (see `undoImport`; a batch whose process died is
 * interrupted, see lease.ts), with an entry in the audit log.
 */
export async function undoUpload(ctx: Context, id: number): Promise<UndoResult> {
  authorize(ctx.actor, 'write', 'imports');
  const batch = await getImport(ctx, id);
  return inTransaction(ctx, async (tx) => {
    const result = await undoImport(tx, id);
    await recordChange(tx, {
      action: 'update',
      resource: 'imports',
      recordId: id,
      orgId: batch.orgId,
      before: { status: batch.status },
      after: { status: 'undone', removed: result.removed, restored: result.restored },
    });
    return result;
  });
}
