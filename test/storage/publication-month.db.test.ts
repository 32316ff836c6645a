/**
 * The monthly counts the triggers keep agree with counting the publications themselves, after inserts, a moved
 * subject, a moved date and deletes, for month-aligned periods and for periods with partial months at both ends.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parsePeriod, type Period } from '../../src/domain/period.js';
import { WHOLE_TREE } from '../../src/domain/scope.js';
import type { PublicationCountRow } from '../../src/domain/publications.measure.js';
import {
  countPublications,
  publicationCountsQuery,
} from '../../src/storage/repositories/publication.repository.js';
import { buildTree, type RegionTree } from '../factories/org.factory.js';
import { buildChannel, buildPublication } from '../factories/publication.factory.js';
import { DIALECTS, openTestContext } from '../helpers/databases.js';

/** Rows folded to the root's own and its children's subtrees, per platform and month: what every breakdown reads. */
function folded(rows: readonly PublicationCountRow[], childOf: ReadonlyMap<number, number>, rootId: number) {
  const sums = new Map<string, number>();
  for (const row of rows) {
    const group = row.subjectOrgId === rootId ? rootId : childOf.get(row.subjectOrgId);
    const key = `${group}/${row.platform}/${row.month}`;
    sums.set(key, (sums.get(key) ?? 0) + row.count);
  }
  return Object.fromEntries([...sums].filter(([, n]) => n > 0).sort());
}

describe.each(DIALECTS)('monthly publication counts (%s)', (dialect) => {
  let ctx: Awaited<ReturnType<typeof openTestContext>>;
  let region: RegionTree;

  beforeAll(async () => {
    ctx = await openTestContext(dialect);
    region = (await buildTree(ctx, { regions: 1, branches: 2, primariesPerBranch: 2, directPrimaries: 1 }))
      .regions[0]!;
    const page = await buildChannel(ctx, region.org, 'facebook');
    const site = await buildChannel(ctx, region.org, 'website');
    const subjects = [
      region.org,
      ...region.branches.flatMap((b) => [b.org, ...b.primaries]),
      ...region.direct,
    ];
    let day = 0;
    for (const subject of subjects) {
      for (const channel of [page, site]) {
        for (let i = 0; i < 6; i++) {
          day += 11;
          const date = new Date(Date.UTC(2023, 0, 1) + (day % 540) * 86_400_000).toISOString();
          await buildPublication(ctx, channel, { publishedAt: date, subject: subject.code });
        }
      }
    }
  });
  afterAll(() => ctx.close());

  async function expectAgreement(rootId: number, period: Period, platform?: 'website') {
    const filter = { rootId, period, ...(platform ? { platform } : {}) };
    const raw = await publicationCountsQuery(ctx.db.kysely, ctx.db.dialect, WHOLE_TREE, filter).execute();
    const rows = await countPublications(ctx.db.kysely, ctx.db.dialect, WHOLE_TREE, filter);
    const closure = await ctx.db.kysely
      .selectFrom('orgClosure as c')
      .innerJoin('organization as child', 'child.id', 'c.ancestorId')
      .select(['c.descendantId', 'c.ancestorId'])
      .where('child.parentId', '=', rootId)
      .execute();
    const childOf = new Map(closure.map((row) => [row.descendantId, row.ancestorId]));
    const expected = folded(
      raw.map((row) => ({ ...row, count: Number(row.count) })),
      childOf,
      rootId,
    );
    expect(Object.keys(expected).length).toBeGreaterThan(0);
    expect(folded(rows, childOf, rootId)).toEqual(expected);
  }

  it('agrees with the publications for whole and partial months, a region and a branch, a platform', async () => {
    await expectAgreement(region.org.id, parsePeriod('2023'));
    await expectAgreement(region.org.id, parsePeriod('2023-01-15..2024-03-10'));
    await expectAgreement(region.branches[0]!.org.id, parsePeriod('2023-02-03..2023-08-20'));
    await expectAgreement(region.org.id, parsePeriod('2023-H2'), 'website');
  });

  it('follows a moved subject, a moved date and deletes in the same transaction', async () => {
    const [first, second] = region.branches;
    await ctx.db.kysely
      .updateTable('publication')
      .set({ subjectOrgId: second!.org.id })
      .where('subjectOrgId', '=', first!.primaries[0]!.id)
      .execute();
    await ctx.db.kysely
      .updateTable('publication')
      .set({ localDate: '2023-12-31' })
      .where('subjectOrgId', '=', region.direct[0]!.id)
      .execute();
    await ctx.db.kysely
      .deleteFrom('publication')
      .where('subjectOrgId', '=', first!.primaries[1]!.id)
      .execute();
    await expectAgreement(region.org.id, parsePeriod('2023-01-01..2024-06-30'));
    const leftover = await sql<{
      n: number;
    }>`select count(*) as n from publication_month where count < 0`.execute(ctx.db.kysely);
    expect(Number(leftover.rows[0]?.n)).toBe(0);
  });
});
