/** Channels with what measures need of their owner, and their audience snapshots. */
import type { Expression, ExpressionBuilder, Kysely, Selectable, SqlBool } from 'kysely';
import type { AudienceRow } from '../../domain/audience.measure.js';
import type { OrgScope } from '../../domain/scope.js';
import { selectPacked } from '../packed.js';
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

/**
 * The latest audience snapshot on or before a date of each channel `ch` the condition keeps. Only each channel's
 * latest, found from the channel (one index probe each): a filter on every snapshot would test thousands per
 * channel with daily snapshots.
 */
function latestAudience(
  db: Kysely<Database>,
  upTo: string,
  channels: (eb: ExpressionBuilder<Database & { ch: Database['channel'] }, 'ch'>) => Expression<SqlBool>,
): Promise<AudienceRow[]> {
  const query = db
    .selectFrom('channel as ch')
    .innerJoin('audienceSnapshot as a', (join) =>
      join.onRef('a.channelId', '=', 'ch.id').on('a.asOf', '=', (eb) =>
        eb
          .selectFrom('audienceSnapshot as b')
          .select((inner) => inner.fn.max('b.asOf').as('latest'))
          .whereRef('b.channelId', '=', 'ch.id')
          .where('b.asOf', '<=', upTo),
      ),
    )
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
 * The latest audience snapshot on or before a date of each channel of the root's subtree: read beside the
 * channels, not after them, so that PostgreSQL runs both at once.
 */
export async function listSubtreeAudience(
  db: Kysely<Database>,
  scope: OrgScope,
  rootId: number,
  upTo: string,
): Promise<AudienceRow[]> {
  return latestAudience(db, upTo, (eb) =>
    eb('ch.orgId', 'in', subtreeOf(db, scope, rootId).select('c.descendantId')),
  );
}

/** A channel of a subtree as the figures show it. */
export type SubtreeChannel = Pick<
  Selectable<Database['channel']>,
  'id' | 'code' | 'orgId' | 'platform' | 'name' | 'url' | 'createdOn'
>;

/** The channels of the root's subtree, by id. */
export async function listSubtreeChannels(
  db: Kysely<Database>,
  scope: OrgScope,
  rootId: number,
): Promise<SubtreeChannel[]> {
  const query = subtreeOf(db, scope, rootId).innerJoin('channel as ch', 'ch.orgId', 'c.descendantId');
  const channels = await selectPacked(db, query, [
    'ch.id',
    'ch.code',
    'ch.orgId',
    'ch.platform',
    'ch.name',
    'ch.url',
    'ch.createdOn',
  ]);
  return channels.sort((a, b) => a.id - b.id);
}
