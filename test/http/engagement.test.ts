/**
 * The dashboard's engagement measures over HTTP on the Abai demo, each figure computed here straight from the
 * tables: engagement per platform and organization with the brief's rates (the brief states the same numbers),
 * the top posts, when and how to post in the organization's zone, and the followers' growth per channel.
 */
import { TZDate } from '@date-fns/tz';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parsePeriod } from '../../src/domain/period.js';
import { buildDashboard } from '../../src/services/dashboard.service.js';
import { buildDemo } from '../../src/services/demo.service.js';
import { prepareBrief, SOCIAL_PLATFORMS } from '../../src/services/brief.service.js';
import {
  type EngagementAnswer,
  engagementAnswer,
  type FollowerGrowthAnswer,
  followerGrowthAnswer,
  type PostingTimeAnswer,
  postingTimeAnswer,
} from '../../src/shared/engagement.schema.js';
import { DIALECTS } from '../helpers/databases.js';
import { addUser, type Client, openTestServer, signIn, type TestServer } from './client.js';

const json = <T>(response: LightMyRequestResponse): T => {
  expect(response.statusCode, response.body).toBe(200);
  return response.json<T>();
};

/** Covers the regional page's 2024 posts and the branches' pages, which post in the autumn. */
const FROM = '2024-01-01';
const TO = '2024-11-30';
const PERIOD = `${FROM}..${TO}`;

describe.each(DIALECTS)('engagement measures over HTTP (%s)', (dialect) => {
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

  /** Abai's subtree's social publications of the period with their channel, read row by row. */
  const posts = async () => {
    const rows = await server.ctx.db.kysely
      .selectFrom('publication as p')
      .innerJoin('channel as c', 'c.id', 'p.channelId')
      .innerJoin('orgClosure as oc', 'oc.descendantId', 'p.subjectOrgId')
      .innerJoin('organization as o', 'o.id', 'oc.ancestorId')
      .where('o.code', '=', 'abai')
      .where('c.platform', 'in', [...SOCIAL_PLATFORMS])
      .where('p.localDate', '>=', FROM)
      .where('p.localDate', '<=', TO)
      .select([
        'p.id',
        'p.channelId',
        'c.platform',
        'p.publishedAt',
        'p.text',
        'p.reactions',
        'p.comments',
        'p.shares',
        'p.views',
      ])
      .execute();
    return rows.map((row) => ({
      ...row,
      interactions: (row.reactions ?? 0) + (row.comments ?? 0) + (row.shares ?? 0),
    }));
  };

  /** Each channel's followers as of the date: its latest snapshot on or before it. */
  const followersAsOf = async (date: string) => {
    const snapshots = await server.ctx.db.kysely
      .selectFrom('audienceSnapshot')
      .select(['channelId', 'asOf', 'followers'])
      .where('asOf', '<=', date)
      .orderBy('asOf')
      .execute();
    return new Map(snapshots.map((row) => [row.channelId, row.followers]));
  };

  it('states reactions, comments, shares, views and both rates per platform, as the brief does', async () => {
    const body = json<EngagementAnswer>(
      await admin.get(`/api/v1/measures/engagement?org=abai&period=${PERIOD}`),
    );
    expect(engagementAnswer.parse(body)).toEqual(body);
    expect(body.asOf).toBe(TO);
    const rows = await posts();
    const followers = await followersAsOf(TO);
    const sum = (list: typeof rows, pick: (row: (typeof rows)[number]) => number) =>
      list.reduce((total, row) => total + pick(row), 0);
    const withFollowers = rows.filter((row) => followers.get(row.channelId));
    const withViews = rows.filter((row) => row.views !== null);
    expect(body.total).toMatchObject({
      posts: rows.length,
      reactions: sum(rows, (row) => row.reactions ?? 0),
      comments: sum(rows, (row) => row.comments ?? 0),
      shares: sum(rows, (row) => row.shares ?? 0),
      views: sum(rows, (row) => row.views ?? 0),
      interactions: sum(rows, (row) => row.interactions),
      postsWithFollowers: withFollowers.length,
      postsWithViews: withViews.length,
    });
    expect(withFollowers.length).toBeGreaterThan(0);
    expect(body.total.engagementByFollowers).toBeCloseTo(
      sum(withFollowers, (row) => row.interactions / (followers.get(row.channelId) ?? 1)) /
        withFollowers.length,
      12,
    );
    // One figure, one answer: the brief's engagement of the same scope and date.
    const { facts } = await prepareBrief(server.ctx, { org: 'abai', from: FROM, to: TO, asOf: TO });
    expect(body.total.engagementByFollowers).toBe(facts.content.engagementByFollowers);
    expect(body.total.engagementByViews).toBe(facts.content.engagementByViews);
    expect(body.total.posts).toBe(facts.content.posts);

    const platforms = [...new Set(rows.map((row) => row.platform))];
    expect(body.byPlatform.map((entry) => entry.platform).sort()).toEqual(platforms.sort());
    for (const entry of body.byPlatform) {
      const own = rows.filter((row) => row.platform === entry.platform);
      expect(entry, entry.platform).toMatchObject({
        posts: own.length,
        reactions: sum(own, (row) => row.reactions ?? 0),
        interactions: sum(own, (row) => row.interactions),
      });
    }
    expect(body.bySubject.reduce((total, entry) => total + entry.posts, 0)).toBe(rows.length);
    expect(body.bySubject[0]).toMatchObject({ group: 'self', org: { code: 'abai' } });
  });

  it('lists the top posts by interactions with a preview, the most first', async () => {
    const body = json<EngagementAnswer>(
      await admin.get(`/api/v1/measures/engagement?org=abai&period=${PERIOD}`),
    );
    const rows = (await posts()).filter((row) => row.interactions > 0);
    const expected = rows
      .map((row) => row.interactions)
      .sort((a, b) => b - a)
      .slice(0, 10);
    expect(body.topPosts.map((post) => post.interactions)).toEqual(expected);
    for (const post of body.topPosts) {
      const row = rows.find((candidate) => candidate.id === post.id);
      expect(row, String(post.id)).toBeDefined();
      expect(post.channel.platform).toBe(row?.platform);
      expect(post.preview.length).toBeGreaterThan(0);
      expect(row?.text?.startsWith(post.preview.replace(/…$/, ''))).toBe(true);
      expect(post.url).toMatch(/^https:\/\//);
    }
  });

  it('places publications by weekday × hour in Asia/Almaty, each cell with its posts', async () => {
    const body = json<PostingTimeAnswer>(
      await admin.get(`/api/v1/measures/posting-time?org=abai&period=${PERIOD}`),
    );
    expect(postingTimeAnswer.parse(body)).toEqual(body);
    expect(body.timeZone).toBe('Asia/Almaty');
    expect(body.minPosts).toBe(5);
    const cells = new Map<string, number>();
    for (const row of await posts()) {
      const local = new TZDate(new Date(row.publishedAt).getTime(), 'Asia/Almaty');
      const key = `${local.getDay() === 0 ? 7 : local.getDay()}-${local.getHours()}`;
      cells.set(key, (cells.get(key) ?? 0) + 1);
    }
    expect(new Map(body.grid.map((cell) => [`${cell.weekday}-${cell.hour}`, cell.posts]))).toEqual(cells);
    for (const cell of body.grid) expect(cell.verdict).toBe(cell.posts >= body.minPosts);
    const total = [...cells.values()].reduce((a, b) => a + b, 0);
    expect(body.byWeekday.reduce((sum, day) => sum + day.posts, 0)).toBe(total);
    expect(body.byMediaKind.reduce((sum, kind) => sum + kind.posts, 0)).toBe(total);
    expect(body.byLength.reduce((sum, band) => sum + band.posts, 0)).toBe(total);
  });

  it("gives each channel's followers at the period's start and end, the own pages' ends the dashboard's", async () => {
    const body = json<FollowerGrowthAnswer>(
      await admin.get('/api/v1/measures/follower-growth?org=abai&period=2024'),
    );
    expect(followerGrowthAnswer.parse(body)).toEqual(body);
    const atStart = await followersAsOf('2024-01-01');
    const atEnd = await followersAsOf(body.asOf);
    const ids = new Map(
      (await server.ctx.db.kysely.selectFrom('channel').select(['id', 'code']).execute()).map((row) => [
        row.code,
        row.id,
      ]),
    );
    const region = body.channels.find((channel) => channel.code === 'abai-facebook');
    expect(region).toMatchObject({ ownPage: true, start: atStart.get(ids.get('abai-facebook') ?? 0) });
    for (const channel of body.channels) {
      const id = ids.get(channel.code) ?? 0;
      expect(channel.end, channel.code).toBe(atEnd.get(id));
      if (channel.startAsOf === channel.endAsOf) expect(channel.delta, channel.code).toBeNull();
      else if (channel.start !== null && channel.end !== null) {
        expect(channel.delta).toBe(channel.end - channel.start);
        if (channel.start > 0)
          expect(channel.ratio).toBeCloseTo((channel.end - channel.start) / channel.start, 12);
      }
    }
    expect(region?.delta).toBeGreaterThan(0);
    const dashboard = await buildDashboard(server.ctx, { org: 'abai', period: parsePeriod('2024') });
    expect(body.channels.filter((c) => c.ownPage).reduce((sum, c) => sum + (c.end ?? 0), 0)).toBe(
      dashboard.followers,
    );
    // The branches' pages were first counted within the year: their start is that count, dated.
    const branchPage = body.channels.find((channel) => !channel.ownPage);
    expect(branchPage?.startAsOf).toBe('2024-11-01');
  });

  it('answers a branch viewer for their branch, 404 outside it, 400 and 401 as the other measures', async () => {
    for (const route of ['engagement', 'posting-time', 'follower-growth']) {
      const own = json<{ org: { code: string } }>(
        await semeyViewer.get(`/api/v1/measures/${route}?period=2024`),
      );
      expect(own.org.code).toBe('abai-semey');
      const outside = await semeyViewer.get(`/api/v1/measures/${route}?org=abai&period=2024`);
      expect(outside.statusCode, route).toBe(404);
      expect(outside.json()).toMatchObject({ error: { code: 'org_unknown' } });
      const invalid = await admin.get(`/api/v1/measures/${route}?org=abai&period=2024-13`);
      expect(invalid.json()).toMatchObject({ error: { code: 'period_invalid' } });
      const anonymous = await server.app.inject({ method: 'GET', url: `/api/v1/measures/${route}?org=abai` });
      expect(anonymous.statusCode).toBe(401);
    }
  });
});
