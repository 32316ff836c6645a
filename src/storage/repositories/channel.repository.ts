/** Channels with what measures need of their owner, and their audience snapshots. */
import type { Kysely } from 'kysely';
import type { AudienceRow } from '../../domain/audience.measure.js';
import type { OrgScope } from '../../domain/scope.js';
import type { Database } from '../schema.js';
import { inScope } from '../scope.js';

export interface ChannelRef {
  id: number;
  code: string;
  orgId: number;
  platform: Database['channel']['platform'];
  /** The owner's time zone: the calendar its publications are counted in. */
  timeZone: string;
}

export async function findChannelByCode(
  db: Kysely<Database>,
  scope: OrgScope,
  code: string,
): Promise<ChannelRef | undefined> {
  return db
    .selectFrom('channel')
    .innerJoin('organization', 'organization.id', 'channel.orgId')
    .select(['channel.id', 'channel.code', 'channel.orgId', 'channel.platform', 'organization.timeZone'])
    .where('channel.code', '=', code)
    .where(inScope(scope, 'channel.orgId'))
    .executeTakeFirst();
}

/** Audience snapshots of the channels up to a date. */
export async function listAudience(
  db: Kysely<Database>,
  channelIds: readonly number[],
  upTo: string,
): Promise<AudienceRow[]> {
  if (channelIds.length === 0) return [];
  return db
    .selectFrom('audienceSnapshot')
    .select(['channelId', 'asOf', 'followers'])
    .where('channelId', 'in', [...channelIds])
    .where('asOf', '<=', upTo)
    .execute();
}
