/**
 * Where a collector left off on a channel, for the next run to ask only what is newer: a feed's ETag and
 * Last-Modified for a conditional GET, the address it found (feed or WordPress API) and a cursor (the latest
 * modification time WordPress gave, the Bot API's next update offset). `pending_hash` is the hash of the batch
 * this state came with: until a done batch of that hash exists, the state is not trusted (an import that failed
 * after the fetch must not make the next run skip what it did not store). Frozen once shipped.
 */
import { columnTypes, type MigrationDb } from './column-types.js';

export async function up(db: MigrationDb): Promise<void> {
  const t = columnTypes(db);
  await db.schema
    .createTable('collect_cursor')
    .addColumn('channel_id', 'integer', (c) => c.primaryKey().references('channel.id').onDelete('cascade'))
    .addColumn('api', 'text', (c) => c.notNull())
    .addColumn('address', 'text')
    .addColumn('etag', 'text')
    .addColumn('last_modified', 'text')
    .addColumn('cursor', 'text')
    .addColumn('pending_hash', 'text')
    .addColumn('updated_at', t.instant, (c) => c.notNull())
    .execute();
}

export async function down(db: MigrationDb): Promise<void> {
  await db.schema.dropTable('collect_cursor').execute();
}
