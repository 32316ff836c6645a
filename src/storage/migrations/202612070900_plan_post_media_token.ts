/**
 * The content plan's image as Instagram fetches it: Instagram's content publishing takes an image only by a public
 * address, so each post gets an unguessable token (`media_token`, unique) under which the server serves its image
 * without a sign-in, and only while the post is approved or being published. Posts drafted before get one here.
 * Frozen once shipped.
 */
import { randomBytes } from 'node:crypto';
import type { MigrationDb } from './column-types.js';

export async function up(db: MigrationDb): Promise<void> {
  await db.schema.alterTable('plan_post').addColumn('media_token', 'text').execute();
  const rows = (await db.selectFrom('plan_post').select('id').execute()) as { id: number }[];
  for (const { id } of rows)
    await db
      .updateTable('plan_post')
      .set({ media_token: randomBytes(24).toString('base64url') })
      .where('id', '=', id)
      .execute();
  await db.schema
    .createIndex('plan_post_media_token')
    .on('plan_post')
    .column('media_token')
    .unique()
    .execute();
}

export async function down(db: MigrationDb): Promise<void> {
  await db.schema.dropIndex('plan_post_media_token').execute();
  await db.schema.alterTable('plan_post').dropColumn('media_token').execute();
}
