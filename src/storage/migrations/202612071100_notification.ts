/**
 * Notifications to a user (the content plan's: a post of theirs that failed to publish): the kind, which names
 * its text, and the text's parameters (JSON), the post it is about, and when the user read it (none: unread).
 * Frozen once shipped.
 */
import { columnTypes, type MigrationDb } from './column-types.js';

export async function up(db: MigrationDb): Promise<void> {
  const t = columnTypes(db);
  await db.schema
    .createTable('notification')
    .addColumn('id', 'integer', t.id)
    .addColumn('user_id', 'integer', (c) => c.notNull().references('app_user.id').onDelete('cascade'))
    .addColumn('post_id', 'integer', (c) => c.references('plan_post.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('params', t.json, (c) => c.notNull())
    .addColumn('read_at', t.instant)
    .addColumn('created_at', t.instant, (c) => c.notNull())
    .execute();
  // What the list asks: a user's, newest first.
  await db.schema
    .createIndex('notification_user')
    .on('notification')
    .columns(['user_id', 'created_at'])
    .execute();
}

export async function down(db: MigrationDb): Promise<void> {
  await db.schema.dropTable('notification').execute();
}
