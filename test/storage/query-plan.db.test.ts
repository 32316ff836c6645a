import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parsePeriod } from '../../src/domain/period.js';
import { WHOLE_TREE } from '../../src/domain/scope.js';
import { SOCIAL_PLATFORMS } from '../../src/services/brief.service.js';
import { contentRowsQuery } from '../../src/storage/repositories/brief.repository.js';
import {
  monthlyCountsQuery,
  publicationCountsQuery,
} from '../../src/storage/repositories/publication.repository.js';
import { buildTree, type RegionTree } from '../factories/org.factory.js';
import { buildChannel } from '../factories/publication.factory.js';
import { DIALECTS, openTestContext } from '../helpers/databases.js';

/**
 * The subtree count must walk the closure and the (subject, local date) index, never scan the publications; the
 * brief's content figures must read that index alone, which covers their columns. The data is national in
 * shape: many regions, the publications spread over every primary, statistics gathered.
 */
describe.each(DIALECTS)('subtree count query plan (%s)', (dialect) => {
  let ctx: Awaited<ReturnType<typeof openTestContext>>;
  let regions: RegionTree[];
  const POSTS_PER_PRIMARY = dialect === 'postgres' ? 600 : 60;

  beforeAll(async () => {
    ctx = await openTestContext(dialect);
    const tree = await buildTree(ctx, {
      regions: 12,
      branches: 3,
      primariesPerBranch: 8,
      directPrimaries: 2,
    });
    regions = tree.regions;
    // Each region's page carries its primaries' publications, as at national scale: many channels.
    for (const region of regions) await buildChannel(ctx, region.org, 'facebook');
    const series =
      dialect === 'postgres'
        ? sql`select g as n from generate_series(1, ${POSTS_PER_PRIMARY}) g`
        : sql`with recursive s(n) as (select 1 union all select n + 1 from s where n < ${POSTS_PER_PRIMARY}) select n from s`;
    const day =
      dialect === 'postgres'
        ? sql`date '2021-01-01' + (s.n * 7 + o.id) % 1400`
        : sql`date('2021-01-01', '+' || ((s.n * 7 + o.id) % 1400) || ' days')`;
    const instant = dialect === 'postgres' ? sql`(${day})::timestamptz` : sql`${day} || 'T06:00:00.000Z'`;
    await sql`
      insert into publication (channel_id, external_id, published_at, local_date, subject_org_id, created_at, updated_at)
      select ch.id, o.id || '-' || s.n, ${instant}, ${day}, o.id, '2024-01-01T00:00:00Z', '2024-01-01T00:00:00Z'
      from organization o
      join org_closure up on up.descendant_id = o.id
      join channel ch on ch.org_id = up.ancestor_id
      cross join (${series}) s
      where o.kind = 'primary'`.execute(ctx.db.kysely);
    // What autovacuum does on a live installation: statistics, and the visibility map for index-only scans.
    await sql.raw(dialect === 'postgres' ? 'vacuum analyze' : 'analyze').execute(ctx.db.kysely);
  });
  afterAll(() => ctx.close());

  const plan = (rootId: number, platform?: 'facebook') =>
    ctx.db.dialect.explain(
      ctx.db.kysely,
      publicationCountsQuery(ctx.db.kysely, ctx.db.dialect, WHOLE_TREE, {
        rootId,
        period: parsePeriod('2023'),
        ...(platform ? { platform } : {}),
      }).compile(),
    );

  it('has national-scale rows to choose from', async () => {
    const row = await ctx.db.kysely
      .selectFrom('publication')
      .select((eb) => eb.fn.countAll<number>().as('count'))
      .executeTakeFirstOrThrow();
    expect(Number(row.count)).toBe(12 * (3 * 8 + 2) * POSTS_PER_PRIMARY);
  });

  it.each([
    ['branch', undefined],
    ['region', undefined],
    ['branch', 'facebook'],
    ['region', 'facebook'],
  ] as const)('reads a %s subtree through indexes (platform %s)', async (level, platform) => {
    const region = regions[5]!;
    const lines = await plan(level === 'region' ? region.org.id : region.branches[1]!.org.id, platform);
    const text = lines.join('\n');
    if (dialect === 'sqlite') {
      expect(text).not.toMatch(/SCAN (p|publication)\b/);
      expect(text).toMatch(/SEARCH p USING (COVERING )?INDEX publication_subject_content_idx/);
      expect(text).toMatch(/SEARCH c USING (COVERING )?INDEX/);
      return;
    }
    expect(text).not.toMatch(/Seq Scan on publication/);
    // With one channel holding the whole country, PostgreSQL may rightly read that channel's year by its own
    // index; without a channel filter the subject index is the only way in.
    const subjectIndex = /(Index (Only )?Scan using|Bitmap Index Scan on) publication_subject_content_idx/;
    expect(text).toMatch(
      platform ? /(Index (Only )?Scan using|Bitmap Index Scan on) publication_\w+_idx/ : subjectIndex,
    );
  });

  it.each(['branch', 'region'] as const)(
    "reads a %s's content figures from the covering index alone, not the publications",
    async (level) => {
      const region = regions[5]!;
      const query = contentRowsQuery(ctx.db.kysely, WHOLE_TREE, {
        rootId: level === 'region' ? region.org.id : region.branches[1]!.org.id,
        period: parsePeriod('2023'),
        platforms: SOCIAL_PLATFORMS,
      }).compile();
      const text = (await ctx.db.dialect.explain(ctx.db.kysely, query)).join('\n');
      expect(text).toMatch(
        dialect === 'sqlite'
          ? /SEARCH p USING COVERING INDEX publication_subject_content_idx/
          : /Index Only Scan using publication_subject_content_idx on publication p/,
      );
    },
  );

  it.each(['union', 'region'] as const)(
    "reads a %s's whole months from the roll-up's key alone, no row looked up",
    async (level) => {
      const root =
        level === 'union'
          ? await ctx.db.kysely
              .selectFrom('organization')
              .select('id')
              .where('parentId', 'is', null)
              .executeTakeFirstOrThrow()
          : regions[5]!.org;
      const query = monthlyCountsQuery(
        ctx.db.kysely,
        WHOLE_TREE,
        { rootId: root.id, period: parsePeriod('2023') },
        { from: '2023-01', to: '2023-12' },
      ).compile();
      const text = (await ctx.db.dialect.explain(ctx.db.kysely, query)).join('\n');
      expect(text).toMatch(
        dialect === 'sqlite'
          ? /SEARCH m USING PRIMARY KEY \(ancestor_id=\? AND month>\? AND month<\?\)/
          : /Index Only Scan using publication_month_pk on publication_month m/,
      );
    },
  );
});
