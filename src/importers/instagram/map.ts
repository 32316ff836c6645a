/**
 * Instagram posts → publication drafts. A single-media post keeps its caption and time on the media; a carousel
 * on the post. No ids exist: the id is derived from the time, the caption and the first media file.
 */
import { rejectedField } from '../mapped.js';
import { mediaKindOf } from '../meta/media.js';
import type { MetaPost } from '../meta/posts.js';
import { cleanText, derivedId, hashtagsOf, titleOf } from '../text.js';
import type { Mapped, MapOptions, RecordRef } from '../types.js';
import type { InstagramPost } from './parse.js';

export async function* mapInstagram(
  records: AsyncIterable<MetaPost<InstagramPost>>,
  options: MapOptions,
): AsyncGenerator<Mapped> {
  for await (const { index, post } of records) {
    const ref: RecordRef = { kind: 'post', index };
    const media = post.media ?? [];
    const first = media[0];
    const seconds = post.creation_timestamp ?? first?.creation_timestamp;
    if (typeof seconds !== 'number') {
      yield rejectedField(options.file, ref, 'creation_timestamp', 'required');
      continue;
    }
    const caption = cleanText(post.title) ?? cleanText(first?.title);
    const uris = media.flatMap((item) => (item.uri ? [item.uri] : []));
    if (caption === undefined && uris.length === 0) {
      yield { kind: 'skipped', ref, reason: 'empty' };
      continue;
    }
    yield {
      kind: 'draft',
      draft: {
        target: 'publication',
        ref,
        externalId: derivedId('ig', seconds, caption, uris[0]),
        time: { instant: new Date(seconds * 1000).toISOString() },
        isRepost: false,
        hashtags: hashtagsOf(caption),
        mediaKind: mediaKindOf(uris) ?? 'text',
        ...(caption ? { text: caption, title: titleOf(caption) } : {}),
      },
    };
  }
}
