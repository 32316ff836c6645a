/**
 * The Graph API's answers → publication drafts: a Facebook page's posts (`/{page}/posts`) and an Instagram
 * professional account's media (`/{ig-user}/media`). The Graph id is the external id; the text is what the
 * export's mapper would take (the post's own message, else its attachment's description or title), so that the
 * same post imported later from an export is matched to it (identity.ts). Reactions, comments and shares
 * (likes as reactions on Instagram) are kept with the post as of the collection.
 */
import { rejectedField } from '../mapped.js';
import { cleanText, hashtagsOf, titleOf } from '../text.js';
import type { Engagement, Mapped, PublicationDraft, RecordRef } from '../types.js';
import type { MediaKind } from '../../shared/vocabulary.js';

type Json = Record<string, unknown>;

/** The value as a JSON object, if it is one. */
export const objectOf = (value: unknown): Json | undefined =>
  typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Json) : undefined;
const countOf = (value: unknown): number | undefined =>
  typeof value === 'number' && Number.isInteger(value) && value >= 0 ? value : undefined;
const stringOf = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);
/** An edge's total: its summary's (asked with `.summary(true)`), else the `count` older versions answer. */
const totalOf = (edge: unknown) =>
  countOf(objectOf(objectOf(edge)?.['summary'])?.['total_count']) ?? countOf(objectOf(edge)?.['count']);

/** The `data` array of a Graph list answer. */
export const dataOf = (answer: unknown): unknown[] => {
  const data = objectOf(answer)?.['data'];
  return Array.isArray(data) ? data : [];
};

/** The address of the next page of a Graph list answer, if any. */
export const nextOf = (answer: unknown): string | undefined =>
  stringOf(objectOf(objectOf(answer)?.['paging'])?.['next']);

/** Graph's `2021-07-04T19:50:58+0000` as an ISO instant. */
function instantOf(value: unknown): string | undefined {
  const text = stringOf(value)?.replace(/([+-]\d\d)(\d\d)$/, '$1:$2');
  const at = text === undefined ? NaN : Date.parse(text);
  return Number.isNaN(at) ? undefined : new Date(at).toISOString();
}

const withEngagement = (engagement: Engagement) =>
  Object.values(engagement).some((value) => value !== undefined)
    ? {
        engagement: Object.fromEntries(
          Object.entries(engagement).filter(([, value]) => value !== undefined),
        ) as Engagement,
      }
    : {};

const FACEBOOK_KINDS: Record<string, MediaKind> = {
  photo: 'photo',
  cover_photo: 'photo',
  profile_media: 'photo',
  video_inline: 'video',
  video_autoplay: 'video',
  video: 'video',
  animated_image_video: 'video',
  album: 'album',
  share: 'link',
  native_templates: 'link',
  file_upload: 'document',
};

export interface GraphMapOptions {
  /** How rejections name where the post came from: the address asked. */
  file: string;
}

export function mapFacebookPost(post: unknown, index: number, options: GraphMapOptions): Mapped {
  const ref: RecordRef = { kind: 'post', index };
  const value = objectOf(post) ?? {};
  const id = stringOf(value['id']);
  if (!id) return rejectedField(options.file, ref, 'id', 'required');
  const instant = instantOf(value['created_time']);
  if (instant === undefined) return rejectedField(options.file, ref, 'created_time', 'required');
  const attachment = objectOf(dataOf(value['attachments'])[0]);
  const text =
    cleanText(value['message']) ??
    cleanText(attachment?.['description']) ??
    cleanText(attachment?.['title']) ??
    cleanText(objectOf(attachment?.['target'])?.['url']);
  const kind = FACEBOOK_KINDS[stringOf(attachment?.['type']) ?? ''];
  if (text === undefined && !attachment) return { kind: 'skipped', ref, reason: 'empty' };
  const image = stringOf(objectOf(objectOf(objectOf(attachment?.['media'])?.['image']))?.['src']);
  const url = stringOf(value['permalink_url']);
  const draft: PublicationDraft = {
    target: 'publication',
    ref,
    externalId: id,
    time: { instant },
    isRepost: false,
    hashtags: hashtagsOf(text),
    mediaKind: kind ?? (attachment ? 'link' : 'text'),
    ...(url ? { url } : {}),
    ...(image ? { mediaUrl: image } : {}),
    ...(text ? { text, title: titleOf(text) } : {}),
    ...withEngagement({
      reactions: totalOf(value['reactions']),
      comments: totalOf(value['comments']),
      shares: countOf(objectOf(value['shares'])?.['count']) ?? (url ? 0 : undefined),
    }),
  };
  return { kind: 'draft', draft };
}

const INSTAGRAM_KINDS: Record<string, MediaKind> = {
  IMAGE: 'photo',
  VIDEO: 'video',
  REELS: 'video',
  CAROUSEL_ALBUM: 'album',
};

export function mapInstagramMedia(media: unknown, index: number, options: GraphMapOptions): Mapped {
  const ref: RecordRef = { kind: 'post', index };
  const value = objectOf(media) ?? {};
  const id = stringOf(value['id']);
  if (!id) return rejectedField(options.file, ref, 'id', 'required');
  const instant = instantOf(value['timestamp']);
  if (instant === undefined) return rejectedField(options.file, ref, 'timestamp', 'required');
  const caption = cleanText(value['caption']);
  const url = stringOf(value['permalink']);
  const image = stringOf(value['thumbnail_url']) ?? stringOf(value['media_url']);
  const draft: PublicationDraft = {
    target: 'publication',
    ref,
    externalId: id,
    time: { instant },
    isRepost: false,
    hashtags: hashtagsOf(caption),
    mediaKind: INSTAGRAM_KINDS[stringOf(value['media_type']) ?? ''] ?? 'photo',
    ...(url ? { url } : {}),
    ...(image ? { mediaUrl: image } : {}),
    ...(caption ? { text: caption, title: titleOf(caption) } : {}),
    ...withEngagement({
      reactions: countOf(value['like_count']),
      comments: countOf(value['comments_count']),
    }),
  };
  return { kind: 'draft', draft };
}
