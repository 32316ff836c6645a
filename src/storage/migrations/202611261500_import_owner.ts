/**
 * What the server needs of an import batch: the organization it belongs to (its channel's, or the uploader's for
 * a spreadsheet without a channel), who started it, the error a failed one stopped at, and a heartbeat, so that
 * a batch whose process died is told from one still running. Frozen once shipped.
 */
import { sql } from 'kysely';
import { columnTypes, type MigrationDb } from './column-types.js';

export async function up(db: MigrationDb): Promise<void> {
  const t = columnTypes(db);
  // SQLite adds one column per statement.
  await db.schema
    .alterTable('import_batch')
    .addColumn('org_id', 'integer', (c) => c.references('organization.id').onDelete('cascade'))
    .execute();
  await db.schema
    .alterTable('import_batch')
    .addColumn('user_id', 'integer', (c) => c.references('app_user.id').onDelete('set null'))
    .execute();
  await db.schema.alterTable('import_batch').addColumn('error', t.json).execute();
  await db.schema.alterTable('import_batch').addColumn('heartbeat_at', t.instant).execute();
  await sql`update import_batch set org_id = (select c.org_id from channel c where c.id = import_batch.channel_id)`.execute(
    db,
  );
  await db.schema.createIndex('import_batch_org_idx').on('import_batch').column('org_id').execute();
}

export async function down(db: MigrationDb): Promise<void> {
  await db.schema.dropIndex('import_batch_org_idx').execute();
  for (const column of ['heartbeat_at', 'error', 'user_id', 'org_id']) {
    await db.schema.alterTable('import_batch').dropColumn(column).execute();
  }
}
