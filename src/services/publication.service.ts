/** Use cases of publications. */
import { ValidationError } from '../domain/errors.js';
import { localDateOf, toInstant } from '../domain/period.js';
import { publicationInput, type PublicationInput } from '../shared/schemas.js';
import { findChannelByCode } from '../storage/repositories/channel.repository.js';
import { toJson } from '../storage/rows.js';
import { type Context, inTransaction, scopeOfContext } from './context.js';
import { insertOrConflict, References } from './records.service.js';
import { parseInput } from './validate.js';

/**
 * Stores one publication. Its local date is taken in the channel owner's time zone; its subject organization is
 * the channel's owner unless given.
 */
export async function addPublication(ctx: Context, input: PublicationInput): Promise<number> {
  const record = `publication ${String(input.channel)}/${String(input.externalId)}`;
  const d = parseInput(publicationInput, input, record);
  return inTransaction(ctx, async (tx) => {
    const channel = await findChannelByCode(tx.db.kysely, scopeOfContext(tx), d.channel);
    if (!channel) {
      throw new ValidationError(record, [
        { path: 'channel', code: 'unknown_channel', params: { code: d.channel } },
      ]);
    }
    const subjectOrgId = d.subject
      ? await new References(tx, record).org(d.subject, 'subject')
      : channel.orgId;
    const now = tx.clock().toISOString();
    return insertOrConflict(
      tx,
      'publication',
      {
        channelId: channel.id,
        externalId: d.externalId,
        url: d.url ?? null,
        publishedAt: toInstant(d.publishedAt),
        localDate: localDateOf(d.publishedAt, channel.timeZone),
        title: d.title ?? null,
        text: d.text ?? null,
        language: d.language ?? null,
        isRepost: d.isRepost,
        repostSource: d.repostSource ?? null,
        mediaKind: d.mediaKind ?? null,
        views: d.engagement?.views ?? null,
        reactions: d.engagement?.reactions ?? null,
        comments: d.engagement?.comments ?? null,
        shares: d.engagement?.shares ?? null,
        engagementAsOf: d.engagement?.asOf ?? null,
        subjectOrgId,
        subjectRule: d.subjectRule ?? null,
        subjectManual: d.subjectManual,
        primaryTopic: d.primaryTopic ?? null,
        topics: toJson(d.topics),
        concreteness: d.concreteness ?? null,
        declarative: d.declarative ?? null,
        importBatchId: null,
        createdAt: now,
        updatedAt: now,
      },
      record,
    );
  });
}
