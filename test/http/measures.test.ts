/** The dashboard's measures over HTTP, on the Abai demo: the seed's figures, scope, and the brief's agreement. */
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localDateOf } from '../../src/domain/period.js';
import { prepareBrief } from '../../src/services/brief.service.js';
import { buildDemo } from '../../src/services/demo.service.js';
import { getOrganization, listOrganizationSubtree } from '../../src/services/org.service.js';
import { createUser } from '../../src/services/user.service.js';
import type {
  CountsResponse,
  DashboardResponse,
  FindingsResponse,
  PresenceMatrix,
  ReachResponse,
} from '../../src/shared/dashboard.js';
import { describeFinding } from '../../src/shared/finding.js';
import { DIALECTS } from '../helpers/databases.js';
import { addUser, type Client, openTestServer, PASSWORD, signIn, type TestServer } from './client.js';

const ROUTES = ['dashboard', 'counts', 'reach', 'presence', 'findings'] as const;
/** The seed's branches without a page of their own. */
const WITHOUT_PAGES = ['abai-ayagoz', 'abai-kokpekti', 'abai-semey', 'abai-zharma'];

const json = <T>(response: LightMyRequestResponse): T => {
  expect(response.statusCode, response.body).toBe(200);
  return response.json<T>();
};

describe.each(DIALECTS)('measures over HTTP (%s)', (dialect) => {
  let server: TestServer;
  let admin: Client;
  let semeyViewer: Client;
  let kazakhViewer: Client;
  /** Codes and Russian names of Semey's sibling branches. */
  let siblings: string[];

  beforeAll(async () => {
    server = await openTestServer(dialect);
    expect(await buildDemo(server.ctx)).toEqual({ built: true });
    admin = await signIn(server.app, await addUser(server.ctx, 'admin'));
    semeyViewer = await signIn(server.app, await addUser(server.ctx, 'viewer', 'abai-semey'));
    const login = `kk-viewer-${process.pid}`;
    await createUser(server.ctx, { login, role: 'viewer', org: 'abai', password: PASSWORD, lang: 'kk' });
    kazakhViewer = await signIn(server.app, login);
    const region = await getOrganization(server.ctx, 'abai');
    siblings = (await listOrganizationSubtree(server.ctx, region))
      .filter((org) => org.parentId === region.id && org.code !== 'abai-semey')
      .flatMap((org) => [org.code, org.nameRu]);
  }, 120_000);
  afterAll(() => server.close());

  it('answers 401 without a session', async () => {
    for (const route of ROUTES) {
      const response = await server.app.inject({ method: 'GET', url: `/api/v1/measures/${route}?org=abai` });
      expect(response.statusCode, route).toBe(401);
      expect(response.json()).toMatchObject({ error: { code: 'unauthenticated' } });
    }
  });

  it('answers 400 naming the field at fault', async () => {
    const cases = [
      ['counts?granularity=week', 'granularity'],
      ['counts?by=channel', 'by'],
      ['counts?platform=myspace', 'platform'],
      ['dashboard?asOf=2024-13-45', 'asOf'],
      ['presence?colour=red', 'colour'],
      ['reach?colour=red', 'colour'],
    ] as const;
    for (const [query, path] of cases) {
      const response = await admin.get(`/api/v1/measures/${query}`);
      expect(response.statusCode, query).toBe(400);
      const body = response.json<{ error: { code: string; fields: { path: string }[] } }>();
      expect(body.error.code).toBe('validation_failed');
      expect(body.error.fields.map((field) => field.path)).toEqual([path]);
    }
    const period = await admin.get('/api/v1/measures/findings?org=abai&period=2023-13');
    expect(period.statusCode).toBe(400);
    expect(period.json()).toMatchObject({ error: { code: 'period_invalid' } });
  });

  it("answers 404 for an organization outside the caller's subtree, a parent's or a sibling's", async () => {
    for (const route of ROUTES) {
      for (const org of ['abai-zharma', 'abai']) {
        const response = await semeyViewer.get(`/api/v1/measures/${route}?org=${org}`);
        expect(response.statusCode, `${route} ${org}`).toBe(404);
        expect(response.json()).toMatchObject({ error: { code: 'org_unknown' } });
      }
    }
  });

  it("shows the seed's figures on the Abai dashboard for 2023, members and followers as of the seed's date", async () => {
    const body = json<DashboardResponse>(
      await admin.get('/api/v1/measures/dashboard?org=abai&period=2023&asOf=2024-09-01'),
    );
    expect(body.org).toMatchObject({ code: 'abai', kind: 'region', timeZone: 'Asia/Almaty' });
    expect(body.period).toEqual({ from: '2023-01-01', to: '2023-12-31' });
    expect(body.previousPeriod).toEqual({ from: '2022-01-01', to: '2022-12-31' });
    expect(body).toMatchObject({ members: 25_116, primaries: 404, branches: 9, followers: 261 });
    expect(body.reach).toBeCloseTo(261 / 25_116, 6);
    // Without a date, as of the period's end: before the branches opened their pages, with fewer followers.
    const atEnd = json<DashboardResponse>(await admin.get('/api/v1/measures/dashboard?org=abai&period=2023'));
    expect(atEnd).toMatchObject({ asOf: '2023-12-31', members: 25_112, followers: 142 });
    expect(atEnd.presence.rows.filter((row) => row.present)).toEqual([]);
    // The regional page opened in May 2023: nothing on social networks the year before.
    expect(body.publications).toEqual({ current: 48, previous: 0, yearBefore: 0 });
    expect(body.content.posts).toBe(48);
    expect(body.content.legalShare).toBeCloseTo(body.content.legal / 48, 9);
    expect(body.byBranch.reduce((sum, row) => sum + row.count, 0)).toBe(48);
    expect(body.byBranch.find((row) => row.org?.code === 'abai-semey')?.count).toBe(9);
    expect(body.byBranch.find((row) => row.group === 'self')?.count).toBe(25);
    expect(body.byMonth.map((row) => row.month)).toHaveLength(12);
    expect(body.byMonth.reduce((sum, row) => sum + row.count, 0)).toBe(48);
    expect(body.byMonth.slice(0, 4).every((row) => row.count === 0)).toBe(true);
    expect(
      body.presence.rows
        .filter((row) => !row.present)
        .map((row) => row.org.code)
        .sort(),
    ).toEqual(WITHOUT_PAGES);
    const lowReach = body.findings.find((finding) => finding.ruleId === 'low_reach');
    expect(lowReach?.links.channels).toEqual(['abai-facebook']);
    expect(lowReach?.title).toBe(describeFinding(lowReach!, 'ru').title);
  });

  it("gives an organization's members on the date its dashboard takes them for a period, or the date named", async () => {
    for (const org of ['abai', 'abai-semey']) {
      for (const period of ['2023', '2024-Q1', '2021-01-01..2024-09-01']) {
        const query = `period=${encodeURIComponent(period)}`;
        const dashboard = json<DashboardResponse>(
          await admin.get(`/api/v1/measures/dashboard?org=${org}&${query}`),
        );
        const figures = json<{ asOf: string; members: number | null }>(
          await admin.get(`/api/v1/organizations/${org}?${query}`),
        );
        expect(figures, `${org} ${period}`).toMatchObject({
          asOf: dashboard.asOf,
          members: dashboard.members,
        });
      }
    }
    const named = json<{ asOf: string; members: number }>(
      await admin.get('/api/v1/organizations/abai?period=2023&asOf=2024-09-01'),
    );
    expect(named).toMatchObject({ asOf: '2024-09-01', members: 25_116 });
    const today = json<{ asOf: string }>(await admin.get('/api/v1/organizations/abai'));
    expect(today.asOf).toBe(localDateOf(server.ctx.clock(), 'Asia/Almaty'));
  });

  it('states the same figures and findings as the brief for the same date', async () => {
    const body = json<DashboardResponse>(await admin.get('/api/v1/measures/dashboard?org=abai&period=2023'));
    const brief = await prepareBrief(server.ctx, {
      org: 'abai',
      from: '2023-01-01',
      to: '2023-12-31',
      asOf: body.asOf,
    });
    expect(body.members).toBe(brief.facts.members);
    expect(body.content.posts).toBe(brief.facts.content.posts);
    expect(body.content.declarative).toBe(brief.facts.content.declarative);
    expect(body.content.reposts).toBe(brief.facts.content.reposts);
    expect(body.websitePublications.current).toBe(brief.facts.website.total);
    expect(body.findings.map(({ ruleId, params, records }) => ({ ruleId, params, records }))).toEqual(
      brief.findings.map(({ ruleId, params, records }) => ({ ruleId, params, records })),
    );
    const legal = body.findings.find((finding) => finding.ruleId === 'legal_share_low');
    expect(legal?.links.publications).toEqual({
      org: 'abai',
      period: '2023-01-01..2023-12-31',
      topic: 'legal',
    });
  });

  it('compares a quarter with the quarter before', async () => {
    const body = json<DashboardResponse>(
      await admin.get('/api/v1/measures/dashboard?org=abai&period=2024-Q2'),
    );
    expect(body.previousPeriod).toEqual({ from: '2024-01-01', to: '2024-03-31' });
    expect(body.publications.current + body.publications.previous).toBeGreaterThan(0);
  });

  it('compares members, followers, reach and shares with the periods before, each as of its own date', async () => {
    const body = json<DashboardResponse>(
      await admin.get('/api/v1/measures/dashboard?org=abai&period=2024-Q2&asOf=2024-06-20'),
    );
    // On the 20th of the quarter's last month: the quarters compared are taken on the 20th of theirs.
    expect(body.comparisons).toMatchObject({ previousAsOf: '2024-03-20', yearBeforeAsOf: '2023-06-20' });
    const { kysely } = server.ctx.db;
    const region = await getOrganization(server.ctx, 'abai');
    /** Members at the date: an organization's latest snapshot by then, else its children's members summed. */
    const tree = await listOrganizationSubtree(server.ctx, region);
    const snapshots = await kysely
      .selectFrom('membershipSnapshot')
      .select(['orgId', 'asOf', 'members'])
      .execute();
    const membersOf = (orgId: number, date: string): number | null => {
      const own = snapshots
        .filter((row) => row.orgId === orgId && row.asOf <= date)
        .sort((a, b) => b.asOf.localeCompare(a.asOf))[0];
      if (own) return own.members;
      const children = tree.filter((org) => org.parentId === orgId).map((org) => membersOf(org.id, date));
      return children.some((figure) => figure !== null)
        ? children.reduce<number>((sum, figure) => sum + (figure ?? 0), 0)
        : null;
    };
    const membersAt = async (date: string) => membersOf(region.id, date);
    /** Followers of the region's own social pages open at the date, each page's latest count by then. */
    const followersAt = async (date: string) => {
      const pages = await kysely
        .selectFrom('channel')
        .select(['id', 'platform', 'createdOn', 'closedOn'])
        .where('orgId', '=', region.id)
        .execute();
      let sum = 0;
      for (const page of pages) {
        if (['website', 'mobile_app'].includes(page.platform)) continue;
        if ((page.createdOn && page.createdOn > date) || (page.closedOn && page.closedOn <= date)) continue;
        const latest = await kysely
          .selectFrom('audienceSnapshot')
          .select('followers')
          .where('channelId', '=', page.id)
          .where('asOf', '<=', date)
          .orderBy('asOf', 'desc')
          .limit(1)
          .executeTakeFirst();
        sum += latest?.followers ?? 0;
      }
      return sum;
    };
    const dates = { current: '2024-06-20', previous: '2024-03-20', yearBefore: '2023-06-20' };
    for (const [key, date] of Object.entries(dates) as [keyof typeof dates, string][]) {
      expect(body.comparisons.members[key], `members ${key}`).toBe(await membersAt(date));
      expect(body.comparisons.followers[key], `followers ${key}`).toBe(await followersAt(date));
      const members = body.comparisons.members[key];
      expect(body.comparisons.reach[key], `reach ${key}`).toBeCloseTo(
        body.comparisons.followers[key]! / members!,
        9,
      );
    }
    // The region's page opened in May 2023: fewer followers a year before than now.
    expect(body.comparisons.followers.yearBefore).toBeLessThan(body.comparisons.followers.current!);
    expect(body.comparisons.members.current).toBe(body.members);
    expect(body.comparisons.followers.current).toBe(body.followers);
    // Each comparison period's shares are that period's own, as its dashboard states them at the same date.
    const periods = { previous: '2024-Q1&asOf=2024-03-20', yearBefore: '2023-Q2&asOf=2023-06-20' };
    for (const [key, query] of Object.entries(periods) as [keyof typeof periods, string][]) {
      const other = json<DashboardResponse>(
        await admin.get(`/api/v1/measures/dashboard?org=abai&period=${query}`),
      );
      expect(other.content.posts, key).toBe(body.publications[key]);
      for (const figure of ['legalShare', 'declarativeShare', 'repostShare'] as const)
        expect(body.comparisons[figure][key], `${figure} ${key}`).toBe(other.content[figure]);
    }
    for (const figure of ['legalShare', 'declarativeShare', 'repostShare'] as const)
      expect(body.comparisons[figure].current).toBe(body.content[figure]);
    expect(body.content.legal / body.content.posts).toBeCloseTo(body.comparisons.legalShare.current!, 9);
  });

  it("shows a branch viewer their own branch for the current year by default, and nothing of a sibling's", async () => {
    const body = json<DashboardResponse>(await semeyViewer.get('/api/v1/measures/dashboard'));
    const year = localDateOf(new Date(), 'Asia/Almaty').slice(0, 4);
    expect(body.org.code).toBe('abai-semey');
    expect(body.period).toEqual({ from: `${year}-01-01`, to: `${year}-12-31` });
    const of2023 = json<DashboardResponse>(await semeyViewer.get('/api/v1/measures/dashboard?period=2023'));
    expect(of2023.publications.current).toBe(9);
    // Semey has no page of its own: no followers to measure reach by.
    expect(of2023).toMatchObject({ followers: 0, reach: null });
    const answers = await Promise.all(
      ['dashboard?period=2023', 'counts?period=2023', 'reach', 'presence', 'findings?period=2023'].map(
        (query) => semeyViewer.get(`/api/v1/measures/${query}`),
      ),
    );
    for (const answer of answers) {
      expect(answer.statusCode).toBe(200);
      for (const sibling of siblings) expect(answer.body).not.toContain(sibling);
    }
  });

  it('counts publications by subject and by platform per period', async () => {
    const bySubject = json<CountsResponse>(
      await admin.get('/api/v1/measures/counts?org=abai&period=2023&granularity=year&platform=facebook'),
    );
    expect(bySubject).toMatchObject({ total: 48, by: 'subject', granularity: 'year' });
    const counts = Object.fromEntries(
      bySubject.rows.map((row) => [row.org?.code ?? row.group, row.count] as const),
    );
    expect(counts).toMatchObject({
      abai: 25,
      'abai-semey': 9,
      'abai-aksuat': 1,
      'abai-abai': 0,
      direct_primaries: 0,
    });
    expect(bySubject.rows.every((row) => row.bucket === '2023' && row.platform === 'facebook')).toBe(true);

    const byPlatform = json<CountsResponse>(
      await admin.get('/api/v1/measures/counts?org=abai&period=2023&granularity=half&by=platform'),
    );
    const sums = new Map<string, number>();
    for (const row of byPlatform.rows)
      sums.set(row.platform ?? '', (sums.get(row.platform ?? '') ?? 0) + row.count);
    expect(Object.fromEntries(sums)).toEqual({ facebook: 48, website: 46 });
    expect(new Set(byPlatform.rows.map((row) => row.bucket))).toEqual(new Set(['2023-H1', '2023-H2']));
  });

  it("measures reach of the region's page as of a date", async () => {
    const body = json<ReachResponse>(await admin.get('/api/v1/measures/reach?org=abai&asOf=2024-09-01'));
    expect(body).toMatchObject({ asOf: '2024-09-01', members: 25_116, followers: 261 });
    expect(body.reach).toBeCloseTo(261 / 25_116, 6);
    expect(body.channels.find((channel) => channel.code === 'abai-facebook')).toMatchObject({
      owner: { code: 'abai' },
      followers: 261,
    });
    const earlier = json<ReachResponse>(await admin.get('/api/v1/measures/reach?org=abai&asOf=2023-12-31'));
    expect(earlier.followers).toBe(142);
  });

  it('gives the presence matrix with empty cells flagged and the pages named', async () => {
    const body = json<PresenceMatrix>(await admin.get('/api/v1/measures/presence?org=abai&period=2024'));
    expect(body.rows).toHaveLength(9);
    expect(body.platforms.slice(0, 3)).toEqual(['facebook', 'instagram', 'telegram']);
    const beskaragai = body.rows.find((row) => row.org.code === 'abai-beskaragai');
    const facebook = beskaragai?.cells.find((cell) => cell.platform === 'facebook');
    expect(facebook).toMatchObject({
      empty: false,
      channels: [{ code: 'abai-beskaragai-facebook', url: 'https://www.facebook.com/profbesk' }],
    });
    expect(facebook?.lastPublished).toMatch(/^2024-1[01]-/);
    expect(beskaragai?.cells.find((cell) => cell.platform === 'telegram')).toMatchObject({
      empty: true,
      channels: [],
      lastPublished: null,
    });
  });

  it("tells the findings in the user's language", async () => {
    const body = json<FindingsResponse>(await kazakhViewer.get('/api/v1/measures/findings?period=2023'));
    expect(body.org.code).toBe('abai');
    expect(body.findings.length).toBeGreaterThan(0);
    for (const finding of body.findings) {
      const kk = describeFinding(finding, 'kk');
      expect(finding).toMatchObject({ title: kk.title, text: kk.text, recommendation: kk.recommendation });
    }
  });

  it('names organizations in English where they have English names, in the refs and in the findings', async () => {
    const login = `en-viewer-${process.pid}`;
    await createUser(server.ctx, { login, role: 'viewer', org: 'abai', password: PASSWORD, lang: 'en' });
    const english = await signIn(server.app, login);
    const body = json<DashboardResponse>(await english.get('/api/v1/measures/dashboard?period=2023'));
    const ayagoz = body.byBranch.find((row) => row.org?.code === 'abai-ayagoz')?.org;
    expect(ayagoz).toMatchObject({
      nameRu: 'Аягозский районный комитет профсоюза',
      nameEn: 'Ayagoz District Committee of the Union',
      shortNameEn: 'Ayagoz District',
    });
    const missing = body.findings.find((finding) => finding.ruleId === 'platform_missing');
    expect(missing?.text).toContain('Ayagoz District');
    const texts = body.findings.map(
      (finding) => `${finding.title} ${finding.text} ${finding.recommendation}`,
    );
    for (const text of texts) expect(text).not.toMatch(/Аягоз|Кокпект|Жарм|Семей/);
    // A manager gives a name in English; the English reader sees it, the Russian one the Russian name.
    const changed = await admin.patch('/api/v1/organizations/abai-zharma-002', {
      nameEn: 'School No. 2 Primary Organization',
    });
    expect(changed.statusCode, changed.body).toBe(200);
    expect(changed.json()).toMatchObject({ nameEn: 'School No. 2 Primary Organization', shortNameEn: null });
    const cleared = await admin.patch('/api/v1/organizations/abai-zharma-002', { nameEn: null });
    expect(cleared.json()).toMatchObject({ nameEn: null });
  });
});
