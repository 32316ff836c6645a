/** Channels with what measures need of their owner, and their audience snapshots. */
import type { Expression, ExpressionBuilder, Kysely, Selectable, SqlBool } from 'kysely';
import type { AudienceRow } from '../../domain/audience.measure.js';
import type { LocalDate } from '../../domain/period.js';
import type { OrgScope } from '../../domain/scope.js';
import { keptPacked, selectPacked } from '../packed.js';
import { valuesIn } from '../parameters.js';
import type { Database } from '../schema.js';
import { inScope, subtreeOf } from '../scope.js';

export interface ChannelRef {
  id: number;
  code: string;
  orgId: number;
  platform: Database['channel']['platform'];
  name: string;
  url: string | null;
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
    .select([
      'channel.id',
      'channel.code',
      'channel.orgId',
      'channel.platform',
      'channel.name',
      'channel.url',
      'organization.timeZone',
    ])
    .where('channel.code', '=', code)
    .where(inScope(scope, 'channel.orgId'))
    .executeTakeFirst();
}

type WithChannel = Database & { ch: Database['channel'] };

/**
 * The id of channel `ch`'s latest audience snapshot on or before a date, found from the channel: one backward probe
 * of its (channel, date) key, where a filter on every snapshot would test thousands per channel with daily
 * snapshots.
 */
function latestSnapshotId(eb: ExpressionBuilder<WithChannel, 'ch'>, upTo: string) {
  return eb
    .selectFrom('audienceSnapshot as b')
    .select('b.id')
    .whereRef('b.channelId', '=', 'ch.id')
    .where('b.asOf', '<=', upTo)
    .orderBy('b.asOf', 'desc')
    .limit(1);
}

/** The latest audience snapshot on or before a date of each channel `ch` the condition keeps. */
function latestAudience(
  db: Kysely<Database>,
  upTo: string,
  channels: (eb: ExpressionBuilder<WithChannel, 'ch'>) => Expression<SqlBool>,
): Promise<AudienceRow[]> {
  const query = db
    .selectFrom('channel as ch')
    .innerJoin('audienceSnapshot as a', (join) => join.on('a.id', '=', (eb) => latestSnapshotId(eb, upTo)))
    .where(channels);
  return selectPacked(db, query, ['a.channelId', 'a.asOf', 'a.followers']);
}

/** The latest audience snapshot of each channel on or before a date. */
export async function listAudience(
  db: Kysely<Database>,
  channelIds: readonly number[],
  upTo: string,
): Promise<AudienceRow[]> {
  if (channelIds.length === 0) return [];
  return latestAudience(db, upTo, (eb) => eb('ch.id', 'in', valuesIn(db, channelIds, 'integer')));
}

/**
 * A channel of a subtree as the figures show it, with its latest followers on or before a date and that
 * snapshot's date (`asOf`), both null when it has none.
 */
export type SubtreeChannel = Pick<
  Selectable<Database['channel']>,
  'id' | 'code' | 'orgId' | 'platform' | 'name' | 'url' | 'createdOn'
> & { followers: number | null; asOf: LocalDate | null };

const subtreeChannels = keptPacked(
  (db: Kysely<Database>, scope: OrgScope, { rootId, upTo }: { rootId: number; upTo: LocalDate }) =>
    subtreeOf(db, scope, rootId)
      .innerJoin('channel as ch', 'ch.orgId', 'c.descendantId')
      .leftJoin('audienceSnapshot as a', (join) => join.on('a.id', '=', (eb) => latestSnapshotId(eb, upTo))),
  [
    'ch.id',
    'ch.code',
    'ch.orgId',
    'ch.platform',
    'ch.name',
    'ch.url',
    'ch.createdOn',
    'a.asOf',
    'a.followers',
  ],
);

/** The channels of the root's subtree, by id, each with its latest audience snapshot on or before a date. */
export async function listSubtreeChannels(
  db: Kysely<Database>,
  scope: OrgScope,
  rootId: number,
  upTo: LocalDate,
): Promise<SubtreeChannel[]> {
  const channels = await subtreeChannels(db, scope, { rootId, upTo });
  return channels.sort((a, b) => a.id - b.id);
}
