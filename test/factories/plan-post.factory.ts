/** Content-plan posts for the publishing tests. */
import type { Context } from '../../src/services/context.js';
import { createPost, movePost } from '../../src/services/plan/post.service.js';

/** A post of an organization for one channel, approved, planned a minute ago: the next publishing run takes it. */
export async function approvedDuePost(
  ctx: Context,
  org: string,
  channel: string,
  text: string,
  image?: Buffer,
): Promise<number> {
  const { id } = await createPost(ctx, {
    org,
    channels: [channel],
    textRu: text,
    plannedAt: new Date(Date.now() - 60_000).toISOString(),
    ...(image ? { image: image.toString('base64') } : {}),
  });
  await movePost(ctx, id, 'approve');
  return id;
}
