/** Users' notifications (services/plan/notification.service.ts). */
import { type Insertable, type Kysely, sql } from 'kysely';
import type { Database, NotificationTable } from '../schema.js';

export interface NotificationRow {
  id: number;
  postId: number | null;
  kind: string;
  params: unknown;
  readAt: string | null;
  createdAt: string;
}

export async function insertNotification(
  db: Kysely<Database>,
  row: Omit<Insertable<NotificationTable>, 'id' | 'readAt'>,
): Promise<number> {
  const { id } = await db.insertInto('notification').values(row).returning('id').executeTakeFirstOrThrow();
  return id;
}

const columns = ['id', 'postId', 'kind', 'params', 'readAt', 'createdAt'] as const;

/** A user's notifications: the unread first, each part newest first. */
export function userNotifications(
  db: Kysely<Database>,
  userId: number,
  limit: number,
): Promise<NotificationRow[]> {
  return db
    .selectFrom('notification')
    .select(columns)
    .where('userId', '=', userId)
    .orderBy(sql`case when read_at is null then 0 else 1 end`)
    .orderBy('createdAt', 'desc')
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
}

export async function unreadNotifications(db: Kysely<Database>, userId: number): Promise<number> {
  const row = await db
    .selectFrom('notification')
    .select((eb) => eb.fn.countAll<number | string>().as('count'))
    .where('userId', '=', userId)
    .where('readAt', 'is', null)
    .executeTakeFirst();
  return Number(row?.count ?? 0);
}

/** Marks one of the user's notifications read (kept read if it was); the row, none when not the user's. */
export async function markNotificationRead(
  db: Kysely<Database>,
  userId: number,
  id: number,
  now: string,
): Promise<NotificationRow | undefined> {
  await db
    .updateTable('notification')
    .set({ readAt: now })
    .where('id', '=', id)
    .where('userId', '=', userId)
    .where('readAt', 'is', null)
    .execute();
  return db
    .selectFrom('notification')
    .select(columns)
    .where('id', '=', id)
    .where('userId', '=', userId)
    .executeTakeFirst();
}

/** The author's sign-in name and language, for a notification's e-mail. */
export function notifiedUser(
  db: Kysely<Database>,
  userId: number,
): Promise<{ login: string; lang: string; disabled: boolean | number } | undefined> {
  return db
    .selectFrom('appUser')
    .select(['login', 'lang', 'disabled'])
    .where('id', '=', userId)
    .executeTakeFirst();
}
