/** Facebook "Download your information" posts files (profile and Page layouts), streamed post by post. */
import { type MetaPost, parseMetaPosts } from '../meta/posts.js';

export interface FacebookMedia {
  uri?: string;
  creation_timestamp?: number;
  title?: string;
  description?: string;
}

/** One item of `attachments[].data[]`: a photo or video, a shared link, an event, a life event, a place… */
export interface FacebookAttachmentItem {
  media?: FacebookMedia;
  external_context?: { url?: string; name?: string; source?: string };
  event?: { name?: string; description?: string };
  life_event?: { title?: string };
  place?: { name?: string };
  name?: string;
  text?: string;
}

export interface FacebookPost {
  timestamp?: number;
  /** A sentence in the account's language ("X shared a link."): a hint at most. */
  title?: string;
  data?: { post?: string; update_timestamp?: number }[];
  attachments?: { data?: FacebookAttachmentItem[] }[];
  tags?: { name?: string }[];
}

export function parseFacebook(
  bytes: AsyncIterable<Buffer>,
  file: string,
): AsyncGenerator<MetaPost<FacebookPost>> {
  return parseMetaPosts<FacebookPost>(bytes, file);
}
