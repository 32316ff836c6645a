/**
 * Publishing the plan's due posts (`aqparat publish --due`, and the server's scheduler): every approved post whose
 * instant has come is taken (scheduled) and sent to each of its channels once (a Telegram channel through the Bot
 * API, a Facebook page and an Instagram account through the Graph API; other platforms fail as not supported yet). Each channel's sending
 * is claimed by one statement before anything is sent, so that of several processes one sends it; the platform's
 * id is stored in the same transaction that marks the sending published and stores the post as a publication (its
 * subject the post's organization, labelled by the same analysis as an import's, under the platform's id, so that
 * a later collection of the channel finds it stored and adds nothing). A sending left `sending` by a process that
 * stopped mid-way is an uncertain outcome: the post is looked for on the channel before it is sent again.
 */
import { DomainError } from '../../domain/errors.js';
import type { Mapped } from '../../importers/types.js';
import type { ErrorCode } from '../../shared/messages.js';
import type { PlanSendState } from '../../shared/vocabulary.js';
import type { ChannelRef } from '../../storage/repositories/channel.repository.js';
import {
  claimPlanSending,
  duePlanPostIds,
  findPlanPost,
  finishPlanSending,
  movePlanPost,
  type PlanPostRow,
  planPostImageByToken,
  planPostImages,
  type PlanSendingRow,
  planSendings,
} from '../../storage/repositories/plan-post.repository.js';
import { toJson } from '../../storage/rows.js';
import { WHOLE_TREE } from '../../domain/scope.js';
import { recordChange } from '../audit.service.js';
import { tokenOf } from '../channel-token.js';
import { type CollectPolicy, collectPolicyOf } from '../collect/collector.js';
import { graphNodeOf } from '../collect/graph.js';
import { markTokenExpired, tokenState } from '../collect/graph-channel.js';
import { telegramAddressOf } from '../collect/telegram-web.js';
import { sourceOf } from '../collect.service.js';
import { type Context, inTransaction } from '../context.js';
import { runImport } from '../import/runner.js';
import { notifyPublishFailed } from './notification.service.js';
import { getPost } from './post.service.js';
import { findOnPage, sendToFacebook } from './facebook-publish.js';
import type { Sent } from './sent.js';
import { findOnInstagram, sendToInstagram } from './instagram-publish.js';
import { findSent, sendToTelegram } from './telegram-publish.js';

/** A sending left `sending` this long is taken for one whose process stopped: far above a request's time. */
const UNCERTAIN_AFTER_MS = 10 * 60_000;
/** The audit log's name of the kind of record. */
const RESOURCE = 'posts';

export interface PublishedSending {
  post: number;
  channel: string;
  state: PlanSendState;
  externalId: string | null;
  url: string | null;
  error: { code: ErrorCode; params: Record<string, string | number> } | null;
}

export interface PublishOptions {
  policy?: CollectPolicy;
  /** Once aborted (the server stops), no further sending is started. */
  signal?: AbortSignal;
  /** The server's public address Instagram fetches images from; `AQPARAT_PUBLIC_URL` unless given. */
  publicUrl?: string;
  /** The pause between questions about an Instagram container's status (a test's may only record it). */
  wait?: (ms: number) => Promise<void>;
}

/** The image served under a post's media token, while the post is approved or being published. */
export const publicImage = (ctx: Context, token: string) => planPostImageByToken(ctx.db.kysely, token);

/** The public address of a post's image while it is approved or being published (see posts.routes.ts). */
export const mediaPathOf = (token: string) => `/api/v1/media/plan/${token}`;

const errorOf = (error: unknown): NonNullable<PublishedSending['error']> =>
  error instanceof DomainError
    ? { code: error.code, params: error.params }
    : { code: 'publish_uncertain', params: { platform: '?', detail: String(error) } };

/** The text a channel gets: the Kazakh version, then the Russian one, where the post has both. */
export function textOf(post: Pick<PlanPostRow, 'textRu' | 'textKk'>): string {
  return [post.textKk, post.textRu].filter((text): text is string => Boolean(text)).join('\n\n');
}

const channelRefOf = (sending: PlanSendingRow): ChannelRef => ({
  id: sending.channelId,
  code: sending.channelCode,
  orgId: sending.channelOrgId,
  platform: sending.platform,
  name: sending.channelName,
  url: sending.channelUrl,
  timeZone: sending.timeZone,
});

/**
 * Where on the platform the channel's posts go: a Telegram channel's public name, a Facebook page's id, an Instagram
 * account's Graph user id (its address must carry it: instagram.com/NAME/?id=ID).
 */
function addressOf(
  sending: PlanSendingRow,
): { telegram: string } | { facebook: string } | { instagram: string } {
  if (sending.platform === 'telegram') {
    const address = telegramAddressOf(sending.channelUrl);
    if (address && !('invite' in address)) return { telegram: address.username };
    throw new DomainError('publish_no_address', {
      channel: sending.channelCode,
      example: 'https://t.me/NAME',
    });
  }
  if (sending.platform === 'facebook') {
    const page = graphNodeOf('facebook', sending.channelUrl);
    if (page) return { facebook: page };
    throw new DomainError('publish_no_address', {
      channel: sending.channelCode,
      example: 'https://www.facebook.com/PAGE',
    });
  }
  if (sending.platform === 'instagram') {
    const account = graphNodeOf('instagram', sending.channelUrl);
    if (account) return { instagram: account };
    throw new DomainError('publish_no_address', {
      channel: sending.channelCode,
      example: 'https://www.instagram.com/NAME/?id=IG_USER_ID',
    });
  }
  throw new DomainError('publish_not_supported', { platform: sending.platform });
}

/** Sends (or, after an uncertain attempt, first finds) the post on one channel. */
async function deliver(
  ctx: Context,
  post: PlanPostRow,
  sending: PlanSendingRow,
  claim: 'fresh' | 'uncertain',
  policy: CollectPolicy,
  options: PublishOptions,
): Promise<Sent> {
  const address = addressOf(sending);
  const token =
    (await tokenState(ctx, sending.channelId)) === 'set' ? await tokenOf(ctx, sending.channelId) : undefined;
  if (!token) throw new DomainError('publish_no_token', { channel: sending.channelCode });
  const images = (await planPostImages(ctx.db.kysely, post.id)).map((image) => ({
    bytes: image.image,
    type: image.type,
  }));
  const [stored] = images;
  // Facebook and Instagram take the first image; Telegram all of an album.
  const common = { token, text: textOf(post), ...(stored ? { image: stored } : {}) };
  const since = claim === 'uncertain' ? sending.attemptedAt : null;
  if ('instagram' in address) {
    const publicUrl = (options.publicUrl ?? process.env['AQPARAT_PUBLIC_URL'] ?? '').replace(/\/+$/, '');
    if (!stored || !post.mediaToken)
      throw new DomainError('plan_instagram_image_required', { channel: sending.channelCode });
    if (!publicUrl)
      throw new DomainError('publish_no_public_url', {
        setting: 'AQPARAT_PUBLIC_URL',
        example: 'https://aqparat.example.kz',
      });
    const target = {
      token,
      text: common.text,
      userId: address.instagram,
      imageUrl: `${publicUrl}${mediaPathOf(post.mediaToken)}`,
    };
    return (
      (since && (await findOnInstagram(policy, target, since))) ||
      sendToInstagram(policy, target, ctx.clock(), options.wait)
    );
  }
  if ('facebook' in address) {
    const target = { ...common, pageId: address.facebook };
    return (
      (since && (await findOnPage(policy, target, since))) || sendToFacebook(policy, target, ctx.clock())
    );
  }
  const target = {
    ...common,
    username: address.telegram,
    ...(images.length > 1 ? { album: images } : {}),
  };
  return (since && (await findSent(policy, target, since))) || sendToTelegram(policy, target);
}

/** The post's drafts as its organization's: a manual subject, as a person's assignment is. */
const withSubject = (items: Mapped[], org: string): Mapped[] =>
  items.map((item) =>
    item.kind === 'draft' && item.draft.target === 'publication'
      ? { ...item, draft: { ...item.draft, subject: org } }
      : item,
  );

/** Stores what was published and marks the sending published, in one transaction. */
async function record(ctx: Context, post: PlanPostRow, sending: PlanSendingRow, sent: Sent): Promise<void> {
  await inTransaction(ctx, async (tx) => {
    await runImport(tx, {
      source: sourceOf(sent.source, sent.hash, withSubject(sent.items, post.orgCode), sent.format),
      channel: channelRefOf(sending),
      dryRun: false,
      strict: false,
      analyze: true,
      chunkSize: 500,
    });
    await finishPlanSending(tx.db.kysely, post.id, sending.channelId, {
      externalId: sent.externalId,
      url: sent.url,
      messageIds: sent.messageIds ? toJson(sent.messageIds) : null,
    });
  });
}

/** The post published once every channel is, failed once none is left to try and one failed. */
async function settle(ctx: Context, postId: number): Promise<void> {
  const sendings = await planSendings(ctx.db.kysely, [postId]);
  const open = sendings.some((sending) => sending.state === 'pending' || sending.state === 'sending');
  if (open) return;
  const state = sendings.every((sending) => sending.state === 'published') ? 'published' : 'failed';
  await inTransaction(ctx, async (tx) => {
    const before = await getPost(tx, postId);
    if (
      !(await movePlanPost(tx.db.kysely, postId, ['scheduled'], {
        state,
        updatedAt: tx.clock().toISOString(),
      }))
    )
      return;
    const after = await getPost(tx, postId);
    const row = await findPlanPost(tx.db.kysely, WHOLE_TREE, postId);
    await recordChange(tx, {
      action: 'update',
      resource: RESOURCE,
      recordId: postId,
      orgId: row?.orgId ?? null,
      before,
      after,
    });
  });
}

/**
 * Publishes every due post's channels not yet sent; what each sending of this run did, by post and channel.
 * Nothing due, or everything sent already: an empty list (a second run sends nothing).
 */
export async function publishDue(ctx: Context, options: PublishOptions = {}): Promise<PublishedSending[]> {
  const policy = options.policy ?? collectPolicyOf();
  const results: PublishedSending[] = [];
  for (const postId of await duePlanPostIds(ctx.db.kysely, ctx.clock().toISOString())) {
    if (options.signal?.aborted) break;
    // Taken by the publisher: no longer returned or approved again while it is being sent.
    await movePlanPost(ctx.db.kysely, postId, ['approved'], {
      state: 'scheduled',
      updatedAt: ctx.clock().toISOString(),
    });
    const post = await findPlanPost(ctx.db.kysely, WHOLE_TREE, postId);
    if (!post || post.state !== 'scheduled') continue;
    for (const sending of await planSendings(ctx.db.kysely, [postId])) {
      if (sending.state !== 'pending' && sending.state !== 'sending') continue;
      const now = ctx.clock();
      const claim = await claimPlanSending(
        ctx.db.kysely,
        postId,
        sending.channelId,
        now.toISOString(),
        new Date(now.getTime() - UNCERTAIN_AFTER_MS).toISOString(),
      );
      if (!claim) continue;
      const result: PublishedSending = {
        post: postId,
        channel: sending.channelCode,
        state: 'sending',
        externalId: null,
        url: null,
        error: null,
      };
      try {
        const sent = await deliver(ctx, post, sending, claim, policy, options);
        await record(ctx, post, sending, sent);
        Object.assign(result, { state: 'published', externalId: sent.externalId, url: sent.url });
      } catch (error) {
        result.error = errorOf(error);
        // An answer that never came leaves the sending claimed: the next run after the pause looks for it first.
        if (result.error.code !== 'publish_uncertain') {
          result.state = 'failed';
          await finishPlanSending(ctx.db.kysely, postId, sending.channelId, {
            error: toJson(result.error) ?? '',
          });
          if (result.error.code === 'publish_token_refused')
            await markTokenExpired(ctx, channelRefOf(sending), 'collect_token_expired');
          try {
            await notifyPublishFailed(ctx, post, sending.channelCode, result.error);
          } catch (error) {
            ctx.log.warn(
              { err: error, post: postId },
              'the author could not be notified of a failed sending',
            );
          }
        }
      }
      results.push(result);
    }
    await settle(ctx, postId);
  }
  return results;
}
