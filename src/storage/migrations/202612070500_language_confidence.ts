/**
 * How sure the analysis was of a publication's language, 0 to 1, from the evidence the text gave (a caption of two
 * words less than a paragraph); null before the publication is analyzed. Frozen once shipped.
 */
import { columnTypes, type MigrationDb } from './column-types.js';

export async function up(db: MigrationDb): Promise<void> {
  await db.schema.alterTable('publication').addColumn('language_confidence', columnTypes(db).real).execute();
}

export async function down(db: MigrationDb): Promise<void> {
  await db.schema.alterTable('publication').dropColumn('language_confidence').execute();
}
