/**
 * The one runner every import goes through: it streams each entry of the source through its reader, stores the
 * drafts chunk by chunk — each chunk in its own transaction, so that an interruption leaves whole chunks and a
 * rerun completes the import — and keeps the batch's counts and rejections. Content analysis labels what each
 * chunk inserted or updated in the chunk's transaction, so that a stored post is a labelled one. With `strict`
 * (any rejection stores nothing) or `dryRun` (nothing is stored, nothing labelled), the whole import is one
 * transaction, rolled back at the end; its batches are read to the end first (spool.ts), so that no transaction
 * ever waits for a parser. The reading itself runs in a process of its own (reader-process.ts).
 */
import type { Draft, Rejection } from '../../importers/types.js';
import type { ImportNote } from '../../shared/import-notes.js';
import type { ImportCounts, SkipReason } from '../../shared/import-report.js';
import type { ImportFormat, SheetKind } from '../../shared/vocabulary.js';
import { type Actor, scopeOf, userIdOf } from '../../policies/actor.js';
import type { ChannelRef } from '../../storage/repositories/channel.repository.js';
import {
  deleteBatch,
  findBatchOfFile,
  insertBatch,
  updateBatch,
} from '../../storage/repositories/import.repository.js';
import { toJson } from '../../storage/rows.js';
import {
  addSummary,
  emptySummary,
  HeldBands,
  ImportLabeller,
  type ReclassifySummary,
  writeHeldBands,
} from '../analysis.service.js';
import { DomainError } from '../../domain/errors.js';
import { type Context, inTransaction } from '../context.js';
import { type LabellingKey, PreparedLabels } from '../labels.js';
import { importErrorOf } from './import-error.js';
import { IMPORT_LEASE_MS, renewLease } from './lease.js';
import { RejectionLog } from './rejections.js';
import { importNotes, readInChannelZone } from './notes.js';
import type { ReadBatch, ReadingSource } from './reader-process.js';
import { spool } from './spool.js';
import { DraftWriter } from './writers.js';

/** Characters of text a chunk holds at most: with long posts, chunks get shorter and memory stays bounded. */
const CHUNK_CHARS = 250_000;

/** A batch without a channel belongs to the uploader's organization, unless the uploader sees the whole tree. */
function uploaderOrg(actor: Actor): number | null {
  return actor.kind === 'user' && scopeOf(actor).kind !== 'all' ? actor.orgId : null;
}

export interface RunPlan {
  source: ReadingSource;
  channel?: ChannelRef;
  dryRun: boolean;
  strict: boolean;
  /** Whether content analysis labels what is stored (`aqparat reclassify` can do it later). */
  analyze: boolean;
  /** What the source's reading labelled its new posts with, when it did (ReadBatch.prepared). */
  readingLabelling?: LabellingKey;
  chunkSize: number;
  onProgress?: (done: number, total: number) => void;
  /** A batch made beforehand (an upload the server answered with its id): filled in, and kept if nothing changed. */
  batchId?: number;
}

export interface ImportSummary extends ImportCounts {
  /** The stored batch; null when nothing was kept (a dry run, a strict import with rejections, nothing new). */
  batchId: number | null;
  format: ImportFormat;
  sheetKind?: SheetKind;
  file: string;
  fileHash: string;
  /** An earlier import of the same file into the same channel. */
  previousBatchId?: number;
  skippedByReason: Partial<Record<SkipReason, number>>;
  /** The first rejections (SHOWN_REJECTIONS at most), in the file's order; a kept batch stores them all. */
  rejections: Rejection[];
  /** Every rejection, counted. */
  rejectionsTotal: number;
  dryRun: boolean;
  strict: boolean;
  /** Whether what was read is stored. */
  stored: boolean;
  /** What content analysis found in the publications stored: absent when it did not run. */
  analysis?: ReclassifySummary;
  /** How the import read what the file left unsaid (times without a zone). */
  notes: ImportNote[];
}

/** Thrown inside the single transaction of a dry run or a failed strict import, to roll it back. */
class RollBack extends Error {}

export async function runImport(ctx: Context, plan: RunPlan): Promise<ImportSummary> {
  const { source } = plan;
  const [first] = source.entries;
  const summary: ImportSummary = {
    batchId: null,
    format: first ? first.format : 'spreadsheet',
    file: source.name,
    // Known once the file is read.
    fileHash: '',
    new: 0,
    updated: 0,
    unchanged: 0,
    rejected: 0,
    skipped: 0,
    skippedByReason: {},
    rejections: [],
    rejectionsTotal: 0,
    dryRun: plan.dryRun,
    strict: plan.strict,
    stored: false,
    notes: [],
  };
  // A dry run stores nothing: nothing to label.
  if (plan.analyze && !plan.dryRun) summary.analysis = emptySummary();
  const rejections = new RejectionLog();
  const reject = (found: readonly Rejection[]) => {
    summary.rejected += 1;
    rejections.add(found);
  };
  const counts = () => ({
    newCount: summary.new,
    updatedCount: summary.updated,
    unchangedCount: summary.unchanged,
    rejectedCount: summary.rejected,
    skippedCount: summary.skipped,
  });
  const single = plan.dryRun || plan.strict;
  const total = source.entries.reduce((sum, entry) => sum + entry.size, 0);
  /** Rows found stored that this batch took over from an incomplete one: it is kept to undo them. */
  let claimed = 0;
  /** Posts whose time had no zone and was read in the zone of the import's channel's owner. */
  let localTimes = 0;
  /**
   * The batch whose lease this import renews (a batch inside a single transaction is seen by nobody else, but one
   * made beforehand is, while its file is read); `lost` once a sweep took this process for dead.
   */
  let leased = plan.batchId;
  let lost = false;
  const renewing = setInterval(() => {
    if (leased === undefined) return;
    renewLease(ctx, leased)
      .then((held) => (lost ||= !held))
      .catch((error: unknown) => ctx.log.warn({ err: error, batchId: leased }, 'import lease not renewed'));
  }, IMPORT_LEASE_MS / 4);
  renewing.unref();

  const body = async (run: Context, batches: AsyncIterable<ReadBatch>): Promise<void> => {
    const batch = {
      source: summary.format,
      fileName: source.name,
      fileHash: null,
      channelId: plan.channel?.id ?? null,
      orgId: plan.channel?.orgId ?? uploaderOrg(run.actor),
      userId: userIdOf(run.actor),
      status: 'running' as const,
      startedAt: run.clock().toISOString(),
      heartbeatAt: run.clock().toISOString(),
    };
    const batchId = plan.batchId ?? (await insertBatch(run.db.kysely, batch));
    if (plan.batchId !== undefined) await updateBatch(run.db.kysely, batchId, batch);
    summary.batchId = batchId;
    if (!single) leased = batchId;
    const writer = new DraftWriter({
      batchId,
      file: source.name,
      ...(plan.channel ? { channel: plan.channel } : {}),
      now: run.clock(),
    });
    // SQLite: the chunks' band keys, written many chunks at once (see HeldBands). On PostgreSQL a key row costs
    // the same written with its chunk or later (its indexes, its foreign key), and holding back costs an update.
    const held = summary.analysis && run.db.config.kind === 'sqlite' ? new HeldBands() : undefined;
    let chunk: Draft[] = [];
    let chunkChars = 0;
    // The chunk's posts as the reading labelled them: a chunk's labeller takes them where its labelling is the same.
    const prepared =
      summary.analysis && plan.readingLabelling ? new PreparedLabels(plan.readingLabelling) : undefined;
    const flush = async () => {
      if (chunk.length === 0) return;
      // Its rows may be claimed by a rerun already: this import stops, its batch stays interrupted.
      if (lost) throw new DomainError('import_interrupted');
      const drafts = chunk;
      chunk = [];
      chunkChars = 0;
      // Keys held by a chunk that rolls back are of rows that are gone (and those it wrote are back).
      const heldBefore = held?.snapshot();
      await inTransaction(run, async (tx) => {
        // New publications are stored with their labels; what the chunk updated is labelled after.
        const labeller = summary.analysis ? await ImportLabeller.open(tx, held, prepared) : undefined;
        const written = await writer.write(tx, drafts, labeller?.label);
        claimed += written.claimed;
        for (const outcome of written.outcomes) {
          if (typeof outcome === 'object') reject(outcome.rejected);
          else summary[outcome] += 1;
        }
        if (summary.analysis && labeller) {
          addSummary(summary.analysis, await labeller.analyze(tx, written, held));
        }
        await updateBatch(tx.db.kysely, batchId, { ...counts(), heartbeatAt: tx.clock().toISOString() });
      })
        .catch((error: unknown) => {
          if (held && heldBefore) held.restore(heldBefore);
          throw error;
        })
        .finally(() => prepared?.clear());
      // Back to the event loop between chunks: the garbage collector's tasks run there (SQLite writes never wait
      // for I/O), which keeps a long import's memory flat.
      await new Promise((resolve) => setImmediate(resolve));
    };
    try {
      for await (const batch of batches) {
        if (batch.header) summary.sheetKind = batch.header.kind;
        plan.onProgress?.(batch.done, total);
        for (const [at, item] of batch.items.entries()) {
          if (item.kind === 'draft') {
            chunk.push(item.draft);
            if (item.draft.target === 'publication') {
              chunkChars += (item.draft.text?.length ?? 0) + (item.draft.title?.length ?? 0);
              if (readInChannelZone(item.draft)) localTimes += 1;
              const labels = batch.prepared?.[at];
              if (prepared && labels) prepared.add(item.draft, labels);
            }
            if (chunk.length >= plan.chunkSize || chunkChars >= CHUNK_CHARS) await flush();
          } else if (item.kind === 'rejected') reject(item.rejections);
          else {
            summary.skipped += 1;
            summary.skippedByReason[item.reason] = (summary.skippedByReason[item.reason] ?? 0) + 1;
          }
        }
      }
      await flush();
      if (held) await inTransaction(run, (tx) => writeHeldBands(tx, held));
    } catch (error) {
      // What earlier chunks stored stays, under a failed batch a rerun completes; the broken chunk is gone. The
      // earlier chunks' band keys are written too, where the database still takes them (else a reclassify does).
      if (!single && !lost) {
        if (held) {
          await inTransaction(run, (tx) => writeHeldBands(tx, held)).catch((failure: unknown) =>
            run.log.warn({ err: failure, batchId }, 'band keys of a failed import not written'),
          );
        }
        await closeBatch(run, batchId, 'failed', error);
      }
      throw error;
    }
    summary.rejections = [...rejections.first].sort(
      (a, b) => a.file.localeCompare(b.file) || a.record.index - b.record.index,
    );
    summary.rejectionsTotal = rejections.total;
    summary.notes = importNotes(plan.channel, localTimes);
    // The file's hash, taken as it was read, and an earlier import of the same file (this batch is not done yet).
    summary.fileHash = source.hash();
    const previous = await findBatchOfFile(run.db.kysely, summary.fileHash, plan.channel?.id ?? null);
    if (previous !== undefined) summary.previousBatchId = previous;
    if (plan.dryRun || (plan.strict && summary.rejected > 0)) throw new RollBack();
    await closeBatch(run, batchId, 'done');
  };

  /**
   * Finishes the batch; one that changed nothing is not kept, so that importing a file again changes nothing. A
   * failed one keeps its error in the same write, so that nobody reads it failed without knowing why.
   */
  const closeBatch = async (run: Context, batchId: number, status: 'done' | 'failed', error?: unknown) => {
    // A failed batch keeps the file's hash, where the reading could take it.
    if (status === 'failed') summary.fileHash = source.hash();
    if (summary.new + summary.updated + claimed === 0 && plan.batchId === undefined) {
      await deleteBatch(run.db.kysely, batchId);
      summary.batchId = null;
      return;
    }
    await rejections.store(run.db.kysely, batchId);
    await updateBatch(run.db.kysely, batchId, {
      ...counts(),
      fileHash: summary.fileHash || null,
      status,
      finishedAt: run.clock().toISOString(),
      notes: toJson(summary.notes),
      ...(status === 'failed' ? { error: toJson(importErrorOf(error)) } : {}),
    });
  };

  try {
    if (single) {
      const read = await spool(source.batches());
      try {
        await inTransaction(ctx, (run) => body(run, read.replay()));
      } finally {
        await read.remove();
      }
    } else await body(ctx, source.batches());
    summary.stored = true;
  } catch (error) {
    if (!(error instanceof RollBack)) throw error;
    summary.batchId = null;
    delete summary.analysis;
    // A strict import's batch made beforehand stays, failed, and tells every rejection that stopped it.
    if (plan.batchId !== undefined && !plan.dryRun) await rejections.store(ctx.db.kysely, plan.batchId);
  } finally {
    clearInterval(renewing);
    await rejections.remove();
  }
  return summary;
}
