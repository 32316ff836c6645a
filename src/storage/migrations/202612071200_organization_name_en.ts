/**
 * Organizations' names in English, where given: the English UI shows them, and the Russian name where none is.
 * Frozen once shipped.
 */
import type { MigrationDb } from './column-types.js';

export async function up(db: MigrationDb): Promise<void> {
  await db.schema.alterTable('organization').addColumn('name_en', 'text').execute();
  await db.schema.alterTable('organization').addColumn('short_name_en', 'text').execute();
}

export async function down(db: MigrationDb): Promise<void> {
  await db.schema.alterTable('organization').dropColumn('short_name_en').execute();
  await db.schema.alterTable('organization').dropColumn('name_en').execute();
}
