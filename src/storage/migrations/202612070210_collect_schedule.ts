/**
 * The collection scheduler's state: how often each channel is collected (minutes between runs for its posts and
 * for its followers, on the channel as they are its settings; null keeps the defaults of services/collect/due.ts),
 * and the leases by which several server processes on one database run each due job once: per job key, the due
 * instant last done and, while a process runs it, which process holds it until when. Frozen once shipped.
 */
import { columnTypes, type MigrationDb } from './column-types.js';

export async function up(db: MigrationDb): Promise<void> {
  const t = columnTypes(db);
  await db.schema.alterTable('channel').addColumn('collect_posts_every_minutes', 'integer').execute();
  await db.schema.alterTable('channel').addColumn('collect_followers_every_minutes', 'integer').execute();
  await db.schema
    .createTable('schedule_lease')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('done_due_at', t.instant)
    .addColumn('held_by', 'text')
    .addColumn('held_until', t.instant)
    .execute();
}

export async function down(db: MigrationDb): Promise<void> {
  await db.schema.dropTable('schedule_lease').execute();
  await db.schema.alterTable('channel').dropColumn('collect_followers_every_minutes').execute();
  await db.schema.alterTable('channel').dropColumn('collect_posts_every_minutes').execute();
}
