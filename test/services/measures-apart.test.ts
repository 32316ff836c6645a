/**
 * Lagging answers computed off the server's thread (measures-apart.ts): while imports store in the background, a
 * SQLite server computes the dashboard's measures in a worker thread with a read-only connection of its own. Each
 * answer must be the one the server's own thread gives at the same data, for the same reader; who may read what
 * is decided for the request, before anything is computed. PostgreSQL computes them where it did.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { NotFoundError } from '../../src/domain/errors.js';
import type { Actor } from '../../src/policies/actor.js';
import { type Context, openContext } from '../../src/services/context.js';
import {
  buildDashboard,
  countsMeasure,
  findingsMeasure,
  type MeasureQuery,
  presenceMeasure,
  reachMeasure,
  planFactMeasure,
  subjectPlatformMeasure,
} from '../../src/services/dashboard.service.js';
import { LAG_MS } from '../../src/services/data-cache.js';
import type { Organization } from '../../src/services/org.service.js';
import { createUser } from '../../src/services/user.service.js';
import { buildTree } from '../factories/org.factory.js';
import { buildChannel, buildPublication } from '../factories/publication.factory.js';
import { DIALECTS, openTestContext } from '../helpers/databases.js';

afterEach(() => vi.useRealTimers());

describe.each(DIALECTS)('lagging measures computed off the thread (%s)', (dialect) => {
  const now = new Date('2024-06-01T06:00:00Z');
  let ctx: Awaited<ReturnType<typeof openTestContext>>;
  /** The same database through a connection whose cache lags nothing: the server's thread's answers. */
  let reference: Context;
  let region: Organization;
  let sibling: Organization;
  let branch: Organization;
  let facebook: string;
  let finish = () => {};
  const query: MeasureQuery = {
    period: { from: '2023-01-01', to: '2023-12-31' },
    asOf: '2023-12-31',
  };

  const actorOf = async (role: 'viewer' | 'manager' | 'admin', org?: Organization): Promise<Actor> => {
    const login = `${role}-${Math.random().toString(36).slice(2, 10)}`;
    const { user } = await createUser(ctx, { login, role, ...(org ? { org: org.code } : {}) });
    return { kind: 'user', userId: user.id, login, role, orgId: user.orgId };
  };
  /** Answers computed off the thread so far (none where there is no worker). */
  const answered = () => ctx.cache.apart?.answered ?? 0;

  /** Every measure the dashboard's routes answer, for one reader: lagging, and as the server's thread has it. */
  const measures = (q: MeasureQuery) =>
    [
      (c: Context) => buildDashboard(c, q),
      (c: Context) => buildDashboard(c, q, 'kk'),
      (c: Context) => findingsMeasure(c, q, 'en'),
      (c: Context) => presenceMeasure(c, q),
      (c: Context) => reachMeasure(c, q),
      (c: Context) => countsMeasure(c, { ...q, granularity: 'month', by: 'subject' }),
      (c: Context) =>
        countsMeasure(c, { ...q, granularity: 'quarter', by: 'platform', platform: 'telegram' }),
      (c: Context) => subjectPlatformMeasure(c, q),
      (c: Context) => planFactMeasure(c, q),
    ] as const;

  beforeAll(async () => {
    ctx = await openTestContext(dialect, { clock: () => now });
    reference = await openContext({ db: ctx.target, env: {}, clock: () => now });
    const { regions } = await buildTree(ctx, { regions: 2, branches: 2, primariesPerBranch: 2 });
    region = regions[0]!.org;
    sibling = regions[1]!.org;
    branch = regions[0]!.branches[0]!.org;
    facebook = await buildChannel(ctx, region);
    const telegram = await buildChannel(ctx, region, 'telegram');
    const website = await buildChannel(ctx, region, 'website');
    const branchPage = await buildChannel(ctx, branch);
    const days = ['2022-11-03', '2023-02-14', '2023-06-15', '2023-09-30', '2023-12-31'];
    for (const [at, day] of days.entries()) {
      const publishedAt = `${day}T06:00:00Z`;
      await buildPublication(ctx, facebook, { publishedAt, text: `Заседание профкома № ${at}` });
      await buildPublication(ctx, telegram, { publishedAt, text: `Правовая консультация № ${at}` });
      if (at % 2 === 0) await buildPublication(ctx, website, { publishedAt });
      if (at > 1) await buildPublication(ctx, branchPage, { publishedAt });
    }
    await buildChannel(ctx, sibling, 'instagram');
    // Imports store in the background from here on: the measures' answers lag them.
    ctx.cache.lagWhile(new Promise<void>((resolve) => (finish = resolve)));
  }, 60_000);
  afterAll(async () => {
    finish();
    await reference.db.close();
    await ctx.close();
  });

  it('answers every measure as the server computes it, for each reader', async () => {
    const readers = [
      { actor: await actorOf('viewer', region), q: query },
      // Their own organization by default.
      { actor: await actorOf('viewer', branch), q: query },
      { actor: await actorOf('admin'), q: { ...query, org: region.code } },
      { actor: await actorOf('admin'), q: { ...query, org: sibling.code } },
      // Members, followers and presence of a date inside the period.
      { actor: await actorOf('manager', region), q: { ...query, asOf: '2023-06-30' } },
      // The current year and today by default, by the requester's clock.
      { actor: await actorOf('viewer', region), q: {} },
    ];
    let asked = 0;
    for (const { actor, q } of readers) {
      for (const measure of measures(q)) {
        const lagging = await measure({ ...ctx, actor });
        asked += 1;
        expect(lagging).toEqual(await measure({ ...reference, actor }));
      }
    }
    expect(answered()).toBe(dialect === 'sqlite' ? asked : 0);
  });

  it('answers a reader who may not see the organization as the server does, computing nothing', async () => {
    const outsider = { ...ctx, actor: await actorOf('viewer', sibling) };
    const before = answered();
    for (const measure of measures({ ...query, org: region.code })) {
      await expect(measure(outsider)).rejects.toBeInstanceOf(NotFoundError);
      await expect(measure({ ...reference, actor: outsider.actor })).rejects.toBeInstanceOf(NotFoundError);
    }
    expect(answered()).toBe(before);
  });

  it("computes for the actor it is given, in that actor's scope", async () => {
    const apart = ctx.cache.apart;
    if (!apart) return expect(dialect).toBe('postgres');
    const outsider = await actorOf('viewer', sibling);
    const here = vi.fn(() => Promise.resolve('computed here'));
    const task = { measure: 'dashboard', query: { ...query, org: region.code }, lang: 'ru' } as const;
    await expect(apart.run(outsider, now, task, here)).rejects.toBeInstanceOf(NotFoundError);
    const viewer = await actorOf('viewer', region);
    expect(await apart.run(viewer, now, task, here)).toEqual(
      await buildDashboard({ ...reference, actor: viewer }, task.query),
    );
    expect(here).not.toHaveBeenCalled();
  });

  it('computes anew off the thread once the answer is too old: the answer at the data then', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    const viewer = { ...ctx, actor: await actorOf('viewer', region) };
    // In a language not asked before: an answer of its own.
    const dashboard = (c: Context) => buildDashboard(c, query, 'en');
    const before = answered();
    const first = await dashboard(viewer);
    expect(answered()).toBe(dialect === 'sqlite' ? before + 1 : 0);
    await buildPublication(reference, facebook, { publishedAt: '2023-10-01T06:00:00Z' });
    // Within LAG_MS the earlier answer is given.
    expect(await dashboard(viewer)).toBe(first);
    vi.advanceTimersByTime(LAG_MS);
    const fresh = await dashboard(viewer);
    expect(fresh.publications.current).toBe(first.publications.current + 1);
    expect(fresh).toEqual(await dashboard({ ...reference, actor: viewer.actor }));
    expect(answered()).toBe(dialect === 'sqlite' ? before + 2 : 0);
  });
});
