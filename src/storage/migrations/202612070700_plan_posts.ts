/**
 * The content plan: posts an organization plans (plan_post: texts in Russian and Kazakh, an optional image, the
 * planned instant and topic, the approval's state and comment, who wrote it), and each post's sending to each
 * target channel (plan_post_channel: its own state, the platform's id and address once published, the platform's
 * reason once failed, and when the sending was last attempted). The (post, channel) key holds each sending once;
 * a sending is claimed by one statement that moves its state, so of several processes one sends. Frozen once
 * shipped.
 */
import { columnTypes, isSqlite, type MigrationDb } from './column-types.js';

export async function up(db: MigrationDb): Promise<void> {
  const t = columnTypes(db);
  await db.schema
    .createTable('plan_post')
    .addColumn('id', 'integer', t.id)
    .addColumn('org_id', 'integer', (c) => c.notNull().references('organization.id').onDelete('cascade'))
    .addColumn('text_ru', 'text')
    .addColumn('text_kk', 'text')
    .addColumn('planned_at', t.instant, (c) => c.notNull())
    .addColumn('topic', 'text')
    // One image at most, its bytes kept with the post (bounded in size by the service) and its media type.
    .addColumn('image', isSqlite(db) ? 'blob' : 'bytea')
    .addColumn('image_type', 'text')
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('comment', 'text')
    .addColumn('author_id', 'integer', (c) => c.references('app_user.id').onDelete('set null'))
    .addColumn('created_at', t.instant, (c) => c.notNull())
    .addColumn('updated_at', t.instant, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('plan_post_org').on('plan_post').columns(['org_id', 'planned_at']).execute();
  // What the publisher asks each run: the approved posts whose instant has come.
  await db.schema.createIndex('plan_post_due').on('plan_post').columns(['state', 'planned_at']).execute();
  await db.schema
    .createTable('plan_post_channel')
    .addColumn('post_id', 'integer', (c) => c.notNull().references('plan_post.id').onDelete('cascade'))
    .addColumn('channel_id', 'integer', (c) => c.notNull().references('channel.id').onDelete('cascade'))
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('external_id', 'text')
    .addColumn('url', 'text')
    .addColumn('error', t.json)
    .addColumn('attempted_at', t.instant)
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addPrimaryKeyConstraint('plan_post_channel_pk', ['post_id', 'channel_id'])
    .execute();
}

export async function down(db: MigrationDb): Promise<void> {
  await db.schema.dropTable('plan_post_channel').execute();
  await db.schema.dropTable('plan_post').execute();
}
