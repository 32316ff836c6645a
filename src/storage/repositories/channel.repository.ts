/** Channels with what measures need of their owner, and their audience snapshots. */
import type { ExpressionBuilder, Kysely, Selectable } from 'kysely';
import type { LocalDate } from '../../domain/period.js';
import type { OrgScope } from '../../domain/scope.js';
import { keptPacked } from '../packed.js';
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

/** A ChannelRef's columns, of `channel` joined with its owner `organization`. */
export const CHANNEL_REF_COLUMNS = [
  'channel.id',
  'channel.code',
  'channel.orgId',
  'channel.platform',
  'channel.name',
  'channel.url',
  'organization.timeZone',
] as const;

export async function findChannelByCode(
  db: Kysely<Database>,
  scope: OrgScope,
  code: string,
): Promise<ChannelRef | undefined> {
  return db
    .selectFrom('channel')
    .innerJoin('organization', 'organization.id', 'channel.orgId')
    .select(CHANNEL_REF_COLUMNS)
    .where('channel.code', '=', code)
    .where(inScope(scope, 'channel.orgId'))
    .executeTakeFirst();
}

type WithChannel = Database & { ch: Database['channel']; l: Database['audienceLatest'] };
type WithAudience = WithChannel & { a: Database['audienceSnapshot'] };

/**
 * The id of channel `ch`'s latest audience snapshot on or before a date when that is not the channel's latest
 * snapshot (`l`, its row of `audience_latest` left-joined), else null: found from the channel by one backward probe
 * of the snapshots' (channel, date) key, where a filter on every snapshot would test thousands per channel with
 * daily snapshots. A date on or after the latest (the dashboard's, a current brief's) needs no probe.
 */
function earlierSnapshotId(eb: ExpressionBuilder<WithChannel, 'ch' | 'l'>, upTo: string) {
  return eb
    .case()
    .when('l.asOf', '>', upTo)
    .then(
      eb
        .selectFrom('audienceSnapshot as b')
        .select('b.id')
        .whereRef('b.channelId', '=', 'ch.id')
        .where('b.asOf', '<=', upTo)
        .orderBy('b.asOf', 'desc')
        .limit(1),
    )
    .end();
}

/** The date and followers of the channel's latest snapshot on or before a date: the kept one, or `a`. */
function audienceAt(eb: ExpressionBuilder<WithAudience, 'ch' | 'l' | 'a'>, upTo: string) {
  const kept = eb('l.asOf', '<=', upTo);
  return [
    eb.case().when(kept).then(eb.ref('l.asOf')).else(eb.ref('a.asOf')).end().as('asOf'),
    eb.case().when(kept).then(eb.ref('l.followers')).else(eb.ref('a.followers')).end().as('followers'),
  ] as const;
}

/**
 * A channel of a subtree as the figures show it, with its latest followers on or before a date and that
 * snapshot's date (`asOf`), both null when it has none.
 */
export type SubtreeChannel = Pick<
  Selectable<Database['channel']>,
  'id' | 'code' | 'orgId' | 'platform' | 'name' | 'url' | 'createdOn' | 'closedOn'
> & { followers: number | null; asOf: LocalDate | null };

const subtreeChannels = keptPacked(
  (db: Kysely<Database>, scope: OrgScope, { rootId, upTo }: { rootId: number; upTo: LocalDate }) =>
    subtreeOf(db, scope, rootId)
      .innerJoin('channel as ch', 'ch.orgId', 'c.descendantId')
      .leftJoin('audienceLatest as l', 'l.channelId', 'ch.id')
      .leftJoin('audienceSnapshot as a', (join) => join.on('a.id', '=', (eb) => earlierSnapshotId(eb, upTo)))
      .select((eb) => [
        'ch.id',
        'ch.code',
        'ch.orgId',
        'ch.platform',
        'ch.name',
        'ch.url',
        'ch.createdOn',
        'ch.closedOn',
        ...audienceAt(eb, upTo),
      ]),
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
