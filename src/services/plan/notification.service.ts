/**
 * Notifying a post's author when a sending of it fails: a notification record (the kind, its parameters, the
 * post, unread), which the author lists (unread first) and marks read; and, where the installation has an SMTP
 * server (AQPARAT_SMTP_URL) and the author signs in with an e-mail address, the same text by e-mail in the
 * author's language. A mail that cannot be sent is logged and does not stop the publishing.
 */
import { z } from 'zod';
import { NotFoundError } from '../../domain/errors.js';
import { userIdOf } from '../../policies/actor.js';
import {
  describeError,
  ERROR_CODES,
  type ErrorCode,
  interpolate,
  NOTIFICATION_KINDS,
  NOTIFICATION_TEXTS,
  type NotificationKind,
} from '../../shared/messages.js';
import { UI_LANGS, type UiLang } from '../../shared/vocabulary.js';
import {
  insertNotification,
  markNotificationRead,
  type NotificationRow,
  notifiedUser,
  unreadNotifications,
  userNotifications,
} from '../../storage/repositories/notification.repository.js';
import { fromJson, toJson } from '../../storage/rows.js';
import type { Context } from '../context.js';
import { sendMail, SMTP_URL_SETTING } from '../mail/smtp.js';

/** The most notifications a list holds. */
const LIST_LIMIT = 200;

type Params = Record<string, unknown>;

export interface Notification {
  id: number;
  kind: NotificationKind;
  post: number | null;
  params: Params;
  read: boolean;
  createdAt: string;
}

export interface SendingFailure {
  code: ErrorCode;
  params: Record<string, string | number>;
}

const isErrorCode = (value: unknown): value is ErrorCode =>
  typeof value === 'string' && (ERROR_CODES as readonly string[]).includes(value);

const kindOf = (value: string): NotificationKind =>
  (NOTIFICATION_KINDS as readonly string[]).includes(value) ? (value as NotificationKind) : 'publish_failed';

const presented = (row: NotificationRow): Notification => ({
  id: row.id,
  kind: kindOf(row.kind),
  post: row.postId,
  params: fromJson<Params>(row.params) ?? {},
  read: row.readAt !== null,
  createdAt: new Date(row.createdAt).toISOString(),
});

/** The notification's subject and text in a language: a failed sending's reason told as the error's message. */
export function notificationText(
  notification: Pick<Notification, 'kind' | 'post' | 'params'>,
  lang: UiLang,
): { subject: string; text: string } {
  const { params } = notification;
  const error = params['error'] as { code?: unknown; params?: Record<string, string | number> } | undefined;
  const reason = isErrorCode(error?.code)
    ? describeError({ code: error.code, params: error.params ?? {} }, lang)
    : String(error?.code ?? '');
  const values = { post: notification.post ?? '?', channel: String(params['channel'] ?? ''), reason };
  const texts = NOTIFICATION_TEXTS[lang][notification.kind];
  return { subject: interpolate(texts.subject, values), text: interpolate(texts.text, values) };
}

/** Tells the post's author (none: nobody) that its sending to the channel failed, and mails it where it can. */
export async function notifyPublishFailed(
  ctx: Context,
  post: { id: number; authorId: number | null },
  channel: string,
  failure: SendingFailure,
): Promise<void> {
  if (post.authorId === null) return;
  const author = await notifiedUser(ctx.db.kysely, post.authorId);
  if (!author || Boolean(author.disabled)) return;
  const notification = {
    kind: 'publish_failed' as const,
    post: post.id,
    params: { channel, error: { code: failure.code, params: failure.params } },
  };
  await insertNotification(ctx.db.kysely, {
    userId: post.authorId,
    postId: post.id,
    kind: notification.kind,
    params: toJson(notification.params),
    createdAt: ctx.clock().toISOString(),
  });
  const env = process.env;
  if (!env[SMTP_URL_SETTING] || !z.email().safeParse(author.login).success) return;
  const lang = UI_LANGS.find((candidate) => candidate === author.lang) ?? 'ru';
  const { subject, text } = notificationText(notification, lang);
  try {
    await sendMail({ to: [author.login], subject, text, attachments: [] }, env);
  } catch (error) {
    ctx.log.warn({ err: error, post: post.id }, 'the failed sending could not be mailed to its author');
  }
}

/** The caller's notifications, the unread first, and how many are unread. */
export async function listNotifications(ctx: Context): Promise<{ items: Notification[]; unread: number }> {
  const userId = userIdOf(ctx.actor);
  if (userId === null) return { items: [], unread: 0 };
  const rows = await userNotifications(ctx.db.kysely, userId, LIST_LIMIT);
  return { items: rows.map(presented), unread: await unreadNotifications(ctx.db.kysely, userId) };
}

/** Marks one of the caller's notifications read; another user's is not found. */
export async function readNotification(ctx: Context, id: number): Promise<Notification> {
  const userId = userIdOf(ctx.actor);
  const row =
    userId === null
      ? undefined
      : await markNotificationRead(ctx.db.kysely, userId, id, ctx.clock().toISOString());
  if (!row) throw new NotFoundError('notification_unknown', { id });
  return presented(row);
}
