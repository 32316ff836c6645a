/**
 * A channel holds each band key once, by the first of its texts that had it (see replaceBands). With the channel
 * in the key the table says so itself: a text's keys go in with `on conflict do nothing`, where an import had to
 * look up each key's holders and their channels first, and a lookup of copies reads the holder's channel from
 * the key. On SQLite the table is its key (without rowid): one B-tree less to write per key. Frozen once shipped.
 */
import { type RawBuilder, sql } from 'kysely';
import { isSqlite, type MigrationDb } from './column-types.js';

/** The band table in the one shape or the other, as `publication_band_next`. */
async function createBandTable(db: MigrationDb, byChannel: boolean): Promise<void> {
  const table = db.schema
    .createTable('publication_band_next')
    .addColumn('publication_id', 'integer', (c) =>
      c.notNull().references('publication.id').onDelete('cascade'),
    )
    .addColumn('band', 'integer', (c) => c.notNull())
    .addColumn('bucket', 'integer', (c) => c.notNull());
  // Keys named apart: PostgreSQL names constraints per schema, and both tables coexist here. No foreign key to
  // the channel: the publication's own holds it, and a key's row goes with its publication.
  const shaped = byChannel
    ? table
        .addColumn('channel_id', 'integer', (c) => c.notNull())
        .addPrimaryKeyConstraint('publication_band_key', ['band', 'bucket', 'channel_id'])
    : table.addPrimaryKeyConstraint('publication_band_pk', ['band', 'bucket', 'publication_id']);
  await (byChannel && isSqlite(db) ? shaped.modifyEnd(sql`without rowid`) : shaped).execute();
}

async function replaceTable(db: MigrationDb, byChannel: boolean, copy: RawBuilder<unknown>): Promise<void> {
  await createBandTable(db, byChannel);
  await copy.execute(db);
  await db.schema.dropTable('publication_band').execute();
  await db.schema.alterTable('publication_band_next').renameTo('publication_band').execute();
  await db.schema
    .createIndex('publication_band_publication_idx')
    .on('publication_band')
    .column('publication_id')
    .execute();
}

export async function up(db: MigrationDb): Promise<void> {
  // The first holder per channel and key stays, as replaceBands kept it.
  await replaceTable(
    db,
    true,
    sql`insert into publication_band_next (publication_id, band, bucket, channel_id)
      select min(b.publication_id), b.band, b.bucket, p.channel_id
      from publication_band b join publication p on p.id = b.publication_id
      group by b.band, b.bucket, p.channel_id`,
  );
}

export async function down(db: MigrationDb): Promise<void> {
  await replaceTable(
    db,
    false,
    sql`insert into publication_band_next (publication_id, band, bucket)
      select publication_id, band, bucket from publication_band`,
  );
}
