/**
 * The channels of an organization's subtree as the Channels page lists them beside the registry's fields:
 * followers as of the period's date (the reach measure's), publications in the period, the latest publication
 * and whether the channel is active, judged by the presence matrix's rule with the settings' days.
 */
import { presenceMatrix } from '../domain/presence.measure.js';
import type { ChannelActivityAnswer } from '../shared/channel-activity.schema.js';
import { PLATFORMS } from '../shared/vocabulary.js';
import { listPresenceChannels } from '../storage/repositories/brief.repository.js';
import { countChannelPublications } from '../storage/repositories/channel-activity.repository.js';
import { listSubtreeChannels } from '../storage/repositories/channel.repository.js';
import { type Context, scopeOfContext } from './context.js';
import { type MeasureQuery, refOf, remembered, type Resolved, resolvedQuery } from './dashboard.service.js';
import { loadSettings } from './settings.service.js';

export async function channelActivityMeasure(
  ctx: Context,
  query: MeasureQuery,
): Promise<ChannelActivityAnswer> {
  return remembered(
    ctx,
    query,
    ({ org, period, asOf }) => ['channel-activity', org.id, `${period.from}..${period.to}`, asOf],
    (resolved) => activityOf(ctx, resolved),
    (resolved) => ({ measure: 'channel-activity', query: resolvedQuery(resolved) }),
  );
}

async function activityOf(ctx: Context, { org, period, asOf }: Resolved): Promise<ChannelActivityAnswer> {
  const db = ctx.db.kysely;
  const scope = scopeOfContext(ctx);
  const { activeDays } = (await loadSettings(ctx)).presence;
  const channels = await listSubtreeChannels(db, scope, org.id, asOf);
  const owners = [...new Set(channels.map((channel) => channel.orgId))];
  const presence = await listPresenceChannels(db, scope, owners, asOf);
  // The matrix's own judgement, over every platform: a channel not open on the date is in none of its cells.
  const active = new Map(
    presenceMatrix(owners, PLATFORMS, presence, asOf, activeDays).flatMap((row) =>
      row.cells.flatMap((cell) =>
        cell.channels.map((channel) => [channel.channelId, channel.active] as const),
      ),
    ),
  );
  const lastPublished = new Map(presence.map((channel) => [channel.channelId, channel.lastPublished]));
  const posts = await countChannelPublications(
    db,
    channels.map((channel) => channel.id),
    period,
  );
  return {
    org: refOf(org),
    period,
    asOf,
    activeDays,
    channels: channels.map((channel) => ({
      code: channel.code,
      followers: channel.followers,
      followersAsOf: channel.asOf,
      posts: posts.get(channel.id) ?? 0,
      lastPublished: lastPublished.get(channel.id) ?? null,
      active: active.get(channel.id) ?? false,
    })),
  };
}
