/**
 * The lease of a running import: its process renews the batch's heartbeat (every IMPORT_LEASE_MS / 4), so a
 * batch whose heartbeat is older than the lease was left by a process that died. Such a batch is shown as
 * interrupted at once, and stored as interrupted by the sweep that starts every import and every server: a
 * rerun of the same file completes it (see claimRows), and it may be undone.
 */
import { markInterrupted, renewHeartbeat } from '../../storage/repositories/import.repository.js';
import { recordChange } from '../audit.service.js';
import { type Context, inTransaction } from '../context.js';

/** How long a running batch's heartbeat vouches for its process. */
export const IMPORT_LEASE_MS = 2 * 60_000;

/** The error an interrupted batch keeps: it tells that a rerun of the same file completes it. */
export const INTERRUPTED_ERROR = { code: 'import_interrupted', params: {} } as const;

/** Whether a running batch's lease ran out: its last heartbeat (else its start) is older than the lease. */
export function leaseExpired(batch: { heartbeatAt: string | null; startedAt: string }, now: Date): boolean {
  return now.getTime() - new Date(batch.heartbeatAt ?? batch.startedAt).getTime() > IMPORT_LEASE_MS;
}

/**
 * Renews a running batch's lease; false when the batch is no longer running: a sweep took its process for dead (it
 * had not renewed the lease in time), and a rerun may already claim its rows, so the import should stop.
 */
export async function renewLease(ctx: Context, batchId: number): Promise<boolean> {
  return renewHeartbeat(ctx.db.kysely, batchId, ctx.clock().toISOString());
}

/** The audit log's entry of a running batch that ended without being done, and why. */
export async function recordBatchEnd(
  tx: Context,
  batch: { id: number; orgId: number | null },
  status: 'failed' | 'interrupted',
  code: string,
): Promise<void> {
  await recordChange(tx, {
    action: 'update',
    resource: 'imports',
    recordId: batch.id,
    orgId: batch.orgId,
    before: { status: 'running' },
    after: { status, code },
  });
}

/** Marks interrupted every running batch whose lease ran out, each with an entry in the audit log; their ids. */
export async function sweepInterrupted(ctx: Context): Promise<number[]> {
  const now = ctx.clock();
  const marked = await inTransaction(ctx, async (tx) => {
    const batches = await markInterrupted(
      tx.db.kysely,
      new Date(now.getTime() - IMPORT_LEASE_MS).toISOString(),
      {
        finishedAt: now.toISOString(),
        error: JSON.stringify(INTERRUPTED_ERROR),
      },
    );
    for (const batch of batches) await recordBatchEnd(tx, batch, 'interrupted', INTERRUPTED_ERROR.code);
    return batches.map((batch) => batch.id);
  });
  if (marked.length > 0)
    ctx.log.warn({ batches: marked }, 'imports left by a process that died marked interrupted');
  return marked;
}
