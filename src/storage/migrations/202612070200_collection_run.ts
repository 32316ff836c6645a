/**
 * One row per channel per collection attempt, whoever started it (a person now, or the scheduler): when it ran, how
 * it ended, what it stored and the batch that holds it. The channels' health (last success, failing since) and the
 * scheduler's due-ness are read from it. Deleting the channel deletes its runs; undoing a batch keeps its run.
 * Frozen once shipped.
 */
import { columnTypes, type MigrationDb } from './column-types.js';

export async function up(db: MigrationDb): Promise<void> {
  const t = columnTypes(db);
  await db.schema
    .createTable('collection_run')
    .addColumn('id', 'integer', t.id)
    .addColumn('channel_id', 'integer', (c) => c.notNull().references('channel.id').onDelete('cascade'))
    .addColumn('trigger', 'text', (c) => c.notNull())
    .addColumn('started_at', t.instant, (c) => c.notNull())
    .addColumn('finished_at', t.instant)
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('error_code', 'text')
    .addColumn('error_params', 'text')
    .addColumn('new', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('updated', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('unchanged', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('rejected', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('followers', 'integer')
    .addColumn('batch_id', 'integer', (c) => c.references('import_batch.id').onDelete('set null'))
    .execute();
  await db.schema
    .createIndex('collection_run_by_channel')
    .on('collection_run')
    .columns(['channel_id', 'started_at'])
    .execute();
}

export async function down(db: MigrationDb): Promise<void> {
  await db.schema.dropTable('collection_run').execute();
}
