/**
 * Where a publication's image is: a feed's first image (or a video's thumbnail) was read, making the post a photo
 * or video post, and its address dropped. Frozen once shipped.
 */
import type { MigrationDb } from './column-types.js';

export async function up(db: MigrationDb): Promise<void> {
  await db.schema.alterTable('publication').addColumn('media_url', 'text').execute();
}

export async function down(db: MigrationDb): Promise<void> {
  await db.schema.alterTable('publication').dropColumn('media_url').execute();
}
