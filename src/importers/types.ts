/**
 * The shapes that flow through an import: parsers turn bytes into raw records of their format, mappers turn raw
 * records into drafts (what to store), rejections (what is wrong, where) and skips (what is passed over on purpose).
 * Drafts refer to other records by their codes; the runner resolves them.
 */
import type { RecordRef, Rejection, SkipReason } from '../shared/import-report.js';
import type { PublicationLink } from '../shared/links.js';
import type { MaterialKind, MediaKind, MentionKind, Platform } from '../shared/vocabulary.js';

export type { RecordRef, Rejection, SkipReason };

/** When a post was published: an instant, or a wall-clock time to be read in the channel owner's zone. */
export type PostTime = { instant: string } | { local: string };

export interface Engagement {
  views?: number;
  reactions?: number;
  comments?: number;
  shares?: number;
}

export interface PublicationDraft {
  target: 'publication';
  ref: RecordRef;
  externalId: string;
  /** A spreadsheet row may name its channel; other sources go to the channel of the import. */
  channel?: string;
  url?: string;
  time: PostTime;
  title?: string;
  text?: string;
  isRepost: boolean;
  repostSource?: string;
  mediaKind?: MediaKind;
  /** Where the post's image is (a feed's first image, a video's thumbnail); absent where the source does not tell it. */
  mediaUrl?: string;
  engagement?: Engagement;
  /** Hashtags without `#`, for attribution rules. */
  hashtags: string[];
  /** The post's links in text order; absent where the source does not tell them (a stored list then stays). */
  links?: PublicationLink[];
  /** An organization code given by hand: a manual assignment, which wins over rules. */
  subject?: string;
}

export interface AudienceDraft {
  target: 'audience';
  ref: RecordRef;
  /** The channel by code, or by its owner and platform. */
  channel?: string;
  owner?: string;
  platform?: Platform;
  asOf: string;
  followers: number;
}

export interface MembershipDraft {
  target: 'membership';
  ref: RecordRef;
  org: string;
  asOf: string;
  members: number;
  primaries?: number;
}

export interface MentionDraft {
  target: 'mention';
  ref: RecordRef;
  org: string;
  outlet: string;
  publishedOn: string;
  title: string;
  kind: MentionKind;
  url?: string;
}

export interface MaterialDraft {
  target: 'material';
  ref: RecordRef;
  org: string;
  /** One of the two at least. */
  titleRu?: string;
  titleKk?: string;
  kind: MaterialKind;
  issuedOn: string;
  language?: string;
  copies?: number;
  url?: string;
}

export type Draft = PublicationDraft | AudienceDraft | MembershipDraft | MentionDraft | MaterialDraft;

export type Mapped =
  | { kind: 'draft'; draft: Draft }
  | { kind: 'rejected'; rejections: Rejection[] }
  | { kind: 'skipped'; ref: RecordRef; reason: SkipReason };

/** The first bytes of a file and its name: enough to tell its format. */
export interface Sniff {
  name: string;
  head: Buffer;
}

/** What a mapper may know of the import beyond the records: the file's name and the target channel. */
export interface MapOptions {
  file: string;
  /** A Telegram full export's chat, by name or id. */
  chat?: string;
  /** The channel's address: Telegram posts get links under it. */
  channelUrl?: string;
}
