/**
 * A Facebook page's or an Instagram professional account's collector (see collect/graph.ts): skipped without a
 * token, or while the token it has was refused as expired (until a new one is set, which clears the mark); its
 * Graph node from the channel's address; a refused token (Graph error 190) marks the channel's token expired.
 *
 * An Instagram channel that gave no token and is named by its user name alone (`instagram.com/<name>`, as a
 * branch's account is) is read through `business_discovery` of an Instagram account its owner organization or
 * the nearest of its parents has, with that account's token and Graph user id. An address that carries a Graph
 * user id asks to be read with the channel's own token: without one it stays skipped.
 */
import { mapFacebookPost, mapInstagramMedia } from '../../importers/graph/map.js';
import type { ErrorCode } from '../../shared/messages.js';
import type { ChannelRef } from '../../storage/repositories/channel.repository.js';
import { storedExternalIds } from '../../storage/repositories/collect.repository.js';
import type { Collector } from './collector.js';
import { tokenOf, tokenStatuses } from '../channel-token.js';
import type { Context } from '../context.js';
import {
  collectBusinessDiscovery,
  collectGraphNode,
  GraphClient,
  graphNodeOf,
  instagramNameOf,
} from './graph.js';

/** Why a Graph channel is not collected: no token set, its token refused as expired, no Graph id in its address. */
export type GraphSkip = 'no_token' | 'token_expired' | 'no_graph_id';

/** Whether the channel has a token, and whether the platform refused it (Graph's 190, the Bot API's 401). */
export async function tokenState(ctx: Context, channelId: number): Promise<'none' | 'expired' | 'set'> {
  const state = (await tokenStatuses(ctx, [channelId])).get(channelId);
  if (!state) return 'none';
  return state.expired ? 'expired' : 'set';
}

/**
 * The Instagram account a tokenless channel is read through: one with a token not refused and a Graph user id,
 * of the channel's owner organization or else of its nearest parent (the oldest channel first among equals).
 */
async function discoveryHostOf(
  ctx: Context,
  channel: ChannelRef,
): Promise<{ channelId: number; node: string } | undefined> {
  const rows = await ctx.db.kysely
    .selectFrom('orgClosure')
    .innerJoin('channel', 'channel.orgId', 'orgClosure.ancestorId')
    .innerJoin('channelSecret', 'channelSecret.channelId', 'channel.id')
    .select(['channel.id', 'channel.url'])
    .where('orgClosure.descendantId', '=', channel.orgId)
    .where('channel.platform', '=', 'instagram')
    .where('channel.id', '!=', channel.id)
    .where('channel.closedOn', 'is', null)
    .where('channelSecret.expiredAt', 'is', null)
    .orderBy('orgClosure.depth')
    .orderBy('channel.id')
    .execute();
  for (const row of rows) {
    const node = graphNodeOf('instagram', row.url);
    if (node !== undefined) return { channelId: row.id, node };
  }
  return undefined;
}

/** How each platform's posts become drafts, and the source its batches name. */
const MAPPINGS = {
  facebook: { map: mapFacebookPost, format: 'facebook-graph' },
  instagram: { map: mapInstagramMedia, format: 'instagram-graph' },
} as const;

export function graphCollector(platform: 'facebook' | 'instagram'): Collector {
  return {
    async skipReason(ctx: Context, channel: ChannelRef) {
      const node = graphNodeOf(platform, channel.url);
      const state = await tokenState(ctx, channel.id);
      if (node === undefined && platform === 'instagram' && state === 'none')
        return instagramNameOf(channel.url) !== undefined && (await discoveryHostOf(ctx, channel))
          ? undefined
          : 'no_token';
      if (node === undefined) return 'no_graph_id';
      return state === 'none' ? 'no_token' : state === 'expired' ? 'token_expired' : undefined;
    },
    async collect(ctx, channel, _fetcher, policy) {
      const node = graphNodeOf(platform, channel.url);
      const options = {
        maxPages: policy.maxPages,
        stored: (ids: readonly string[]) => storedExternalIds(ctx.db.kysely, channel.id, ids),
      };
      const host = node === undefined ? await discoveryHostOf(ctx, channel) : undefined;
      const token = (await tokenOf(ctx, host?.channelId ?? channel.id)) ?? '';
      const client = new GraphClient(policy, token);
      const collected = host
        ? await collectBusinessDiscovery(client, host.node, instagramNameOf(channel.url) ?? '', options)
        : await collectGraphNode(client, platform, node ?? '', options);
      const { map, format } = MAPPINGS[platform];
      // Graph lists the newest first; the runner stores them oldest first, as an export lists them.
      const items = [...collected.items]
        .reverse()
        .map((item, index) => map(item, index + 1, { file: collected.source }));
      return {
        items,
        ...(collected.followers !== undefined ? { followers: collected.followers } : {}),
        pages: collected.pages,
        hash: collected.hash,
        source: collected.source,
        format,
      };
    },
    async failed(ctx, channel, code) {
      // A token refused while reading through business_discovery is the parent's account's: that one is marked.
      const host =
        code === 'collect_token_expired' && (await tokenState(ctx, channel.id)) === 'none'
          ? await discoveryHostOf(ctx, channel)
          : undefined;
      await markTokenExpired(ctx, host ? { ...channel, id: host.channelId } : channel, code);
    },
  };
}

/** A collector's `failed`: a token refused as expired or revoked is marked so until a new one is set. */
export async function markTokenExpired(ctx: Context, channel: ChannelRef, code: ErrorCode): Promise<void> {
  if (code !== 'collect_token_expired') return;
  await ctx.db.kysely
    .updateTable('channelSecret')
    .set({ expiredAt: ctx.clock().toISOString() })
    .where('channelId', '=', channel.id)
    .execute();
}
