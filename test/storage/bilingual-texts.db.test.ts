/**
 * The migration to texts in two languages moves each record's one text to the column of its language (a
 * material's by its `language`, the rest to Russian), and a record deleted before it can still be restored.
 */
import { Migrator, sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { restoreRecord } from '../../src/services/registry.service.js';
import { migrateToLatest } from '../../src/storage/db.js';
import { MIGRATIONS } from '../../src/storage/migrations/index.js';
import { buildOrg } from '../factories/org.factory.js';
import { DIALECTS, openTestContext } from '../helpers/databases.js';

const MIGRATION = '202612061200_bilingual_texts';
const names = Object.keys(MIGRATIONS);
const BEFORE = names[names.indexOf(MIGRATION) - 1] ?? '';

describe.each(DIALECTS)('the migration to texts in two languages (%s)', (dialect) => {
  let ctx: Awaited<ReturnType<typeof openTestContext>>;
  beforeAll(async () => {
    ctx = await openTestContext(dialect);
  });
  afterAll(() => ctx.close());

  it('moves titles and task texts to their language and keeps deleted records restorable', async () => {
    const db = ctx.db.kysely;
    const org = await buildOrg(ctx, 'region');
    const migrator = new Migrator({ db, provider: { getMigrations: async () => ({ ...MIGRATIONS }) } });
    expect((await migrator.migrateTo(BEFORE)).error).toBeUndefined();

    const id = async (query: ReturnType<typeof sql<{ id: number }>>) =>
      Number((await query.execute(db)).rows[0]?.id);
    const decision = await id(sql`insert into decision (org_id, body, adopted_on, title)
      values (${org.id}, 'presidium', '2024-01-10', 'О плане') returning id`);
    await sql`insert into task (decision_id, text, status) values (${decision}, 'Создать страницу', 'open')`.execute(
      db,
    );
    await sql`insert into event (org_id, title, kind, topic, held_on)
      values (${org.id}, 'Пленум', 'meeting', 'organizational', '2024-02-01')`.execute(db);
    await sql`insert into material (org_id, title, language, kind, issued_on) values
      (${org.id}, 'Жадынама', 'KK', 'manual', '2024-03-01'),
      (${org.id}, 'Памятка', 'ru', 'manual', '2024-03-02'),
      (${org.id}, 'Без языка', null, 'manual', '2024-03-03')`.execute(db);
    // A material deleted before the migration, kept in the audit log as the application wrote it.
    const deleted = { id: 9001, orgId: org.id, title: 'Удалённая жадынама', language: 'kk', kind: 'manual' };
    const before = JSON.stringify({
      ...deleted,
      issuedOn: '2024-04-01',
      copies: null,
      url: null,
      importBatchId: null,
    });
    const audit = await id(sql`insert into audit_entry (at, action, resource, record_id, org_id, "before")
      values (${new Date().toISOString()}, 'delete', 'materials', 9001, ${org.id}, ${before}) returning id`);

    expect(await migrateToLatest(ctx.db)).toContain(MIGRATION);

    expect(await db.selectFrom('decision').select(['titleRu', 'titleKk']).execute()).toEqual([
      { titleRu: 'О плане', titleKk: null },
    ]);
    expect(await db.selectFrom('task').select(['textRu', 'textKk']).execute()).toEqual([
      { textRu: 'Создать страницу', textKk: null },
    ]);
    expect(await db.selectFrom('event').select(['titleRu', 'titleKk']).execute()).toEqual([
      { titleRu: 'Пленум', titleKk: null },
    ]);
    expect(
      await db.selectFrom('material').select(['titleRu', 'titleKk']).orderBy('issuedOn').execute(),
    ).toEqual([
      { titleRu: null, titleKk: 'Жадынама' },
      { titleRu: 'Памятка', titleKk: null },
      { titleRu: 'Без языка', titleKk: null },
    ]);

    const { row: restored } = await restoreRecord(ctx, audit);
    expect(restored).toMatchObject({ id: 9001, titleRu: null, titleKk: 'Удалённая жадынама' });
  });
});
