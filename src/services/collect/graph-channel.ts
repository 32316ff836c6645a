/**
 * A Facebook page's or an Instagram professional account's collector (see collect/graph.ts): skipped without a
 * token, or while the token it has was refused as expired (until a new one is set, which clears the mark); its
 * Graph node from the channel's address; a refused token (Graph error 190) marks the channel's token expired.
 */
import { mapFacebookPost, mapInstagramMedia } from '../../importers/graph/map.js';
import type { ErrorCode } from '../../shared/messages.js';
import type { ChannelRef } from '../../storage/repositories/channel.repository.js';
import { storedExternalIds } from '../../storage/repositories/collect.repository.js';
import type { Collector } from './collector.js';
import { tokenOf } from '../channel-token.js';
import type { Context } from '../context.js';
import { collectGraphNode, GraphClient, graphNodeOf } from './graph.js';

/** Why a Graph channel is not collected: no token set, its token refused as expired, no Graph id in its address. */
export type GraphSkip = 'no_token' | 'token_expired' | 'no_graph_id';

/** Whether the channel has a token, and whether the platform refused it (Graph's 190, the Bot API's 401). */
export async function tokenState(ctx: Context, channelId: number): Promise<'none' | 'expired' | 'set'> {
  const row = await ctx.db.kysely
    .selectFrom('channelSecret')
    .select('expiredAt')
    .where('channelId', '=', channelId)
    .executeTakeFirst();
  if (!row) return 'none';
  return row.expiredAt === null ? 'set' : 'expired';
}

/** How each platform's posts become drafts, and the source its batches name. */
const MAPPINGS = {
  facebook: { map: mapFacebookPost, format: 'facebook-graph' },
  instagram: { map: mapInstagramMedia, format: 'instagram-graph' },
} as const;

export function graphCollector(platform: 'facebook' | 'instagram'): Collector {
  return {
    async skipReason(ctx: Context, channel: ChannelRef) {
      if (graphNodeOf(platform, channel.url) === undefined) return 'no_graph_id';
      const state = await tokenState(ctx, channel.id);
      return state === 'none' ? 'no_token' : state === 'expired' ? 'token_expired' : undefined;
    },
    async collect(ctx, channel, _fetcher, policy) {
      const node = graphNodeOf(platform, channel.url) ?? '';
      const token = (await tokenOf(ctx, channel.id)) ?? '';
      const client = new GraphClient(policy, token);
      const options = {
        maxPages: policy.maxPages,
        stored: (ids: readonly string[]) => storedExternalIds(ctx.db.kysely, channel.id, ids),
      };
      const collected = await collectGraphNode(client, platform, node, options);
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
    failed: markTokenExpired,
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
