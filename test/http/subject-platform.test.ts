/**
 * Publications by subject × platform over HTTP, on the Abai demo: the seed's Facebook column, the same counts as
 * `aqparat stats --by subject,platform` (its service), scope and the answer's schema.
 */
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parsePeriod } from '../../src/domain/period.js';
import { buildDemo } from '../../src/services/demo.service.js';
import { addPublication } from '../../src/services/publication.service.js';
import { SOCIAL_PLATFORMS } from '../../src/services/brief.service.js';
import { publicationsBySubjectAndPlatform } from '../../src/services/stats.service.js';
import type { DashboardResponse } from '../../src/shared/dashboard.js';
import {
  type SubjectPlatformAnswer,
  subjectPlatformAnswer,
} from '../../src/shared/subject-platform.schema.js';
import type { Platform } from '../../src/shared/vocabulary.js';
import { DIALECTS } from '../helpers/databases.js';
import { FACEBOOK_2023_BY_SUBJECT } from '../helpers/seed-figures.js';
import { addUser, type Client, openTestServer, signIn, type TestServer } from './client.js';

const ROUTE = '/api/v1/measures/publications-by-subject-platform';

const json = <T>(response: LightMyRequestResponse): T => {
  expect(response.statusCode, response.body).toBe(200);
  return response.json<T>();
};

const keyOf = (row: SubjectPlatformAnswer['rows'][number]) => row.org?.code ?? row.group;

describe.each(DIALECTS)('publications by subject × platform over HTTP (%s)', (dialect) => {
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

  it("gives the seed's 2023 Facebook column per branch, the website beside it, rows and columns summed", async () => {
    const body = json<SubjectPlatformAnswer>(await admin.get(`${ROUTE}?org=abai&period=2023`));
    expect(subjectPlatformAnswer.parse(body)).toEqual(body);
    expect(body.org.code).toBe('abai');
    expect(body.period).toEqual({ from: '2023-01-01', to: '2023-12-31' });
    expect(Object.fromEntries(body.rows.map((row) => [keyOf(row), row.counts.facebook]))).toEqual({
      ...FACEBOOK_2023_BY_SUBJECT,
      'abai-abai': 0,
      direct_primaries: 0,
    });
    expect(body.rows.map((row) => row.group)).toEqual([
      'self',
      ...Array<string>(9).fill('child'),
      'direct_primaries',
    ]);
    expect(body.totals.counts).toMatchObject({ facebook: 48, website: 46, instagram: 0 });
    expect(body.totals.total).toBe(94);
    for (const row of body.rows) {
      expect(row.total).toBe(Object.values(row.counts).reduce((sum, count) => sum + count, 0));
    }
  });

  it("states the CLI's counts and the dashboard's branch bars", async () => {
    const body = json<SubjectPlatformAnswer>(
      await admin.get(`${ROUTE}?org=abai&period=2024-01-01..2024-09-01`),
    );
    const cli = await publicationsBySubjectAndPlatform(server.ctx, {
      org: 'abai',
      period: parsePeriod('2024-01-01..2024-09-01'),
    });
    expect(body.rows.map((row) => [keyOf(row), row.counts, row.total])).toEqual(
      cli.rows.map((row) => [row.org?.code ?? row.group.kind, row.counts, row.total]),
    );
    expect(body.totals).toEqual(cli.totals);
    expect(body.rows.find((row) => row.group === 'direct_primaries')?.counts.facebook).toBe(3);
    // The dashboard's bars count the social platforms: here, Facebook alone.
    const dashboard = json<DashboardResponse>(
      await admin.get('/api/v1/measures/dashboard?org=abai&period=2024-01-01..2024-09-01'),
    );
    expect(dashboard.byBranch.map((bar) => [bar.org?.code ?? bar.group, bar.count])).toEqual(
      body.rows.map((row) => [keyOf(row), row.counts.facebook]),
    );
  });

  it('opens each row of the table as a publications list of the same count', async () => {
    // 2022, which the other cases do not count: a post of a primary directly under the region beside the demo's.
    const direct = await server.ctx.db.kysely
      .selectFrom('organization as o')
      .innerJoin('organization as region', 'region.id', 'o.parentId')
      .select('o.code')
      .where('region.code', '=', 'abai')
      .where('o.kind', '=', 'primary')
      .executeTakeFirstOrThrow();
    await addPublication(server.ctx, {
      channel: 'abai-facebook',
      externalId: 'direct-primary-2022',
      publishedAt: '2022-06-01T06:00:00Z',
      text: 'Собрание первичной организации: 40 участников',
      subject: direct.code,
    });
    const body = json<SubjectPlatformAnswer>(await admin.get(`${ROUTE}?org=abai&period=2022`));
    const listed = async (query: string) =>
      json<{ total: number }>(await admin.get(`/api/v1/publications?period=2022&${query}`)).total;
    for (const row of body.rows) {
      const query = row.group === 'child' ? `org=${row.org?.code}` : `org=abai&group=${row.group}`;
      expect(await listed(`${query}&platform=facebook`), keyOf(row)).toBe(row.counts.facebook);
      expect(await listed(query), keyOf(row)).toBe(row.total);
    }
    for (const group of ['self', 'direct_primaries'])
      expect(body.rows.find((row) => row.group === group)?.total, group).toBeGreaterThan(0);
    // Without `org`, a row of the caller's own organization.
    const semey = json<SubjectPlatformAnswer>(await semeyViewer.get(`${ROUTE}?period=2022`));
    const own = semey.rows.find((row) => row.group === 'self');
    expect(
      json<{ total: number }>(await semeyViewer.get('/api/v1/publications?period=2022&group=self')).total,
    ).toBe(own?.total);
  });

  it("compares the dashboard's publications with the previous quarter and the same quarter a year before", async () => {
    /** Abai's publications on the platforms between the dates, counted here straight from the tables. */
    const counted = async (platforms: readonly Platform[], from: string, to: string) => {
      const row = await server.ctx.db.kysely
        .selectFrom('publication as p')
        .innerJoin('channel as c', 'c.id', 'p.channelId')
        .innerJoin('orgClosure as oc', 'oc.descendantId', 'p.subjectOrgId')
        .innerJoin('organization as o', 'o.id', 'oc.ancestorId')
        .where('o.code', '=', 'abai')
        .where('c.platform', 'in', platforms)
        .where('p.localDate', '>=', from)
        .where('p.localDate', '<=', to)
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow();
      return Number(row.n);
    };
    const body = json<DashboardResponse>(
      await admin.get('/api/v1/measures/dashboard?org=abai&period=2024-Q1'),
    );
    expect(body.previousPeriod).toEqual({ from: '2023-10-01', to: '2023-12-31' });
    expect(body.yearBeforePeriod).toEqual({ from: '2023-01-01', to: '2023-03-31' });
    const expected = {
      current: await counted(SOCIAL_PLATFORMS, '2024-01-01', '2024-03-31'),
      previous: await counted(SOCIAL_PLATFORMS, '2023-10-01', '2023-12-31'),
      yearBefore: await counted(SOCIAL_PLATFORMS, '2023-01-01', '2023-03-31'),
    };
    expect(body.publications).toEqual(expected);
    // The regional page opened in May 2023: nothing on Facebook a year before, some in the quarter before.
    expect(expected.yearBefore).toBe(0);
    expect(expected.previous).toBeGreaterThan(0);
    expect(body.websitePublications).toEqual({
      current: await counted(['website'], '2024-01-01', '2024-03-31'),
      previous: await counted(['website'], '2023-10-01', '2023-12-31'),
      yearBefore: await counted(['website'], '2023-01-01', '2023-03-31'),
    });
    expect(body.websitePublications.yearBefore).toBeGreaterThan(0);
    expect(body.mediaMentions).toHaveProperty('yearBefore');
  });

  it('answers a branch viewer for their branch, 404 outside their subtree, 400 and 401 as the other measures', async () => {
    const own = json<SubjectPlatformAnswer>(await semeyViewer.get(`${ROUTE}?period=2023`));
    expect(own.org.code).toBe('abai-semey');
    expect(own.rows[0]).toMatchObject({ group: 'self', org: { code: 'abai-semey' } });
    expect(own.totals.counts.facebook).toBe(9);
    for (const org of ['abai', 'abai-zharma']) {
      const response = await semeyViewer.get(`${ROUTE}?org=${org}&period=2023`);
      expect(response.statusCode, org).toBe(404);
      expect(response.json()).toMatchObject({ error: { code: 'org_unknown' } });
    }
    const unknown = await admin.get(`${ROUTE}?org=abai&platform=facebook`);
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json()).toMatchObject({ error: { code: 'validation_failed' } });
    const period = await admin.get(`${ROUTE}?org=abai&period=2023-13`);
    expect(period.json()).toMatchObject({ error: { code: 'period_invalid' } });
    const anonymous = await server.app.inject({ method: 'GET', url: `${ROUTE}?org=abai` });
    expect(anonymous.statusCode).toBe(401);
  });
});
