/** The content plan's post as the API answers it: the routes' response schema, and the web application's type. */
import { z } from 'zod';
import { PLAN_POST_STATES, PLAN_SEND_STATES, PLATFORMS, TOPICS } from './vocabulary.js';

/** A channel's sending of the post: published with the platform's id and address, or why it failed. */
export const postSendingAnswer = z.object({
  channel: z.string(),
  platform: z.enum(PLATFORMS),
  state: z.enum(PLAN_SEND_STATES),
  externalId: z.string().nullable(),
  url: z.string().nullable(),
  /** The platform's reason, its message in the user's language. */
  error: z
    .object({
      code: z.string(),
      params: z.record(z.string(), z.union([z.string(), z.number()])),
      message: z.string(),
    })
    .nullable(),
  attemptedAt: z.string().nullable(),
  /** Every message a Telegram album was sent as, in order; the first is `externalId`. */
  messageIds: z.array(z.string()),
});

export const planPostAnswer = z.object({
  id: z.number().int(),
  org: z.string(),
  textRu: z.string().nullable(),
  textKk: z.string().nullable(),
  plannedAt: z.string(),
  topic: z.enum(TOPICS).nullable(),
  hasImage: z.boolean(),
  /** How many images; more than one goes to Telegram as an album. */
  imageCount: z.number().int(),
  state: z.enum(PLAN_POST_STATES),
  comment: z.string().nullable(),
  authorId: z.number().int().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  channels: z.array(postSendingAnswer),
});
export type PlanPostAnswer = z.infer<typeof planPostAnswer>;
