/**
 * `GET /api/v1/measures/channel-activity`: every channel of an organization's subtree with its followers as of the
 * period's date, its publications in the period, its latest publication and whether it is active by the presence
 * rule (published within the settings' days before that date): the dashboard's figures, a row per channel.
 */
import { z } from 'zod';
import { orgRef } from './dashboard.js';

export const channelActivity = z.object({
  code: z.string(),
  /** The latest count on or before `asOf`, and its date; both null when never counted. */
  followers: z.number().nullable(),
  followersAsOf: z.string().nullable(),
  /** Publications on the channel in the period, whatever organization they are about. */
  posts: z.number().int().min(0),
  /** Local date of the latest publication on or before `asOf`. */
  lastPublished: z.string().nullable(),
  /** Open on `asOf` and published within `activeDays` before it. */
  active: z.boolean(),
});
export type ChannelActivity = z.infer<typeof channelActivity>;

export const channelActivityAnswer = z.object({
  org: orgRef,
  period: z.object({ from: z.string(), to: z.string() }),
  asOf: z.string(),
  /** The presence rule's window (settings): a channel is active with a publication this many days before `asOf`. */
  activeDays: z.number().int(),
  channels: z.array(channelActivity),
});
export type ChannelActivityAnswer = z.infer<typeof channelActivityAnswer>;
