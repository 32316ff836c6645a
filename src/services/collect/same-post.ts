/**
 * Finds, for a chunk's Facebook or Instagram posts whose ids are not stored, the stored post each is when it came
 * in the other way (an export's derived id against the Graph's): same channel, instant and normalized text
 * (importers/graph/identity.ts). One query per chunk, by the chunk's days and instants: the channel's
 * (channel, local day) index finds them without reading the channel's other posts.
 */
import type { Kysely } from 'kysely';
import { localDateOf, toInstant } from '../../domain/period.js';
import { normalizedText, otherWayIn } from '../../importers/graph/identity.js';
import type { PublicationDraft } from '../../importers/types.js';
import type { Database } from '../../storage/schema.js';

type Row = Record<string, unknown> & { externalId: string; publishedAt: string | Date; text: string | null };

/** By the draft's external id, the stored row it is the same post as. */
export async function samePostsOf(
  db: Kysely<Database>,
  channel: { id: number; timeZone: string },
  drafts: readonly PublicationDraft[],
): Promise<Map<string, Row>> {
  const found = new Map<string, Row>();
  const keyOf = (instant: string, text: string | null | undefined) =>
    `${instant}\u0000${normalizedText(text)}`;
  const wanted = new Map<string, PublicationDraft[]>();
  for (const draft of drafts) {
    if (!('instant' in draft.time)) continue;
    const at = Date.parse(draft.time.instant);
    if (Number.isNaN(at)) continue;
    const key = keyOf(toInstant(at), draft.text);
    wanted.set(key, [...(wanted.get(key) ?? []), draft]);
  }
  if (wanted.size === 0) return found;
  const instants = [...new Set([...wanted.keys()].map((key) => key.split('\u0000')[0] ?? ''))];
  const days = [...new Set(instants.map((instant) => localDateOf(Date.parse(instant), channel.timeZone)))];
  const rows = (await db
    .selectFrom('publication')
    .selectAll()
    .where('channelId', '=', channel.id)
    .where('localDate', 'in', days)
    .where('publishedAt', 'in', instants)
    .execute()) as unknown as Row[];
  for (const row of rows) {
    for (const draft of wanted.get(keyOf(toInstant(row.publishedAt), row.text)) ?? []) {
      if (!found.has(draft.externalId) && otherWayIn(draft.externalId, row.externalId))
        found.set(draft.externalId, row);
    }
  }
  return found;
}
