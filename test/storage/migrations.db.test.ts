/**
 * Migrations that reshape tables keep what they hold, both ways. The band table keyed by channel keeps, of a
 * channel's texts sharing a key, the first that had it, as replaceBands kept them before. The monthly roll-up
 * rebuilt keeps its counts, and the publications' triggers still keep it.
 */
import { Migrator, sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrateToLatest } from '../../src/storage/db.js';
import { MIGRATIONS } from '../../src/storage/migrations/index.js';
import { buildOrg } from '../factories/org.factory.js';
import { buildChannel, buildPublication } from '../factories/publication.factory.js';
import { DIALECTS, openTestContext } from '../helpers/databases.js';

describe.each(DIALECTS)('reshaping migrations (%s)', (dialect) => {
  let ctx: Awaited<ReturnType<typeof openTestContext>>;
  const migrator = () =>
    new Migrator({ db: ctx.db.kysely, provider: { getMigrations: async () => ({ ...MIGRATIONS }) } });
  /** Migrates to the named migration (down or up); the names of those it ran. */
  const migrateTo = async (name: string) => {
    const { error, results } = await migrator().migrateTo(name);
    expect(error).toBeUndefined();
    return (results ?? []).map((result) => result.migrationName);
  };

  beforeAll(async () => {
    ctx = await openTestContext(dialect);
  });
  afterAll(async () => ctx.close());

  const bandRows = async () =>
    (
      await sql<{ publication_id: number; band: number; bucket: number }>`
        select publication_id, band, bucket from publication_band order by band, bucket, publication_id`.execute(
        ctx.db.kysely.withoutPlugins(),
      )
    ).rows.map((row) => [Number(row.publication_id), Number(row.band), Number(row.bucket)]);

  it('keeps the first holder of a key per channel, and migrates back', async () => {
    const owner = await buildOrg(ctx, 'region');
    const [first, second] = [await buildChannel(ctx, owner), await buildChannel(ctx, owner, 'telegram')];
    const earlier = await buildPublication(ctx, first);
    const later = await buildPublication(ctx, first);
    const elsewhere = await buildPublication(ctx, second);
    expect(await migrateTo('202611261600_publication_content_index')).toContain(
      '202611261700_publication_band_by_channel',
    );

    // Keys in the older shape: one key held by two texts of the first channel and by the second channel's.
    const raw = ctx.db.kysely.withoutPlugins();
    await sql`delete from publication_band`.execute(raw);
    const older = [
      [earlier, 0, 7],
      [later, 0, 7],
      [elsewhere, 0, 7],
      [later, 1, 9],
    ];
    for (const [id, band, bucket] of older) {
      await sql`insert into publication_band (publication_id, band, bucket) values (${id}, ${band}, ${bucket})`.execute(
        raw,
      );
    }
    expect(await migrateTo('202611261700_publication_band_by_channel')).toEqual([
      '202611261700_publication_band_by_channel',
    ]);
    const { rows } = await sql<{ publication_id: number; channel_id: number }>`
      select publication_id, channel_id from publication_band where band = 0 and bucket = 7
      order by publication_id`.execute(raw);
    const channelOf = async (id: number) =>
      (
        await ctx.db.kysely
          .selectFrom('publication')
          .select('channelId')
          .where('id', '=', id)
          .executeTakeFirstOrThrow()
      ).channelId;
    expect(rows.map((row) => [Number(row.publication_id), Number(row.channel_id)])).toEqual([
      [earlier, await channelOf(earlier)],
      [elsewhere, await channelOf(elsewhere)],
    ]);
    // A channel holds a key once: the later text's copy of it is ignored by the key.
    await expect(
      sql`insert into publication_band (publication_id, band, bucket, channel_id)
        values (${later}, 0, 7, ${await channelOf(later)})`.execute(raw),
    ).rejects.toThrow();

    await migrateTo('202611261600_publication_content_index');
    expect(await bandRows()).toEqual([
      [earlier, 0, 7],
      [elsewhere, 0, 7],
      [later, 1, 9],
    ]);
    await migrateToLatest(ctx.db);
  });

  it('rebuilds the monthly roll-up with its counts, and the triggers keep it after', async () => {
    const owner = await buildOrg(ctx, 'region');
    const page = await buildChannel(ctx, owner);
    for (const publishedAt of ['2023-03-02T06:00:00Z', '2023-03-20T06:00:00Z', '2023-04-01T06:00:00Z']) {
      await buildPublication(ctx, page, { publishedAt });
    }
    const months = async () =>
      (
        await ctx.db.kysely
          .selectFrom('publicationMonth')
          .select(['ancestorId', 'isSelf', 'platform', 'month', 'count'])
          .where('ancestorId', '=', owner.id)
          .orderBy('month')
          .orderBy('isSelf')
          .execute()
      ).map((row) => `${row.month} ${row.platform} ${Number(row.isSelf)}: ${Number(row.count)}`);
    const before = await months();
    expect(before).toEqual(['2023-03 facebook 1: 2', '2023-04 facebook 1: 1']);
    // Every migration after it goes down, and up again: the roll-up's and those that came later.
    const later = Object.keys(MIGRATIONS).filter((name) => name > '202611261700_publication_band_by_channel');
    expect(later.slice(0, 2)).toEqual([
      '202611261800_publication_month_covering',
      '202611261900_audience_latest',
    ]);
    expect(await migrateTo('202611261700_publication_band_by_channel')).toEqual([...later].reverse());
    expect(await months()).toEqual(before);
    expect(await migrateToLatest(ctx.db)).toEqual(later);
    expect(await months()).toEqual(before);
    await buildPublication(ctx, page, { publishedAt: '2023-04-15T06:00:00Z' });
    expect(await months()).toEqual(['2023-03 facebook 1: 2', '2023-04 facebook 1: 2']);
  });
});
