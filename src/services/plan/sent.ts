/** What each platform's publishing gives back, and how a post is known on its channel after an uncertain send. */
import type { Mapped } from '../../importers/types.js';
import type { ImportFormat } from '../../shared/vocabulary.js';

/** What a channel's post was published as: the platform's id, its address, and the drafts that store it. */
export interface Sent {
  externalId: string;
  /** Its address; null where the platform's answer gave none (an Instagram permalink not read). */
  url: string | null;
  items: Mapped[];
  /** The batch's name and hash: what the runner records the publication's source as. */
  source: string;
  hash: string;
  format: ImportFormat;
  /** Every message an album was sent as, in order, where it is more than one. */
  messageIds?: string[];
}

/** A post found on the channel may be this much older than the attempt that sent it (clocks differ). */
export const CLOCK_SLACK_MS = 60_000;

/** The same text whichever way it was read: line ends and runs of spaces aside. */
export const normalized = (text: string) => text.replace(/\s+/g, ' ').trim();
