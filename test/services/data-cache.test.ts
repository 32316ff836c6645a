/** The cache's own rules, without a database: its bound, failures, and when a version read begins. */
import { describe, expect, it } from 'vitest';
import { DataCache } from '../../src/services/data-cache.js';

/** A version read that the test finishes by hand, counting the reads begun. */
function manualVersions() {
  const pending: ((version: string) => void)[] = [];
  let begun = 0;
  const read = () =>
    new Promise<string>((resolve) => {
      begun += 1;
      pending.push(resolve);
    });
  return {
    read,
    begun: () => begun,
    finish: (version: string) => pending.shift()?.(version),
  };
}

const tick = () => new Promise((resolve) => setImmediate(resolve));

describe('DataCache', () => {
  it('keeps the most recently used answers up to its capacity', async () => {
    const cache = new DataCache(async () => 'v', 2);
    let computed = 0;
    const compute = (value: string) => async () => `${value}${(computed += 1)}`;
    expect(await cache.remember('a', compute('a'))).toBe('a1');
    expect(await cache.remember('b', compute('b'))).toBe('b2');
    expect(await cache.remember('a', compute('a'))).toBe('a1');
    // 'b' is now the least recently used, and goes.
    expect(await cache.remember('c', compute('c'))).toBe('c3');
    expect(cache.size).toBe(2);
    expect(await cache.remember('a', compute('a'))).toBe('a1');
    expect(await cache.remember('b', compute('b'))).toBe('b4');
  });

  it('drops the answers of a version once a later one is read', async () => {
    let version = 'v1';
    const cache = new DataCache(async () => version);
    expect(await cache.version()).toBe('v1');
    await cache.remember('a', async () => 'answer');
    expect(await cache.version()).toBe('v1');
    expect(cache.size).toBe(1);
    version = 'v2';
    expect(await cache.version()).toBe('v2');
    expect(cache.size).toBe(0);
  });

  it('shares a computation under way, and forgets one that failed', async () => {
    const cache = new DataCache(async () => 'v');
    let calls = 0;
    const failing = async () => {
      calls += 1;
      throw new Error('database away');
    };
    const [first, second] = [cache.remember('k', failing), cache.remember('k', failing)];
    await expect(first).rejects.toThrow('database away');
    await expect(second).rejects.toThrow('database away');
    expect(calls).toBe(1);
    expect(cache.size).toBe(0);
    expect(await cache.remember('k', async () => 'recovered')).toBe('recovered');
  });

  it('answers a version from a read begun after it was asked for, one read at a time', async () => {
    const versions = manualVersions();
    const cache = new DataCache(versions.read);
    const first = cache.version();
    expect(versions.begun()).toBe(1);
    // Asked while the first read is under way: it may predate a commit these callers made, so they wait for the next.
    const second = cache.version();
    const third = cache.version();
    expect(versions.begun()).toBe(1);
    versions.finish('v1');
    expect(await first).toBe('v1');
    await tick();
    expect(versions.begun()).toBe(2);
    versions.finish('v2');
    expect(await second).toBe('v2');
    expect(await third).toBe('v2');
    // Nothing under way: a new read at once.
    const fourth = cache.version();
    expect(versions.begun()).toBe(3);
    versions.finish('v3');
    expect(await fourth).toBe('v3');
  });
});
