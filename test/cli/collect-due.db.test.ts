/**
 * Due-ness: when a channel's next scheduled collection is due (every 2 hours, followers daily, per channel
 * adjustable, a failing channel retried sooner), and `aqparat collect --due` collecting only the due channels,
 * against the local fake t.me.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nextCollectionAt } from '../../src/services/collect/due.js';
import { type Context, openContext } from '../../src/services/context.js';
import { runCli } from '../helpers/cli.js';
import { createTestDatabase, DIALECTS, type TestDatabase } from '../helpers/databases.js';
import { type FakeTelegram, fakeTelegram, TELEGRAM_PATHS } from '../helpers/fake-telegram.js';
import { itReal } from '../helpers/real-files.js';
import { buildRegion, channelOf, type Region } from '../importers/setup.js';

const NOW = new Date('2026-12-07T12:00:00Z');
const ago = (minutes: number) => new Date(NOW.getTime() - minutes * 60_000).toISOString();
const inMinutes = (minutes: number) => new Date(NOW.getTime() + minutes * 60_000);
const DEFAULTS = { postsEveryMinutes: null, followersEveryMinutes: null };

describe('nextCollectionAt', () => {
  it('is now for a channel never collected, two hours after the last run by default', () => {
    expect(nextCollectionAt(DEFAULTS, { lastRunAt: null, failingSince: null }, NOW)).toEqual(NOW);
    expect(nextCollectionAt(DEFAULTS, { lastRunAt: ago(0), failingSince: null }, NOW)).toEqual(
      inMinutes(120),
    );
  });

  it("follows the channel's own intervals: the shorter of its posts' and followers'", () => {
    const daily = { postsEveryMinutes: 3 * 24 * 60, followersEveryMinutes: null };
    expect(nextCollectionAt(daily, { lastRunAt: ago(0), failingSince: null }, NOW)).toEqual(
      inMinutes(24 * 60),
    );
    const often = { postsEveryMinutes: 30, followersEveryMinutes: null };
    expect(nextCollectionAt(often, { lastRunAt: ago(10), failingSince: null }, NOW)).toEqual(inMinutes(20));
  });

  it('retries a failing channel after 5 minutes, the pause doubling, at most the interval', () => {
    const failing = (since: number, last: number) =>
      nextCollectionAt(DEFAULTS, { lastRunAt: ago(last), failingSince: ago(since) }, NOW);
    expect(failing(0, 0)).toEqual(inMinutes(5));
    expect(failing(5, 0)).toEqual(inMinutes(5));
    expect(failing(10, 0)).toEqual(inMinutes(10));
    expect(failing(40, 0)).toEqual(inMinutes(40));
    expect(failing(300, 0)).toEqual(inMinutes(120));
  });
});

describe.each(DIALECTS)('aqparat collect --due (%s)', (dialect) => {
  let database: TestDatabase;
  let region: Region;
  let fake: FakeTelegram;
  let ctx: Context;

  beforeAll(async () => {
    fake = await fakeTelegram();
    database = await createTestDatabase(dialect);
    ctx = await openContext({ db: database.target, env: {} });
    region = await buildRegion(ctx);
  });
  afterAll(async () => {
    await fake.close();
    await ctx.db.close();
    await database.drop();
  });

  const env = () => ({
    AQPARAT_TELEGRAM_WEB_URL: fake.url,
    // Any Graph request would reach the fake t.me and be counted there.
    AQPARAT_GRAPH_API_URL: fake.url,
    AQPARAT_COLLECT_DELAY_MS: '0',
    AQPARAT_SECRET_KEY: 'a'.repeat(64),
  });
  const collectDue = async (...args: string[]) => {
    const scope = args.length > 0 ? args : ['--org', region.region.code];
    const result = await runCli(['collect', '--due', '--json', ...scope, '--db', database.target], env());
    return {
      code: result.code,
      stderr: result.stderr,
      channels: JSON.parse(result.stdout || '[]') as { channel: string; error: unknown; skipped?: unknown }[],
    };
  };
  const idOf = async (code: string) =>
    (
      await ctx.db.kysely
        .selectFrom('channel')
        .select('id')
        .where('code', '=', code)
        .executeTakeFirstOrThrow()
    ).id;
  /** Moves the channel's runs (and its lease's last due run) back in time, as if made that much earlier. */
  const age = async (code: string, minutes: number) => {
    const id = await idOf(code);
    const back = (instant: string | null) =>
      instant === null ? null : new Date(Date.parse(instant) - minutes * 60_000).toISOString();
    const runs = await ctx.db.kysely
      .selectFrom('collectionRun')
      .select(['id', 'startedAt', 'finishedAt'])
      .where('channelId', '=', id)
      .execute();
    for (const run of runs)
      await ctx.db.kysely
        .updateTable('collectionRun')
        .set({ startedAt: back(run.startedAt) ?? run.startedAt, finishedAt: back(run.finishedAt) })
        .where('id', '=', run.id)
        .execute();
    const lease = await ctx.db.kysely
      .selectFrom('scheduleLease')
      .select('doneDueAt')
      .where('key', '=', `collect:${id}`)
      .executeTakeFirstOrThrow();
    await ctx.db.kysely
      .updateTable('scheduleLease')
      .set({ doneDueAt: back(lease.doneDueAt) })
      .where('key', '=', `collect:${id}`)
      .execute();
  };
  const codes = (channels: { channel: string }[]) => channels.map((entry) => entry.channel).sort();

  itReal(
    TELEGRAM_PATHS,
    'collects the due channels only, each when its interval has passed',
    async () => {
      const owner = region.branches[0] ?? region.region;
      const good = await channelOf(ctx, owner, 'telegram', { url: 'https://t.me/topwar_official' });
      const often = await channelOf(ctx, owner, 'telegram', { url: 'https://t.me/topwar_official' });
      const missing = await channelOf(ctx, owner, 'telegram', { url: 'https://t.me/not_existed_channel' });
      await ctx.db.kysely
        .updateTable('channel')
        .set({ collectPostsEveryMinutes: 30 })
        .where('code', '=', often)
        .execute();

      // Never collected: all due; one fails, so the run exits 3.
      const first = await collectDue();
      expect(first.code, first.stderr).toBe(3);
      expect(codes(first.channels)).toEqual([good, often, missing].sort());

      // Nothing due right after: nothing fetched, exit 0.
      const hits = fake.hits.length;
      const none = await collectDue();
      expect(none.code, none.stderr).toBe(0);
      expect(none.channels).toEqual([]);
      expect(fake.hits.length).toBe(hits);

      // 31 minutes on: the channel collected every 30 minutes is due, the failing one is retried (after 5 minutes),
      // the one collected every 2 hours is not.
      for (const code of [good, often, missing]) await age(code, 31);
      const half = await collectDue();
      expect(codes(half.channels)).toEqual([often, missing].sort());
      expect(half.channels.find((entry) => entry.channel === often)?.error).toBeNull();

      // Two hours after its run, the default channel is due.
      await age(good, 90);
      const later = await collectDue();
      expect(codes(later.channels)).toEqual([good]);
      expect(later.code).toBe(0);
      const runs = await ctx.db.kysely
        .selectFrom('collectionRun')
        .select(['trigger', 'status'])
        .where('channelId', '=', await idOf(good))
        .orderBy('startedAt')
        .execute();
      expect(runs).toEqual([
        { trigger: 'schedule', status: 'ok' },
        { trigger: 'schedule', status: 'ok' },
      ]);
    },
    240_000,
  );

  itReal(
    TELEGRAM_PATHS,
    "an expired token stops the channel's scheduled runs until a new one is set",
    async () => {
      const owner = region.branches[1] ?? region.region;
      const page = await channelOf(ctx, owner, 'facebook', {
        url: 'https://www.facebook.com/profile.php?id=1234567',
      });
      const setToken = () =>
        runCli(
          ['channel', 'token', '--channel', page, '--token', 'EAAB-page', '--db', database.target],
          env(),
        );
      expect((await setToken()).code).toBe(0);
      // What Graph's error 190 leaves on the channel (collect-graph.db.test.ts).
      await ctx.db.kysely
        .updateTable('channelSecret')
        .set({ expiredAt: new Date().toISOString() })
        .where('channelId', '=', await idOf(page))
        .execute();
      const hits = fake.hits.length;
      const stopped = await collectDue('--channel', page);
      expect(stopped.channels).toEqual([
        expect.objectContaining({ channel: page, skipped: 'token_expired', error: null }),
      ]);
      await age(page, 130);
      expect((await collectDue('--channel', page)).channels).toEqual([
        expect.objectContaining({ skipped: 'token_expired' }),
      ]);
      expect(fake.hits.length).toBe(hits);
      // A new token: the next due run asks Graph again.
      expect((await setToken()).code).toBe(0);
      await age(page, 130);
      const resumed = await collectDue('--channel', page);
      expect(resumed.channels).toEqual([expect.objectContaining({ channel: page, skipped: null })]);
      expect(fake.hits.length).toBeGreaterThan(hits);
    },
    240_000,
  );
});
