/**
 * Facebook "Download your information" posts files (profile and Page layouts), streamed post by post. What a
 * post must look like to be read is a schema: a post of another shape (a value of the wrong type anywhere the
 * mapper looks) is rejected with the field at fault, never read half-way. Other fields pass as they are.
 */
import { z } from 'zod';
import { type MetaPost, parseMetaPosts } from '../meta/posts.js';

const text = z.string().optional();

const media = z.looseObject({ uri: text, title: text, description: text });

/** One item of `attachments[].data[]`: a photo or video, a shared link, an event, a life event, a place… */
const attachmentItem = z.looseObject({
  media: media.optional(),
  external_context: z.looseObject({ url: text, name: text, source: text }).optional(),
  event: z.looseObject({ name: text, description: text }).optional(),
  life_event: z.looseObject({ title: text }).optional(),
  place: z.looseObject({ name: text }).optional(),
  name: text,
  text,
});

export const facebookPost = z.looseObject({
  timestamp: z.number(),
  /** A sentence in the account's language ("X shared a link."): a hint at most. */
  title: text,
  data: z.array(z.looseObject({ post: text })).optional(),
  attachments: z.array(z.looseObject({ data: z.array(attachmentItem).optional() })).optional(),
});

export type FacebookAttachmentItem = z.infer<typeof attachmentItem>;
export type FacebookPost = z.infer<typeof facebookPost>;

export function parseFacebook(bytes: AsyncIterable<Buffer>, file: string): AsyncGenerator<MetaPost> {
  return parseMetaPosts(bytes, file);
}
