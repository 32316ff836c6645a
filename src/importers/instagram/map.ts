/**
 * Instagram posts → publication drafts. A single-media post keeps its caption and time on the media; a carousel
 * on the post. No ids exist: the id is derived from the time, the caption and the first media file.
 */
import { rejectedField, shaped } from '../mapped.js';
import { mediaKindOf } from '../meta/media.js';
import type { MetaPost } from '../meta/posts.js';
import { cleanText, derivedId, hashtagsOf, titleOf } from '../text.js';
import { instantOfSeconds } from '../time.js';
import type { Mapped, MapOptions, RecordRef } from '../types.js';
import { instagramPost } from './parse.js';

export async function* mapInstagram(
  records: AsyncIterable<MetaPost>,
  options: MapOptions,
): AsyncGenerator<Mapped> {
  for await (const record of records) {
    const ref: RecordRef = { kind: 'post', index: record.index };
    const read = shaped(instagramPost, record.post, options.file, ref);
    if ('rejected' in read) {
      yield read.rejected;
      continue;
    }
    const post = read.value;
    const media = post.media ?? [];
    const first = media[0];
    const seconds = post.creation_timestamp ?? first?.creation_timestamp;
    if (typeof seconds !== 'number') {
      yield rejectedField(options.file, ref, 'creation_timestamp', 'required');
      continue;
    }
    const instant = instantOfSeconds(seconds);
    if (instant === undefined) {
      yield rejectedField(options.file, ref, 'creation_timestamp', 'invalid_date', {
        value: String(seconds),
      });
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
        time: { instant },
        isRepost: false,
        hashtags: hashtagsOf(caption),
        mediaKind: mediaKindOf(uris) ?? 'text',
        ...(caption ? { text: caption, title: titleOf(caption) } : {}),
      },
    };
  }
}
