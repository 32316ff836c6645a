/**
 * The channels' activity over HTTP on the Abai demo: each channel's followers, publications in the period, latest
 * publication and active flag against the tables, the same as the dashboard's presence and reach state; scope.
 */
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parsePeriod } from '../../src/domain/period.js';
import { presenceMeasure, reachMeasure } from '../../src/services/dashboard.service.js';
import { buildDemo } from '../../src/services/demo.service.js';
import {
  type ChannelActivityAnswer,
  channelActivityAnswer,
} from '../../src/shared/channel-activity.schema.js';
import { DIALECTS } from '../helpers/databases.js';
import { addUser, type Client, openTestServer, signIn, type TestServer } from './client.js';

const ROUTE = '/api/v1/measures/channel-activity';

const json = <T>(response: LightMyRequestResponse): T => {
  expect(response.statusCode, response.body).toBe(200);
  return response.json<T>();
};

/** The local date `days` before `date`, worked out with UTC calendar arithmetic. */
const daysBefore = (date: string, days: number) =>
  new Date(Date.parse(`${date}T00:00:00Z`) - days * 86_400_000).toISOString().slice(0, 10);

describe.each(DIALECTS)('channel activity over HTTP (%s)', (dialect) => {
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

  /** Every channel of the organization's subtree as the tables hold it. */
  async function fromTables(
    rootCode: string,
    period: { from: string; to: string },
    asOf: string,
    days: number,
  ) {
    const db = server.ctx.db.kysely;
    const orgs = await db.selectFrom('organization').select(['id', 'code', 'parentId']).execute();
    const root = orgs.find((org) => org.code === rootCode);
    const under = (id: number): number[] => [
      id,
      ...orgs.filter((o) => o.parentId === id).flatMap((o) => under(o.id)),
    ];
    const subtree = new Set(root ? under(root.id) : []);
    const channels = (await db.selectFrom('channel').selectAll().execute()).filter((c) =>
      subtree.has(c.orgId),
    );
    const audience = await db.selectFrom('audienceSnapshot').selectAll().execute();
    const posts = await db.selectFrom('publication').select(['channelId', 'localDate']).execute();
    return channels.map((channel) => {
      const counts = audience
        .filter((row) => row.channelId === channel.id && row.asOf <= asOf)
        .sort((a, b) => b.asOf.localeCompare(a.asOf));
      const own = posts.filter((post) => post.channelId === channel.id);
      const dates = own.map((post) => post.localDate).filter((date) => date <= asOf);
      const last = dates.length > 0 ? dates.reduce((a, b) => (a > b ? a : b)) : null;
      const open =
        (channel.createdOn === null || channel.createdOn <= asOf) &&
        (channel.closedOn === null || channel.closedOn > asOf);
      return {
        code: channel.code,
        followers: counts[0] ? Number(counts[0].followers) : null,
        followersAsOf: counts[0]?.asOf ?? null,
        posts: own.filter((post) => post.localDate >= period.from && post.localDate <= period.to).length,
        lastPublished: last,
        active: open && last !== null && last >= daysBefore(asOf, days),
      };
    });
  }

  it("states each of Abai's channels as the tables hold it for 2024", async () => {
    const body = json<ChannelActivityAnswer>(await admin.get(`${ROUTE}?org=abai&period=2024`));
    expect(channelActivityAnswer.parse(body)).toEqual(body);
    expect(body).toMatchObject({ asOf: '2024-12-31', activeDays: 90 });
    const expected = await fromTables('abai', body.period, body.asOf, body.activeDays);
    const byCode = (rows: { code: string }[]) => [...rows].sort((a, b) => a.code.localeCompare(b.code));
    expect(byCode(body.channels)).toEqual(byCode(expected));
    // The demo has both: branches' pages that posted in the autumn, and ones silent since the summer.
    expect(body.channels.some((channel) => channel.active)).toBe(true);
    expect(body.channels.some((channel) => !channel.active && channel.lastPublished !== null)).toBe(true);
    expect(body.channels.find((channel) => channel.code === 'abai-facebook')?.posts).toBeGreaterThan(0);
  });

  it("gives the dashboard's presence and reach figures of each channel", async () => {
    const query = { org: 'abai', period: parsePeriod('2024-01-01..2024-10-31') };
    const body = json<ChannelActivityAnswer>(
      await admin.get(`${ROUTE}?org=abai&period=2024-01-01..2024-10-31`),
    );
    const presence = await presenceMeasure(server.ctx, query);
    expect(presence.asOf).toBe(body.asOf);
    const listed = presence.rows.flatMap((row) => row.cells.flatMap((cell) => cell.channels));
    expect(listed.length).toBeGreaterThan(0);
    for (const channel of listed) {
      expect(
        body.channels.find((row) => row.code === channel.code),
        channel.code,
      ).toMatchObject({
        active: channel.active,
        lastPublished: channel.lastPublished,
      });
    }
    const reach = await reachMeasure(server.ctx, query);
    for (const channel of reach.channels) {
      expect(
        body.channels.find((row) => row.code === channel.code),
        channel.code,
      ).toMatchObject({
        followers: channel.followers,
        followersAsOf: channel.followersAsOf,
      });
    }
    expect(body.channels).toHaveLength(reach.channels.length);
  });

  it("answers a branch viewer for their branch's channels alone, 404 outside, 401 without a session", async () => {
    const own = json<ChannelActivityAnswer>(await semeyViewer.get(`${ROUTE}?period=2024`));
    expect(own.org.code).toBe('abai-semey');
    expect(own.channels.map((channel) => channel.code).sort()).toEqual(
      (await fromTables('abai-semey', own.period, own.asOf, own.activeDays))
        .map((channel) => channel.code)
        .sort(),
    );
    expect((await semeyViewer.get(`${ROUTE}?org=abai`)).statusCode).toBe(404);
    expect((await server.app.inject({ method: 'GET', url: `${ROUTE}?org=abai` })).statusCode).toBe(401);
  });
});
