/**
 * One "as of" for every view of a period, on the Abai demo: the dashboard (its service and the API), the brief,
 * the measures and `aqparat stats` take members, followers, reach and pages at the same date — the period's end,
 * today while it runs, or the date the user names — and say which.
 */
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reach } from '../../src/domain/audience.measure.js';
import { localDateOf, parsePeriod } from '../../src/domain/period.js';
import { layOutBrief, prepareBrief } from '../../src/services/brief.service.js';
import { buildDashboard } from '../../src/services/dashboard.service.js';
import { buildDemo } from '../../src/services/demo.service.js';
import type {
  DashboardResponse,
  FindingsResponse,
  PresenceMatrix,
  ReachResponse,
} from '../../src/shared/dashboard.js';
import { formatLongDate, formatNumber } from '../../src/shared/format.js';
import { PLATFORM_LABELS } from '../../src/shared/labels.js';
import { runCli } from '../helpers/cli.js';
import { DIALECTS } from '../helpers/databases.js';
import { addUser, type Client, openTestServer, signIn, type TestServer } from './client.js';

const json = <T>(response: LightMyRequestResponse): T => {
  expect(response.statusCode, response.body).toBe(200);
  return response.json<T>();
};

/** What a view states as of its date; pages: each branch's platforms with a page, by code. */
interface Snapshot {
  asOf: string;
  members: number | null;
  followers: number;
  reach: number | null;
  pages?: Record<string, string[]>;
}

const pagesOf = (presence: PresenceMatrix) =>
  Object.fromEntries(
    presence.rows.map((row) => [
      row.org.code,
      row.cells.filter((cell) => !cell.empty).map((c) => c.platform),
    ]),
  );

describe.each(DIALECTS)('one "as of" for every view of a period (%s)', (dialect) => {
  let server: TestServer;
  let admin: Client;

  beforeAll(async () => {
    server = await openTestServer(dialect);
    expect(await buildDemo(server.ctx)).toEqual({ built: true });
    admin = await signIn(server.app, await addUser(server.ctx, 'admin'));
  }, 120_000);
  afterAll(() => server.close());

  /** Every view of Abai's period, as each states it. */
  async function views(
    period: string,
    asOf?: string,
  ): Promise<{ all: Record<string, Snapshot>; stated: string | undefined }> {
    const range = parsePeriod(period);
    const query = `org=abai&period=${period}${asOf ? `&asOf=${asOf}` : ''}`;
    const named = asOf ? { asOf } : {};

    const service = await buildDashboard(server.ctx, { org: 'abai', period: range, ...named });
    const api = json<DashboardResponse>(await admin.get(`/api/v1/measures/dashboard?${query}`));
    const presence = json<PresenceMatrix>(await admin.get(`/api/v1/measures/presence?${query}`));
    const findings = json<FindingsResponse>(await admin.get(`/api/v1/measures/findings?${query}`));
    const reachAnswer = json<ReachResponse>(await admin.get(`/api/v1/measures/reach?${query}`));

    const brief = await prepareBrief(server.ctx, { org: 'abai', from: range.from, to: range.to, ...named });
    const { facts } = brief;
    const briefFollowers = facts.pages.reduce((sum, page) => sum + (page.followers ?? 0), 0);
    // The brief states the followers with the date it took them at: checked once the figures agree.
    const model = layOutBrief(server.ctx, brief, 'ru');
    const stated = model.sections
      .flatMap((section) => section.blocks)
      .flatMap((block) => (block.kind === 'paragraph' ? [block.text] : []))
      .find((text) => text.startsWith('Подписчиков официальных страниц'));

    const cli = await runCli([
      'stats',
      '--org',
      'abai',
      '--from',
      range.from,
      '--to',
      range.to,
      ...(asOf ? ['--as-of', asOf] : []),
      '--json',
      '--db',
      server.ctx.target,
    ]);
    expect(cli.code, cli.stderr).toBe(0);
    const stats = JSON.parse(cli.stdout) as Snapshot;

    const figures = ({ asOf, members, followers, reach }: Snapshot): Snapshot => ({
      asOf,
      members,
      followers,
      reach,
    });
    const all = {
      service: { ...figures(service), pages: pagesOf(service.presence) },
      api: { ...figures(api), pages: pagesOf(api.presence) },
      presence: { ...figures(api), asOf: presence.asOf, pages: pagesOf(presence) },
      findings: { ...figures(api), asOf: findings.asOf, pages: pagesOf(api.presence) },
      reach: figures(reachAnswer),
      brief: {
        asOf: facts.asOf,
        members: facts.members,
        followers: briefFollowers,
        reach: facts.pages.length > 0 ? reach(briefFollowers, facts.members) : null,
        pages: Object.fromEntries(
          facts.presence.rows.map((row) => [
            facts.orgs.get(row.orgId)?.code ?? '',
            row.cells.filter((cell) => cell.channels.length > 0).map((cell) => cell.platform),
          ]),
        ),
      },
      stats: figures(stats),
    };
    return { all, stated };
  }

  /**
   * Every view states the same as the first, the dashboard's service; the brief's text says the followers with
   * their date.
   */
  function expectAgreement({ all, stated }: Awaited<ReturnType<typeof views>>): Snapshot {
    const { service, ...others } = all;
    for (const [view, snapshot] of Object.entries(others)) {
      const expected = snapshot.pages ? service : { ...service, pages: undefined };
      expect({ ...snapshot, pages: snapshot.pages }, view).toEqual({ ...expected, pages: expected?.pages });
    }
    if (service!.followers > 0) {
      expect(stated).toContain(formatLongDate(service!.asOf, 'ru'));
      expect(stated).toContain(formatNumber(service!.followers, 'ru'));
    }
    return service!;
  }

  it('takes members, followers, reach and pages at the end of a period that has ended', async () => {
    const snapshot = expectAgreement(await views('2023'));
    expect(snapshot).toMatchObject({ asOf: '2023-12-31', members: 25_112, followers: 142 });
    expect(snapshot.reach).toBeCloseTo(142 / 25_112, 9);
    // The branches' pages were opened in February 2024: none of them had one at the end of 2023.
    expect(Object.values(snapshot.pages ?? {}).flat()).toEqual([]);
  }, 60_000);

  it('takes them today while the period runs', async () => {
    const today = localDateOf(new Date(), 'Asia/Almaty');
    const snapshot = expectAgreement(await views(today.slice(0, 4)));
    expect(snapshot.asOf).toBe(today);
    expect(snapshot.followers).toBe(261);
  }, 60_000);

  it('takes them at the date the user names', async () => {
    const snapshot = expectAgreement(await views('2023', '2024-09-01'));
    expect(snapshot).toMatchObject({ asOf: '2024-09-01', members: 25_116, followers: 261 });
    expect(snapshot.pages?.['abai-beskaragai']).toEqual(['facebook', 'instagram']);
  }, 60_000);

  it('names in platform_missing, platform by platform, the empty cells of the presence table', async () => {
    for (const period of ['2023', '2024']) {
      const body = json<DashboardResponse>(
        await admin.get(`/api/v1/measures/dashboard?org=abai&period=${period}`),
      );
      const brief = await prepareBrief(server.ctx, { org: 'abai', ...parsePeriod(period) });
      const finding = body.findings.find((entry) => entry.ruleId === 'platform_missing');
      const platforms = finding?.threshold['platforms'] as ('instagram' | 'telegram')[];
      const missing = finding?.params['missing'];
      const groups = missing && 'groups' in missing ? missing.groups.ru : [];
      for (const platform of platforms) {
        const own = brief.facts.pages.some((page) => page.platform === platform) ? [] : [body.org];
        const branches = body.presence.rows
          .filter((row) => row.cells.find((cell) => cell.platform === platform)?.empty)
          .map((row) => row.org);
        const named = [...own, ...branches].map((org) => org.shortNameRu ?? org.nameRu);
        const group = groups.find((entry) => entry.label === PLATFORM_LABELS.ru[platform]);
        expect(group?.names ?? [], `${period} ${platform}`).toEqual(named);
      }
    }
    // Beskaragai has an Instagram page in 2024: it is named under Telegram only.
    const of2024 = json<DashboardResponse>(
      await admin.get('/api/v1/measures/dashboard?org=abai&period=2024'),
    );
    const text = of2024.findings.find((entry) => entry.ruleId === 'platform_missing')?.text ?? '';
    expect(text.slice(text.indexOf('Telegram:'))).toContain('Бескарагайская');
    expect(text.slice(0, text.indexOf('Telegram:'))).not.toContain('Бескарагайская');
  }, 60_000);
});
