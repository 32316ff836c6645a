/**
 * Running a scheduled job's due run once across server processes on one database. A process claims the run by its
 * key and due instant: in one transaction it locks the key's lease row (PostgreSQL: `FOR UPDATE SKIP LOCKED`, so a
 * process never waits on another that is claiming; SQLite has one process and its transaction suffices), and takes
 * it unless the run was done already or another process holds it. The holder renews its hold while it works; a
 * process killed mid-run stops renewing, its hold runs out and the next claim takes the run again (what it stored
 * stays: imports write whole chunks, and the next run completes it).
 */
import { randomUUID } from 'node:crypto';
import {
  ensureLease,
  holdLease,
  lockLease,
  releaseLease,
  takeLease,
} from '../../storage/repositories/schedule-lease.repository.js';
import { type Context, inTransaction } from '../context.js';

/** How long a claim vouches for its holder; renewed every quarter of it while the run lasts. */
export const SCHEDULE_LEASE_MS = 5 * 60_000;

/** This process, as leases name their holder. */
const PROCESS = `${process.pid}-${randomUUID()}`;

export interface Claim {
  /** The run is done (due instant recorded: not run again) or not (released: the next claim may take it). */
  finish(done: boolean): Promise<void>;
}

/** Takes the run of `key` due at `dueAt`, or undefined when it was done or another process holds it. */
export async function claimDue(
  ctx: Context,
  key: string,
  dueAt: Date,
  holdMs = SCHEDULE_LEASE_MS,
): Promise<Claim | undefined> {
  const holder = `${PROCESS}-${randomUUID()}`;
  const until = () => new Date(ctx.clock().getTime() + holdMs).toISOString();
  await ensureLease(ctx.db.kysely, key);
  const taken = await inTransaction(ctx, async (tx) => {
    const lease = await lockLease(tx.db.kysely, key);
    if (!lease) return false;
    if (lease.doneDueAt !== null && new Date(lease.doneDueAt).getTime() >= dueAt.getTime()) return false;
    if (lease.heldUntil !== null && new Date(lease.heldUntil).getTime() > ctx.clock().getTime()) return false;
    await takeLease(tx.db.kysely, key, holder, until());
    return true;
  });
  if (!taken) return undefined;
  const renewing = setInterval(() => {
    holdLease(ctx.db.kysely, key, holder, until()).catch((error: unknown) =>
      ctx.log.warn({ key, err: error }, 'scheduled run: lease not renewed'),
    );
  }, holdMs / 4);
  renewing.unref();
  return {
    async finish(done) {
      clearInterval(renewing);
      await releaseLease(ctx.db.kysely, key, holder, done ? dueAt.toISOString() : undefined);
    },
  };
}
