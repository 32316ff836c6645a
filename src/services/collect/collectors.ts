/** The collector of each platform: one line of COLLECTORS each. */
import type { Platform } from '../../shared/vocabulary.js';
import type { ChannelRef } from '../../storage/repositories/channel.repository.js';
import type { Context } from '../context.js';
import type { Collector, SkipReason } from './collector.js';
import { websiteCollector, youtubeCollector } from './feed.js';
import { graphCollector } from './graph-channel.js';
import { telegramCollector } from './telegram-bot.js';

/** The collector of each platform collected. */
export const COLLECTORS: Partial<Record<Platform, Collector>> = {
  telegram: telegramCollector,
  facebook: graphCollector('facebook'),
  instagram: graphCollector('instagram'),
  website: websiteCollector,
  youtube: youtubeCollector,
};

/** Why the channel is not collected (a platform without a collector, a closed channel, its collector's reason). */
export function skipReasonOf(
  ctx: Context,
  channel: ChannelRef & { closedOn: string | null },
): Promise<SkipReason | undefined> {
  const collector = COLLECTORS[channel.platform];
  if (!collector) return Promise.resolve('not_telegram');
  if (channel.closedOn !== null) return Promise.resolve('closed');
  return collector.skipReason(ctx, channel);
}
