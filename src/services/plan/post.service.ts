/**
 * The content plan's posts: an editor drafts a post of an organization in the scope (its subject) for channels of
 * that organization or of one above it, and submits it; a manager of the organization or of one above it approves
 * it or returns it with a comment; an administrator (and the CLI, which acts as the installation's) may approve a
 * draft at once. Every change is in the audit log; a post outside the caller's subtree is not found (404).
 */
import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import {
  ConflictError,
  DomainError,
  ForbiddenError,
  NotFoundError,
  ValidationError,
} from '../../domain/errors.js';
import { authorize } from '../../policies/abilities.js';
import { type Actor, roleOf, userIdOf } from '../../policies/actor.js';
import { code, instant } from '../../shared/schemas.js';
import {
  PLAN_POST_STATES,
  type PlanPostState,
  type PlanSendState,
  type Platform,
  TOPICS,
  type Topic,
} from '../../shared/vocabulary.js';
import {
  channelsAbove,
  findPlanPost,
  insertPlanPost,
  listPlanPosts,
  movePlanPost,
  type PlanPostRow,
  planPostMoreImages,
  planSendings,
  resetFailedSendings,
  updateEditablePost,
} from '../../storage/repositories/plan-post.repository.js';
import { fromJson } from '../../storage/rows.js';
import { recordChange } from '../audit.service.js';
import { type Context, inTransaction, scopeOfContext } from '../context.js';
import { getOrganization } from '../org.service.js';
import { parseInput } from '../validate.js';

/** The audit log's name of the kind of record. */
const RESOURCE = 'posts';
/** Telegram's limit of a message's text; a caption's (1,024) is checked when the post has an image. */
export const TEXT_LIMIT = 4096;
export const IMAGE_LIMIT_MB = 10;
/** A Telegram album's most images (sendMediaGroup takes 2 to 10). */
export const IMAGES_LIMIT = 10;
/** The image types every platform takes, by their first bytes. */
const IMAGE_TYPES: readonly { type: string; magic: number[] }[] = [
  { type: 'image/jpeg', magic: [0xff, 0xd8, 0xff] },
  { type: 'image/png', magic: [0x89, 0x50, 0x4e, 0x47] },
];

const text = z.string().trim().min(1).max(TEXT_LIMIT);

export const postInput = z
  .strictObject({
    org: code,
    channels: z.array(code).min(1).max(20),
    textRu: text.nullable().optional(),
    textKk: text.nullable().optional(),
    plannedAt: instant,
    topic: z.enum(TOPICS).nullable().optional(),
    /** The image's bytes, base64 (the CLI reads the file and sends it so too). */
    image: z.base64().nullable().optional(),
    /** An album's images, base64, in order (after `image` when both are given): ten at most in all. */
    images: z.array(z.base64()).max(IMAGES_LIMIT).nullable().optional(),
  })
  .refine((post) => Boolean(post.textRu || post.textKk), {
    path: ['textRu'],
    params: { code: 'one_language_required' },
  });
export type PostInput = z.input<typeof postInput>;

/** What a draft's or a returned post's author may change; the organization and channels stay. */
export const postChange = z
  .strictObject({
    textRu: text.nullable().optional(),
    textKk: text.nullable().optional(),
    plannedAt: instant.optional(),
    topic: z.enum(TOPICS).nullable().optional(),
  })
  .refine((change) => Object.keys(change).length > 0, { params: { code: 'required' } });

export const commentInput = z.strictObject({ comment: z.string().trim().min(1).max(2000).optional() });

export interface PostSending {
  channel: string;
  platform: Platform;
  state: PlanSendState;
  externalId: string | null;
  url: string | null;
  error: { code: string; params: Record<string, string | number> } | null;
  attemptedAt: string | null;
  /** Every message an album was sent as, in order; the first is `externalId`. */
  messageIds: string[];
}

export interface PlanPost {
  id: number;
  org: string;
  textRu: string | null;
  textKk: string | null;
  plannedAt: string;
  topic: Topic | null;
  hasImage: boolean;
  /** How many images: more than one is sent to Telegram as an album. */
  imageCount: number;
  state: PlanPostState;
  comment: string | null;
  authorId: number | null;
  createdAt: string;
  updatedAt: string;
  channels: PostSending[];
}

/** The image's media type by its first bytes, and whether its size fits; a refusal otherwise. */
function imageOf(value: string | null | undefined): { bytes: Buffer; type: string } | null {
  if (value === null || value === undefined) return null;
  const bytes = Buffer.from(value, 'base64');
  const found = IMAGE_TYPES.find(({ magic }) => magic.every((byte, index) => bytes[index] === byte));
  if (!found || bytes.length > IMAGE_LIMIT_MB * 1024 * 1024)
    throw new DomainError('plan_image_invalid', {
      types: 'JPEG, PNG',
      limit: IMAGE_LIMIT_MB,
      size: bytes.length,
    });
  return { bytes, type: found.type };
}

async function presented(ctx: Context, rows: PlanPostRow[]): Promise<PlanPost[]> {
  const ids = rows.map((row) => row.id);
  const sendings = await planSendings(ctx.db.kysely, ids);
  const more = await planPostMoreImages(ctx.db.kysely, ids);
  return rows.map((row) => ({
    id: row.id,
    org: row.orgCode,
    textRu: row.textRu,
    textKk: row.textKk,
    plannedAt: new Date(row.plannedAt).toISOString(),
    topic: row.topic,
    hasImage: row.imageType !== null,
    imageCount: row.imageType === null ? 0 : 1 + (more.get(row.id) ?? 0),
    state: row.state,
    comment: row.comment,
    authorId: row.authorId,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    channels: sendings
      .filter((sending) => sending.postId === row.id)
      .map((sending) => ({
        channel: sending.channelCode,
        platform: sending.platform,
        state: sending.state,
        externalId: sending.externalId,
        url: sending.url,
        error: fromJson<PostSending['error']>(sending.error),
        attemptedAt: sending.attemptedAt,
        messageIds: fromJson<string[]>(sending.messageIds) ?? [],
      })),
  }));
}

async function postRow(ctx: Context, id: number): Promise<PlanPostRow> {
  const row = await findPlanPost(ctx.db.kysely, scopeOfContext(ctx), id);
  if (!row) throw new NotFoundError('plan_post_unknown', { id });
  return row;
}

export async function getPost(ctx: Context, id: number): Promise<PlanPost> {
  authorize(ctx.actor, 'read', 'publications');
  const [post] = await presented(ctx, [await postRow(ctx, id)]);
  return post as PlanPost;
}

export const postFilter = z.strictObject({
  org: code.optional(),
  state: z.enum(PLAN_POST_STATES).optional(),
});

/** The posts of the caller's scope, of an organization's subtree and in a state if asked, by planned instant. */
export async function listPosts(ctx: Context, filter: z.input<typeof postFilter> = {}): Promise<PlanPost[]> {
  authorize(ctx.actor, 'read', 'publications');
  const data = parseInput(postFilter, filter, 'posts');
  const rootId = data.org === undefined ? undefined : (await getOrganization(ctx, data.org)).id;
  const rows = await listPlanPosts(ctx.db.kysely, scopeOfContext(ctx), {
    ...(rootId !== undefined ? { rootId } : {}),
    ...(data.state ? { state: data.state } : {}),
  });
  return presented(ctx, rows);
}

/** Drafts a post of an organization in the caller's scope (else 404) for channels of it or above it. */
export async function createPost(ctx: Context, input: PostInput): Promise<PlanPost> {
  const data = parseInput(postInput, input, `post ${typeof input?.org === 'string' ? input.org : '?'}`);
  const org = await getOrganization(ctx, data.org);
  authorize(ctx.actor, 'write', 'publications');
  const given = [...(data.image ? [data.image] : []), ...(data.images ?? [])];
  if (given.length > IMAGES_LIMIT)
    throw new ValidationError(`post ${org.code}`, [
      { path: 'images', code: 'too_big', params: { maximum: IMAGES_LIMIT } },
    ]);
  const [image, ...more] = given.map((value) => imageOf(value) as { bytes: Buffer; type: string });
  const codes = [...new Set(data.channels)];
  const channels = await channelsAbove(ctx.db.kysely, org.id, codes);
  const missing = codes.find((wanted) => !channels.some((channel) => channel.code === wanted));
  if (missing !== undefined)
    throw new DomainError('plan_channel_not_allowed', { channel: missing, org: org.code });
  return inTransaction(ctx, async (tx) => {
    const now = tx.clock().toISOString();
    const id = await insertPlanPost(
      tx.db.kysely,
      {
        orgId: org.id,
        textRu: data.textRu ?? null,
        textKk: data.textKk ?? null,
        plannedAt: new Date(data.plannedAt).toISOString(),
        topic: data.topic ?? null,
        image: image?.bytes ?? null,
        imageType: image?.type ?? null,
        // Unguessable: the image is served under it, without a sign-in, once the post is approved.
        mediaToken: randomBytes(24).toString('base64url'),
        state: 'draft',
        comment: null,
        authorId: userIdOf(tx.actor),
        createdAt: now,
        updatedAt: now,
      },
      channels.map((channel) => channel.id),
      more.map((extra) => ({ image: extra.bytes, type: extra.type })),
    );
    const post = await getPost(tx, id);
    await recordChange(tx, {
      action: 'create',
      resource: RESOURCE,
      recordId: id,
      orgId: org.id,
      after: post,
    });
    return post;
  });
}

/** Who approves and returns: a manager of the post's organization or one above it (the scope says which). */
function mayApprove(actor: Actor): boolean {
  return actor.kind === 'system' || actor.role === 'admin' || actor.role === 'manager';
}

/** Whether the actor may skip the approval: an administrator, or the CLI on the installation's machine. */
function mayPublishAtOnce(actor: Actor): boolean {
  return actor.kind === 'system' || actor.role === 'admin';
}

export type PostStep = 'submit' | 'approve' | 'return';

/** From which states each step moves a post, and to which; the administrator's wider `approve` is added below. */
const STEPS: Readonly<Record<PostStep, { from: readonly PlanPostState[]; to: PlanPostState }>> = {
  submit: { from: ['draft', 'returned'], to: 'submitted' },
  approve: { from: ['submitted'], to: 'approved' },
  return: { from: ['submitted', 'approved'], to: 'returned' },
};

/**
 * Moves a post a step: an editor submits, a manager approves or returns (with a comment), an administrator may
 * approve a draft, a returned or a failed post at once (a failed one's failed channels are then sent again).
 */
export async function movePost(
  ctx: Context,
  id: number,
  step: PostStep,
  input: z.input<typeof commentInput> = {},
): Promise<PlanPost> {
  const { comment } = parseInput(commentInput, input, `post ${id}`);
  const before = await getPost(ctx, id);
  authorize(ctx.actor, 'write', 'publications');
  if (step !== 'submit' && !mayApprove(ctx.actor)) throw new ForbiddenError(roleOf(ctx.actor));
  // Instagram publishes images only: a post without one is refused before it goes further.
  const imageless = before.hasImage
    ? undefined
    : before.channels.find((sending) => sending.platform === 'instagram');
  if (imageless && step !== 'return')
    throw new DomainError('plan_instagram_image_required', { channel: imageless.channel });
  const from =
    step === 'approve' && mayPublishAtOnce(ctx.actor)
      ? [...STEPS.approve.from, 'draft' as const, 'returned' as const, 'failed' as const]
      : STEPS[step].from;
  return inTransaction(ctx, async (tx) => {
    const set = {
      state: STEPS[step].to,
      updatedAt: tx.clock().toISOString(),
      ...(comment !== undefined || step === 'return' ? { comment: comment ?? null } : {}),
    };
    if (!(await movePlanPost(tx.db.kysely, id, from, set)))
      throw new ConflictError('plan_post_state', { id, state: (await postRow(tx, id)).state });
    if (before.state === 'failed') await resetFailedSendings(tx.db.kysely, id);
    const after = await getPost(tx, id);
    const orgId = (await postRow(tx, id)).orgId;
    await recordChange(tx, { action: 'update', resource: RESOURCE, recordId: id, orgId, before, after });
    return after;
  });
}

/** Changes a draft or a returned post's texts, instant or topic (one in another state: plan_post_state). */
export async function changePost(
  ctx: Context,
  id: number,
  input: z.input<typeof postChange>,
): Promise<PlanPost> {
  const change = parseInput(postChange, input, `post ${id}`);
  const before = await getPost(ctx, id);
  authorize(ctx.actor, 'write', 'publications');
  return inTransaction(ctx, async (tx) => {
    const row = await postRow(tx, id);
    const textRu = change.textRu === undefined ? row.textRu : change.textRu;
    const textKk = change.textKk === undefined ? row.textKk : change.textKk;
    if (!textRu && !textKk)
      throw new ValidationError(`post ${id}`, [{ path: 'textRu', code: 'one_language_required' }]);
    const updated = await updateEditablePost(tx.db.kysely, id, {
      textRu,
      textKk,
      ...(change.plannedAt !== undefined ? { plannedAt: new Date(change.plannedAt).toISOString() } : {}),
      ...(change.topic !== undefined ? { topic: change.topic } : {}),
      updatedAt: tx.clock().toISOString(),
    });
    if (!updated) throw new ConflictError('plan_post_state', { id, state: row.state });
    const after = await getPost(tx, id);
    await recordChange(tx, {
      action: 'update',
      resource: RESOURCE,
      recordId: id,
      orgId: row.orgId,
      before,
      after,
    });
    return after;
  });
}
