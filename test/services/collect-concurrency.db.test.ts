/**
 * Channels collected several at a time: with AQPARAT_COLLECT_CONCURRENCY (here the request's) N, at most N requests
 * are in flight, and N are when N channels wait on a slow host; a server on this machine is not held to one
 * request at a time as t.me is. Against the local fake t.me answering after 150 ms.
 */
import { afterAll, beforeAll, describe, expect } from 'vitest';
import { collectChannels } from '../../src/services/collect.service.js';
import { collectPolicyOf } from '../../src/services/collect/collector.js';
import { type Context, openContext } from '../../src/services/context.js';
import { createTestDatabase, DIALECTS, type TestDatabase } from '../helpers/databases.js';
import { type FakeTelegram, fakeTelegram, TELEGRAM_PATHS } from '../helpers/fake-telegram.js';
import { itReal } from '../helpers/real-files.js';
import { buildRegion, channelOf } from '../importers/setup.js';

describe.each(DIALECTS)('channels collected concurrently (%s)', (dialect) => {
  let database: TestDatabase;
  let ctx: Context;
  let fake: FakeTelegram;
  const org = { code: '' };

  beforeAll(async () => {
    database = await createTestDatabase(dialect);
    ctx = await openContext({ db: database.target, env: {} });
    const region = await buildRegion(ctx);
    const owners = [region.branches[0], region.branches[1]];
    for (const [index, owner] of owners.entries()) {
      for (let channel = 0; channel < 3; channel++)
        await channelOf(ctx, owner ?? region.region, 'telegram', { url: 'https://t.me/topwar_official' });
      if (index === 0) org.code = owner?.code ?? '';
    }
  });
  afterAll(async () => {
    await ctx.db.close();
    await database.drop();
  });

  const collect = async (concurrency: number, which?: string) => {
    fake = await fakeTelegram(150);
    try {
      const policy = { ...collectPolicyOf({ AQPARAT_TELEGRAM_WEB_URL: fake.url }), delayMs: 0 };
      const results = await collectChannels(ctx, { policy, concurrency, ...(which ? { org: which } : {}) });
      return { results, maxInFlight: fake.maxInFlight() };
    } finally {
      await fake.close();
    }
  };

  itReal(
    TELEGRAM_PATHS,
    'one at a time with 1, three at a time with 3',
    async () => {
      const serial = await collect(1, org.code);
      expect(serial.results).toHaveLength(3);
      expect(serial.results.every((result) => result.error === null && result.new === 31)).toBe(true);
      expect(serial.maxInFlight).toBe(1);
      const parallel = await collect(3);
      expect(parallel.results).toHaveLength(6);
      expect(parallel.results.every((result) => result.error === null)).toBe(true);
      expect(parallel.maxInFlight).toBe(3);
    },
    120_000,
  );
});
