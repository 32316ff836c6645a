/**
 * Shapes of the dashboard's and the publications' API answers, shared by the server and the web. Figures come
 * from the same measures and facts as the brief, so both agree. Changed only additively.
 */
import { z } from 'zod';
import type { Finding } from './finding.js';
import type { PublicationLink } from './links.js';
import { code } from './schemas.js';
import {
  CONTENT_LANGS,
  type ContentLang,
  type CorrectableField,
  type OrgKind,
  type Platform,
  type RepostFinding,
  TOPICS,
  type Topic,
} from './vocabulary.js';

/** An inclusive range of local dates `YYYY-MM-DD`. */
export interface DateRange {
  from: string;
  to: string;
}

/** An organization as answers name it; the web links to it by code. */
export interface OrgRef {
  code: string;
  kind: OrgKind;
  nameRu: string;
  nameKk: string;
  shortNameRu: string | null;
  shortNameKk: string | null;
}

export interface DashboardOrg extends OrgRef {
  timeZone: string;
}

/** A figure in the period, in the previous period of the same length and in the same period a year before. */
export interface Compared {
  current: number;
  previous: number;
  yearBefore: number;
}

/** Shares are fractions 0…1, `null` when there is nothing to divide by. */
export interface ContentShares {
  /** Publications on social platforms (not the website, not the app) with the subtree's subject: the base. */
  posts: number;
  legal: number;
  legalShare: number | null;
  /** Publications judged declarative or concrete, and the declarative ones among them. */
  judged: number;
  declarative: number;
  declarativeShare: number | null;
  reposts: number;
  repostShare: number | null;
}

/** One bar of publications by branch: the organization's own, a child branch, or the primaries directly under it. */
export interface BranchCount {
  group: 'self' | 'child' | 'direct_primaries';
  /** Absent for `direct_primaries`. */
  org?: OrgRef;
  count: number;
}

export interface MonthCount {
  /** `YYYY-MM`. */
  month: string;
  count: number;
}

export interface PresenceChannelCell {
  code: string;
  name: string;
  url: string | null;
  /** Published within the settings' active window before `asOf`. */
  active: boolean;
  lastPublished: string | null;
}

export interface PresenceMatrixCell {
  platform: Platform;
  /** No open page of the organization on this platform: the web makes it stand out. */
  empty: boolean;
  /** The latest publication of any of the cell's channels on or before `asOf`. */
  lastPublished: string | null;
  channels: PresenceChannelCell[];
}

export interface PresenceMatrixRow {
  org: OrgRef;
  /** Whether the organization has a page on any platform measured. */
  present: boolean;
  cells: PresenceMatrixCell[];
}

/** Branches (children that are not primaries) × platforms. */
export interface PresenceMatrix {
  asOf: string;
  platforms: Platform[];
  activeDays: number;
  rows: PresenceMatrixRow[];
}

/** Query of the publications list that shows the records behind a finding. */
export interface PublicationFilter {
  org?: string;
  channel?: string;
  platform?: Platform;
  /** A period in the API's notation, e.g. `2023` or `2024-01-01..2024-06-30`. */
  period?: string;
  topic?: Topic;
  repost?: boolean;
  declarative?: boolean;
  q?: string;
}

/** Where the records behind a finding are, for links. */
export interface FindingLinks {
  /** Organizations the finding names. */
  orgs: string[];
  /** Channels the finding names. */
  channels: string[];
  /** The publications list filtered to the finding's publications, when it is about publications. */
  publications?: PublicationFilter;
}

/** A finding with its texts in the asked language (ru or kk; English readers get Russian). */
export interface DashboardFinding extends Finding {
  title: string;
  text: string;
  recommendation: string;
  links: FindingLinks;
}

export interface DashboardResponse {
  org: DashboardOrg;
  period: DateRange;
  previousPeriod: DateRange;
  /** The same period a year before. */
  yearBeforePeriod: DateRange;
  /** The date members, followers, presence and overdue tasks are taken at. */
  asOf: string;
  members: number | null;
  /** Primaries and branches anywhere under the organization; primaries directly under it among them. */
  primaries: number;
  branches: number;
  directPrimaries: number;
  /** Followers of the organization's own social pages as of `asOf`. */
  followers: number;
  /** Followers per member; `null` without members or pages. */
  reach: number | null;
  /** Social-platform publications with the subtree's subject (the base of the shares). */
  publications: Compared;
  /** Publications on websites with the subtree's subject. */
  websitePublications: Compared;
  content: ContentShares;
  mediaMentions: Compared;
  byBranch: BranchCount[];
  byMonth: MonthCount[];
  presence: PresenceMatrix;
  findings: DashboardFinding[];
}

/** `GET /api/v1/measures/counts`: publications by organization × period bucket × platform. */
export interface CountsRow {
  /** Absent for the primaries directly under the organization, counted together (`by=subject`). */
  org?: OrgRef;
  group: 'self' | 'child' | 'direct_primaries' | 'all';
  /** Year `2024`, half `2024-H1`, quarter `2024-Q3` or month `2024-05`. */
  bucket: string;
  platform: Platform | null;
  count: number;
}

export interface CountsResponse {
  org: OrgRef;
  period: DateRange;
  granularity: 'year' | 'half' | 'quarter' | 'month';
  by: 'subject' | 'platform';
  total: number;
  rows: CountsRow[];
}

/** `GET /api/v1/measures/reach`. */
export interface ReachChannel {
  code: string;
  name: string;
  platform: Platform;
  url: string | null;
  owner: OrgRef;
  followers: number | null;
  followersAsOf: string | null;
  /** Followers per member of the channel's owner. */
  reach: number | null;
}

export interface ReachResponse {
  org: OrgRef;
  asOf: string;
  members: number | null;
  /** Followers of the organization's own social pages and their reach, as on the dashboard. */
  followers: number;
  reach: number | null;
  channels: ReachChannel[];
}

export interface FindingsResponse {
  org: OrgRef;
  period: DateRange;
  asOf: string;
  findings: DashboardFinding[];
}

// Publications

/** A topic with the analysis' score 0…1 (1 for a topic a user set). */
export interface TopicScore {
  topic: Topic;
  score: number;
}

export interface PublicationLabels {
  language: ContentLang | null;
  primaryTopic: Topic | null;
  /** The topics found, the primary first. */
  topics: TopicScore[];
  /** 0…1, higher is more concrete; `null` before analysis. */
  concreteness: number | null;
  declarative: boolean | null;
  isRepost: boolean;
  repostSource: string | null;
}

export interface Engagement {
  views: number | null;
  reactions: number | null;
  comments: number | null;
  shares: number | null;
  asOf: string | null;
}

export interface PublicationItem {
  id: number;
  channel: { code: string; name: string; platform: Platform };
  subject: OrgRef;
  /** The instant (UTC) and the local date in the channel owner's zone. */
  publishedAt: string;
  localDate: string;
  url: string | null;
  title: string | null;
  /** The start of the text, at most a few hundred characters. */
  excerpt: string;
  /** The post's links in text order, each with the words the reader saw. */
  links: PublicationLink[];
  /** Where the post's image is (an http(s) address; a video's thumbnail), where the source told it. */
  mediaUrl: string | null;
  labels: PublicationLabels;
  engagement: Engagement;
}

export interface PublicationPage {
  items: PublicationItem[];
  total: number;
  page: number;
  pageSize: number;
}

/** The analysis' evidence for each label (quotes from the post), as stored with the labels. */
export interface PublicationReasons {
  language: string[];
  topics: Partial<Record<Topic, string[]>>;
  concrete: string[];
  declarative: string[];
  repost: string[];
  corrected?: string[];
  model?: string[];
}

export interface PublicationCorrectionEntry {
  field: CorrectableField;
  /** As set: a topic, a list of topics, a boolean, a language, or `{isRepost, source?}` for `isRepost`. */
  value: unknown;
  /** The login of the user who set it, or who the operator's machine named. */
  by: string;
  at: string;
}

export interface PublicationDetail extends PublicationItem {
  /** The publication's id on its channel (a post number, a URL path). */
  externalId: string;
  text: string | null;
  mediaKind: string | null;
  /** Whether a user set the subject organization by hand. */
  subjectManual: boolean;
  subjectRule: string | null;
  repostBy: RepostFinding | null;
  repostOfId: number | null;
  analyzedAt: string | null;
  /** How sure the analysis was of `labels.language`, 0 to 1 (short posts low; a user's correction 1). */
  languageConfidence: number | null;
  reasons: PublicationReasons | null;
  /** Every correction, oldest first; the latest per field wins. */
  corrections: PublicationCorrectionEntry[];
}

/** `PATCH /api/v1/publications/:id`: any of these; absent ones stay. */
export const publicationPatch = z.strictObject({
  primaryTopic: z.enum(TOPICS).optional(),
  topics: z.array(z.enum(TOPICS)).min(1).max(TOPICS.length).optional(),
  declarative: z.boolean().optional(),
  isRepost: z.boolean().optional(),
  /** Where a repost comes from; only with `isRepost: true`. */
  repostSource: z.string().trim().min(1).max(2000).optional(),
  language: z.enum(CONTENT_LANGS).optional(),
  /** Code of the subject organization, in the caller's subtree. */
  subject: code.optional(),
});
export type PublicationPatch = z.infer<typeof publicationPatch>;

/**
 * The answer to a PATCH: the values of the fields given as they were before (send them back to undo; a value that
 * was not set, e.g. the declarative flag of a publication not yet analysed, is left out) and the publication after.
 */
export interface PublicationPatchResult {
  before: PublicationPatch;
  publication: PublicationDetail;
}
