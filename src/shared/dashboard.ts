/**
 * Shapes of the dashboard's, the measures' and the publications' API answers as zod schemas, shared by the server
 * (which documents and checks its answers with them) and the web (which takes its types from them). Figures come
 * from the same measures and facts as the brief, so both agree. Changed only additively.
 */
import { z } from 'zod';
import { type Finding, RULE_IDS } from './finding.js';
import { code } from './schemas.js';
import {
  CONTENT_LANGS,
  CORRECTABLE_FIELDS,
  GRANULARITIES,
  ORG_KINDS,
  PLATFORMS,
  REPOST_FINDINGS,
  SUBJECT_GROUPS,
  TOPICS,
} from './vocabulary.js';

const count = z.number().int().min(0);
/** A share 0…1, `null` when there is nothing to divide by. */
const share = z.number().nullable();

/** An inclusive range of local dates `YYYY-MM-DD`. */
export const dateRange = z.object({ from: z.string(), to: z.string() });
export type DateRange = z.infer<typeof dateRange>;

/** An organization as answers name it; the web links to it by code. */
export const orgRef = z.object({
  code: z.string(),
  kind: z.enum(ORG_KINDS),
  nameRu: z.string(),
  nameKk: z.string(),
  shortNameRu: z.string().nullable(),
  shortNameKk: z.string().nullable(),
  nameEn: z.string().nullable(),
  shortNameEn: z.string().nullable(),
});
export type OrgRef = z.infer<typeof orgRef>;

export const dashboardOrg = orgRef.extend({ timeZone: z.string() });
export type DashboardOrg = z.infer<typeof dashboardOrg>;

/** A figure in the period, in the previous period of the same length and in the same period a year before. */
export const compared = z.object({ current: count, previous: count, yearBefore: count });
export type Compared = z.infer<typeof compared>;

/** A figure that may be unknown (members without a snapshot, a share without posts), compared the same way. */
export const comparedValue = z.object({
  current: z.number().nullable(),
  previous: z.number().nullable(),
  yearBefore: z.number().nullable(),
});
export type ComparedValue = z.infer<typeof comparedValue>;

/**
 * The figures taken at a date (members, followers, reach) and the content shares, against the comparison
 * periods: their snapshots taken as far from their ends as the period's "as of" is from its end.
 */
export const comparisons = z.object({
  previousAsOf: z.string(),
  yearBeforeAsOf: z.string(),
  members: comparedValue,
  followers: comparedValue,
  reach: comparedValue,
  legalShare: comparedValue,
  declarativeShare: comparedValue,
  repostShare: comparedValue,
});
export type Comparisons = z.infer<typeof comparisons>;

export const contentShares = z.object({
  /** Publications on social platforms (not the website, not the app) with the subtree's subject: the base. */
  posts: count,
  legal: count,
  legalShare: share,
  /** Publications judged declarative or concrete, and the declarative ones among them. */
  judged: count,
  declarative: count,
  declarativeShare: share,
  reposts: count,
  repostShare: share,
});
export type ContentShares = z.infer<typeof contentShares>;

/** One bar of publications by branch: the organization's own, a child branch, or the primaries directly under it. */
export const branchCount = z.object({
  group: z.enum(['self', 'child', 'direct_primaries']),
  /** Absent for `direct_primaries`. */
  org: orgRef.optional(),
  count,
});
export type BranchCount = z.infer<typeof branchCount>;

/** `month`: `YYYY-MM`. */
export const monthCount = z.object({ month: z.string(), count });
export type MonthCount = z.infer<typeof monthCount>;

export const presenceChannelCell = z.object({
  code: z.string(),
  name: z.string(),
  url: z.string().nullable(),
  /** Published within the settings' active window before `asOf`. */
  active: z.boolean(),
  lastPublished: z.string().nullable(),
});
export type PresenceChannelCell = z.infer<typeof presenceChannelCell>;

export const presenceMatrixCell = z.object({
  platform: z.enum(PLATFORMS),
  /** No open page of the organization on this platform: the web makes it stand out. */
  empty: z.boolean(),
  /** The latest publication of any of the cell's channels on or before `asOf`. */
  lastPublished: z.string().nullable(),
  channels: z.array(presenceChannelCell),
});
export type PresenceMatrixCell = z.infer<typeof presenceMatrixCell>;

export const presenceMatrixRow = z.object({
  org: orgRef,
  /** Whether the organization has a page on any platform measured. */
  present: z.boolean(),
  cells: z.array(presenceMatrixCell),
});
export type PresenceMatrixRow = z.infer<typeof presenceMatrixRow>;

/** Branches (children that are not primaries) × platforms: `GET /api/v1/measures/presence` and the dashboard's. */
export const presenceMatrix = z.object({
  asOf: z.string(),
  platforms: z.array(z.enum(PLATFORMS)),
  activeDays: count,
  rows: z.array(presenceMatrixRow),
});
export type PresenceMatrix = z.infer<typeof presenceMatrix>;

/** Query of the publications list that shows the records behind a finding. */
export const publicationFilter = z.object({
  org: z.string().optional(),
  channel: z.string().optional(),
  platform: z.enum(PLATFORMS).optional(),
  /** A period in the API's notation, e.g. `2023` or `2024-01-01..2024-06-30`. */
  period: z.string().optional(),
  topic: z.enum(TOPICS).optional(),
  repost: z.boolean().optional(),
  declarative: z.boolean().optional(),
  q: z.string().optional(),
  /** The import that created the publications. */
  batch: z.number().int().optional(),
  /** One row of the organization × platform table that is not a branch. */
  group: z.enum(SUBJECT_GROUPS).optional(),
});
export type PublicationFilter = z.infer<typeof publicationFilter>;

/** Where the records behind a finding are, for links. */
export const findingLinks = z.object({
  /** Organizations the finding names. */
  orgs: z.array(z.string()),
  /** Channels the finding names. */
  channels: z.array(z.string()),
  /** The publications list filtered to the finding's publications, when it is about publications. */
  publications: publicationFilter.optional(),
});
export type FindingLinks = z.infer<typeof findingLinks>;

const names = <T extends z.ZodType>(item: T) =>
  z.object({
    ru: z.array(item).readonly(),
    kk: z.array(item).readonly(),
    en: z.array(item).readonly().optional(),
  });

/** A finding as finding.ts makes it: the rule, its threshold, the values its text states and the records behind. */
const finding = z.object({
  ruleId: z.enum(RULE_IDS),
  threshold: z.record(z.string(), z.unknown()).readonly(),
  params: z
    .record(
      z.string(),
      z.union([
        z.object({ number: z.number() }),
        z.object({ percent: z.number() }),
        z.object({ text: z.string() }),
        z.object({ names: names(z.string()) }),
        z.object({ groups: names(z.object({ label: z.string(), names: z.array(z.string()).readonly() })) }),
      ]),
    )
    .readonly(),
  records: z
    .array(
      z.object({
        kind: z.enum([
          'publication',
          'organization',
          'channel',
          'task',
          'decision',
          'mention',
          'person',
          'material',
        ]),
        id: z.number().int(),
        label: z.string(),
        labelKk: z.string().optional(),
        date: z.string().optional(),
        url: z.string().nullable().optional(),
      }),
    )
    .readonly(),
}) satisfies z.ZodType<Finding>;

/** A finding with its texts in the asked language. */
export const dashboardFinding = finding.extend({
  title: z.string(),
  text: z.string(),
  recommendation: z.string(),
  links: findingLinks,
});
export type DashboardFinding = z.infer<typeof dashboardFinding>;

export const dashboardAnswer = z.object({
  org: dashboardOrg,
  period: dateRange,
  previousPeriod: dateRange,
  /** The same period a year before. */
  yearBeforePeriod: dateRange,
  /** The date members, followers, presence and overdue tasks are taken at. */
  asOf: z.string(),
  members: z.number().nullable(),
  /** Primaries and branches anywhere under the organization; primaries directly under it among them. */
  primaries: count,
  branches: count,
  directPrimaries: count,
  /** Followers of the organization's own social pages as of `asOf`. */
  followers: z.number(),
  /** Followers per member; `null` without members or pages. */
  reach: z.number().nullable(),
  /** Social-platform publications with the subtree's subject (the base of the shares). */
  publications: compared,
  /** Publications on websites with the subtree's subject. */
  websitePublications: compared,
  content: contentShares,
  mediaMentions: compared,
  comparisons,
  byBranch: z.array(branchCount),
  byMonth: z.array(monthCount),
  presence: presenceMatrix,
  findings: z.array(dashboardFinding),
});
export type DashboardResponse = z.infer<typeof dashboardAnswer>;

/** `GET /api/v1/measures/counts`: publications by organization × period bucket × platform. */
export const countsRow = z.object({
  /** Absent for the primaries directly under the organization, counted together (`by=subject`). */
  org: orgRef.optional(),
  group: z.enum(['self', 'child', 'direct_primaries', 'all']),
  /** Year `2024`, half `2024-H1`, quarter `2024-Q3` or month `2024-05`. */
  bucket: z.string(),
  platform: z.enum(PLATFORMS).nullable(),
  count,
});
export type CountsRow = z.infer<typeof countsRow>;

export const countsAnswer = z.object({
  org: orgRef,
  period: dateRange,
  granularity: z.enum(GRANULARITIES),
  by: z.enum(['subject', 'platform']),
  total: count,
  rows: z.array(countsRow),
});
export type CountsResponse = z.infer<typeof countsAnswer>;

/** `GET /api/v1/measures/reach`. */
export const reachChannel = z.object({
  code: z.string(),
  name: z.string(),
  platform: z.enum(PLATFORMS),
  url: z.string().nullable(),
  owner: orgRef,
  followers: z.number().nullable(),
  followersAsOf: z.string().nullable(),
  /** Followers per member of the channel's owner. */
  reach: z.number().nullable(),
});
export type ReachChannel = z.infer<typeof reachChannel>;

export const reachAnswer = z.object({
  org: orgRef,
  asOf: z.string(),
  members: z.number().nullable(),
  /** Followers of the organization's own social pages and their reach, as on the dashboard. */
  followers: z.number(),
  reach: z.number().nullable(),
  channels: z.array(reachChannel),
});
export type ReachResponse = z.infer<typeof reachAnswer>;

export const findingsAnswer = z.object({
  org: orgRef,
  period: dateRange,
  asOf: z.string(),
  findings: z.array(dashboardFinding),
});
export type FindingsResponse = z.infer<typeof findingsAnswer>;

// Publications

/** A topic with the analysis' score 0…1 (1 for a topic a user set). */
export const topicScore = z.object({ topic: z.enum(TOPICS), score: z.number() });
export type TopicScore = z.infer<typeof topicScore>;

export const publicationLabels = z.object({
  language: z.enum(CONTENT_LANGS).nullable(),
  primaryTopic: z.enum(TOPICS).nullable(),
  /** The topics found, the primary first. */
  topics: z.array(topicScore),
  /** 0…1, higher is more concrete; `null` before analysis. */
  concreteness: z.number().nullable(),
  declarative: z.boolean().nullable(),
  isRepost: z.boolean(),
  repostSource: z.string().nullable(),
});
export type PublicationLabels = z.infer<typeof publicationLabels>;

export const engagement = z.object({
  views: z.number().nullable(),
  reactions: z.number().nullable(),
  comments: z.number().nullable(),
  shares: z.number().nullable(),
  asOf: z.string().nullable(),
});
export type Engagement = z.infer<typeof engagement>;

/** A publication's channel as lists name it. */
export const channelRef = z.object({ code: z.string(), name: z.string(), platform: z.enum(PLATFORMS) });

/** What every list of publications tells of one: where, about whom, when, its address and title. */
export const publicationHead = {
  id: z.number().int(),
  channel: channelRef,
  subject: orgRef,
  /** The instant (UTC) and the local date in the channel owner's zone. */
  publishedAt: z.string(),
  localDate: z.string(),
  /** The post on its platform. */
  url: z.string().nullable(),
  title: z.string().nullable(),
};

export const publicationItem = z.object({
  ...publicationHead,
  /** The start of the text, at most a few hundred characters. */
  excerpt: z.string(),
  /** The post's links in text order, each with the words the reader saw. */
  links: z.array(z.object({ url: z.string(), text: z.string() })),
  /** Where the post's image is (an http(s) address; a video's thumbnail), where the source told it. */
  mediaUrl: z.string().nullable(),
  labels: publicationLabels,
  engagement,
});
export type PublicationItem = z.infer<typeof publicationItem>;

export const publicationPageAnswer = z.object({
  items: z.array(publicationItem),
  total: count,
  page: count,
  pageSize: count,
});
export type PublicationPage = z.infer<typeof publicationPageAnswer>;

/** The analysis' evidence for each label (quotes from the post), as stored with the labels. */
export const publicationReasons = z.object({
  language: z.array(z.string()),
  topics: z.partialRecord(z.enum(TOPICS), z.array(z.string())),
  concrete: z.array(z.string()),
  declarative: z.array(z.string()),
  repost: z.array(z.string()),
  corrected: z.array(z.string()).optional(),
  model: z.array(z.string()).optional(),
});
export type PublicationReasons = z.infer<typeof publicationReasons>;

export const publicationCorrectionEntry = z.object({
  field: z.enum(CORRECTABLE_FIELDS),
  /** As set: a topic, a list of topics, a boolean, a language, or `{isRepost, source?}` for `isRepost`. */
  value: z.unknown(),
  /** The login of the user who set it, or who the operator's machine named. */
  by: z.string(),
  at: z.string(),
});
export type PublicationCorrectionEntry = z.infer<typeof publicationCorrectionEntry>;

export const publicationAnswer = publicationItem.extend({
  /** The publication's id on its channel (a post number, a URL path). */
  externalId: z.string(),
  text: z.string().nullable(),
  mediaKind: z.string().nullable(),
  /** Whether a user set the subject organization by hand. */
  subjectManual: z.boolean(),
  subjectRule: z.string().nullable(),
  repostBy: z.enum(REPOST_FINDINGS).nullable(),
  repostOfId: z.number().int().nullable(),
  analyzedAt: z.string().nullable(),
  /** How sure the analysis was of `labels.language`, 0 to 1 (short posts low; a user's correction 1). */
  languageConfidence: z.number().nullable(),
  reasons: publicationReasons.nullable(),
  /** Every correction, oldest first; the latest per field wins. */
  corrections: z.array(publicationCorrectionEntry),
});
export type PublicationDetail = z.infer<typeof publicationAnswer>;

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
export const publicationChangeAnswer = z.object({ before: publicationPatch, publication: publicationAnswer });
export type PublicationPatchResult = z.infer<typeof publicationChangeAnswer>;
