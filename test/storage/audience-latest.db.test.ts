/**
 * Each channel's latest audience snapshot is kept by triggers through every way a snapshot is written: inserts in
 * any order and in bulk, deletes, changes of date, followers or channel, a channel's removal, and the migration that fills it
 * from snapshots already there. The kept row must always be what the snapshots themselves give.
 */
import { type ExpressionBuilder, Migrator, sql, type Updateable } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WHOLE_TREE } from '../../src/domain/scope.js';
import { migrateToLatest } from '../../src/storage/db.js';
import { MIGRATIONS } from '../../src/storage/migrations/index.js';
import { listSubtreeChannels } from '../../src/storage/repositories/channel.repository.js';
import type { Database } from '../../src/storage/schema.js';
import { buildOrg } from '../factories/org.factory.js';
import { buildChannel } from '../factories/publication.factory.js';
import { DIALECTS, openTestContext } from '../helpers/databases.js';

describe.each(DIALECTS)('latest audience kept by triggers (%s)', (dialect) => {
  let ctx: Awaited<ReturnType<typeof openTestContext>>;
  beforeAll(async () => {
    ctx = await openTestContext(dialect);
  });
  afterAll(async () => ctx.close());

  const db = () => ctx.db.kysely;

  /** channel id → [date, followers] of the kept row. */
  const kept = async () =>
    new Map(
      (await db().selectFrom('audienceLatest').select(['channelId', 'asOf', 'followers']).execute()).map(
        (row) => [row.channelId, [row.asOf, row.followers] as const],
      ),
    );

  /** The same, worked out from the snapshots: what the kept rows must equal. */
  const fromSnapshots = async () => {
    const rows = await db()
      .selectFrom('audienceSnapshot')
      .select(['channelId', 'asOf', 'followers'])
      .orderBy('asOf')
      .execute();
    return new Map(rows.map((row) => [row.channelId, [row.asOf, row.followers] as const]));
  };

  /** A new channel of the organization, by id. */
  const newChannel = async (
    owner: Awaited<ReturnType<typeof buildOrg>>,
    platform: 'telegram' | 'facebook',
  ) => {
    const code = await buildChannel(ctx, owner, platform);
    return (await db().selectFrom('channel').select('id').where('code', '=', code).executeTakeFirstOrThrow())
      .id;
  };

  const insert = (channelId: number, rows: [string, number][]) =>
    db()
      .insertInto('audienceSnapshot')
      .values(rows.map(([asOf, followers]) => ({ channelId, asOf, followers, source: 'manual' as const })))
      .execute();

  const snapshot =
    (channelId: number, asOf: string) => (eb: ExpressionBuilder<Database, 'audienceSnapshot'>) =>
      eb.and([eb('channelId', '=', channelId), eb('asOf', '=', asOf)]);
  const remove = (channelId: number, asOf: string) =>
    db().deleteFrom('audienceSnapshot').where(snapshot(channelId, asOf)).execute();
  const change = (channelId: number, asOf: string, set: Updateable<Database['audienceSnapshot']>) =>
    db().updateTable('audienceSnapshot').set(set).where(snapshot(channelId, asOf)).execute();

  it('keeps the latest through inserts, bulk and out of order, deletes and changes', async () => {
    const owner = await buildOrg(ctx, 'region');
    const [first, second] = [await newChannel(owner, 'telegram'), await newChannel(owner, 'facebook')];

    await insert(first, [
      ['2024-03-01', 30],
      ['2024-01-01', 10],
      ['2024-02-01', 20],
    ]);
    await insert(first, [['2023-12-01', 5]]);
    await insert(second, [['2024-01-15', 100]]);
    expect(await kept()).toEqual(await fromSnapshots());
    expect((await kept()).get(first)).toEqual(['2024-03-01', 30]);

    // The latest deleted: the one before it; every one deleted: no row.
    await remove(first, '2024-03-01');
    expect((await kept()).get(first)).toEqual(['2024-02-01', 20]);
    // An older one deleted leaves it.
    await remove(first, '2023-12-01');
    expect((await kept()).get(first)).toEqual(['2024-02-01', 20]);
    // The latest's followers corrected.
    await change(first, '2024-02-01', { followers: 25 });
    expect((await kept()).get(first)).toEqual(['2024-02-01', 25]);

    // A date moved later, and a snapshot moved to the other channel: both channels worked out again.
    await change(first, '2024-01-01', { asOf: '2024-06-01' });
    expect((await kept()).get(first)).toEqual(['2024-06-01', 10]);
    await change(first, '2024-06-01', { channelId: second });
    expect(await kept()).toEqual(await fromSnapshots());
    expect((await kept()).get(first)).toEqual(['2024-02-01', 25]);
    expect((await kept()).get(second)).toEqual(['2024-06-01', 10]);

    await db().deleteFrom('audienceSnapshot').where('channelId', '=', first).execute();
    expect((await kept()).has(first)).toBe(false);

    // A channel removed takes its snapshots and its row along.
    await db().deleteFrom('channel').where('id', '=', second).execute();
    expect((await kept()).has(second)).toBe(false);
    expect(await kept()).toEqual(await fromSnapshots());
  });

  it('reads followers by any date the same through the kept row and without it', async () => {
    const owner = await buildOrg(ctx, 'region');
    const channel = await newChannel(owner, 'telegram');
    await insert(channel, [
      ['2024-01-01', 10],
      ['2024-02-01', 20],
      ['2024-03-01', 30],
    ]);
    const expected: [string, [string, number] | null][] = [
      ['2023-12-31', null],
      ['2024-01-01', ['2024-01-01', 10]],
      ['2024-02-15', ['2024-02-01', 20]],
      ['2024-03-01', ['2024-03-01', 30]],
      ['2030-01-01', ['2024-03-01', 30]],
    ];
    for (const [upTo, latest] of expected) {
      const [read] = await listSubtreeChannels(db(), WHOLE_TREE, owner.id, upTo);
      expect(read?.asOf === null ? null : [read?.asOf, read?.followers]).toEqual(latest);
    }
  });

  it('is filled by its migration from the snapshots already there', async () => {
    // Made before going back: the factories write today's columns, which the older schema does not have.
    const owner = await buildOrg(ctx, 'region');
    const channel = await newChannel(owner, 'telegram');
    const migrator = new Migrator({ db: db(), provider: { getMigrations: async () => ({ ...MIGRATIONS }) } });
    const { error } = await migrator.migrateTo('202611261800_publication_month_covering');
    expect(error).toBeUndefined();
    await insert(channel, [
      ['2024-05-01', 50],
      ['2024-04-01', 40],
    ]);
    // This migration and those after it, whichever came later.
    expect((await migrateToLatest(ctx.db))[0]).toBe('202611261900_audience_latest');
    expect((await kept()).get(channel)).toEqual(['2024-05-01', 50]);
    expect(await kept()).toEqual(await fromSnapshots());
    // The triggers are back with the table.
    await insert(channel, [['2024-06-01', 60]]);
    expect((await kept()).get(channel)).toEqual(['2024-06-01', 60]);
    const count = await sql<{ n: number | string }>`select count(*) as n from audience_latest`.execute(db());
    expect(Number(count.rows[0]?.n)).toBe((await fromSnapshots()).size);
  });
});
