/**
 * A post with several images goes to a Telegram channel as one album (sendMediaGroup, the text the first photo's
 * caption), on both databases, against the local fake Bot API (test/helpers/fake-bot-send.ts: the album's
 * messages made after a recorded album photo update). All its message ids are kept, the first being the
 * publication's; an answer lost after sending is found among the channel's posts and not sent again.
 */
import { afterAll, beforeAll, describe, expect } from 'vitest';
import type { Organization } from '../../src/services/org.service.js';
import { setChannelToken } from '../../src/services/channel-token.js';
import { createPost, getPost, movePost } from '../../src/services/plan/post.service.js';
import { publishDue } from '../../src/services/plan/publish.service.js';
import { addChannel } from '../../src/services/records.service.js';
import { buildTree, uniqueCode } from '../factories/org.factory.js';
import { BOT_CHANNEL, BOT_SEND_FILES, BOT_TOKEN, fakeBotSender } from '../helpers/fake-bot-send.js';
import { DIALECTS, openTestContext } from '../helpers/databases.js';
import { itReal } from '../helpers/real-files.js';

const PATHS = Object.values(BOT_SEND_FILES);
const JPEG = (fill: number, size: number) =>
  Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(size, fill)]);
const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(40)]);

describe.each(DIALECTS)('publishing an album to Telegram (%s)', (dialect) => {
  let ctx: Awaited<ReturnType<typeof openTestContext>>;
  let bot: Awaited<ReturnType<typeof fakeBotSender>>;
  let branch: Organization;
  let channel: string;
  const saved = { ...process.env };

  const album = async (text: string, images: Buffer[]) => {
    const post = await createPost(ctx, {
      org: branch.code,
      channels: [channel],
      textKk: text,
      plannedAt: new Date(Date.now() - 60_000).toISOString(),
      image: images[0]!.toString('base64'),
      images: images.slice(1).map((image) => image.toString('base64')),
    });
    await movePost(ctx, post.id, 'approve');
    return post;
  };

  beforeAll(async () => {
    bot = await fakeBotSender();
    Object.assign(process.env, {
      AQPARAT_SECRET_KEY: 'f'.repeat(64),
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
      url: `https://t.me/${BOT_CHANNEL.username}`,
    });
    await setChannelToken(ctx, channel, { token: BOT_TOKEN });
  }, 60_000);
  afterAll(async () => {
    process.env = saved;
    await bot.close();
    await ctx.close();
  });

  itReal(PATHS, 'sends two to ten images as one album and keeps every message id', async () => {
    const images = [JPEG(1, 100), PNG, JPEG(3, 300)];
    const post = await album('Семинар: 40 қатысушы, 9 желтоқсан', images);
    expect(post).toMatchObject({ hasImage: true, imageCount: 3 });
    const from = bot.sent.length;
    const [result] = await publishDue(ctx);
    expect(bot.sent.slice(from)).toEqual([
      {
        method: 'sendMediaGroup',
        chatId: `@${BOT_CHANNEL.username}`,
        text: 'Семинар: 40 қатысушы, 9 желтоқсан',
        parseMode: null,
        photos: images.map((image) => ({
          type: image[0] === 0x89 ? 'image/png' : 'image/jpeg',
          size: image.length,
        })),
      },
    ]);
    const [sending] = (await getPost(ctx, post.id)).channels;
    expect(sending?.messageIds).toHaveLength(3);
    const [first, ...others] = sending!.messageIds.map(Number);
    expect(others).toEqual([first! + 1, first! + 2]);
    expect(result).toMatchObject({
      post: post.id,
      state: 'published',
      externalId: String(first),
      url: `https://t.me/${BOT_CHANNEL.username}/${first}`,
    });
    const stored = await ctx.db.kysely
      .selectFrom('publication as p')
      .innerJoin('channel as c', 'c.id', 'p.channelId')
      .select(['p.externalId', 'p.subjectOrgId'])
      .where('c.code', '=', channel)
      .execute();
    expect(stored).toEqual([{ externalId: String(first), subjectOrgId: branch.id }]);
    expect(await publishDue(ctx)).toEqual([]);
  });

  itReal(PATHS, 'an album whose answer was lost is found on the channel and not sent again', async () => {
    const post = await album('Жиналыс қорытындысы: 3 шешім', [JPEG(4, 50), JPEG(5, 60)]);
    bot.lose.next = true;
    const from = bot.sent.length;
    expect(await publishDue(ctx)).toMatchObject([
      { post: post.id, state: 'sending', error: { code: 'publish_uncertain' } },
    ]);
    await ctx.db.kysely
      .updateTable('planPostChannel')
      .set({ attemptedAt: new Date(Date.now() - 11 * 60_000).toISOString() })
      .where('postId', '=', post.id)
      .execute();
    const [found] = await publishDue(ctx);
    expect(found).toMatchObject({ post: post.id, state: 'published' });
    expect(bot.sent.length).toBe(from + 1);
    const [sending] = (await getPost(ctx, post.id)).channels;
    expect(sending?.messageIds).toHaveLength(2);
    expect(sending?.messageIds[0]).toBe(found?.externalId);
  });

  itReal(PATHS, 'refuses more than ten images', async () => {
    await expect(
      createPost(ctx, {
        org: branch.code,
        channels: [channel],
        textRu: 'Фотоотчёт',
        plannedAt: new Date().toISOString(),
        image: PNG.toString('base64'),
        images: Array.from({ length: 10 }, () => PNG.toString('base64')),
      }),
    ).rejects.toMatchObject({ code: 'validation_failed', fields: [{ path: 'images', code: 'too_big' }] });
  });
});
