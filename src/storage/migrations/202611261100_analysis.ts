/**
 * What content analysis adds: the reasons behind each publication's labels, how a repost was found and which
 * stored publication it copies, the band keys of each text's fingerprint (near-duplicate lookup), users'
 * corrections (who, when) and the models trained on them. Frozen: never edit, add a new migration instead.
 */
import { columnTypes, type MigrationDb } from './column-types.js';

export async function up(db: MigrationDb): Promise<void> {
  const t = columnTypes(db);
  // SQLite adds one column per statement.
  await db.schema.alterTable('publication').addColumn('reasons', t.json).execute();
  await db.schema.alterTable('publication').addColumn('repost_by', 'text').execute();
  await db.schema
    .alterTable('publication')
    .addColumn('repost_of_id', 'integer', (c) => c.references('publication.id').onDelete('set null'))
    .execute();
  await db.schema.alterTable('publication').addColumn('analyzed_at', t.instant).execute();
  await db.schema.alterTable('publication').addColumn('fingerprinted_at', t.instant).execute();
  await db.schema.createIndex('publication_repost_of_idx').on('publication').column('repost_of_id').execute();

  // Band keys of a text's MinHash signature: texts sharing a key are candidates for near-copies.
  await db.schema
    .createTable('publication_band')
    .addColumn('publication_id', 'integer', (c) =>
      c.notNull().references('publication.id').onDelete('cascade'),
    )
    .addColumn('band', 'integer', (c) => c.notNull())
    .addColumn('bucket', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('publication_band_pk', ['band', 'bucket', 'publication_id'])
    .execute();
  await db.schema
    .createIndex('publication_band_publication_idx')
    .on('publication_band')
    .column('publication_id')
    .execute();

  await db.schema
    .createTable('publication_correction')
    .addColumn('id', 'integer', t.id)
    .addColumn('publication_id', 'integer', (c) =>
      c.notNull().references('publication.id').onDelete('cascade'),
    )
    .addColumn('field', 'text', (c) => c.notNull())
    .addColumn('value', t.json, (c) => c.notNull())
    .addColumn('corrected_by', 'text', (c) => c.notNull())
    .addColumn('corrected_at', t.instant, (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('publication_correction_publication_idx')
    .on('publication_correction')
    .columns(['publication_id', 'field'])
    .execute();

  await db.schema
    .createTable('analysis_model')
    .addColumn('id', 'integer', t.id)
    .addColumn('trained_at', t.instant, (c) => c.notNull())
    .addColumn('trained_by', 'text', (c) => c.notNull())
    .addColumn('corrections', 'integer', (c) => c.notNull())
    .addColumn('documents', 'integer', (c) => c.notNull())
    .addColumn('params', t.json, (c) => c.notNull())
    .execute();
}

export async function down(db: MigrationDb): Promise<void> {
  await db.schema.dropTable('analysis_model').execute();
  await db.schema.dropTable('publication_correction').execute();
  await db.schema.dropTable('publication_band').execute();
  await db.schema.dropIndex('publication_repost_of_idx').execute();
  for (const column of ['fingerprinted_at', 'analyzed_at', 'repost_of_id', 'repost_by', 'reasons']) {
    await db.schema.alterTable('publication').dropColumn(column).execute();
  }
}
