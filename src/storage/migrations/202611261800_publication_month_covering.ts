/**
 * The monthly roll-up read in key order without a row lookup per entry. Its rows were written by the triggers in
 * the order publications came, so a range of one organization's months touched a page of the table per row
 * (6,240 pages for the nation's 5,904 rows: 7–10 ms a dashboard read). SQLite keeps the table in its key (without
 * rowid); PostgreSQL's key carries the count (`include`), which it then reads from the index alone. Frozen once
 * shipped.
 */
import { sql } from 'kysely';
import { isSqlite, type MigrationDb } from './column-types.js';

const KEY = 'ancestor_id, month, platform, is_self';

/** SQLite: the table rebuilt in the shape asked, its rows and the triggers' name kept. */
async function rebuild(db: MigrationDb, withoutRowid: boolean): Promise<void> {
  await sql
    .raw(
      `CREATE TABLE publication_month_next (
        ancestor_id integer NOT NULL REFERENCES organization (id) ON DELETE CASCADE,
        is_self integer NOT NULL,
        platform text NOT NULL,
        month text NOT NULL,
        count integer NOT NULL,
        CONSTRAINT publication_month_pk PRIMARY KEY (${KEY})
      )${withoutRowid ? ' WITHOUT ROWID' : ''}`,
    )
    .execute(db);
  await sql`INSERT INTO publication_month_next SELECT ancestor_id, is_self, platform, month, count
    FROM publication_month`.execute(db);
  await sql`DROP TABLE publication_month`.execute(db);
  // The publication's triggers write to publication_month by name: the legacy rename leaves them as they are
  // (they then write to the new table), where the current one would refuse, finding them naming a dropped table.
  await sql`PRAGMA legacy_alter_table = ON`.execute(db);
  await sql`ALTER TABLE publication_month_next RENAME TO publication_month`.execute(db);
  await sql`PRAGMA legacy_alter_table = OFF`.execute(db);
}

async function replaceKey(db: MigrationDb, include: string): Promise<void> {
  await sql
    .raw(
      `ALTER TABLE publication_month DROP CONSTRAINT publication_month_pk,
        ADD CONSTRAINT publication_month_pk PRIMARY KEY (${KEY})${include}`,
    )
    .execute(db);
}

export async function up(db: MigrationDb): Promise<void> {
  await (isSqlite(db) ? rebuild(db, true) : replaceKey(db, ' INCLUDE (count)'));
}

export async function down(db: MigrationDb): Promise<void> {
  await (isSqlite(db) ? rebuild(db, false) : replaceKey(db, ''));
}
