/** The collector of each platform: one line of COLLECTORS each; the Telegram web preview's is here. */
import { DomainError } from '../../domain/errors.js';
import { mapWebPost } from '../../importers/telegram-web/map.js';
import type { Platform } from '../../shared/vocabulary.js';
import { storedExternalIds } from '../../storage/repositories/collect.repository.js';
import type { Collector } from './collector.js';
import { websiteCollector, youtubeCollector } from './feed.js';
import { graphCollector } from './graph-channel.js';
import { collectTelegramWeb, telegramAddressOf } from './telegram-web.js';

const telegramWeb: Collector = {
  // Its address is checked with the closed ones: no lookup needed.
  skipReason: () => Promise.resolve(undefined),
  async collect(ctx, channel, fetcher, policy) {
    const address = telegramAddressOf(channel.url);
    if (!address || 'invite' in address)
      throw new DomainError('collect_channel_private', { username: '', url: channel.url ?? '' });
    const { username } = address;
    const collected = await collectTelegramWeb(fetcher, username, {
      baseUrl: policy.telegramWebUrl,
      maxPages: policy.maxPages,
      stored: (ids) => storedExternalIds(ctx.db.kysely, channel.id, ids),
    });
    return {
      items: collected.posts.map((post) => mapWebPost(post, { file: collected.source, username })),
      ...(collected.followers !== undefined ? { followers: collected.followers } : {}),
      pages: collected.pages,
      hash: collected.hash,
      source: collected.source,
      format: 'telegram-web',
    };
  },
};

/** The collector of each platform collected. */
export const COLLECTORS: Partial<Record<Platform, Collector>> = {
  telegram: telegramWeb,
  facebook: graphCollector('facebook'),
  instagram: graphCollector('instagram'),
  website: websiteCollector,
  youtube: youtubeCollector,
};

