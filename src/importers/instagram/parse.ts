/** Instagram "Download your information" posts files (`posts_1.json`, every era's layout), streamed post by post. */
import { type MetaPost, parseMetaPosts } from '../meta/posts.js';

export interface InstagramMedia {
  uri?: string;
  creation_timestamp?: number;
  title?: string;
  cross_post_source?: { source_app?: string };
}

/** A single-media post has only `media`; a carousel has its caption and time at the post level. */
export interface InstagramPost {
  media?: InstagramMedia[];
  title?: string;
  creation_timestamp?: number;
}

export function parseInstagram(
  bytes: AsyncIterable<Buffer>,
  file: string,
): AsyncGenerator<MetaPost<InstagramPost>> {
  return parseMetaPosts<InstagramPost>(bytes, file);
}
