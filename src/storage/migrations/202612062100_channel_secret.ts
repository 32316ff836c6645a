/**
 * A channel's access token for collecting, encrypted (services/channel-token.ts), in a table of its own rather
 * than columns on channel: the registry reads and the audit log copy a channel's whole row, and the cipher text
 * must reach neither. Deleting the channel deletes its token. Frozen once shipped.
 */
import { columnTypes, type MigrationDb } from './column-types.js';

export async function up(db: MigrationDb): Promise<void> {
  const t = columnTypes(db);
  await db.schema
    .createTable('channel_secret')
    .addColumn('channel_id', 'integer', (c) => c.primaryKey().references('channel.id').onDelete('cascade'))
    .addColumn('cipher', 'text', (c) => c.notNull())
    .addColumn('set_at', t.instant, (c) => c.notNull())
    .addColumn('expires_on', t.date)
    .addColumn('set_by', 'integer', (c) => c.references('app_user.id').onDelete('set null'))
    .execute();
}

export async function down(db: MigrationDb): Promise<void> {
  await db.schema.dropTable('channel_secret').execute();
}
