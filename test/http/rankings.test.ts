/**
 * Rankings of branches over HTTP, on the Abai demo: every value and the figures behind it against numbers worked
 * out here from the tables, the ranks, the dashboard's figures of a branch, the sector union's regions, scope.
 */
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parsePeriod } from '../../src/domain/period.js';
import { buildDashboard } from '../../src/services/dashboard.service.js';
import { buildDemo } from '../../src/services/demo.service.js';
import { followerGrowthMeasure } from '../../src/services/engagement.service.js';
import { type RankingAnswer, rankingAnswer } from '../../src/shared/ranking.schema.js';
import { DIALECTS } from '../helpers/databases.js';
import { expectedBranches, expectedValues } from '../helpers/ranking-figures.js';
import { addUser, type Client, openTestServer, signIn, type TestServer } from './client.js';

const ROUTE = '/api/v1/measures/rankings';

const json = <T>(response: LightMyRequestResponse): T => {
  expect(response.statusCode, response.body).toBe(200);
  return response.json<T>();
};

const MEASURES = [
  'publicationsPerThousand',
  'reach',
  'concreteShare',
  'legalShare',
  'followerGrowth',
] as const;

describe.each(DIALECTS)('rankings of branches over HTTP (%s)', (dialect) => {
  let server: TestServer;
  let admin: Client;
  let semeyViewer: Client;

  beforeAll(async () => {
    server = await openTestServer(dialect);
    expect(await buildDemo(server.ctx)).toEqual({ built: true });
    admin = await signIn(server.app, await addUser(server.ctx, 'admin'));
    semeyViewer = await signIn(server.app, await addUser(server.ctx, 'viewer', 'abai-semey'));
  }, 120_000);
  afterAll(() => server.close());

  /** The answer against the tables: each branch's figures, values and ranks. */
  async function expectFromTables(body: RankingAnswer) {
    const expected = await expectedBranches(server.ctx.db.kysely, body.org.code, body.period, body.asOf);
    expect(body.rows.map((row) => row.org.code).sort()).toEqual(expected.map((branch) => branch.code).sort());
    for (const branch of expected) {
      const row = body.rows.find((candidate) => candidate.org.code === branch.code);
      const values = expectedValues(branch);
      expect(row?.members, branch.code).toBe(branch.members);
      expect(row?.values.publicationsPerThousand).toMatchObject({
        numerator: branch.publications,
        denominator: branch.members,
      });
      expect(row?.values.reach).toMatchObject({ numerator: branch.followers, denominator: branch.members });
      expect(row?.values.concreteShare).toMatchObject({
        numerator: branch.judged - branch.declarative,
        denominator: branch.judged,
      });
      expect(row?.values.legalShare).toMatchObject({ numerator: branch.legal, denominator: branch.posts });
      expect(row?.values.followerGrowth).toMatchObject({
        numerator: branch.growth?.end ?? null,
        denominator: branch.growth?.start ?? null,
      });
      for (const measure of MEASURES) {
        const value = row?.values[measure].value ?? null;
        if (values[measure] === null) expect(value, `${branch.code} ${measure}`).toBeNull();
        else expect(value, `${branch.code} ${measure}`).toBeCloseTo(values[measure], 10);
      }
    }
    // Ranks: 1 for the highest value, equal values sharing the better one, no rank without a value.
    for (const measure of MEASURES) {
      const values = expected.map((branch) => expectedValues(branch)[measure]);
      for (const row of body.rows) {
        const own = expectedValues(expected.find((branch) => branch.code === row.org.code)!)[measure];
        const rank = own === null ? null : 1 + values.filter((value) => value !== null && value > own).length;
        expect(row.values[measure].rank, `${row.org.code} ${measure}`).toBe(rank);
      }
    }
    return expected;
  }

  it("ranks Abai's branches for 2024 with the figures the tables hold", async () => {
    const body = json<RankingAnswer>(await admin.get(`${ROUTE}?org=abai&period=2024`));
    expect(rankingAnswer.parse(body)).toEqual(body);
    expect(body.period).toEqual({ from: '2024-01-01', to: '2024-12-31' });
    expect(body.asOf).toBe('2024-12-31');
    expect(body.since).toBe('2024-01-01');
    const expected = await expectFromTables(body);
    // The city and the nine districts, not the primaries directly under the region.
    expect(expected).toHaveLength(9);
    expect(expected.every((branch) => branch.members !== null && branch.members > 0)).toBe(true);
    // The demo gives the figures something to rank: publications, pages, judged posts.
    expect(expected.filter((branch) => branch.publications > 0).length).toBeGreaterThan(3);
    expect(expected.some((branch) => branch.pages > 0)).toBe(true);
    expect(expected.some((branch) => branch.judged > 0)).toBe(true);
    const semey = body.rows.find((row) => row.org.code === 'abai-semey');
    expect(semey?.values.publicationsPerThousand.rank).not.toBeNull();
  });

  it("states a branch's figures as its own dashboard does", async () => {
    const body = json<RankingAnswer>(await admin.get(`${ROUTE}?org=abai&period=2024-01-01..2024-09-01`));
    await expectFromTables(body);
    for (const code of ['abai-semey', 'abai-zharma']) {
      const row = body.rows.find((candidate) => candidate.org.code === code);
      const dashboard = await buildDashboard(server.ctx, {
        org: code,
        period: parsePeriod('2024-01-01..2024-09-01'),
      });
      expect(row?.members).toBe(dashboard.members);
      expect(row?.values.publicationsPerThousand.numerator).toBe(dashboard.publications.current);
      expect(row?.values.reach.numerator).toBe(dashboard.followers);
      expect(row?.values.reach.value).toBe(dashboard.reach);
      expect(row?.values.legalShare).toMatchObject({
        numerator: dashboard.content.legal,
        denominator: dashboard.content.posts,
        value: dashboard.content.legalShare,
      });
      expect(row?.values.concreteShare.denominator).toBe(dashboard.content.judged);
      expect(row?.values.concreteShare.numerator).toBe(
        dashboard.content.judged - dashboard.content.declarative,
      );
    }
  });

  it("ranks the sector union's regions, with the regional page's growth of followers", async () => {
    const body = json<RankingAnswer>(await admin.get(`${ROUTE}?org=sector-union&period=2024`));
    const expected = await expectFromTables(body);
    expect(body.rows.map((row) => row.org.code)).toEqual(['abai']);
    // The regional Facebook page: 204 followers on the first day of 2024, 261 by its end.
    expect(expected[0]?.growth).toEqual({ start: 204, end: 261 });
    expect(body.rows[0]?.values.followerGrowth).toEqual({
      value: 57,
      numerator: 261,
      denominator: 204,
      rank: 1,
    });
    // The dashboard's growth per channel says the same of the region's own pages.
    const growth = await followerGrowthMeasure(server.ctx, { org: 'abai', period: parsePeriod('2024') });
    const own = growth.channels.filter((channel) => channel.ownPage && channel.delta !== null);
    expect(own.reduce((sum, channel) => sum + (channel.delta ?? 0), 0)).toBe(57);
  });

  it('ranks a branch viewer’s own primaries, 404 outside their subtree, 400 and 401 as the other measures', async () => {
    const own = json<RankingAnswer>(await semeyViewer.get(`${ROUTE}?period=2024`));
    expect(own.org.code).toBe('abai-semey');
    const expected = await expectFromTables(own);
    expect(expected.length).toBeGreaterThan(0);
    const response = await semeyViewer.get(`${ROUTE}?org=abai&period=2024`);
    expect(response.statusCode).toBe(404);
    expect(response.json()).toMatchObject({ error: { code: 'org_unknown' } });
    const unknown = await admin.get(`${ROUTE}?org=abai&by=reach`);
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json()).toMatchObject({ error: { code: 'validation_failed' } });
    const period = await admin.get(`${ROUTE}?org=abai&period=2024-13`);
    expect(period.json()).toMatchObject({ error: { code: 'period_invalid' } });
    const anonymous = await server.app.inject({ method: 'GET', url: `${ROUTE}?org=abai` });
    expect(anonymous.statusCode).toBe(401);
  });
});
