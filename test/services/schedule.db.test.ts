/**
 * The scheduler's lease (claimDue): a due run is claimed once, by one holder at a time, not again once done, again
 * once released undone or once its holder stopped renewing (a process killed mid-run); on PostgreSQL, processes
 * claiming the same keys at the same moment take each once.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Context, openContext } from '../../src/services/context.js';
import { claimDue } from '../../src/services/schedule/lease.js';
import { createTestDatabase, DIALECTS, type TestDatabase } from '../helpers/databases.js';
import { itUnless } from '../helpers/real-files.js';

describe.each(DIALECTS)('claimDue (%s)', (dialect) => {
  let database: TestDatabase;
  let ctx: Context;
  let now = new Date('2026-12-07T00:00:00Z');

  beforeAll(async () => {
    database = await createTestDatabase(dialect);
    ctx = { ...(await openContext({ db: database.target, env: {} })), clock: () => now };
  });
  afterAll(async () => {
    await ctx.db.close();
    await database.drop();
  });

  const at = (minutes: number) => new Date(Date.parse('2026-12-07T00:00:00Z') + minutes * 60_000);

  it('claims a due run once, not again once done, again when released undone', async () => {
    const claim = await claimDue(ctx, 'job:a', at(0));
    expect(claim).toBeDefined();
    expect(await claimDue(ctx, 'job:a', at(0))).toBeUndefined();
    await claim?.finish(true);
    expect(await claimDue(ctx, 'job:a', at(0))).toBeUndefined();
    const later = await claimDue(ctx, 'job:a', at(120));
    expect(later).toBeDefined();
    await later?.finish(false);
    const again = await claimDue(ctx, 'job:a', at(120));
    expect(again).toBeDefined();
    await again?.finish(true);
    // Another key is its own run.
    const other = await claimDue(ctx, 'job:b', at(120));
    expect(other).toBeDefined();
    await other?.finish(true);
  });

  it('takes over a run whose holder stopped renewing its hold (a process killed mid-run)', async () => {
    const dead = await claimDue(ctx, 'job:killed', at(0), 60_000);
    expect(dead).toBeDefined();
    now = new Date(now.getTime() + 30_000);
    expect(await claimDue(ctx, 'job:killed', at(0), 60_000)).toBeUndefined();
    now = new Date(now.getTime() + 31_000);
    const next = await claimDue(ctx, 'job:killed', at(0), 60_000);
    expect(next).toBeDefined();
    // The dead holder's late finish does not let the new holder's run go.
    await dead?.finish(true);
    expect(await claimDue(ctx, 'job:killed', at(0), 60_000)).toBeUndefined();
    await next?.finish(true);
    expect(await claimDue(ctx, 'job:killed', at(0), 60_000)).toBeUndefined();
  });

  itUnless(
    dialect === 'postgres' ? undefined : 'SQLite serves one process',
    'two processes claiming the same runs at once take each once',
    async () => {
      const others = await Promise.all([1, 2].map(() => openContext({ db: database.target, env: {} })));
      try {
        const keys = Array.from({ length: 40 }, (_, index) => `job:race-${index}`);
        const claims = await Promise.all(
          keys.flatMap((key) => others.map((other) => claimDue(other, key, at(0)))),
        );
        const taken = claims.filter((claim) => claim !== undefined);
        expect(taken).toHaveLength(keys.length);
        await Promise.all(taken.map((claim) => claim.finish(true)));
      } finally {
        await Promise.all(others.map((other) => other.db.close()));
      }
    },
  );
});
