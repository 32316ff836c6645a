/**
 * A bulk build may hold the kept roll-ups' insert triggers on PostgreSQL for its own transaction and fill the
 * roll-ups once at its end (rollup.repository.ts): the statement trigger of `audience_latest` ran once per
 * channel's snapshots, inside one uncommitted transaction whose tables the planner believed empty, each run
 * slower than the one before (10 of the national demo's 12 minutes). The hold is a setting local to the
 * transaction, so no other writer ever skips a trigger and nothing outlives a build that fails. SQLite's row
 * triggers cost the same for every row: they stay as they are. Frozen once shipped.
 */
import { sql } from 'kysely';
import { isSqlite, type MigrationDb } from './column-types.js';

/** The insert triggers held: each with its table and function, as their migrations made them. */
const TRIGGERS = [
  { name: 'audience_latest_insert', table: 'audience_snapshot', fn: 'audience_latest_added' },
  { name: 'publication_month_insert', table: 'publication', fn: 'publication_month_added' },
] as const;

async function recreate(db: MigrationDb, when: string): Promise<void> {
  for (const { name, table, fn } of TRIGGERS) {
    await sql.raw(`DROP TRIGGER ${name} ON ${table}`).execute(db);
    await sql
      .raw(
        `CREATE TRIGGER ${name} AFTER INSERT ON ${table} REFERENCING NEW TABLE AS new_rows
         FOR EACH STATEMENT ${when} EXECUTE FUNCTION ${fn}()`,
      )
      .execute(db);
  }
}

export async function up(db: MigrationDb): Promise<void> {
  if (isSqlite(db)) return;
  await recreate(db, `WHEN (current_setting('aqparat.rollups_held', true) IS DISTINCT FROM 'on')`);
}

export async function down(db: MigrationDb): Promise<void> {
  if (isSqlite(db)) return;
  await recreate(db, '');
}
