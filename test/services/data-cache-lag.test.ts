/**
 * Lagging answers (Memo.recent): while imports store in the background, the dashboard's answer of an earlier
 * version is given for up to LAG_MS and computed anew behind it, rather than at every chunk; otherwise, and for
 * `remember`, an answer is never older than the data version.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DataCache, LAG_MS, REFRESH_AFTER_MS } from '../../src/services/data-cache.js';

afterEach(() => vi.useRealTimers());

/** A cache on a version the test sets, and a computation that answers with the version it ran at. */
function versioned() {
  let version = 1;
  let computed = 0;
  const cache = new DataCache(async () => `v${version}`);
  const ask = async () => {
    const at = await cache.version();
    return cache.recent('dashboard', at, async () => `${at}#${(computed += 1)}`);
  };
  return { cache, ask, commit: () => (version += 1), computed: () => computed };
}

describe('DataCache.recent', () => {
  it('answers at the latest version when no import stores in the background', async () => {
    const { ask, commit } = versioned();
    expect(await ask()).toBe('v1#1');
    commit();
    expect(await ask()).toBe('v2#2');
  });

  it('lags imports by at most LAG_MS, computing anew at most once per REFRESH_AFTER_MS', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    const { cache, ask, commit, computed } = versioned();
    let finish = () => {};
    cache.lagWhile(new Promise<void>((resolve) => (finish = resolve)));
    expect(await ask()).toBe('v1#1');
    commit();
    // A chunk stored: the answer given is the one computed before it, and none is computed anew yet.
    expect(await ask()).toBe('v1#1');
    expect(computed()).toBe(1);
    vi.advanceTimersByTime(REFRESH_AFTER_MS);
    commit();
    // Old enough to be computed anew: behind the answer given, which is still the earlier one.
    expect(await ask()).toBe('v1#1');
    await Promise.resolve();
    expect(await ask()).toBe('v3#2');
    commit();
    vi.advanceTimersByTime(LAG_MS);
    // Past LAG_MS the reader waits for an answer at the version it read.
    expect(await ask()).toBe('v4#3');
    finish();
    await Promise.resolve();
    commit();
    // The imports over, every commit is in the next answer.
    expect(await ask()).toBe('v5#4');
  });
});
