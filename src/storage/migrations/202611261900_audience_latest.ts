/**
 * Each channel's latest audience snapshot (its date and followers), kept by triggers in the same transaction as
 * every insert, delete and change of a snapshot. A reach as of a date on or after it (the dashboard's and a current
 * brief's) takes it from here, instead of a probe of the snapshots' (channel, date) key per channel: for the
 * nation's 2,000 channels with daily snapshots those probes were two thirds of its figures' read. Frozen once
 * shipped.
 */
import { sql } from 'kysely';
import { columnTypes, isSqlite, type MigrationDb } from './column-types.js';

/** Rows for the channels `channels` selects (ids), those that exist and have a snapshot: each one's latest. */
const latestOf = (channels: string) => `
  INSERT INTO audience_latest (channel_id, as_of, followers)
  SELECT ch.id, a.as_of, a.followers FROM channel ch JOIN audience_snapshot a ON a.id = (
    SELECT b.id FROM audience_snapshot b WHERE b.channel_id = ch.id ORDER BY b.as_of DESC LIMIT 1)
  WHERE ch.id IN (${channels});`;

/** Recomputes the channels' rows: a deleted or changed snapshot may have been their latest. */
const recompute = (channels: string) =>
  `DELETE FROM audience_latest WHERE channel_id IN (${channels}); ${latestOf(channels)}`;

async function sqliteTriggers(db: MigrationDb): Promise<void> {
  // An insert only moves the row forward: imports add snapshots by the thousand, each one an upsert.
  const add = `
    INSERT INTO audience_latest (channel_id, as_of, followers) VALUES (NEW.channel_id, NEW.as_of, NEW.followers)
    ON CONFLICT (channel_id) DO UPDATE SET as_of = excluded.as_of, followers = excluded.followers
    WHERE excluded.as_of > audience_latest.as_of;`;
  await sql
    .raw(`CREATE TRIGGER audience_latest_insert AFTER INSERT ON audience_snapshot BEGIN ${add} END`)
    .execute(db);
  await sql
    .raw(
      `CREATE TRIGGER audience_latest_delete AFTER DELETE ON audience_snapshot
       BEGIN ${recompute('OLD.channel_id')} END`,
    )
    .execute(db);
  await sql
    .raw(
      `CREATE TRIGGER audience_latest_update AFTER UPDATE OF channel_id, as_of, followers ON audience_snapshot
       BEGIN ${recompute('OLD.channel_id')} ${recompute('NEW.channel_id')} END`,
    )
    .execute(db);
}

/**
 * The trigger of each event, named alike on both engines. On PostgreSQL: statement-level, its function over the
 * transition tables, so that a bulk insert recomputes each of its channels once.
 */
const TRIGGERS = [
  {
    event: 'insert',
    fn: 'audience_latest_added',
    tables: 'NEW TABLE AS new_rows',
    channels: 'SELECT channel_id FROM new_rows',
  },
  {
    event: 'delete',
    fn: 'audience_latest_removed',
    tables: 'OLD TABLE AS old_rows',
    channels: 'SELECT channel_id FROM old_rows',
  },
  {
    event: 'update',
    fn: 'audience_latest_changed',
    tables: 'OLD TABLE AS old_rows NEW TABLE AS new_rows',
    channels: 'SELECT channel_id FROM old_rows UNION SELECT channel_id FROM new_rows',
  },
] as const;

async function postgresTriggers(db: MigrationDb): Promise<void> {
  for (const { event, fn, tables, channels } of TRIGGERS) {
    await sql
      .raw(
        `CREATE FUNCTION ${fn}() RETURNS trigger LANGUAGE plpgsql AS $$
         BEGIN ${recompute(channels)} RETURN NULL; END $$`,
      )
      .execute(db);
    await sql
      .raw(
        `CREATE TRIGGER audience_latest_${event} AFTER ${event.toUpperCase()} ON audience_snapshot
         REFERENCING ${tables} FOR EACH STATEMENT EXECUTE FUNCTION ${fn}()`,
      )
      .execute(db);
  }
}

export async function up(db: MigrationDb): Promise<void> {
  const t = columnTypes(db);
  await db.schema
    .createTable('audience_latest')
    .addColumn('channel_id', 'integer', (c) => c.primaryKey().references('channel.id').onDelete('cascade'))
    .addColumn('as_of', t.date, (c) => c.notNull())
    .addColumn('followers', 'integer', (c) => c.notNull())
    .execute();
  await sql.raw(latestOf('SELECT id FROM channel')).execute(db);
  await (isSqlite(db) ? sqliteTriggers(db) : postgresTriggers(db));
}

export async function down(db: MigrationDb): Promise<void> {
  for (const { event, fn } of TRIGGERS) {
    await sql
      .raw(`DROP TRIGGER IF EXISTS audience_latest_${event}${isSqlite(db) ? '' : ' ON audience_snapshot'}`)
      .execute(db);
    if (!isSqlite(db)) await sql.raw(`DROP FUNCTION IF EXISTS ${fn}()`).execute(db);
  }
  await db.schema.dropTable('audience_latest').execute();
}
