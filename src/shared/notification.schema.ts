/** A user's notification as the API answers it: the routes' response schema, and the web application's type. */
import { z } from 'zod';
import { NOTIFICATION_KINDS } from './messages.js';

export const notificationAnswer = z.object({
  id: z.number().int(),
  kind: z.enum(NOTIFICATION_KINDS),
  /** The post it is about, if any. */
  post: z.number().int().nullable(),
  /** The text's parameters: for a failed sending the channel and the platform's error (code and params). */
  params: z.record(z.string(), z.unknown()),
  /** The text in the user's language. */
  message: z.string(),
  read: z.boolean(),
  createdAt: z.string(),
});
export type NotificationAnswer = z.infer<typeof notificationAnswer>;

export const notificationListAnswer = z.object({
  items: z.array(notificationAnswer),
  /** How many of the user's notifications are unread (beyond those listed too). */
  unread: z.number().int(),
});
