import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parsePeriod, periodBetween } from '../../src/domain/period.js';
import { WHOLE_TREE } from '../../src/domain/scope.js';
import { buildDemo } from '../../src/services/demo.service.js';
import {
  materialsIssued,
  mentionsByYear,
  organizationFigures,
  publicationsByPeriod,
  publicationsBySubject,
} from '../../src/services/stats.service.js';
import { listInSubtree } from '../../src/storage/repositories/records.repository.js';
import { toBool } from '../../src/storage/rows.js';
import { DIALECTS, openTestContext } from '../helpers/databases.js';
import { FACEBOOK_2023_BY_SUBJECT } from '../helpers/seed-figures.js';
import { rowCounts } from '../helpers/tables.js';

/** Every figure of the seed brief, computed from the demo's individual records. */
describe.each(DIALECTS)('the Abai demo reproduces the seed brief (%s)', (dialect) => {
  let ctx: Awaited<ReturnType<typeof openTestContext>>;
  const asOf = '2024-09-01';

  beforeAll(async () => {
    ctx = await openTestContext(dialect);
    expect(await buildDemo(ctx)).toEqual({ built: true });
  });
  afterAll(() => ctx.close());

  const split = async (period: ReturnType<typeof parsePeriod>) => {
    const result = await publicationsBySubject(ctx, { org: 'abai', period, platform: 'facebook' });
    const bySubject: Record<string, number> = Object.fromEntries(
      result.rows.map((row) => [row.group.kind === 'direct_primaries' ? 'direct' : row.org?.code, row.count]),
    );
    return { total: result.total, bySubject };
  };

  it('has 404 primaries, 9 branches and 25,116 members', async () => {
    const figures = await organizationFigures(ctx, 'abai', asOf);
    expect(figures.members).toBe(25_116);
    expect(figures.structure.primaries).toBe(404);
    expect(figures.structure.branches).toBe(9);
    expect(figures.structure.directPrimaries).toBeGreaterThan(0);
    // Nobody is responsible for information work, even at the regional level.
    expect(figures.infoResponsible).toEqual([]);
  });

  it('has the regional Facebook page, created May 2023, with 261 followers: about 1 % of members', async () => {
    const figures = await organizationFigures(ctx, 'abai', asOf);
    const page = figures.channels.find((channel) => channel.code === 'abai-facebook');
    expect(page).toMatchObject({ platform: 'facebook', createdOn: '2023-05-15', followers: 261 });
    expect(page?.reach).toBeCloseTo(261 / 25_116, 6);
    // Only Facebook is used by the region itself.
    const own = figures.channels.filter((channel) => channel.ownerId === figures.org.id);
    expect(own.map((channel) => channel.platform)).toEqual(['facebook']);
  });

  it('splits the 48 materials of 2023 by subject exactly as the seed', async () => {
    expect(await split(parsePeriod('2023'))).toEqual({
      total: 48,
      bySubject: { ...FACEBOOK_2023_BY_SUBJECT, 'abai-abai': 0, direct: 0 },
    });
  });

  it('splits the 33 materials up to 2024-09-01 as the seed, the direct primaries together', async () => {
    const result = await split(periodBetween('2024-01-01', asOf));
    expect(result.total).toBe(33);
    expect(Object.fromEntries(Object.entries(result.bySubject).filter(([, count]) => count > 0))).toEqual({
      abai: 17,
      'abai-semey': 10,
      'abai-aksuat': 2,
      'abai-zharma': 1,
      direct: 3,
    });
  });

  it("counts the region's materials on the sector website: 20, 36, 46 and 28 in the first half of 2024", async () => {
    const years = await publicationsByPeriod(ctx, {
      org: 'abai',
      period: periodBetween('2021-01-01', asOf),
      platform: 'website',
      granularity: 'year',
    });
    expect(years.rows).toEqual([
      { bucket: '2021', count: 20 },
      { bucket: '2022', count: 36 },
      { bucket: '2023', count: 46 },
      { bucket: '2024', count: 28 },
    ]);
    const halves = await publicationsByPeriod(ctx, {
      org: 'abai',
      period: parsePeriod('2024'),
      platform: 'website',
      granularity: 'half',
    });
    expect(halves.rows).toEqual([
      { bucket: '2024-H1', count: 28 },
      { bucket: '2024-H2', count: 0 },
    ]);
    // The union's own news on the same site belong to the union, not to the region.
    const union = await publicationsByPeriod(ctx, {
      org: 'sector-union',
      period: parsePeriod('2023'),
      platform: 'website',
      granularity: 'year',
    });
    expect(union.total).toBe(46 + 12);
  });

  it('itemizes media mentions per year and outlet; 2022 has the 7 items the seed lists', async () => {
    const mentions = await mentionsByYear(ctx, 'abai', periodBetween('2021-01-01', '2024-12-31'));
    const table: Record<string, Record<string, number>> = {};
    for (const { bucket, outletId, count } of mentions.counts) {
      const outlet = mentions.outlets.get(outletId)?.name ?? '?';
      table[bucket] = { ...table[bucket], [outlet]: count };
    }
    expect(table).toEqual({
      2021: { 'Қазақстан кәсіподағы': 1, 'Білімді Ел': 1, 'Семей таңы': 1, 'Уақыт тынысы': 1 },
      2022: { 'Қазақстан кәсіподағы': 5, 'Білімді Ел': 1, 'Уақыт тынысы': 1 },
      2023: {
        'Қазақстан кәсіподағы': 2,
        'Семей таңы': 1,
        'Семей вести': 1,
        'Уақыт тынысы': 1,
        'Жаңа уақыт': 2,
        'Бесқарағай тынысы': 1,
      },
      2024: { 'Семей таңы': 1, 'Жаңа уақыт': 2, 'Бесқарағай тынысы': 3 },
    });
    const perYear = (year: string) =>
      mentions.counts.filter((row) => row.bucket === year).reduce((sum, row) => sum + row.count, 0);
    expect([perYear('2021'), perYear('2022'), perYear('2023'), perYear('2024')]).toEqual([4, 7, 8, 6]);
  });

  it('has the 5 manuals of 2022–2024', async () => {
    const manuals = await materialsIssued(ctx, 'abai', periodBetween('2022-01-01', '2024-12-31'));
    expect(manuals).toHaveLength(5);
    expect(manuals.map((manual) => [manual.titleRu, manual.titleKk])).toContainEqual([
      'Статистическая отчетность в организациях профсоюза',
      'Кәсіподақ ұйымдарындағы статистикалық есептілік',
    ]);
  });

  it('has the Executive Committee decisions of 2021 and 2024, with tasks overdue', async () => {
    const region = (await organizationFigures(ctx, 'abai', asOf)).org;
    const decisions = await listInSubtree(ctx.db.kysely, WHOLE_TREE, 'decision', region.id);
    expect(decisions.map((decision) => [decision.body, decision.adoptedOn.slice(0, 4)])).toEqual([
      ['executive_committee', '2021'],
      ['executive_committee', '2024'],
    ]);
    const overdue = await ctx.db.kysely
      .selectFrom('task')
      .select('textRu')
      .where('status', '=', 'open')
      .where('dueOn', '<', asOf)
      .execute();
    expect(overdue.length).toBeGreaterThanOrEqual(2);
  });

  it('carries exactly the two legal-protection items, and many reposts', async () => {
    const posts = await ctx.db.kysely
      .selectFrom('publication')
      .innerJoin('channel', 'channel.id', 'publication.channelId')
      .select(['publication.primaryTopic', 'publication.isRepost', 'publication.title'])
      .where('channel.code', '=', 'abai-facebook')
      .execute();
    const legal = posts.filter((post) => post.primaryTopic === 'legal');
    expect(legal.map((post) => post.title)).toEqual([
      'Семинар по работе согласительных комиссий',
      expect.stringContaining('аттестат'),
    ]);
    const reposts = posts.filter((post) => toBool(post.isRepost));
    expect(reposts.length / posts.length).toBeGreaterThan(0.3);
  });

  it('lists pages for 5 of the 9 branches: Ayagoz, Zharma, Kokpekti and the city have none', async () => {
    const figures = await organizationFigures(ctx, 'abai', '2024-12-31');
    const region = figures.org.id;
    const owners = new Set(figures.channels.filter((c) => c.ownerId !== region).map((c) => c.ownerId));
    const branches = await ctx.db.kysely
      .selectFrom('organization')
      .select(['id', 'code'])
      .where('kind', '=', 'branch')
      .execute();
    expect(
      branches
        .filter((branch) => !owners.has(branch.id))
        .map((branch) => branch.code)
        .sort(),
    ).toEqual(['abai-ayagoz', 'abai-kokpekti', 'abai-semey', 'abai-zharma']);
  });

  it('changes nothing when run again, and rebuilds the same records with --reset', async () => {
    const digest = async () =>
      (
        await ctx.db.kysely
          .selectFrom('publication')
          .innerJoin('organization', 'organization.id', 'publication.subjectOrgId')
          .select([
            'publication.externalId',
            'publication.publishedAt',
            'publication.title',
            'organization.code',
          ])
          .orderBy('publication.externalId')
          .execute()
      )
        .map((row) => Object.values(row).join('|'))
        .join('\n');
    const counts = await rowCounts(ctx);
    const before = await digest();
    expect(await buildDemo(ctx)).toEqual({ built: false });
    expect(await rowCounts(ctx)).toEqual(counts);
    expect(await buildDemo(ctx, { reset: true })).toEqual({ built: true });
    expect(await rowCounts(ctx)).toEqual(counts);
    expect(await digest()).toBe(before);
  });
});
