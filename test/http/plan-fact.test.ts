/**
 * Plan against fact over HTTP on the Abai demo, on both databases: targets entered as records, then
 * `GET /api/v1/plan/fact` states each against the same figures the dashboard and the subject × platform table give
 * (one figure, one answer), pro-rated to the organization's today, with the days left in the user's language; a
 * metric no target may plan is refused; scope.
 */
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/http/app.js';
import { buildDemo } from '../../src/services/demo.service.js';
import { formatNumber } from '../../src/shared/format.js';
import type { DashboardResponse } from '../../src/shared/dashboard.js';
import type { PlanFactAnswer } from '../../src/shared/plan-fact.schema.js';
import type { SubjectPlatformAnswer } from '../../src/shared/subject-platform.schema.js';
import { DIALECTS, openTestContext } from '../helpers/databases.js';
import { createUser } from '../../src/services/user.service.js';
import { addUser, type Client, PASSWORD, signIn } from './client.js';

const json = <T>(response: LightMyRequestResponse): T => {
  expect(response.statusCode, response.body).toBe(200);
  return response.json<T>();
};

/** 11:00 in Almaty on 22 December 2023: nine days of the year left after today. */
const NOW = new Date('2023-12-22T06:00:00Z');

const TARGETS = {
  publications: 400,
  posts_month_facebook: 10,
  legal_share: 15,
  concrete_share: 60,
  branch_posts: 100,
} as const;

describe.each(DIALECTS)('plan against fact over HTTP (%s)', (dialect) => {
  let close: () => Promise<void>;
  let manager: Client;
  let semeyViewer: Client;
  /** A manager of the region reading in each language (a session speaks its user's). */
  const readers: Partial<Record<'kk' | 'en', Client>> = {};
  let app: Awaited<ReturnType<typeof buildApp>>;

  beforeAll(async () => {
    const ctx = await openTestContext(dialect, { clock: () => NOW });
    expect(await buildDemo(ctx)).toEqual({ built: true });
    app = await buildApp({ context: ctx });
    close = async () => {
      await app.close();
      await ctx.close();
    };
    manager = await signIn(app, await addUser(ctx, 'manager', 'abai'));
    semeyViewer = await signIn(app, await addUser(ctx, 'viewer', 'abai-semey'));
    for (const lang of ['kk', 'en'] as const) {
      const login = `plan-reader-${lang}-${dialect}`;
      await createUser(ctx, { login, role: 'manager', org: 'abai', lang, password: PASSWORD });
      readers[lang] = await signIn(app, login);
    }
    for (const [metric, value] of Object.entries(TARGETS)) {
      const added = await manager.post('/api/v1/targets', { org: 'abai', metric, year: 2023, value });
      expect(added.statusCode, added.body).toBe(201);
    }
  }, 180_000);
  afterAll(() => close());

  it('states each target of the year against the figures the dashboard and the table give', async () => {
    const fact = json<PlanFactAnswer>(await manager.get('/api/v1/plan/fact?org=abai&period=2023'));
    const dashboard = json<DashboardResponse>(
      await manager.get('/api/v1/measures/dashboard?org=abai&period=2023'),
    );
    const table = json<SubjectPlatformAnswer>(
      await manager.get('/api/v1/measures/publications-by-subject-platform?org=abai&period=2023'),
    );
    expect(fact.today).toBe('2023-12-22');
    expect(fact.days).toEqual({ total: 365, elapsed: 356, left: 9 });
    const row = (metric: string) => fact.items.find((item) => item.metric === metric);
    expect(fact.items.map((item) => item.metric).sort()).toEqual(Object.keys(TARGETS).sort());

    const { content } = dashboard;
    const tenth = (value: number) => Math.round(value * 10) / 10;
    expect(row('legal_share')).toMatchObject({
      kind: 'share',
      planned: 15,
      fact: tenth((content.legal / content.posts) * 100),
    });
    expect(row('concrete_share')?.fact).toBe(
      tenth(((content.judged - content.declarative) / content.judged) * 100),
    );
    expect(row('publications')).toMatchObject({
      kind: 'count',
      planned: 400,
      expected: tenth((400 * 356) / 365),
      fact: table.totals.total,
    });
    expect(row('posts_month_facebook')).toMatchObject({
      kind: 'monthly',
      planned: 120,
      fact: table.totals.counts.facebook,
    });
    const branches = table.rows.filter((item) => item.group === 'child');
    expect(branches.length).toBeGreaterThan(0);
    expect(row('branch_posts')?.fact).toBe(branches.reduce((sum, item) => sum + item.total, 0));
    for (const item of fact.items) {
      expect(item.behind).toBe(item.fact !== null && item.fact < item.expected);
    }
  });

  it('tells each row in the user’s language with the days left, the current month by default', async () => {
    const ru = json<PlanFactAnswer>(await manager.get('/api/v1/plan/fact?org=abai'));
    expect(ru.period).toEqual({ from: '2023-12-01', to: '2023-12-31' });
    expect(ru.days).toEqual({ total: 31, elapsed: 22, left: 9 });
    const legal = ru.items.find((item) => item.metric === 'legal_share');
    expect(legal?.message).toMatch(/^Правозащита: [\d,]+ % при плане 15 %; осталось дней: 9$/);
    const monthly = ru.items.find((item) => item.metric === 'posts_month_facebook');
    expect(monthly?.planned).toBe(10);
    expect(monthly?.message).toContain('Посты в Facebook за месяц');
    const kk = json<PlanFactAnswer>(await readers.kk!.get('/api/v1/plan/fact?org=abai'));
    expect(kk.items.find((item) => item.metric === 'legal_share')?.message).toMatch(
      /^Құқықтық қорғау: жоспардағы 15 % орнына [\d,]+ %; қалған күн: 9$/,
    );
    const over = json<PlanFactAnswer>(await readers.en!.get('/api/v1/plan/fact?org=abai&period=2023-06'));
    expect(over.days.left).toBe(0);
    expect(over.items.find((item) => item.metric === 'legal_share')?.message).toMatch(
      /^Legal protection: [\d.]+% of 15% planned; the period is over$/,
    );
  });

  it('states the same plan against fact in the brief, in Russian and Kazakh', async () => {
    const fact = json<PlanFactAnswer>(await manager.get('/api/v1/plan/fact?org=abai&period=2023'));
    const legal = fact.items.find((item) => item.metric === 'legal_share');
    const publications = fact.items.find((item) => item.metric === 'publications');
    for (const [lang, caption, metric, left] of [
      ['ru', 'План и факт за период', 'Правозащита', 'до конца периода осталось дней: 9'],
      ['kk', 'Кезеңдегі жоспар мен факт', 'Құқықтық қорғау', 'кезеңнің аяғына дейін 9 күн қалды'],
    ] as const) {
      const brief = await manager.get(
        `/api/v1/briefs/download?org=abai&period=2023&format=html&lang=${lang}`,
      );
      expect(brief.statusCode, brief.body).toBe(200);
      const html = brief.body.replace(/[\u00a0\u202f]/g, ' ');
      expect(html).toContain(caption);
      expect(html).toContain(left);
      const row = html.slice(html.indexOf(`<td>${metric}</td>`)).split('</tr>')[0] ?? '';
      expect(row).toContain(`${formatNumber(legal?.fact ?? -1, lang)} %`);
      expect(html).toContain(`>${formatNumber(publications?.fact ?? -1, lang)}<`);
    }
  });

  it('refuses a metric no target may plan, and answers nothing outside the caller’s subtree', async () => {
    const refused = await manager.post('/api/v1/targets', {
      org: 'abai',
      metric: 'likes',
      year: 2023,
      value: 1,
    });
    expect(refused.statusCode).toBe(400);
    expect((await semeyViewer.get('/api/v1/plan/fact?org=abai')).statusCode).toBe(404);
    const own = json<PlanFactAnswer>(await semeyViewer.get('/api/v1/plan/fact?org=abai-semey'));
    expect(own.items).toEqual([]);
    expect((await app.inject({ method: 'GET', url: '/api/v1/plan/fact?org=abai' })).statusCode).toBe(401);
  });
});
