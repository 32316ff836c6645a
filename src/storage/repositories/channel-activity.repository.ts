/** Publications per channel in a period: what the Channels page shows beside each channel. */
import type { Kysely } from 'kysely';
import type { Period } from '../../domain/period.js';
import type { Database } from '../schema.js';

/** How many publications each of the channels has in the period (local dates), whatever they are about. */
export async function countChannelPublications(
  db: Kysely<Database>,
  channelIds: readonly number[],
  period: Period,
): Promise<Map<number, number>> {
  if (channelIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('publication as p')
    .select((eb) => ['p.channelId', eb.fn.countAll<number>().as('posts')])
    .where('p.channelId', 'in', [...channelIds])
    .where('p.localDate', '>=', period.from)
    .where('p.localDate', '<=', period.to)
    .groupBy('p.channelId')
    .execute();
  return new Map(rows.map((row) => [row.channelId, Number(row.posts)]));
}
