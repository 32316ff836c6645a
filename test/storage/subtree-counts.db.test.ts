import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parsePeriod } from '../../src/domain/period.js';
import { publicationsBySubject, publicationsByPeriod } from '../../src/services/stats.service.js';
import { buildTree, type RegionTree } from '../factories/org.factory.js';
import { buildChannel, buildPublication } from '../factories/publication.factory.js';
import { DIALECTS, openTestContext } from '../helpers/databases.js';

describe.each(DIALECTS)('publication counts by subject subtree (%s)', (dialect) => {
  let ctx: Awaited<ReturnType<typeof openTestContext>>;
  let tree: Awaited<ReturnType<typeof buildTree>>;
  let region: RegionTree;
  let sibling: RegionTree;
  const year = parsePeriod('2023');

  beforeAll(async () => {
    ctx = await openTestContext(dialect);
    tree = await buildTree(ctx, { regions: 2, branches: 2, primariesPerBranch: 2, directPrimaries: 1 });
    [region, sibling] = tree.regions as [RegionTree, RegionTree];
    const page = await buildChannel(ctx, region.org, 'facebook');
    const site = await buildChannel(ctx, tree.union, 'website');
    const [branchA, branchB] = region.branches as [(typeof region.branches)[0], (typeof region.branches)[0]];
    // The region's page: 3 about the region, 2 about branch A, 1 about a primary of A, 1 about branch B,
    // 2 about the direct primary; one more in 2024 that a 2023 count must not see.
    const subjects = [
      region.org,
      region.org,
      region.org,
      branchA.org,
      branchA.org,
      branchA.primaries[0]!,
      branchB.org,
      region.direct[0]!,
      region.direct[0]!,
    ];
    for (const subject of subjects) await buildPublication(ctx, page, { subject: subject.code });
    await buildPublication(ctx, page, { publishedAt: '2024-02-01T06:00:00Z' });
    // The union's website: one about branch B, one about the sibling region, one about the union.
    await buildPublication(ctx, site, { subject: branchB.org.code });
    await buildPublication(ctx, site, { subject: sibling.org.code });
    await buildPublication(ctx, site);
  });
  afterAll(() => ctx.close());

  it('counts the whole subtree at every level', async () => {
    const count = async (code: string) =>
      (await publicationsBySubject(ctx, { org: code, period: year })).total;
    expect(await count(tree.union.code)).toBe(12);
    expect(await count(region.org.code)).toBe(10);
    expect(await count(region.branches[0]!.org.code)).toBe(3);
    expect(await count(region.branches[0]!.primaries[0]!.code)).toBe(1);
    expect(await count(region.branches[1]!.org.code)).toBe(2);
    expect(await count(sibling.org.code)).toBe(1);
  });

  it('splits by the organization itself, each branch and the direct primaries', async () => {
    const split = await publicationsBySubject(ctx, { org: region.org.code, period: year });
    // Children come in sort order, then by code: compare as a map, the region itself first.
    expect(split.rows[0]).toMatchObject({ group: { kind: 'self' }, count: 3 });
    expect(new Map(split.rows.map((row) => [row.org?.code ?? row.group.kind, row.count]))).toEqual(
      new Map([
        [region.org.code, 3],
        [region.branches[0]!.org.code, 3],
        [region.branches[1]!.org.code, 2],
        ['direct_primaries', 2],
      ]),
    );
  });

  it('filters by platform and by channel', async () => {
    const byPlatform = await publicationsBySubject(ctx, {
      org: region.org.code,
      period: year,
      platform: 'website',
    });
    expect(byPlatform.total).toBe(1);
    const everything = parsePeriod('2020-01-01..2025-12-31');
    const byYear = await publicationsByPeriod(ctx, {
      org: region.org.code,
      period: everything,
      platform: 'facebook',
      granularity: 'year',
    });
    expect(byYear.rows.filter((row) => row.count > 0)).toEqual([
      { bucket: '2023', count: 9 },
      { bucket: '2024', count: 1 },
    ]);
  });
});
