/** The collector of each platform: one line of COLLECTORS each. */
import type { Platform } from '../../shared/vocabulary.js';
import type { Collector } from './collector.js';
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
