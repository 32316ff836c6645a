/**
 * Posts of Telegram's web preview → publication drafts, made as the Telegram export's mapper makes them
 * (importers/telegram/map.ts), so that a post collected live and the same post later imported from an export are
 * one publication with the same values: the message id as external id, the link under the channel's address, a
 * forward as a repost with its source's name, a poll's question as its text, a sticker alone as nothing to count.
 * The views the preview shows are kept (rounded, as it shows them); an export has none to overwrite them with.
 */
import { rejectedField } from '../mapped.js';
import { titleOf } from '../text.js';
import type { Mapped, PublicationDraft, RecordRef } from '../types.js';
import type { WebPost } from './parse.js';

export interface WebMapOptions {
  /** How rejections name where the post came from: the page's address. */
  file: string;
  /** The channel's username as its address writes it: posts' links are made under it, as an export's are. */
  username: string;
}

export function mapWebPost(post: WebPost, options: WebMapOptions): Mapped {
  const ref: RecordRef = { kind: 'message', index: post.id };
  if (post.instant === undefined) return rejectedField(options.file, ref, 'datetime', 'required');
  if (post.text === undefined && post.media === undefined && !post.poll)
    return { kind: 'skipped', ref, reason: 'empty' };
  const forwarded = post.forwardedFrom !== undefined;
  const draft: PublicationDraft = {
    target: 'publication',
    ref,
    externalId: String(post.id),
    time: { instant: post.instant },
    isRepost: forwarded,
    hashtags: post.hashtags,
    links: post.links,
    mediaKind: post.media ?? 'text',
    url: `https://t.me/${options.username}/${post.id}`,
    ...(post.text ? { text: post.text, title: titleOf(post.text) } : {}),
    ...(forwarded && post.forwardedFrom ? { repostSource: post.forwardedFrom } : {}),
    ...(post.views !== undefined ? { engagement: { views: post.views } } : {}),
  };
  return { kind: 'draft', draft };
}
