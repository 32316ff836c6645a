/** What kind of media a Meta export's file is, from its path (video paths may lack an extension). */
import type { MediaKind } from '../../shared/vocabulary.js';

const VIDEO = /\.(mp4|mov|m4v|webm|avi|3gp|mkv)$/i;
const ANY_EXTENSION = /\.[a-z0-9]{2,5}$/i;

export function mediaKindOf(uris: readonly string[]): MediaKind | undefined {
  if (uris.length > 1) return 'album';
  const [uri] = uris;
  if (uri === undefined) return undefined;
  return VIDEO.test(uri) || !ANY_EXTENSION.test(uri) ? 'video' : 'photo';
}
