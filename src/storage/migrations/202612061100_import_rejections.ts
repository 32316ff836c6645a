/**
 * Every rejection of an import, a row each, instead of the first thousand in a JSON column of its batch: a file
 * with more kept only those, silently. Read a page at a time, in the file's order. The batches' JSON lists move
 * here and the column goes. Frozen once shipped.
 */
import { columnTypes, type MigrationDb } from './column-types.js';

interface StoredRejection {
  file: string;
  record: { kind: string; index: number };
  field: string;
  code: string;
  params?: Record<string, string | number>;
}

export async function up(db: MigrationDb): Promise<void> {
  const t = columnTypes(db);
  await db.schema
    .createTable('import_rejection')
    .addColumn('batch_id', 'integer', (c) => c.notNull().references('import_batch.id').onDelete('cascade'))
    /** The order the import met it in. */
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('file', 'text', (c) => c.notNull())
    .addColumn('record_kind', 'text', (c) => c.notNull())
    .addColumn('record_index', 'integer', (c) => c.notNull())
    .addColumn('field', 'text', (c) => c.notNull())
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('params', t.json)
    .addPrimaryKeyConstraint('import_rejection_pk', ['batch_id', 'position'])
    .execute();
  // Pages in the file's order walk this index.
  await db.schema
    .createIndex('import_rejection_order_idx')
    .on('import_rejection')
    .columns(['batch_id', 'file', 'record_index', 'position'])
    .execute();

  const batches = (await db
    .selectFrom('import_batch')
    .select(['id', 'rejections'])
    .where('rejections', 'is not', null)
    .execute()) as { id: number; rejections: unknown }[];
  for (const batch of batches) {
    const list = (
      typeof batch.rejections === 'string' ? JSON.parse(batch.rejections) : batch.rejections
    ) as StoredRejection[];
    for (let at = 0; at < list.length; at += 500) {
      const rows = list.slice(at, at + 500).map((rejection, offset) => ({
        batch_id: batch.id,
        position: at + offset,
        file: rejection.file,
        record_kind: rejection.record.kind,
        record_index: rejection.record.index,
        field: rejection.field,
        code: rejection.code,
        params: rejection.params ? JSON.stringify(rejection.params) : null,
      }));
      if (rows.length > 0) await db.insertInto('import_rejection').values(rows).execute();
    }
  }
  await db.schema.alterTable('import_batch').dropColumn('rejections').execute();
}

export async function down(db: MigrationDb): Promise<void> {
  const t = columnTypes(db);
  await db.schema.alterTable('import_batch').addColumn('rejections', t.json).execute();
  await db.schema.dropTable('import_rejection').execute();
}
