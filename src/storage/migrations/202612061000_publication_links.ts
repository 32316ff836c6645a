/**
 * What real exports hold and imports dropped: a publication's links (a Telegram `text_link` keeps its address only
 * in the entity, not in the text), and the notes of an import batch (how it read what the file left unsaid, e.g.
 * times without a zone). Frozen once shipped.
 */
import { columnTypes, type MigrationDb } from './column-types.js';

export async function up(db: MigrationDb): Promise<void> {
  const t = columnTypes(db);
  await db.schema.alterTable('publication').addColumn('links', t.json).execute();
  await db.schema.alterTable('import_batch').addColumn('notes', t.json).execute();
}

export async function down(db: MigrationDb): Promise<void> {
  await db.schema.alterTable('import_batch').dropColumn('notes').execute();
  await db.schema.alterTable('publication').dropColumn('links').execute();
}
