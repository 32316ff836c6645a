/** Publications over HTTP: the filtered list, the detail, corrections with undo, and the caller's scope. */
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Organization } from '../../src/services/org.service.js';
import type {
  DashboardResponse,
  PublicationDetail,
  PublicationPage,
  PublicationPatchResult,
} from '../../src/shared/dashboard.js';
import { DIALECTS } from '../helpers/databases.js';
import { buildTree } from '../factories/org.factory.js';
import { buildChannel, buildPublication } from '../factories/publication.factory.js';
import { addUser, type Client, openTestServer, signIn, type TestServer } from './client.js';

const json = <T>(response: LightMyRequestResponse): T => {
  expect(response.statusCode, response.body).toBe(200);
  return response.json<T>();
};

const fieldsOf = (response: LightMyRequestResponse) =>
  response.json<{ error: { fields?: { path: string; code: string }[] } }>().error.fields ?? [];

const LONG_TEXT = 'Профсоюз провёл приём граждан. '.repeat(20);

describe.each(DIALECTS)('publications over HTTP (%s)', (dialect) => {
  let server: TestServer;
  let branchA: Organization;
  let primaryA: Organization;
  let branchB: Organization;
  let regionPage: string;
  let telegramA: string;
  /** Publications by name: `agreement`, `safetyB`, `legalKk`, `sport`, `long`, `percent`, `siteB`. */
  const ids: Record<string, number> = {};
  let admin: Client;
  let viewerA: Client;
  let editorA: Client;
  let editorALogin: string;
  let viewerB: Client;

  beforeAll(async () => {
    server = await openTestServer(dialect);
    const { ctx } = server;
    const { regions } = await buildTree(ctx, {
      regions: 1,
      branches: 2,
      primariesPerBranch: 1,
      directPrimaries: 0,
    });
    const [region] = regions;
    if (!region?.branches[0] || !region.branches[1]) throw new Error('tree not built');
    branchA = region.branches[0].org;
    primaryA = region.branches[0].primaries[0]!;
    branchB = region.branches[1].org;
    regionPage = await buildChannel(ctx, region.org, 'facebook');
    telegramA = await buildChannel(ctx, branchA, 'telegram');
    const siteB = await buildChannel(ctx, branchB, 'website');
    ids['agreement'] = await buildPublication(ctx, regionPage, {
      publishedAt: '2023-03-01T06:00:00Z',
      title: 'Коллективный ДОГОВОР подписан',
      text: 'В школе № 5 подписан коллективный договор на 2023–2025 годы.',
      subject: branchA.code,
      primaryTopic: 'partnership',
    });
    ids['safetyB'] = await buildPublication(ctx, regionPage, {
      publishedAt: '2023-04-01T06:00:00Z',
      title: 'Семинар по охране труда',
      text: 'Коллективный договор обсуждён на семинаре.',
      subject: branchB.code,
      primaryTopic: 'safety',
    });
    ids['legalKk'] = await buildPublication(ctx, telegramA, {
      publishedAt: '2023-05-01T06:00:00Z',
      text: 'ҚҰҚЫҚТЫҚ кеңес берілді: мұғалімдерге заң көмегі.',
      subject: primaryA.code,
      primaryTopic: 'legal',
      isRepost: true,
      repostSource: 'https://t.me/kasipodak/12',
    });
    ids['sport'] = await buildPublication(ctx, telegramA, {
      publishedAt: '2024-02-01T06:00:00Z',
      text: 'Спорттық жарыс өтті.',
      primaryTopic: 'social',
      declarative: true,
    });
    ids['long'] = await buildPublication(ctx, telegramA, {
      publishedAt: '2023-06-01T06:00:00Z',
      text: LONG_TEXT,
      primaryTopic: 'social',
    });
    ids['percent'] = await buildPublication(ctx, telegramA, {
      publishedAt: '2023-07-01T06:00:00Z',
      text: 'Зарплата выросла на 100% за_год.',
      primaryTopic: 'pay',
    });
    ids['siteB'] = await buildPublication(ctx, siteB, {
      publishedAt: '2023-08-01T06:00:00Z',
      title: 'Новости филиала B',
      primaryTopic: 'info',
    });
    admin = await signIn(server.app, await addUser(ctx, 'admin'));
    viewerA = await signIn(server.app, await addUser(ctx, 'viewer', branchA.code));
    editorALogin = await addUser(ctx, 'editor', branchA.code);
    editorA = await signIn(server.app, editorALogin);
    viewerB = await signIn(server.app, await addUser(ctx, 'viewer', branchB.code));
  }, 60_000);
  afterAll(() => server.close());

  const list = async (client: Client, query = '') =>
    json<PublicationPage>(await client.get(`/api/v1/publications${query ? `?${query}` : ''}`));
  const listIds = async (client: Client, query = '') =>
    (await list(client, query)).items.map((item) => item.id);

  it('answers 401 without a session', async () => {
    const requests = [
      { method: 'GET', url: '/api/v1/publications' },
      { method: 'GET', url: `/api/v1/publications/${ids['agreement']}` },
      {
        method: 'PATCH',
        url: `/api/v1/publications/${ids['agreement']}`,
        payload: { primaryTopic: 'legal' },
      },
    ] as const;
    for (const request of requests) {
      const response = await server.app.inject(request);
      expect(response.statusCode, request.method).toBe(401);
      expect(response.json()).toMatchObject({ error: { code: 'unauthenticated' } });
    }
  });

  it('answers 400 naming the field at fault', async () => {
    const cases = [
      [await viewerA.get('/api/v1/publications?pageSize=0'), 'pageSize'],
      [await viewerA.get('/api/v1/publications?platform=myspace'), 'platform'],
      [await viewerA.get('/api/v1/publications?repost=maybe'), 'repost'],
      [await viewerA.get('/api/v1/publications?topic=gossip'), 'topic'],
      [await viewerA.get('/api/v1/publications/abc'), 'id'],
      [
        await editorA.patch(`/api/v1/publications/${ids['agreement']}`, { primaryTopic: 'gossip' }),
        'primaryTopic',
      ],
      [await editorA.patch(`/api/v1/publications/${ids['agreement']}`, { colour: 'red' }), 'colour'],
      [await editorA.patch(`/api/v1/publications/${ids['agreement']}`, {}), '(record)'],
      [await editorA.patch(`/api/v1/publications/${ids['agreement']}`, { subject: branchB.code }), 'subject'],
    ] as const;
    for (const [response, path] of cases) {
      expect(response.statusCode, path).toBe(400);
      expect(fieldsOf(response).map((field) => field.path)).toEqual([path]);
    }
    const period = await viewerA.get('/api/v1/publications?period=2023-13');
    expect(period.statusCode).toBe(400);
    expect(period.json()).toMatchObject({ error: { code: 'period_invalid' } });
  });

  it("answers 404 for a sibling branch's publication or organization", async () => {
    const detail = await viewerA.get(`/api/v1/publications/${ids['safetyB']}`);
    expect(detail.statusCode).toBe(404);
    expect(detail.json()).toMatchObject({ error: { code: 'publication_id_unknown' } });
    const patch = await editorA.patch(`/api/v1/publications/${ids['safetyB']}`, { primaryTopic: 'legal' });
    expect(patch.statusCode).toBe(404);
    expect((await viewerA.get(`/api/v1/publications?org=${branchB.code}`)).statusCode).toBe(404);
    expect((await admin.get('/api/v1/publications/999999')).statusCode).toBe(404);
  });

  it("lists the subtree's publications newest first, none of a sibling branch's", async () => {
    const own = ['sport', 'percent', 'long', 'legalKk', 'agreement'].map((name) => ids[name]);
    const page = await list(viewerA);
    expect(page).toMatchObject({ total: 5, page: 1, pageSize: 50 });
    expect(page.items.map((item) => item.id)).toEqual(own);
    expect(await listIds(viewerB)).toEqual([ids['siteB'], ids['safetyB']]);
    expect(await listIds(admin, `org=${branchA.code}`)).toEqual(own);
    expect(await listIds(admin, `org=${primaryA.code}`)).toEqual([ids['legalKk']]);
  });

  it('filters by channel, platform, period, topic, repost and declarative, and pages', async () => {
    // The region's page is outside a branch's scope, yet the branch's publications on it are listed by it.
    expect(await listIds(viewerA, `channel=${regionPage}`)).toEqual([ids['agreement']]);
    expect(await listIds(viewerA, 'platform=facebook')).toEqual([ids['agreement']]);
    expect(await listIds(viewerA, 'period=2024')).toEqual([ids['sport']]);
    expect(await listIds(viewerA, 'topic=legal')).toEqual([ids['legalKk']]);
    expect(await listIds(viewerA, 'repost=true')).toEqual([ids['legalKk']]);
    expect(await listIds(viewerA, 'declarative=true')).toEqual([ids['sport']]);
    expect(await listIds(viewerA, `channel=${telegramA}&period=2023&repost=false`)).toEqual([
      ids['percent'],
      ids['long'],
    ]);
    const second = await list(viewerA, 'pageSize=2&page=2');
    expect(second).toMatchObject({ total: 5, page: 2, pageSize: 2 });
    expect(second.items.map((item) => item.id)).toEqual([ids['long'], ids['legalKk']]);
  });

  it('searches titles and texts in any letter case, Cyrillic and Kazakh letters included', async () => {
    expect(await listIds(viewerA, `q=${encodeURIComponent('коллективный договор')}`)).toEqual([
      ids['agreement'],
    ]);
    expect(await listIds(viewerA, `q=${encodeURIComponent('құқықтық')}`)).toEqual([ids['legalKk']]);
    expect(await listIds(viewerA, `q=${encodeURIComponent('ЖАРЫС')}`)).toEqual([ids['sport']]);
    // Wildcards are taken as they are written.
    expect(await listIds(viewerA, `q=${encodeURIComponent('100%')}`)).toEqual([ids['percent']]);
    expect(await listIds(viewerA, `q=${encodeURIComponent('на_100')}`)).toEqual([]);
    expect(await listIds(viewerA, `q=${encodeURIComponent('за_год')}`)).toEqual([ids['percent']]);
    // A sibling's publication is not found by its words.
    expect(await listIds(viewerA, `q=${encodeURIComponent('семинар')}`)).toEqual([]);
  });

  it('gives each item its channel, subject, labels, engagement and an excerpt', async () => {
    const items = (await list(viewerA)).items;
    expect(items.find((item) => item.id === ids['legalKk'])).toMatchObject({
      channel: { code: telegramA, platform: 'telegram' },
      subject: { code: primaryA.code, kind: 'primary' },
      localDate: '2023-05-01',
      labels: {
        primaryTopic: 'legal',
        isRepost: true,
        repostSource: 'https://t.me/kasipodak/12',
        declarative: null,
      },
      engagement: { views: null, reactions: null },
      excerpt: 'ҚҰҚЫҚТЫҚ кеңес берілді: мұғалімдерге заң көмегі.',
    });
    const long = items.find((item) => item.id === ids['long']);
    expect(long?.excerpt).toHaveLength(301);
    expect(long?.excerpt.endsWith('…')).toBe(true);
    expect(LONG_TEXT.startsWith(long?.excerpt.slice(0, 290) ?? '-')).toBe(true);
  });

  it('shows one publication with its full text', async () => {
    const detail = json<PublicationDetail>(await viewerA.get(`/api/v1/publications/${ids['long']}`));
    expect(detail).toMatchObject({ id: ids['long'], text: LONG_TEXT, subjectManual: false, corrections: [] });
  });

  it("refuses a viewer's correction", async () => {
    const response = await viewerA.patch(`/api/v1/publications/${ids['agreement']}`, {
      primaryTopic: 'legal',
    });
    expect(response.statusCode).toBe(403);
    expect(response.json()).toMatchObject({ error: { code: 'forbidden' } });
  });

  it("takes an editor's correction into the dashboard's legal share, logs it, and undoes it", async () => {
    const dashboard = async () =>
      json<DashboardResponse>(await editorA.get('/api/v1/measures/dashboard?period=2023')).content;
    const before = await dashboard();
    expect(before).toMatchObject({ posts: 4, legal: 1, legalShare: 0.25 });

    const url = `/api/v1/publications/${ids['agreement']}`;
    const corrected = json<PublicationPatchResult>(await editorA.patch(url, { primaryTopic: 'legal' }));
    expect(corrected.before).toEqual({ primaryTopic: 'partnership' });
    expect(corrected.publication.labels.primaryTopic).toBe('legal');
    expect(corrected.publication.labels.topics[0]).toEqual({ topic: 'legal', score: 1 });
    expect(corrected.publication.corrections).toEqual([
      { field: 'primaryTopic', value: 'legal', by: editorALogin, at: expect.any(String) },
    ]);
    expect(corrected.publication.reasons?.corrected?.[0]).toMatch(/^primaryTopic by /);
    expect(await dashboard()).toMatchObject({ legal: 2, legalShare: 0.5 });

    const audit = await admin.get(`/api/v1/audit?resource=publications&recordId=${ids['agreement']}`);
    expect(audit.json()).toMatchObject({
      items: [
        { action: 'update', before: { primaryTopic: 'partnership' }, after: { primaryTopic: 'legal' } },
      ],
    });

    const undone = json<PublicationPatchResult>(await editorA.patch(url, corrected.before));
    expect(undone.before).toEqual({ primaryTopic: 'legal' });
    expect(undone.publication.labels.primaryTopic).toBe('partnership');
    expect(undone.publication.corrections.map((entry) => entry.value)).toEqual(['legal', 'partnership']);
    expect(await dashboard()).toMatchObject({ legal: 1, legalShare: 0.25 });
  });

  it('corrects the flags, the language and the subject organization, returning the values before', async () => {
    const url = `/api/v1/publications/${ids['sport']}`;
    const result = json<PublicationPatchResult>(
      await editorA.patch(url, {
        declarative: false,
        isRepost: true,
        repostSource: 'https://t.me/x/1',
        language: 'kk',
      }),
    );
    expect(result.before).toEqual({ declarative: true, isRepost: false });
    expect(result.publication.labels).toMatchObject({
      declarative: false,
      isRepost: true,
      repostSource: 'https://t.me/x/1',
      language: 'kk',
    });
    expect(result.publication.corrections.map((entry) => entry.field).sort()).toEqual([
      'declarative',
      'isRepost',
      'language',
    ]);

    const moved = json<PublicationPatchResult>(await editorA.patch(url, { subject: primaryA.code }));
    expect(moved.before).toEqual({ subject: branchA.code });
    expect(moved.publication).toMatchObject({ subject: { code: primaryA.code }, subjectManual: true });
    expect(await listIds(viewerA, `org=${primaryA.code}&period=2024`)).toEqual([ids['sport']]);
    const back = json<PublicationPatchResult>(await editorA.patch(url, moved.before));
    expect(back.publication.subject.code).toBe(branchA.code);
  });
});
