/**
 * Every channel a collection attempts leaves a run (collection_run): ok with its counts and batch, failed with its
 * error, skipped with its reason; and the channels' health read from them. Against the local fake t.me.
 */
import { afterAll, beforeAll, describe, expect } from 'vitest';
import { collectChannels } from '../../src/services/collect.service.js';
import { collectPolicyOf } from '../../src/services/collect/collector.js';
import { type Context, openContext } from '../../src/services/context.js';
import {
  collectionHealthOf,
  listCollectionRuns,
} from '../../src/storage/repositories/collection-run.repository.js';
import { createTestDatabase, DIALECTS, type TestDatabase } from '../helpers/databases.js';
import { type FakeTelegram, fakeTelegram, TELEGRAM_PATHS } from '../helpers/fake-telegram.js';
import { itReal } from '../helpers/real-files.js';
import { buildRegion, channelOf, type Region } from '../importers/setup.js';

describe.each(DIALECTS)('collection runs (%s)', (dialect) => {
  let database: TestDatabase;
  let ctx: Context;
  let region: Region;
  let fake: FakeTelegram;
  let now = new Date('2026-12-07T00:00:00Z');

  beforeAll(async () => {
    fake = await fakeTelegram();
    database = await createTestDatabase(dialect);
    ctx = { ...(await openContext({ db: database.target, env: {} })), clock: () => now };
    region = await buildRegion(ctx);
  });
  afterAll(async () => {
    await fake.close();
    await ctx.db.close();
    await database.drop();
  });

  const policy = () => ({ ...collectPolicyOf({ AQPARAT_TELEGRAM_WEB_URL: fake.url }), delayMs: 0 });
  const idOf = async (code: string) =>
    (
      await ctx.db.kysely
        .selectFrom('channel')
        .select('id')
        .where('code', '=', code)
        .executeTakeFirstOrThrow()
    ).id;

  itReal(
    TELEGRAM_PATHS,
    'one run per channel attempted: ok, failed and skipped, and the health',
    async () => {
      const owner = region.branches[0] ?? region.region;
      const good = await channelOf(ctx, owner, 'telegram', { url: 'https://t.me/topwar_official' });
      const missing = await channelOf(ctx, owner, 'telegram', { url: 'https://t.me/not_existed_channel' });
      const unnamed = await channelOf(ctx, owner, 'telegram');
      const results = await collectChannels(ctx, { org: owner.code, policy: policy(), trigger: 'schedule' });
      expect(results).toHaveLength(3);

      const [goodId, missingId, unnamedId] = await Promise.all([good, missing, unnamed].map(idOf));
      const [okRun] = await listCollectionRuns(ctx.db.kysely, goodId ?? 0, 10);
      const batch = results.find((result) => result.channel === good)?.batchId;
      expect(okRun).toMatchObject({
        trigger: 'schedule',
        status: 'ok',
        new: 31,
        updated: 0,
        unchanged: 0,
        rejected: 1,
        followers: 82932,
        batchId: batch,
        errorCode: null,
        startedAt: now.toISOString(),
        finishedAt: now.toISOString(),
      });
      expect(await listCollectionRuns(ctx.db.kysely, missingId ?? 0, 10)).toEqual([
        expect.objectContaining({
          status: 'failed',
          errorCode: 'collect_channel_missing',
          errorParams: expect.objectContaining({ username: 'not_existed_channel' }),
          batchId: null,
        }),
      ]);
      expect(await listCollectionRuns(ctx.db.kysely, unnamedId ?? 0, 10)).toEqual([
        expect.objectContaining({ status: 'skipped', errorCode: 'no_public_address', trigger: 'schedule' }),
      ]);

      // A second failure an hour later: failing since the first; then a success ends it.
      const first = now.toISOString();
      now = new Date(now.getTime() + 3600_000);
      await collectChannels(ctx, { channel: missing, policy: policy() });
      const runs = await listCollectionRuns(ctx.db.kysely, missingId ?? 0, 10);
      expect(runs.map((run) => [run.trigger, run.startedAt])).toEqual([
        ['manual', now.toISOString()],
        ['schedule', first],
      ]);
      const health = await collectionHealthOf(ctx.db.kysely, [
        goodId ?? 0,
        missingId ?? 0,
        unnamedId ?? 0,
        -1,
      ]);
      expect(health.get(goodId ?? 0)).toEqual({
        lastSuccessAt: first,
        lastRunAt: first,
        failingSince: null,
        lastError: null,
      });
      expect(health.get(missingId ?? 0)).toEqual({
        lastSuccessAt: null,
        lastRunAt: now.toISOString(),
        failingSince: first,
        lastError: {
          code: 'collect_channel_missing',
          params: expect.objectContaining({ username: 'not_existed_channel' }),
        },
      });
      expect(health.get(unnamedId ?? 0)).toMatchObject({
        failingSince: null,
        lastError: { code: 'no_public_address' },
      });
      expect(health.get(-1)).toEqual({
        lastSuccessAt: null,
        lastRunAt: null,
        failingSince: null,
        lastError: null,
      });

      // The good channel fails, then succeeds: failing since its failure, then not failing.
      await ctx.db.kysely
        .updateTable('channel')
        .set({ url: 'https://t.me/ru_python' })
        .where('id', '=', goodId ?? 0)
        .execute();
      await collectChannels(ctx, { channel: good, policy: policy() });
      expect((await collectionHealthOf(ctx.db.kysely, [goodId ?? 0])).get(goodId ?? 0)).toMatchObject({
        lastSuccessAt: first,
        failingSince: now.toISOString(),
        lastError: { code: 'collect_channel_group' },
      });
      now = new Date(now.getTime() + 3600_000);
      await ctx.db.kysely
        .updateTable('channel')
        .set({ url: 'https://t.me/topwar_official' })
        .where('id', '=', goodId ?? 0)
        .execute();
      await collectChannels(ctx, { channel: good, policy: policy() });
      expect((await collectionHealthOf(ctx.db.kysely, [goodId ?? 0])).get(goodId ?? 0)).toEqual({
        lastSuccessAt: now.toISOString(),
        lastRunAt: now.toISOString(),
        failingSince: null,
        lastError: null,
      });
    },
  );
});
