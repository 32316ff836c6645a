/**
 * PostgreSQL: a publication's band keys go with it by a trigger on the publication instead of a foreign key. An
 * import writes 16 key rows a text, each of which the foreign key checked by a lookup and a lock of its
 * publication's row (FOR KEY SHARE, which writes to that row): a third of the keys' insert, the largest statement
 * of an import with content analysis. The keys are written only by the analysis, for publications it has just
 * read or stored in the same transaction; deleting a publication (by itself, or with its channel or organization)
 * still deletes its keys, once per statement. SQLite's check costs nothing measurable: its foreign key stays.
 * Frozen once shipped.
 */
import { sql } from 'kysely';
import { isSqlite, type MigrationDb } from './column-types.js';

export async function up(db: MigrationDb): Promise<void> {
  if (isSqlite(db)) return;
  // The constraint's name is the one PostgreSQL gave it when the table was made under another name.
  await sql`
    DO $$
    DECLARE name text;
    BEGIN
      FOR name IN SELECT conname FROM pg_constraint
        WHERE conrelid = 'publication_band'::regclass AND contype = 'f'
      LOOP
        EXECUTE format('ALTER TABLE publication_band DROP CONSTRAINT %I', name);
      END LOOP;
    END $$`.execute(db);
  await sql`
    CREATE FUNCTION publication_band_gone() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      DELETE FROM publication_band b USING gone g WHERE b.publication_id = g.id;
      RETURN NULL;
    END $$`.execute(db);
  await sql`
    CREATE TRIGGER publication_band_gone AFTER DELETE ON publication REFERENCING OLD TABLE AS gone
    FOR EACH STATEMENT EXECUTE FUNCTION publication_band_gone()`.execute(db);
}

export async function down(db: MigrationDb): Promise<void> {
  if (isSqlite(db)) return;
  await sql`DROP TRIGGER publication_band_gone ON publication`.execute(db);
  await sql`DROP FUNCTION publication_band_gone()`.execute(db);
  await sql`DELETE FROM publication_band b WHERE NOT EXISTS (SELECT 1 FROM publication p WHERE p.id = b.publication_id)`.execute(
    db,
  );
  await sql`
    ALTER TABLE publication_band ADD CONSTRAINT publication_band_publication_fkey
    FOREIGN KEY (publication_id) REFERENCES publication (id) ON DELETE CASCADE`.execute(db);
}
