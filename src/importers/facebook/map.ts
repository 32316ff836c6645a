/**
 * Facebook posts → publication drafts. The export has no post ids: the id is derived from the time, the text and
 * the first media file or shared link, so that a later export of the same page matches. Its title, in the
 * account's language, tells a share (a repost, kept and counted even when the export kept nothing of the shared
 * post) and the kind of media the export left out (titles.ts). A post with no text, no attachment and a title that
 * tells nothing carries nothing and is skipped.
 */
import { rejectedField, shaped } from '../mapped.js';
import { cleanText, derivedId, hashtagsOf, titleOf } from '../text.js';
import { mediaKindOf } from '../meta/media.js';
import type { MetaPost } from '../meta/posts.js';
import { instantOfSeconds } from '../time.js';
import type { Mapped, MapOptions, PublicationDraft, RecordRef } from '../types.js';
import { type FacebookAttachmentItem, facebookPost } from './parse.js';
import { readTitle } from './titles.js';

/** A shared link whose address the export lost. */
const PLACEHOLDER_URLS = new Set(['', 'http://0.0.0.0/']);

/** The first text an attachment offers, for posts without text of their own. */
function attachmentText(item: FacebookAttachmentItem): string | undefined {
  return (
    cleanText(item.media?.description) ??
    cleanText(item.external_context?.name) ??
    cleanText(item.life_event?.title) ??
    cleanText(item.event?.name) ??
    cleanText(item.place?.name) ??
    cleanText(item.name) ??
    cleanText(item.text)
  );
}

export async function* mapFacebook(
  records: AsyncIterable<MetaPost>,
  options: MapOptions,
): AsyncGenerator<Mapped> {
  for await (const record of records) {
    const ref: RecordRef = { kind: 'post', index: record.index };
    const read = shaped(facebookPost, record.post, options.file, ref);
    if ('rejected' in read) {
      yield read.rejected;
      continue;
    }
    const post = read.value;
    const instant = instantOfSeconds(post.timestamp);
    if (instant === undefined) {
      yield rejectedField(options.file, ref, 'timestamp', 'invalid_date', { value: String(post.timestamp) });
      continue;
    }
    const ownText = cleanText(post.data?.map((item) => item.post).find((text) => cleanText(text)));
    const attachments = post.attachments ?? [];
    const items = attachments.flatMap((attachment) => attachment.data ?? []);
    const uris = items.flatMap((item) => (item.media?.uri ? [item.media.uri] : []));
    const links = items.flatMap((item) => (item.external_context ? [item.external_context.url ?? ''] : []));
    const link = links.find((url) => !PLACEHOLDER_URLS.has(url));
    const hint = readTitle(post.title);
    const text = ownText ?? items.map(attachmentText).find((found) => found) ?? link;
    if (text === undefined && attachments.length === 0 && !hint) {
      yield { kind: 'skipped', ref, reason: 'empty' };
      continue;
    }
    // Attachments without data are media the export left out (videos): of a kind not known.
    const unknownMedia = attachments.length > 0 && items.length === 0;
    const mediaKind =
      mediaKindOf(uris) ??
      (links.length > 0 ? 'link' : (hint?.mediaKind ?? (text && !unknownMedia ? 'text' : undefined)));
    const draft: PublicationDraft = {
      target: 'publication',
      ref,
      externalId: derivedId('fb', post.timestamp, ownText, uris[0] ?? link),
      time: { instant },
      isRepost: hint?.share ?? false,
      hashtags: hashtagsOf(text),
      ...(text ? { text, title: titleOf(text) } : {}),
      ...(mediaKind ? { mediaKind } : {}),
      ...(hint?.source ? { repostSource: hint.source } : {}),
    };
    yield { kind: 'draft', draft };
  }
}
