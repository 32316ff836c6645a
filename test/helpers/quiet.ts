/** Checking that something is answered from the cache, on a database server other tests write to at the same time. */
import type { Context } from '../../src/services/context.js';

/**
 * Runs `work` until the data version is the same before and after it, and returns what it returned: on PostgreSQL
 * the version is the server's snapshot, which a commit by another test on another database also moves. Work that
 * itself changes the version every time fails after `attempts`.
 */
export async function whileUnchanged<T>(ctx: Context, work: () => Promise<T>, attempts = 50): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    const before = await ctx.cache.version();
    const result = await work();
    if ((await ctx.cache.version()) === before) return result;
    if (attempt >= attempts) throw new Error(`the data version changed during each of ${attempts} attempts`);
  }
}
