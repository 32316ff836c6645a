/**
 * Use cases of imports: import a file, folder, archive or URL into a channel; list and show the batches; undo
 * one. The format is detected from content; a Telegram full export's chat is chosen by name or id, or found
 * (the only chat, or the one named like the channel).
 */
import { ConflictError, DomainError, NotFoundError } from '../domain/errors.js';
import type { ImportNote } from '../shared/import-notes.js';
import type { Rejection } from '../shared/import-report.js';
import type { ImportStatus } from '../shared/vocabulary.js';
import { type ChannelRef, findChannelByCode } from '../storage/repositories/channel.repository.js';
import {
  type BatchRow,
  deleteCreatedBy,
  findBatch,
  findLaterChange,
  IMPORTED_TABLES,
  listBatches,
  listChanges,
  updateBatch,
  updateImported,
} from '../storage/repositories/import.repository.js';
import { countRejections, listRejections } from '../storage/repositories/import-rejection.repository.js';
import { fromJson } from '../storage/rows.js';
import { readingLabelling, refreshFingerprints } from './analysis.service.js';
import { type Context, inTransaction, scopeOfContext } from './context.js';
import type { ImportError } from './import/import-error.js';
import { INTERRUPTED_ERROR, leaseExpired, sweepInterrupted } from './import/lease.js';
import { type EntryInfo, openReading, type ReadBudget, readBudgetOf } from './import/reader-process.js';
import { type ImportSummary, runImport } from './import/runner.js';

export type { ImportSummary };

export interface ImportRequest {
  /** A file, a folder, a ZIP, or an http(s) URL. */
  file: string;
  /** The channel's code: where publications and audience go unless a record names another. */
  channel?: string;
  /** A Telegram full export's chat, by name or id. */
  chat?: string;
  /** Import a Telegram chat that is no channel (a group, a personal chat) as the channel's posts. */
  acceptChatType?: boolean;
  dryRun?: boolean;
  strict?: boolean;
  /** Whether content analysis labels the publications stored (the default); else `aqparat reclassify` does. */
  analyze?: boolean;
  /** Records per transaction. */
  chunkSize?: number;
  onProgress?: (done: number, total: number) => void;
  /** A batch made beforehand, to fill in (see RunPlan). */
  batchId?: number;
  /** The reading's time and memory (reader-process.ts); by default from the environment. */
  budget?: ReadBudget;
}

const DEFAULT_CHUNK = 500;

async function channelOf(ctx: Context, code: string | undefined): Promise<ChannelRef | undefined> {
  if (code === undefined) return undefined;
  const channel = await findChannelByCode(ctx.db.kysely, scopeOfContext(ctx), code);
  if (!channel) throw new NotFoundError('channel_unknown', { code });
  return channel;
}

/** Formats that hold publications go to a channel; spreadsheets may name channels row by row. */
function needsChannel(entry: EntryInfo): boolean {
  return entry.reader !== 'xlsx' && entry.reader !== 'csv';
}

export async function importFile(ctx: Context, request: ImportRequest): Promise<ImportSummary> {
  // Batches of processes that died are interrupted before this import may claim their rows (see claimRows).
  await sweepInterrupted(ctx);
  const channel = await channelOf(ctx, request.channel);
  const analyze = request.analyze ?? true;
  // New posts are labelled by the reading process, on its core, where they are to be labelled at all.
  const labelling = analyze && !request.dryRun ? await readingLabelling(ctx) : undefined;
  const source = await openReading(
    ctx,
    {
      target: request.file,
      ...(channel ? { platform: channel.platform, channelName: channel.name } : {}),
      ...(channel?.url ? { channelUrl: channel.url } : {}),
      ...(request.chat ? { chat: request.chat } : {}),
      ...(request.acceptChatType ? { acceptChatType: true } : {}),
      ...(labelling ? { labelling } : {}),
    },
    request.budget ?? readBudgetOf(),
  );
  try {
    const needy = source.entries.find(needsChannel);
    if (needy && !channel) throw new DomainError('import_channel_required', { file: needy.name });
    return await runImport(ctx, {
      source,
      ...(channel ? { channel } : {}),
      dryRun: request.dryRun ?? false,
      strict: request.strict ?? false,
      analyze,
      ...(labelling ? { readingLabelling: labelling.key } : {}),
      chunkSize: request.chunkSize ?? DEFAULT_CHUNK,
      ...(request.onProgress ? { onProgress: request.onProgress } : {}),
      ...(request.batchId !== undefined ? { batchId: request.batchId } : {}),
    });
  } finally {
    await source.close();
  }
}

export interface ImportBatch {
  id: number;
  format: string;
  file: string | null;
  fileHash: string | null;
  channel: string | null;
  status: ImportStatus;
  startedAt: string;
  finishedAt: string | null;
  undoneAt: string | null;
  new: number;
  updated: number;
  unchanged: number;
  rejected: number;
  skipped: number;
  /** The first REJECTIONS_PAGE rejections in the file's order; the rest a page at a time (listImportRejections). */
  rejections: Rejection[];
  /** Every rejection the batch keeps. */
  rejectionsTotal: number;
  /** The organization the batch belongs to (its channel's, or the uploader's). */
  orgId: number | null;
  /** Why a failed import stopped. */
  error: ImportError | null;
  /** When a running import last stored a chunk. */
  heartbeatAt: string | null;
  /** How the import read what the file left unsaid (times without a zone). */
  notes: ImportNote[];
}

/** A batch; one left running by a process whose lease ran out is shown as the sweep will store it. */
function presentBatch(
  row: BatchRow,
  now: Date,
  rejections: { first: Rejection[]; total: number },
): ImportBatch {
  if (row.status === 'running' && leaseExpired(row, now)) {
    const interrupted = { ...row, status: 'interrupted' as const, error: JSON.stringify(INTERRUPTED_ERROR) };
    return presentBatch(interrupted, now, rejections);
  }
  return {
    id: row.id,
    format: row.source,
    file: row.fileName,
    fileHash: row.fileHash,
    channel: row.channelCode,
    status: row.status,
    startedAt: row.startedAt,
    finishedAt: row.finishedAt,
    undoneAt: row.undoneAt,
    new: row.newCount,
    updated: row.updatedCount,
    unchanged: row.unchangedCount,
    rejected: row.rejectedCount,
    skipped: row.skippedCount,
    rejections: rejections.first,
    rejectionsTotal: rejections.total,
    orgId: row.orgId,
    error: fromJson<ImportError>(row.error),
    heartbeatAt: row.heartbeatAt,
    notes: fromJson<ImportNote[]>(row.notes) ?? [],
  };
}

/** Rejections a batch is shown with; more are read a page at a time. */
export const REJECTIONS_PAGE = 100;

/** The batches' first page of rejections and their totals: one count for all, a page for each that has some. */
async function rejectionsOf(ctx: Context, rows: readonly BatchRow[]) {
  const totals = await countRejections(
    ctx.db.kysely,
    rows.map((row) => row.id),
  );
  return Promise.all(
    rows.map(async (row) => {
      const total = totals.get(row.id) ?? 0;
      const first =
        total === 0 ? [] : await listRejections(ctx.db.kysely, row.id, { offset: 0, limit: REJECTIONS_PAGE });
      return { first, total };
    }),
  );
}

export async function listImports(ctx: Context, limit = 50): Promise<ImportBatch[]> {
  const now = ctx.clock();
  const rows = await listBatches(ctx.db.kysely, scopeOfContext(ctx), limit);
  const rejections = await rejectionsOf(ctx, rows);
  return rows.map((row, index) => presentBatch(row, now, rejections[index] ?? { first: [], total: 0 }));
}

export async function getImport(ctx: Context, id: number): Promise<ImportBatch> {
  const row = await findBatch(ctx.db.kysely, scopeOfContext(ctx), id);
  if (!row) throw new NotFoundError('import_unknown', { id });
  const [rejections] = await rejectionsOf(ctx, [row]);
  return presentBatch(row, ctx.clock(), rejections ?? { first: [], total: 0 });
}

export interface RejectionPage {
  items: Rejection[];
  total: number;
  offset: number;
  limit: number;
}

/** A page of a batch's rejections, in the file's order. */
export async function listImportRejections(
  ctx: Context,
  id: number,
  page: { offset: number; limit: number },
): Promise<RejectionPage> {
  const row = await findBatch(ctx.db.kysely, scopeOfContext(ctx), id);
  if (!row) throw new NotFoundError('import_unknown', { id });
  const totals = await countRejections(ctx.db.kysely, [id]);
  return {
    items: await listRejections(ctx.db.kysely, id, page),
    total: totals.get(id) ?? 0,
    ...page,
  };
}

export interface UndoResult {
  id: number;
  /** Records the batch created, now deleted. */
  removed: number;
  /** Records the batch updated, now back as they were. */
  restored: number;
}

/**
 * Undoes one batch: deletes what it created and restores what it updated, in one transaction. A batch whose
 * records a later batch changed again is undone after that one, never before; a running one only once its
 * process died (see lease.ts). Rows a later batch claimed (claimRows) are that batch's and stay.
 */
export async function undoImport(ctx: Context, id: number): Promise<UndoResult> {
  return inTransaction(ctx, async (tx) => {
    const batch = await getImport(tx, id);
    if (batch.undoneAt) throw new ConflictError('import_already_undone', { id });
    if (batch.status === 'running') throw new ConflictError('import_running', { id });
    const later = await findLaterChange(tx.db.kysely, id);
    if (later !== undefined) throw new ConflictError('import_undo_blocked', { id, later });
    const changes = await listChanges(tx.db.kysely, id);
    for (const change of changes) {
      await updateImported(tx.db.kysely, change.tableName, change.rowId, fromJson(change.before) ?? {});
    }
    // A restored text is an earlier version of its row: its band keys are taken again, not left as the import's.
    await refreshFingerprints(
      tx,
      changes.filter((change) => change.tableName === 'publication').map((change) => change.rowId),
    );
    let removed = 0;
    for (const table of IMPORTED_TABLES) removed += await deleteCreatedBy(tx.db.kysely, table, id);
    await updateBatch(tx.db.kysely, id, { status: 'undone', undoneAt: tx.clock().toISOString() });
    return { id, removed, restored: changes.length };
  });
}
