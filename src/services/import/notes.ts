/** The notes of an import (shared/import-notes.ts): how it read what the file left unsaid. */
import type { PublicationDraft } from '../../importers/types.js';
import type { ImportNote } from '../../shared/import-notes.js';
import type { ChannelRef } from '../../storage/repositories/channel.repository.js';

/** Whether a post's time is a wall clock the import's channel's owner zone is applied to (writers.ts). */
export const readInChannelZone = (draft: PublicationDraft) => 'local' in draft.time && !draft.channel;

/** The notes of the posts read: times without a zone, read in the zone of the channel's owner. */
export function importNotes(channel: ChannelRef | undefined, localTimes: number): ImportNote[] {
  if (!channel || localTimes === 0) return [];
  return [
    { code: 'local_times', params: { count: localTimes, channel: channel.code, zone: channel.timeZone } },
  ];
}
