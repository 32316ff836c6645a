/**
 * The signed-in user's notifications (services/plan/notification.service.ts): `GET /notifications` lists their
 * own, the unread first, with how many are unread; `POST /notifications/:id/read` marks one read (another
 * user's is 404). Each comes with its text in the user's language.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  listNotifications,
  type Notification,
  notificationText,
  readNotification,
} from '../../services/plan/notification.service.js';
import {
  type NotificationAnswer,
  notificationAnswer,
  notificationListAnswer,
} from '../../shared/notification.schema.js';
import type { UiLang } from '../../shared/vocabulary.js';
import { idParams } from './common.js';
import { json, replies } from './replies.js';

const answered = (notification: Notification, lang: UiLang): NotificationAnswer => ({
  ...notification,
  message: notificationText(notification, lang).text,
});

export const notificationRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['notifications'];
  const list = {
    tags,
    operationId: 'listNotifications',
    summary: 'The signed-in user’s notifications, the unread first, and how many are unread',
    response: replies({ 200: json('The notifications', notificationListAnswer) }, 401),
  };
  app.get('/notifications', { schema: list }, async (request) => {
    const { items, unread } = await listNotifications(request.ctx);
    return { items: items.map((item) => answered(item, request.lang)), unread };
  });
  const read = {
    tags,
    operationId: 'readNotification',
    summary: 'Mark one of the signed-in user’s notifications read',
    params: idParams,
    response: replies({ 200: json('The notification, read', notificationAnswer) }, 400, 401, 403, 404),
  };
  app.post('/notifications/:id/read', { schema: read }, async (request) =>
    answered(await readNotification(request.ctx, request.params.id), request.lang),
  );
};
