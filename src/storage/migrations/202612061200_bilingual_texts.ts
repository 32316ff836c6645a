/**
 * What a person writes on a decision, a task, a material or an event is kept in Russian and in Kazakh
 * (`title_ru`/`title_kk`, a task's `text_ru`/`text_kk`; either may be empty, not both), so that each brief
 * speaks its own language. The single text there was moves to the column of its language: a material's by its
 * `language`, everything else to Russian (what every record held so far). Deleted records kept in the audit log
 * for restore are moved alike, so they can still be put back. Frozen once shipped.
 */
import { type RawBuilder, sql } from 'kysely';
import { isSqlite, type MigrationDb } from './column-types.js';

/** Each table's single text column, the pair that replaces it and the resource the audit log names it by. */
const TEXTS = [
  { table: 'decision', resource: 'decisions', old: 'title', ru: 'title_ru', kk: 'title_kk' },
  { table: 'event', resource: 'events', old: 'title', ru: 'title_ru', kk: 'title_kk' },
  { table: 'material', resource: 'materials', old: 'title', ru: 'title_ru', kk: 'title_kk' },
  { table: 'task', resource: 'tasks', old: 'text', ru: 'text_ru', kk: 'text_kk' },
] as const;

/** How a material's free-text language reads as Kazakh. */
const KAZAKH_CODES = sql`('kk', 'kz', 'kaz')`;

const camel = (column: string) => column.replace(/_([a-z])/g, (_, letter: string) => letter.toUpperCase());

export async function up(db: MigrationDb): Promise<void> {
  for (const { table, resource, old, ru, kk } of TEXTS) {
    await db.schema.alterTable(table).addColumn(ru, 'text').execute();
    await db.schema.alterTable(table).addColumn(kk, 'text').execute();
    const kazakh: RawBuilder<unknown> =
      table === 'material' ? sql`lower(trim(coalesce(language, ''))) in ${KAZAKH_CODES}` : sql`false`;
    await sql`update ${sql.table(table)}
      set ${sql.ref(ru)} = case when ${kazakh} then null else ${sql.ref(old)} end,
          ${sql.ref(kk)} = case when ${kazakh} then ${sql.ref(old)} else null end`.execute(db);
    await db.schema.alterTable(table).dropColumn(old).execute();
    await moveDeletedInAuditLog(db, resource, camel(old), camel(ru), camel(kk));
  }
}

/** A deleted record's row in the audit log (camelCase keys, as the application wrote it) gets the new keys. */
async function moveDeletedInAuditLog(
  db: MigrationDb,
  resource: string,
  old: string,
  ru: string,
  kk: string,
): Promise<void> {
  if (isSqlite(db)) {
    const language = sql`lower(trim(coalesce(json_extract("before", '$.language'), '')))`;
    const key =
      resource === 'materials'
        ? sql`case when ${language} in ${KAZAKH_CODES} then ${kk} else ${ru} end`
        : sql`${ru}`;
    await sql`update audit_entry
      set "before" = json_remove(json_set("before", '$.' || ${key}, json_extract("before", ${`$.${old}`})), ${`$.${old}`})
      where action = 'delete' and resource = ${resource} and json_extract("before", ${`$.${old}`}) is not null`.execute(
      db,
    );
    return;
  }
  const language = sql`lower(trim(coalesce("before" ->> 'language', '')))`;
  const key =
    resource === 'materials'
      ? sql`case when ${language} in ${KAZAKH_CODES} then ${kk} else ${ru} end`
      : sql`${ru}`;
  await sql`update audit_entry
    set "before" = ("before" - ${old}) || jsonb_build_object(${key}::text, "before" -> ${old})
    where action = 'delete' and resource = ${resource} and jsonb_exists("before", ${old})`.execute(db);
}

export async function down(db: MigrationDb): Promise<void> {
  for (const { table, old, ru, kk } of TEXTS) {
    await db.schema
      .alterTable(table)
      .addColumn(old, 'text', (c) => c.notNull().defaultTo(''))
      .execute();
    await sql`update ${sql.table(table)} set ${sql.ref(old)} = coalesce(${sql.ref(ru)}, ${sql.ref(kk)}, '')`.execute(
      db,
    );
    await db.schema.alterTable(table).dropColumn(ru).execute();
    await db.schema.alterTable(table).dropColumn(kk).execute();
  }
}
