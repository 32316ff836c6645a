/**
 * Where a collector left off on a channel (collect_cursor): a feed's validators for a conditional GET, the address
 * it reads and a cursor. A state saved with a batch's hash is trusted only once that batch is done: a collection
 * whose import failed, was interrupted or undone must not make the next one ask only for what is newer.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../schema.js';

export interface CollectCursor {
  api: string;
  address: string | null;
  etag: string | null;
  lastModified: string | null;
  cursor: string | null;
}

/** The channel's state, and whether what it says was stored (its batch done, or it came with nothing new). */
export async function readCursor(
  db: Kysely<Database>,
  channelId: number,
): Promise<{ state: CollectCursor; trusted: boolean } | undefined> {
  const row = await db
    .selectFrom('collectCursor')
    .select(['api', 'address', 'etag', 'lastModified', 'cursor', 'pendingHash'])
    .where('channelId', '=', channelId)
    .executeTakeFirst();
  if (!row) return undefined;
  const { pendingHash, ...state } = row;
  if (pendingHash === null) return { state, trusted: true };
  const done = await db
    .selectFrom('importBatch')
    .select('id')
    .where('channelId', '=', channelId)
    .where('fileHash', '=', pendingHash)
    .where('status', '=', 'done')
    .executeTakeFirst();
  return { state, trusted: done !== undefined };
}

/** Saves the channel's state; `pendingHash` is the hash of the batch it comes with, null when nothing is new. */
export async function saveCursor(
  db: Kysely<Database>,
  channelId: number,
  state: CollectCursor,
  pendingHash: string | null,
  now: Date,
): Promise<void> {
  const values = { ...state, pendingHash, updatedAt: now.toISOString() };
  await db
    .insertInto('collectCursor')
    .values({ channelId, ...values })
    .onConflict((conflict) => conflict.column('channelId').doUpdateSet(values))
    .execute();
}
