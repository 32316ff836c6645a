/** What a collection run reads: the channels to collect, and which of a page's posts are stored already. */
import type { Kysely } from 'kysely';
import type { OrgScope } from '../../domain/scope.js';
import type { Database } from '../schema.js';
import { inScope } from '../scope.js';
import { CHANNEL_REF_COLUMNS, type ChannelRef } from './channel.repository.js';

/** The channels in scope, by code: one, those of an organization's subtree, or all, with when each closed. */
export async function listChannelsToCollect(
  db: Kysely<Database>,
  scope: OrgScope,
  filter: { channel?: string; orgId?: number },
): Promise<(ChannelRef & { closedOn: string | null })[]> {
  let query = db
    .selectFrom('channel')
    .innerJoin('organization', 'organization.id', 'channel.orgId')
    .select([...CHANNEL_REF_COLUMNS, 'channel.closedOn'])
    .where(inScope(scope, 'channel.orgId'));
  if (filter.channel !== undefined) query = query.where('channel.code', '=', filter.channel);
  if (filter.orgId !== undefined) {
    const root = filter.orgId;
    query = query.where('channel.orgId', 'in', (eb) =>
      eb.selectFrom('orgClosure').select('orgClosure.descendantId').where('orgClosure.ancestorId', '=', root),
    );
  }
  return query.orderBy('channel.code').execute();
}

/** Which of these external ids the channel has a publication of. */
export async function storedExternalIds(
  db: Kysely<Database>,
  channelId: number,
  ids: readonly string[],
): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await db
    .selectFrom('publication')
    .select('externalId')
    .where('channelId', '=', channelId)
    .where('externalId', 'in', ids)
    .execute();
  return new Set(rows.map((row) => row.externalId));
}
