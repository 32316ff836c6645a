/** Use cases of a channel's publications: what is stored (as `aqparat publications` lists it), and subjects set by hand. */
import { NotFoundError } from '../../domain/errors.js';
import type { Period } from '../../domain/period.js';
import { subjectAssignmentInput, type SubjectAssignmentInput } from '../../shared/schemas.js';
import type { MediaKind, Topic } from '../../shared/vocabulary.js';
import type { NamedOrg } from '../../shared/org-name.js';
import { findChannelByCode } from '../../storage/repositories/channel.repository.js';
import { assignPublicationSubject } from '../../storage/repositories/import.repository.js';
import { listChannelPublications } from '../../storage/repositories/publication.repository.js';
import { fromJson, toBool } from '../../storage/rows.js';
import { type Context, inTransaction, scopeOfContext } from '../context.js';
import { References } from '../records.service.js';
import { parseInput } from '../validate.js';

export interface PublicationItem {
  id: number;
  externalId: string;
  url: string | null;
  publishedAt: string;
  localDate: string;
  title: string | null;
  text: string | null;
  isRepost: boolean;
  repostSource: string | null;
  mediaKind: MediaKind | null;
  /** Engagement as of the last collection or import; null where the platform does not say. */
  views: number | null;
  reactions: number | null;
  comments: number | null;
  shares: number | null;
  subject: NamedOrg & { code: string };
  /** The attribution rule that assigned the subject; null for the channel's owner or a manual assignment. */
  subjectRule: string | null;
  subjectManual: boolean;
  primaryTopic: Topic | null;
  topics: { topic: Topic; score: number }[];
}

async function getChannel(ctx: Context, code: string) {
  const channel = await findChannelByCode(ctx.db.kysely, scopeOfContext(ctx), code);
  if (!channel) throw new NotFoundError('channel_unknown', { code });
  return channel;
}

export async function listPublications(
  ctx: Context,
  query: { channel: string; period?: Period },
): Promise<PublicationItem[]> {
  const channel = await getChannel(ctx, query.channel);
  const rows = await listChannelPublications(ctx.db.kysely, scopeOfContext(ctx), channel.id, query.period);
  return rows.map((row) => ({
    id: row.id,
    externalId: row.externalId,
    url: row.url,
    publishedAt: row.publishedAt,
    localDate: row.localDate,
    title: row.title,
    text: row.text,
    isRepost: toBool(row.isRepost),
    repostSource: row.repostSource,
    mediaKind: row.mediaKind,
    views: row.views,
    reactions: row.reactions,
    comments: row.comments,
    shares: row.shares,
    subject: {
      code: row.subjectCode,
      nameRu: row.subjectNameRu,
      nameKk: row.subjectNameKk,
      shortNameRu: row.subjectShortNameRu,
      shortNameKk: row.subjectShortNameKk,
      nameEn: row.subjectNameEn,
      shortNameEn: row.subjectShortNameEn,
    },
    subjectRule: row.subjectRule,
    subjectManual: toBool(row.subjectManual),
    primaryTopic: row.primaryTopic,
    topics: fromJson<{ topic: Topic; score: number }[]>(row.topics) ?? [],
  }));
}

/** Sets a publication's subject organization by hand: later imports and rules leave it as it is. */
export async function assignSubject(ctx: Context, input: SubjectAssignmentInput): Promise<void> {
  const record = `publication ${String(input.channel)}/${String(input.externalId)}`;
  const data = parseInput(subjectAssignmentInput, input, record);
  await inTransaction(ctx, async (tx) => {
    const channel = await getChannel(tx, data.channel);
    const orgId = await new References(tx, record).org(data.org);
    const key = { channelId: channel.id, externalId: data.externalId };
    if (!(await assignPublicationSubject(tx.db.kysely, key, orgId, tx.clock().toISOString()))) {
      throw new NotFoundError('publication_unknown', { channel: data.channel, externalId: data.externalId });
    }
  });
}
