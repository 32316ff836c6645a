/**
 * Where Facebook's and Instagram's "Download your information" archives keep the posts files, by era and account
 * kind (shared/reference/formats.md §3.1, §4.1). Matched on a path inside a ZIP or a folder, at any depth, so
 * that an archive unpacked into a folder of its own is found too. Telegram's `result.json` is looked for as well.
 */
import type { ImportFormat } from '../../shared/vocabulary.js';

export interface PostsLayout {
  format: ImportFormat;
  /** An example path, for messages. */
  example: string;
  pattern: RegExp;
}

export const POSTS_LAYOUTS: readonly PostsLayout[] = [
  {
    format: 'facebook',
    example: 'your_facebook_activity/posts/your_posts__check_ins__photos_and_videos_1.json',
    pattern: /(?:^|\/)posts\/your_posts(?:__check_ins__photos_and_videos)?(?:_\d+)?\.json$/,
  },
  {
    format: 'facebook',
    example: "this_profile's_activity_across_facebook/posts/profile_posts_1.json",
    pattern: /(?:^|\/)posts\/profile_posts(?:_\d+)?\.json$/,
  },
  {
    format: 'instagram',
    example: 'your_instagram_activity/media/posts_1.json',
    pattern: /(?:^|\/)(?:content|media)\/posts(?:_\d+)?\.json$/,
  },
  { format: 'telegram', example: 'ChatExport/result.json', pattern: /(?:^|\/)result\.json$/ },
];

/** The format whose posts file this path is, if it is one. */
export function postsFileFormat(path: string): ImportFormat | undefined {
  const normalized = path.replace(/\\/g, '/');
  return POSTS_LAYOUTS.find((layout) => layout.pattern.test(normalized))?.format;
}
