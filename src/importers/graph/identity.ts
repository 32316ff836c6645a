/**
 * One post, whichever way it came in. Facebook's and Instagram's exports carry no post ids: their importers derive
 * one from the time, the text and the first media file (`fb-<seconds>-<hash>`, importers/text.ts derivedId),
 * which the Graph API cannot reproduce (the file's path exists only in the export). So on a Facebook or Instagram
 * channel a post whose id is not stored is the stored one of the same instant and the same normalized text when
 * one of the two ids is an export's and the other the Graph's: the writer then keeps one publication, under the
 * Graph id.
 */
import type { Platform } from '../../shared/vocabulary.js';

const EXPORT_ID = /^(?:fb|ig)-\d+-[0-9a-f]{12}$/;

/** The platforms whose exports carry no ids. */
export const MATCHED_BY_CONTENT: ReadonlySet<Platform> = new Set<Platform>(['facebook', 'instagram']);

/** Whether the id is one an export's mapper derived (not the platform's own). */
export const isExportId = (externalId: string): boolean => EXPORT_ID.test(externalId);

/** The text as both ways in agree on it: Unicode-normalized, case and runs of white space aside. */
export function normalizedText(text: string | null | undefined): string {
  return (text ?? '').normalize('NFC').toLowerCase().replace(/\s+/g, ' ').trim();
}

/** Whether a draft and a stored post, of the same instant and text, are one post come in by the other way. */
export const otherWayIn = (draftId: string, storedId: string): boolean =>
  isExportId(draftId) !== isExportId(storedId);
