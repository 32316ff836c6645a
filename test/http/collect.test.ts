/**
 * Collecting from the web application, on both databases, against a local fake of t.me serving saved real pages:
 * "collect now" answers the channel's collection and leaves a run; a channel's collections tell its health (last
 * success, failing since with the error in the user's language, token state) and its runs; the subtree's list
 * gives every channel's; a viewer may read but not collect (403), another branch sees no such channel (404); and
 * a channel that no collection succeeded on becomes the finding collection_stale on the dashboard and in the
 * brief's appendix.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { buildBrief } from '../../src/services/brief.service.js';
import type { Organization } from '../../src/services/org.service.js';
import { addChannel } from '../../src/services/records.service.js';
import { buildOrg, uniqueCode } from '../factories/org.factory.js';
import { DIALECTS } from '../helpers/databases.js';
import { type FakeTelegram, fakeTelegram, TELEGRAM_PATHS } from '../helpers/fake-telegram.js';
import { itReal } from '../helpers/real-files.js';
import { addUser, type Client, openTestServer, signIn, type TestServer } from './client.js';

interface Run {
  trigger: string;
  status: string;
  new: number;
  followers: number | null;
  batchId: number | null;
  error: { code: string; message: string | null } | null;
}

describe.each(DIALECTS)('collecting over HTTP (%s)', (dialect) => {
  let server: TestServer;
  let fake: FakeTelegram;
  let region: Organization;
  let branch: Organization;
  let sibling: Organization;
  let editor: Client;
  const live = uniqueCode('tg');
  const missing = uniqueCode('tg');
  // Collectable but never asked to be: filled by file imports only, so no finding of staleness.
  const unasked = uniqueCode('tg');

  beforeAll(async () => {
    fake = await fakeTelegram();
    vi.stubEnv('AQPARAT_TELEGRAM_WEB_URL', fake.url);
    vi.stubEnv('AQPARAT_COLLECT_DELAY_MS', '0');
    server = await openTestServer(dialect);
    const { ctx } = server;
    region = await buildOrg(ctx, 'region');
    branch = await buildOrg(ctx, 'branch', region);
    sibling = await buildOrg(ctx, 'branch', region);
    for (const [code, url] of [
      [live, 'https://t.me/topwar_official'],
      [missing, 'https://t.me/not_existed_channel'],
      [unasked, 'https://t.me/durov'],
    ] as const) {
      await addChannel(ctx, { code, org: branch.code, platform: 'telegram', name: code, url });
    }
    editor = await signIn(server.app, await addUser(ctx, 'editor', branch.code));
  });
  afterAll(async () => {
    await server.close();
    await fake.close();
    vi.unstubAllEnvs();
  });

  /** The request in the user's language: the session's, set as the user would. */
  const inLang = async (client: Client, lang: string, method: 'GET' | 'POST', url: string) => {
    expect(
      (await client.request({ method: 'PUT', url: '/api/v1/session/lang', payload: { lang } })).statusCode,
    ).toBe(204);
    return client.request({ method, url });
  };

  itReal(TELEGRAM_PATHS, 'collects now and tells the run, the last success and the followers', async () => {
    const collected = await editor.post(`/api/v1/channels/${live}/collect`);
    expect(collected.statusCode, collected.body).toBe(200);
    expect(collected.json()).toMatchObject({ channel: live, new: 31, followers: 82932, error: null });

    const health = await editor.get(`/api/v1/channels/${live}/collections`);
    expect(health.statusCode).toBe(200);
    const body = health.json() as Record<string, unknown> & { runs: Run[] };
    expect(body).toMatchObject({
      channel: live,
      collector: 'telegram',
      blocked: null,
      failingSince: null,
      lastError: null,
      token: { set: false, expired: false },
    });
    expect(Date.parse(String(body['lastSuccessAt']))).toBeGreaterThan(Date.now() - 60_000);
    // Posts every 2 hours by default: the next scheduled run is 2 hours after this one started.
    expect(Date.parse(String(body['nextRunAt'])) - Date.parse(String(body['lastRunAt']))).toBe(2 * 3_600_000);
    expect(body['followers']).toEqual([expect.objectContaining({ followers: 82932 })]);
    expect(body.runs).toEqual([
      expect.objectContaining({ trigger: 'manual', status: 'ok', new: 31, followers: 82932, error: null }),
    ]);
    expect(body.runs[0]?.batchId).toEqual(expect.any(Number));
  });

  itReal(TELEGRAM_PATHS, "takes the channel's own collection interval, within its bounds", async () => {
    const channels = await editor.get(`/api/v1/channels?org=${branch.code}&pageSize=100`);
    const id = (channels.json() as { items: { id: number; code: string }[] }).items.find(
      (item) => item.code === live,
    )?.id;
    expect(id).toEqual(expect.any(Number));
    // Changing a channel is a manager's (an editor may collect it, not reschedule it).
    const manager = await signIn(server.app, await addUser(server.ctx, 'manager', branch.code));
    expect((await editor.patch(`/api/v1/channels/${id}`, { collectPostsEveryMinutes: 30 })).statusCode).toBe(
      403,
    );
    const tooOften = await manager.patch(`/api/v1/channels/${id}`, { collectPostsEveryMinutes: 5 });
    expect(tooOften.statusCode).toBe(400);
    const changed = await manager.patch(`/api/v1/channels/${id}`, { collectPostsEveryMinutes: 30 });
    expect(changed.statusCode, changed.body).toBe(200);
    const body = (await editor.get(`/api/v1/channels/${live}/collections`)).json() as Record<string, unknown>;
    expect(Date.parse(String(body['nextRunAt'])) - Date.parse(String(body['lastRunAt']))).toBe(30 * 60_000);
  });

  itReal(TELEGRAM_PATHS, "tells a failing channel's error in the user's language, since when", async () => {
    const collected = await inLang(editor, 'en', 'POST', `/api/v1/channels/${missing}/collect`);
    expect(collected.statusCode).toBe(200);
    expect(collected.json()).toMatchObject({
      channel: missing,
      new: 0,
      error: {
        code: 'collect_channel_missing',
        message: expect.stringMatching(
          /^Telegram has no channel @not_existed_channel \(.+\): check the channel's address$/,
        ),
      },
    });
    const health = await inLang(editor, 'kk', 'GET', `/api/v1/channels/${missing}/collections`);
    const body = health.json() as Record<string, unknown> & { runs: Run[] };
    expect(body['lastSuccessAt']).toBeNull();
    expect(body['failingSince']).toEqual(expect.any(String));
    // A failing channel is tried again sooner: 5 minutes after its first failure.
    expect(Date.parse(String(body['nextRunAt'])) - Date.parse(String(body['lastRunAt']))).toBe(5 * 60_000);
    expect(body['lastError']).toMatchObject({
      code: 'collect_channel_missing',
      message: expect.stringContaining('Telegram-да @not_existed_channel арнасы жоқ'),
    });
    expect(body.runs.map((run) => run.status)).toEqual(['failed']);

    const list = await editor.get(`/api/v1/collections?org=${branch.code}`);
    expect(list.statusCode).toBe(200);
    const items = (list.json() as { items: { channel: string; failingSince: string | null }[] }).items;
    expect(items.map((item) => [item.channel, item.failingSince === null]).sort()).toEqual(
      [
        [live, true],
        [missing, false],
        [unasked, true],
      ].sort(),
    );
  });

  itReal(
    TELEGRAM_PATHS,
    'makes a channel without a successful collection a finding of the dashboard and the brief',
    async () => {
      const findings = await editor.get(`/api/v1/measures/findings?org=${branch.code}&period=2026`);
      expect(findings.statusCode).toBe(200);
      const stale = (
        findings.json() as { findings: { ruleId: string; records: { label: string }[] }[] }
      ).findings.find((finding) => finding.ruleId === 'collection_stale');
      // The channel collected a moment ago is fresh, the one never asked to be is not watched; the one whose
      // collections never succeeded is named.
      expect(stale?.records.map((record) => record.label)).toEqual([missing]);
      const brief = await buildBrief(server.ctx, {
        org: branch.code,
        from: '2026-01-01',
        to: '2026-12-31',
        lang: 'kk',
      });
      const grounds = brief.sections.find((section) => section.id === 'grounds');
      expect(JSON.stringify(grounds)).toContain('collection_stale');
      expect(JSON.stringify(grounds)).toContain(missing);
    },
  );

  it("lets a viewer read but not collect (403), and hides the channel from another branch's users (404)", async () => {
    const viewer = await signIn(server.app, await addUser(server.ctx, 'viewer', branch.code));
    expect((await viewer.post(`/api/v1/channels/${live}/collect`)).statusCode).toBe(403);
    expect((await viewer.get(`/api/v1/channels/${live}/collections`)).statusCode).toBe(200);
    for (const role of ['editor', 'manager'] as const) {
      const other = await signIn(server.app, await addUser(server.ctx, role, sibling.code));
      const collect = await other.post(`/api/v1/channels/${live}/collect`);
      expect(collect.statusCode).toBe(404);
      expect(collect.json()).toMatchObject({ error: { code: 'channel_unknown' } });
      expect((await other.get(`/api/v1/channels/${live}/collections`)).statusCode).toBe(404);
      expect((await other.get(`/api/v1/collections?org=${branch.code}`)).statusCode).toBe(404);
    }
    const unknown = await editor.post(`/api/v1/channels/no-such-channel/collect`);
    expect(unknown.statusCode).toBe(404);
  });

  it('refuses "collect now" without the CSRF header', async () => {
    const response = await editor.request({
      method: 'POST',
      url: `/api/v1/channels/${live}/collect`,
      headers: { 'x-csrf-token': '' },
    });
    expect(response.statusCode).toBe(403);
    expect(response.json()).toMatchObject({ error: { code: 'csrf_invalid' } });
  });
});
