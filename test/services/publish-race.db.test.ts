/**
 * Publishing due posts from several processes at once (the server's scheduler in each of two servers, or cron
 * beside a server) sends each post once: each channel's sending is claimed by one statement before it is sent. On
 * PostgreSQL, two connections publish the same due posts side by side; on either database the scheduler's
 * publishing job publishes what is due. Against the local fake Bot API (test/helpers/fake-bot-send.ts).
 */
import { afterAll, beforeAll, describe, expect } from 'vitest';
import { type Context, openContext } from '../../src/services/context.js';
import type { Organization } from '../../src/services/org.service.js';
import { setChannelToken } from '../../src/services/channel-token.js';
import { publishDue } from '../../src/services/plan/publish.service.js';
import { JOBS } from '../../src/services/schedule/jobs.js';
import { addChannel } from '../../src/services/records.service.js';
import { buildTree, uniqueCode } from '../factories/org.factory.js';
import { approvedDuePost } from '../factories/plan-post.factory.js';
import { BOT_SEND_FILES, BOT_TOKEN, fakeBotSender } from '../helpers/fake-bot-send.js';
import { DIALECTS, openTestContext } from '../helpers/databases.js';
import { itUnless, realAbsent } from '../helpers/real-files.js';

const absent = realAbsent(...Object.values(BOT_SEND_FILES));

describe.each(DIALECTS)('publishing due posts once (%s)', (dialect) => {
  let ctx: Awaited<ReturnType<typeof openTestContext>>;
  let bot: Awaited<ReturnType<typeof fakeBotSender>>;
  let branch: Organization;
  let channel: string;
  const saved = { ...process.env };

  /** Approved posts of the branch, due a minute ago; their texts. */
  const duePosts = async (count: number, stem: string) => {
    const texts = Array.from(
      { length: count },
      (_, index) => `${stem}: собрание № ${index + 1}, 30 участников`,
    );
    for (const text of texts) await approvedDuePost(ctx, branch.code, channel, text);
    return texts;
  };

  beforeAll(async () => {
    bot = await fakeBotSender();
    Object.assign(process.env, {
      AQPARAT_SECRET_KEY: 'd'.repeat(64),
      AQPARAT_TELEGRAM_BOT_API_URL: bot.url,
      AQPARAT_COLLECT_DELAY_MS: '0',
    });
    ctx = await openTestContext(dialect);
    const { regions } = await buildTree(ctx, { regions: 1, branches: 1, primariesPerBranch: 0 });
    branch = regions[0]!.branches[0]!.org;
    channel = uniqueCode('telegram');
    await addChannel(ctx, {
      code: channel,
      org: branch.code,
      platform: 'telegram',
      name: channel,
      url: 'https://t.me/topwar_official',
    });
    await setChannelToken(ctx, channel, { token: BOT_TOKEN });
  }, 60_000);
  afterAll(async () => {
    process.env = saved;
    await bot.close();
    await ctx.close();
  });

  itUnless(
    absent ?? (dialect === 'postgres' ? undefined : 'SQLite serves one process'),
    'two processes publishing the same due posts at once send each once',
    async () => {
      const texts = await duePosts(8, 'гонка');
      const others: Context[] = await Promise.all([1, 2].map(() => openContext({ db: ctx.target, env: {} })));
      try {
        const runs = await Promise.all(others.map((other) => publishDue(other)));
        const published = runs.flat().filter((sending) => sending.state === 'published');
        expect(published).toHaveLength(8);
        expect(new Set(published.map((sending) => sending.externalId)).size).toBe(8);
        expect(bot.sent.map((hit) => hit.text).sort()).toEqual([...texts].sort());
      } finally {
        await Promise.all(others.map((other) => other.db.close()));
      }
      expect(await publishDue(ctx)).toEqual([]);
    },
    60_000,
  );

  itUnless(absent, "the scheduler's publishing job publishes what is due", async () => {
    const from = bot.sent.length;
    const [text] = await duePosts(1, 'по расписанию');
    const job = JOBS.find((candidate) => candidate.name === 'publishing');
    await job?.run(ctx, new AbortController().signal);
    expect(bot.sent.slice(from).map((hit) => hit.text)).toEqual([text]);
    const states = await ctx.db.kysely.selectFrom('planPost').select('state').distinct().execute();
    expect(states).toEqual([{ state: 'published' }]);
  });

  itUnless(
    absent,
    'a 429 is waited out for its retry_after and sent once; a longer one than allowed fails',
    async () => {
      const from = bot.sent.length;
      const [waited] = await duePosts(1, 'лимит');
      bot.limits.push(1);
      const started = Date.now();
      expect(await publishDue(ctx)).toMatchObject([{ state: 'published', error: null }]);
      expect(Date.now() - started).toBeGreaterThanOrEqual(1000);
      // Asked twice: the 429, then sent.
      expect(bot.sent.slice(from).map((hit) => hit.text)).toEqual([waited, waited]);
      const [refused] = await duePosts(1, 'долгий лимит');
      bot.limits.push(600);
      expect(await publishDue(ctx)).toMatchObject([
        {
          state: 'failed',
          error: { code: 'publish_rate_limited', params: { platform: 'Telegram', seconds: 600 } },
        },
      ]);
      expect(bot.sent.slice(from).map((hit) => hit.text)).toEqual([waited, waited, refused]);
    },
  );
});
