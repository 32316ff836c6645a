/**
 * The migration that gives each rejection a row moves the JSON lists batches kept before it, in their order, and
 * drops the column; removing a batch removes its rejections.
 */
import { Migrator, sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrateToLatest } from '../../src/storage/db.js';
import { MIGRATIONS } from '../../src/storage/migrations/index.js';
import { listRejections } from '../../src/storage/repositories/import-rejection.repository.js';
import { DIALECTS, openTestContext } from '../helpers/databases.js';

describe.each(DIALECTS)('import rejections migrated (%s)', (dialect) => {
  let ctx: Awaited<ReturnType<typeof openTestContext>>;
  beforeAll(async () => {
    ctx = await openTestContext(dialect);
  });
  afterAll(async () => ctx.close());

  it("moves a batch's JSON list into rows, in its order, with their parameters", async () => {
    const db = ctx.db.kysely;
    const migrator = new Migrator({ db, provider: { getMigrations: async () => ({ ...MIGRATIONS }) } });
    expect((await migrator.migrateTo('202612061000_publication_links')).error).toBeUndefined();
    const list = [
      {
        file: 'a.csv',
        record: { kind: 'row', index: 5 },
        field: 'asOf',
        code: 'invalid_date',
        params: { value: 'x' },
      },
      { file: 'a.csv', record: { kind: 'row', index: 2 }, field: 'members', code: 'required' },
    ];
    const [batch] = (
      await sql<{ id: number }>`insert into import_batch (source, status, started_at, rejections)
        values ('spreadsheet', 'done', ${new Date().toISOString()}, ${JSON.stringify(list)}) returning id`.execute(
        db,
      )
    ).rows;
    const id = Number(batch?.id);

    expect(await migrateToLatest(ctx.db)).toContain('202612061100_import_rejections');
    expect(await listRejections(db, id, { offset: 0, limit: 10 })).toEqual([list[1], list[0]]);
    const columns = await sql<{ name: string }>`select * from import_batch where id = ${id}`.execute(db);
    expect(Object.keys(columns.rows[0] ?? {})).not.toContain('rejections');

    await db.deleteFrom('importBatch').where('id', '=', id).execute();
    expect(await listRejections(db, id, { offset: 0, limit: 10 })).toEqual([]);
  });
});
