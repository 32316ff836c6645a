/**
 * The national demo's bulk build fills the kept roll-ups once at its end on PostgreSQL (their insert triggers held
 * for its transaction) and by its row triggers on SQLite: either way each channel's latest snapshot and the monthly
 * counts are what the snapshots and publications themselves give, counted under another union's rows left alone;
 * and the hold ends with the build, so that later writes keep them again.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SCALES } from '../../bench/scale.js';
import { buildNationalDemo } from '../../src/services/demo.service.js';
import { buildOrg } from '../factories/org.factory.js';
import { buildChannel, buildPublication } from '../factories/publication.factory.js';
import { DIALECTS, openTestContext } from '../helpers/databases.js';

describe.each(DIALECTS)('the roll-ups of a bulk build (%s)', (dialect) => {
  let ctx: Awaited<ReturnType<typeof openTestContext>>;
  beforeAll(async () => {
    ctx = await openTestContext(dialect);
  });
  afterAll(() => ctx.close());

  const db = () => ctx.db.kysely;

  /** channel id → its latest date and followers, as kept. */
  const keptLatest = async () =>
    Object.fromEntries(
      (await db().selectFrom('audienceLatest').select(['channelId', 'asOf', 'followers']).execute()).map(
        (row) => [row.channelId, `${row.asOf} ${row.followers}`],
      ),
    );

  /** The same, from the snapshots: the last by date wins. */
  const latestOfSnapshots = async () => {
    const rows = await db()
      .selectFrom('audienceSnapshot')
      .select(['channelId', 'asOf', 'followers'])
      .orderBy('asOf')
      .execute();
    return Object.fromEntries(rows.map((row) => [row.channelId, `${row.asOf} ${row.followers}`]));
  };

  /** "ancestor/self/platform/month" → count, as kept (rows counted down to zero left out). */
  const keptMonths = async () =>
    Object.fromEntries(
      (await db().selectFrom('publicationMonth').selectAll().execute())
        .filter((row) => Number(row.count) > 0)
        .map((row) => [
          `${row.ancestorId}/${Number(row.isSelf)}/${row.platform}/${row.month}`,
          Number(row.count),
        ]),
    );

  /** The same, counted from the publications and the closure: at the subject and at each of its ancestors. */
  const monthsOfPublications = async () => {
    const closure = await db()
      .selectFrom('orgClosure')
      .select(['ancestorId', 'descendantId', 'depth'])
      .execute();
    const publications = await db()
      .selectFrom('publication as p')
      .innerJoin('channel as ch', 'ch.id', 'p.channelId')
      .select(['p.subjectOrgId', 'p.localDate', 'ch.platform'])
      .execute();
    const counts: Record<string, number> = {};
    for (const p of publications) {
      for (const c of closure.filter((row) => row.descendantId === p.subjectOrgId)) {
        const key = `${c.ancestorId}/${c.depth === 0 ? 1 : 0}/${p.platform}/${p.localDate.slice(0, 7)}`;
        counts[key] = (counts[key] ?? 0) + 1;
      }
    }
    return counts;
  };

  it('holds what the snapshots and publications give, and the triggers keep them after the build', async () => {
    const other = await buildOrg(ctx, 'union', undefined, 'other-union');
    const otherChannel = await buildChannel(ctx, other, 'telegram');
    await buildPublication(ctx, otherChannel, { publishedAt: '2024-05-02T06:00:00.000Z' });
    const before = await keptMonths();

    expect(await buildNationalDemo(ctx, { size: SCALES.tiny.demo })).toEqual({ built: true });
    const latest = await keptLatest();
    expect(Object.keys(latest)).toHaveLength(SCALES.tiny.demo.channels);
    expect(latest).toEqual(await latestOfSnapshots());
    const months = await keptMonths();
    expect(months).toEqual(await monthsOfPublications());
    // The other union's rows are as they were: nothing counted twice.
    for (const [key, count] of Object.entries(before)) expect(months[key]).toBe(count);

    // A reset deletes through the triggers and builds again (new ids): the same values.
    expect(await buildNationalDemo(ctx, { size: SCALES.tiny.demo, reset: true })).toEqual({ built: true });
    expect(await keptMonths()).toEqual(await monthsOfPublications());
    expect(Object.values(await keptMonths()).sort()).toEqual(Object.values(months).sort());
    expect(await keptLatest()).toEqual(await latestOfSnapshots());
    expect(Object.values(await keptLatest()).sort()).toEqual(Object.values(latest).sort());

    // After the build's transaction the triggers run again.
    const channel = await db()
      .selectFrom('channel')
      .select('id')
      .where('code', 'like', 'nat-%')
      .orderBy('id')
      .executeTakeFirstOrThrow();
    await db()
      .insertInto('audienceSnapshot')
      .values({ channelId: channel.id, asOf: '2024-09-01', followers: 7, source: 'manual' })
      .execute();
    expect((await keptLatest())[channel.id]).toBe('2024-09-01 7');
    await buildPublication(ctx, otherChannel, { publishedAt: '2024-09-02T06:00:00.000Z' });
    expect(await keptMonths()).toEqual(await monthsOfPublications());
  });
});
