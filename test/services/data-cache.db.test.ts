/**
 * Cached answers and the data version they are keyed by, on both databases: an identical question is answered
 * from the cache, and any committed write, through this context or another connection on the same database,
 * is seen by the next answer. A token's use is written once a minute at most, so reading leaves the version alone.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NotFoundError } from '../../src/domain/errors.js';
import type { Actor } from '../../src/policies/actor.js';
import { type Context, inTransaction, openContext } from '../../src/services/context.js';
import { buildDashboard, countsMeasure, type MeasureQuery } from '../../src/services/dashboard.service.js';
import type { Organization } from '../../src/services/org.service.js';
import {
  changeUser,
  createApiToken,
  createUser,
  listOwnApiTokens,
  resolveApiToken,
  revokeOwnApiToken,
  TOKEN_USE_RECORDED_EVERY_MS,
} from '../../src/services/user.service.js';
import { buildTree } from '../factories/org.factory.js';
import { buildChannel, buildPublication } from '../factories/publication.factory.js';
import { DIALECTS, openTestContext } from '../helpers/databases.js';
import { whileUnchanged } from '../helpers/quiet.js';

describe.each(DIALECTS)('cached answers (%s)', (dialect) => {
  let now = new Date('2024-06-01T06:00:00Z');
  let ctx: Awaited<ReturnType<typeof openTestContext>>;
  /** A second connection to the same database, as a CLI import or another server is. */
  let other: Context;
  let region: Organization;
  let sibling: Organization;
  let channel: string;
  let query: MeasureQuery;

  const actorOf = async (role: 'viewer' | 'admin', org?: Organization): Promise<Actor> => {
    const login = `${role}-${Math.random().toString(36).slice(2, 10)}`;
    const { user } = await createUser(ctx, { login, role, ...(org ? { org: org.code } : {}) });
    return { kind: 'user', userId: user.id, login, role, orgId: user.orgId };
  };
  const published = async (reader: Context = ctx) =>
    (await buildDashboard(reader, query)).publications.current;

  beforeAll(async () => {
    ctx = await openTestContext(dialect, { clock: () => now });
    other = await openContext({ db: ctx.target, env: {} });
    const { regions } = await buildTree(ctx, { regions: 2, branches: 1, primariesPerBranch: 1 });
    region = regions[0]!.org;
    sibling = regions[1]!.org;
    channel = await buildChannel(ctx, region);
    await buildPublication(ctx, channel);
    query = { org: region.code, period: { from: '2023-01-01', to: '2023-12-31' }, asOf: '2023-12-31' };
  }, 60_000);
  afterAll(async () => {
    await other.db.close();
    await ctx.close();
  });

  it('answers an identical question from the cache, and shares a computation under way', async () => {
    const [first, second, kazakh] = await whileUnchanged(ctx, async () => [
      await buildDashboard(ctx, query),
      await buildDashboard(ctx, query),
      await buildDashboard(ctx, query, 'kk'),
    ]);
    expect(first.publications.current).toBe(1);
    expect(second).toBe(first);
    // The other language is another answer, from the same measure.
    expect(kazakh).not.toBe(first);
    expect(kazakh.publications).toEqual(first.publications);

    const counts = { ...query, granularity: 'month', by: 'platform' } as const;
    const [a, b] = await whileUnchanged(ctx, () =>
      Promise.all([countsMeasure(ctx, counts), countsMeasure(ctx, counts)]),
    );
    expect(b).toBe(a);
    expect(a.total).toBe(1);
  });

  it('sees a publication added through the product', async () => {
    const before = await published();
    await buildPublication(ctx, channel);
    expect(await published()).toBe(before + 1);
  });

  it('sees a publication added through another connection to the same database', async () => {
    const before = await published();
    expect(await published()).toBe(before);
    await buildPublication(other, channel, { publishedAt: '2023-07-01T06:00:00Z' });
    expect(await published()).toBe(before + 1);
    // And the other connection sees this one's write.
    expect(await published(other)).toBe(before + 1);
    await buildPublication(ctx, channel, { publishedAt: '2023-07-02T06:00:00Z' });
    expect(await published(other)).toBe(before + 2);
  });

  it('keeps callers of different scopes apart', async () => {
    const admin = { ...ctx, actor: await actorOf('admin') };
    const outsider = { ...ctx, actor: await actorOf('viewer', sibling) };
    expect((await buildDashboard(admin, query)).org.code).toBe(region.code);
    // The admin's answer for the region is cached; a viewer of the sibling region still may not see it.
    await expect(buildDashboard(outsider, query)).rejects.toBeInstanceOf(NotFoundError);
    expect((await buildDashboard(outsider, { ...query, org: sibling.code })).org.code).toBe(sibling.code);
  });

  it('remembers nothing seen inside a transaction before it commits', async () => {
    const before = await published();
    const rollback = new Error('rolled back');
    const inside = await inTransaction(ctx, async (tx) => {
      await buildPublication(tx, channel, { publishedAt: '2023-08-01T06:00:00Z' });
      expect(await published(tx)).toBe(before + 1);
      throw rollback;
    }).catch((error: unknown) => error);
    expect(inside).toBe(rollback);
    expect(await published()).toBe(before);
  });

  it("writes a token's last use at first use, then at most once a minute", async () => {
    const viewer = { ...ctx, actor: await actorOf('viewer', region) };
    const { id, token } = await createApiToken(viewer, { name: 'robot' });
    const lastUsed = async () => (await listOwnApiTokens(viewer)).find((row) => row.id === id)?.lastUsedAt;
    const time = (value: string | null | undefined) => (value ? Date.parse(value) : null);
    expect(await lastUsed()).toBeNull();

    const first = now;
    expect((await resolveApiToken(ctx, token))?.actor).toMatchObject({ kind: 'user', orgId: region.id });
    expect(time(await lastUsed())).toBe(first.getTime());

    now = new Date(first.getTime() + TOKEN_USE_RECORDED_EVERY_MS - 1_000);
    // Nothing is written: the cached answers stay valid.
    expect(await whileUnchanged(ctx, () => resolveApiToken(ctx, token))).toBeDefined();
    expect(time(await lastUsed())).toBe(first.getTime());

    now = new Date(first.getTime() + TOKEN_USE_RECORDED_EVERY_MS);
    expect(await resolveApiToken(ctx, token)).toBeDefined();
    expect(time(await lastUsed())).toBe(now.getTime());
  });

  it('refuses a revoked token and a disabled user at once, cached or not', async () => {
    const viewer = { ...ctx, actor: await actorOf('viewer', region) };
    const revoked = await createApiToken(viewer, { name: 'revoked' });
    const disabled = await createApiToken(viewer, { name: 'disabled' });
    expect(await resolveApiToken(ctx, revoked.token)).toBeDefined();
    expect(await resolveApiToken(ctx, disabled.token)).toBeDefined();
    await revokeOwnApiToken(viewer, revoked.id);
    expect(await resolveApiToken(ctx, revoked.token)).toBeUndefined();
    expect(await resolveApiToken(ctx, disabled.token)).toBeDefined();
    // Disabled through the other connection: another server's administrator.
    const userId = viewer.actor.kind === 'user' ? viewer.actor.userId : 0;
    await changeUser(other, userId, { disabled: true });
    expect(await resolveApiToken(ctx, disabled.token)).toBeUndefined();
    expect(await resolveApiToken(ctx, 'aqp_unknown')).toBeUndefined();
  });
});
