/** The follower counts a growth starts from when a channel was first counted within the period. */
import type { Kysely } from 'kysely';
import type { LocalDate } from '../../domain/period.js';
import type { Database } from '../schema.js';

/** Each channel's earliest snapshot after `after` and on or before `upTo`, where it has one. */
export async function listFirstCountsAfter(
  db: Kysely<Database>,
  channelIds: readonly number[],
  after: LocalDate,
  upTo: LocalDate,
): Promise<{ channelId: number; asOf: LocalDate; followers: number }[]> {
  if (channelIds.length === 0) return [];
  const rows = await db
    .selectFrom('audienceSnapshot as a')
    .select(['a.channelId', 'a.asOf', 'a.followers'])
    .where('a.channelId', 'in', [...channelIds])
    .where('a.asOf', '=', (eb) =>
      eb
        .selectFrom('audienceSnapshot as b')
        .select((inner) => inner.fn.min('b.asOf').as('first'))
        .whereRef('b.channelId', '=', 'a.channelId')
        .where('b.asOf', '>', after)
        .where('b.asOf', '<=', upTo),
    )
    .orderBy('a.channelId')
    .orderBy('a.id')
    .execute();
  return rows.map((row) => ({ channelId: row.channelId, asOf: row.asOf, followers: Number(row.followers) }));
}
