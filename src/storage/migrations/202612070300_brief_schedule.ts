/**
 * Briefs e-mailed on a schedule: what to send, to whom and how often (brief_schedule), and each sending of a
 * period (brief_sending). The unique (schedule, period) pair is how one server process among several claims a
 * sending before it sends: the others' inserts of the same pair find it taken. Frozen once shipped.
 */
import { columnTypes, type MigrationDb } from './column-types.js';

export async function up(db: MigrationDb): Promise<void> {
  const t = columnTypes(db);
  await db.schema
    .createTable('brief_schedule')
    .addColumn('id', 'integer', t.id)
    .addColumn('org_id', 'integer', (c) => c.notNull().references('organization.id').onDelete('cascade'))
    .addColumn('every', 'text', (c) => c.notNull())
    // Comma-separated lists: a few short values each, read and written whole.
    .addColumn('langs', 'text', (c) => c.notNull())
    .addColumn('formats', 'text', (c) => c.notNull())
    .addColumn('recipients', 'text', (c) => c.notNull())
    .addColumn('created_at', t.instant, (c) => c.notNull())
    .addColumn('created_by', 'integer', (c) => c.references('app_user.id').onDelete('set null'))
    .execute();
  await db.schema.createIndex('brief_schedule_org').on('brief_schedule').column('org_id').execute();
  await db.schema
    .createTable('brief_sending')
    .addColumn('id', 'integer', t.id)
    .addColumn('schedule_id', 'integer', (c) =>
      c.notNull().references('brief_schedule.id').onDelete('cascade'),
    )
    .addColumn('period', 'text', (c) => c.notNull())
    .addColumn('claimed_at', t.instant, (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('sent_at', t.instant)
    .addColumn('error', 'text')
    .addUniqueConstraint('brief_sending_schedule_period', ['schedule_id', 'period'])
    .execute();
}

export async function down(db: MigrationDb): Promise<void> {
  await db.schema.dropTable('brief_sending').execute();
  await db.schema.dropTable('brief_schedule').execute();
}
