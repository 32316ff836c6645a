/**
 * A publication's band keys go with it however it goes: by itself, with its channel, with its organization. On
 * PostgreSQL a trigger deletes them (the keys' foreign key cost a third of an import's key insert); on SQLite the
 * foreign key's cascade still does.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { replaceBands } from '../../src/storage/repositories/analysis.repository.js';
import { buildOrg } from '../factories/org.factory.js';
import { buildChannel, buildPublication } from '../factories/publication.factory.js';
import { DIALECTS, openTestContext } from '../helpers/databases.js';

describe.each(DIALECTS)("a publication's band keys (%s)", (dialect) => {
  let ctx: Awaited<ReturnType<typeof openTestContext>>;

  beforeAll(async () => {
    ctx = await openTestContext(dialect);
  });
  afterAll(async () => ctx.close());

  const holders = async () =>
    (
      await ctx.db.kysely
        .selectFrom('publicationBand')
        .select('publicationId')
        .distinct()
        .orderBy('publicationId')
        .execute()
    ).map((row) => row.publicationId);

  it('are deleted with the publication, its channel and its organization', async () => {
    const [owner, other] = [await buildOrg(ctx, 'region'), await buildOrg(ctx, 'region')];
    const [page, site, theirs] = [
      await buildChannel(ctx, owner),
      await buildChannel(ctx, owner, 'telegram'),
      await buildChannel(ctx, other, 'telegram'),
    ];
    const ids = [
      await buildPublication(ctx, page),
      await buildPublication(ctx, page),
      await buildPublication(ctx, site),
      await buildPublication(ctx, theirs),
    ];
    const channels = await ctx.db.kysely
      .selectFrom('publication')
      .select(['id', 'channelId'])
      .where('id', 'in', ids)
      .execute();
    await replaceBands(
      ctx.db.kysely,
      channels.map((row) => ({
        publicationId: row.id,
        channelId: row.channelId,
        fingerprintedAt: null,
        // Keys of their own per publication, and one all share (held once per channel).
        bands: [row.id * 10, row.id * 10 + 1, 5],
      })),
    );
    const [one, two, three, four] = ids as [number, number, number, number];
    expect(await holders()).toEqual([one, two, three, four]);

    await ctx.db.kysely.deleteFrom('publication').where('id', '=', one).execute();
    expect(await holders()).toEqual([two, three, four]);
    await ctx.db.kysely.deleteFrom('channel').where('code', '=', page).execute();
    expect(await holders()).toEqual([three, four]);
    await ctx.db.kysely.deleteFrom('organization').where('id', '=', owner.id).execute();
    expect(await holders()).toEqual([four]);
  });

  it('have no foreign key on PostgreSQL, and keep their cascading one on SQLite', async () => {
    const foreignKeys =
      dialect === 'postgres'
        ? sql<{ n: number | string }>`
            select count(*) as n from pg_constraint
            where conrelid = 'publication_band'::regclass and contype = 'f'`
        : sql<{ n: number | string }>`select count(*) as n from pragma_foreign_key_list('publication_band')`;
    const { rows } = await foreignKeys.execute(ctx.db.kysely);
    expect(Number(rows[0]?.n)).toBe(dialect === 'postgres' ? 0 : 1);
  });
});
