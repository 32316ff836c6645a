/**
 * Instagram "Download your information" posts files (`posts_1.json`, every era's layout), streamed post by post.
 * A single-media post has only `media`; a carousel has its caption and time at the post level. A post of another
 * shape is rejected with the field at fault.
 */
import { z } from 'zod';
import { type MetaPost, parseMetaPosts } from '../meta/posts.js';

const media = z.looseObject({
  uri: z.string().optional(),
  creation_timestamp: z.number().optional(),
  title: z.string().optional(),
});

export const instagramPost = z.looseObject({
  media: z.array(media).optional(),
  title: z.string().optional(),
  creation_timestamp: z.number().optional(),
});

export type InstagramPost = z.infer<typeof instagramPost>;

export function parseInstagram(bytes: AsyncIterable<Buffer>, file: string): AsyncGenerator<MetaPost> {
  return parseMetaPosts(bytes, file);
}
