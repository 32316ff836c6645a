/**
 * Publications counted per organization subtree, month and platform, kept by triggers in the same transaction
 * as every insert, delete and move of a publication, so that a dashboard reads a region's or the nation's counts
 * from a few thousand rows instead of counting millions. Each publication counts once at its subject
 * organization (`is_self` = 1) and once at every ancestor of it. Frozen once shipped.
 */
import { sql } from 'kysely';
import { isSqlite, type MigrationDb } from './column-types.js';

async function createTable(db: MigrationDb): Promise<void> {
  await db.schema
    .createTable('publication_month')
    .addColumn('ancestor_id', 'integer', (c) => c.notNull().references('organization.id').onDelete('cascade'))
    .addColumn('is_self', 'integer', (c) => c.notNull())
    .addColumn('platform', 'text', (c) => c.notNull())
    .addColumn('month', 'text', (c) => c.notNull())
    .addColumn('count', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('publication_month_pk', ['ancestor_id', 'month', 'platform', 'is_self'])
    .execute();
}

async function sqliteTriggers(db: MigrationDb): Promise<void> {
  const add = `
    INSERT INTO publication_month (ancestor_id, is_self, platform, month, count)
    SELECT c.ancestor_id, c.depth = 0, ch.platform, substr(NEW.local_date, 1, 7), 1
    FROM org_closure c, channel ch
    WHERE c.descendant_id = NEW.subject_org_id AND ch.id = NEW.channel_id
    ON CONFLICT (ancestor_id, month, platform, is_self) DO UPDATE SET count = count + 1;`;
  // Taking away only updates rows that are there: when an organization goes, its rows have gone before.
  const remove = `
    UPDATE publication_month SET count = count - 1
    WHERE (ancestor_id, is_self) IN (
        SELECT ancestor_id, depth = 0 FROM org_closure WHERE descendant_id = OLD.subject_org_id)
      AND month = substr(OLD.local_date, 1, 7)
      AND platform = (SELECT platform FROM channel WHERE id = OLD.channel_id);`;
  await sql
    .raw(`CREATE TRIGGER publication_month_insert AFTER INSERT ON publication BEGIN ${add} END`)
    .execute(db);
  await sql
    .raw(`CREATE TRIGGER publication_month_delete AFTER DELETE ON publication BEGIN ${remove} END`)
    .execute(db);
  await sql
    .raw(
      `CREATE TRIGGER publication_month_update AFTER UPDATE OF subject_org_id, channel_id, local_date ON publication
       BEGIN ${remove} ${add} END`,
    )
    .execute(db);
}

async function postgresTriggers(db: MigrationDb): Promise<void> {
  // Statement-level, over the transition tables: a bulk insert adds its rows in one aggregate.
  const counts = (rows: string) => `
    SELECT c.ancestor_id, CASE WHEN c.depth = 0 THEN 1 ELSE 0 END AS is_self, ch.platform,
           to_char(r.local_date, 'YYYY-MM') AS month, count(*) AS n
    FROM ${rows} r JOIN org_closure c ON c.descendant_id = r.subject_org_id JOIN channel ch ON ch.id = r.channel_id
    GROUP BY 1, 2, 3, 4`;
  const add = `
    INSERT INTO publication_month (ancestor_id, is_self, platform, month, count)
    SELECT ancestor_id, is_self, platform, month, n FROM (${counts('new_rows')}) d
    ON CONFLICT (ancestor_id, month, platform, is_self)
    DO UPDATE SET count = publication_month.count + excluded.count;`;
  // Taking away only updates rows that are there: when an organization goes, its rows have gone before.
  const remove = `
    UPDATE publication_month m SET count = m.count - d.n FROM (${counts('old_rows')}) d
    WHERE m.ancestor_id = d.ancestor_id AND m.is_self = d.is_self AND m.platform = d.platform
      AND m.month = d.month;`;
  const fn = (name: string, body: string) =>
    sql
      .raw(
        `CREATE FUNCTION ${name}() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN ${body} RETURN NULL; END $$`,
      )
      .execute(db);
  await fn('publication_month_added', add);
  await fn('publication_month_removed', remove);
  await fn('publication_month_moved', `${remove} ${add}`);
  await sql
    .raw(
      `CREATE TRIGGER publication_month_insert AFTER INSERT ON publication REFERENCING NEW TABLE AS new_rows
       FOR EACH STATEMENT EXECUTE FUNCTION publication_month_added()`,
    )
    .execute(db);
  await sql
    .raw(
      `CREATE TRIGGER publication_month_delete AFTER DELETE ON publication REFERENCING OLD TABLE AS old_rows
       FOR EACH STATEMENT EXECUTE FUNCTION publication_month_removed()`,
    )
    .execute(db);
  // PostgreSQL allows no column list on a trigger with transition tables: every update statement is seen, and
  // one that moved nothing adds and takes away the same counts.
  await sql
    .raw(
      `CREATE TRIGGER publication_month_update AFTER UPDATE ON publication
       REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
       FOR EACH STATEMENT EXECUTE FUNCTION publication_month_moved()`,
    )
    .execute(db);
}

export async function up(db: MigrationDb): Promise<void> {
  const sqlite = isSqlite(db);
  await createTable(db);
  const month = sqlite ? sql`substr(p.local_date, 1, 7)` : sql`to_char(p.local_date, 'YYYY-MM')`;
  await sql`
    insert into publication_month (ancestor_id, is_self, platform, month, count)
    select c.ancestor_id, case when c.depth = 0 then 1 else 0 end, ch.platform, ${month}, count(*)
    from publication p
    join org_closure c on c.descendant_id = p.subject_org_id
    join channel ch on ch.id = p.channel_id
    group by c.ancestor_id, case when c.depth = 0 then 1 else 0 end, ch.platform, ${month}`.execute(db);
  await (sqlite ? sqliteTriggers(db) : postgresTriggers(db));
}

export async function down(db: MigrationDb): Promise<void> {
  for (const event of ['insert', 'delete', 'update']) {
    await sql
      .raw(`DROP TRIGGER IF EXISTS publication_month_${event}${isSqlite(db) ? '' : ' ON publication'}`)
      .execute(db);
  }
  if (!isSqlite(db)) {
    for (const name of ['added', 'removed', 'moved']) {
      await sql.raw(`DROP FUNCTION IF EXISTS publication_month_${name}()`).execute(db);
    }
  }
  await db.schema.dropTable('publication_month').execute();
}
