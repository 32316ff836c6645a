/**
 * What the importers add to the model: attribution rules, the log of rows an import changed (so that undo can
 * restore them), the batch that created each snapshot and material, and the count of skipped records.
 * Frozen: never edit, add a new migration instead.
 */
import { columnTypes, type MigrationDb } from './column-types.js';

const BATCH_OWNED = ['membership_snapshot', 'audience_snapshot', 'material'] as const;

export async function up(db: MigrationDb): Promise<void> {
  const t = columnTypes(db);

  // A rule assigns a post on a channel of an ancestor (a regional page) to this organization.
  await db.schema
    .createTable('attribution_rule')
    .addColumn('id', 'integer', t.id)
    .addColumn('org_id', 'integer', (c) => c.notNull().references('organization.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('pattern', 'text', (c) => c.notNull())
    .addColumn('created_at', t.instant, (c) => c.notNull())
    .addUniqueConstraint('attribution_rule_uq', ['org_id', 'kind', 'pattern'])
    .execute();

  // Rows an import updated, with their values before it: undo puts them back. Created rows carry their batch.
  await db.schema
    .createTable('import_change')
    .addColumn('id', 'integer', t.id)
    .addColumn('batch_id', 'integer', (c) => c.notNull().references('import_batch.id').onDelete('cascade'))
    .addColumn('table_name', 'text', (c) => c.notNull())
    .addColumn('row_id', 'integer', (c) => c.notNull())
    .addColumn('before', t.json, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('import_change_batch_idx').on('import_change').column('batch_id').execute();
  await db.schema
    .createIndex('import_change_row_idx')
    .on('import_change')
    .columns(['table_name', 'row_id'])
    .execute();

  await db.schema
    .alterTable('import_batch')
    .addColumn('skipped_count', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();

  for (const table of BATCH_OWNED) {
    await db.schema
      .alterTable(table)
      .addColumn('import_batch_id', 'integer', (c) => c.references('import_batch.id').onDelete('set null'))
      .execute();
    await db.schema.createIndex(`${table}_import_batch_id_idx`).on(table).column('import_batch_id').execute();
  }
}

export async function down(db: MigrationDb): Promise<void> {
  for (const table of BATCH_OWNED) {
    await db.schema.dropIndex(`${table}_import_batch_id_idx`).execute();
    await db.schema.alterTable(table).dropColumn('import_batch_id').execute();
  }
  await db.schema.alterTable('import_batch').dropColumn('skipped_count').execute();
  await db.schema.dropTable('import_change').execute();
  await db.schema.dropTable('attribution_rule').execute();
}
