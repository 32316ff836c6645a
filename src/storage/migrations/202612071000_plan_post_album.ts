/**
 * Albums in the content plan: a post may carry up to ten images. The first stays in `plan_post.image` (what a
 * single photo, Facebook and Instagram send); the others are `plan_post_image` rows by position (1 to 9), bounded
 * in size and type by the service as the first. A Telegram album is several messages: `plan_post_channel.message_ids`
 * keeps them all (JSON, in order), the first being the sending's external id. Frozen once shipped.
 */
import { columnTypes, isSqlite, type MigrationDb } from './column-types.js';

export async function up(db: MigrationDb): Promise<void> {
  const t = columnTypes(db);
  await db.schema
    .createTable('plan_post_image')
    .addColumn('post_id', 'integer', (c) => c.notNull().references('plan_post.id').onDelete('cascade'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('image', isSqlite(db) ? 'blob' : 'bytea', (c) => c.notNull())
    .addColumn('image_type', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('plan_post_image_pk', ['post_id', 'position'])
    .execute();
  await db.schema.alterTable('plan_post_channel').addColumn('message_ids', t.json).execute();
}

export async function down(db: MigrationDb): Promise<void> {
  await db.schema.alterTable('plan_post_channel').dropColumn('message_ids').execute();
  await db.schema.dropTable('plan_post_image').execute();
}
