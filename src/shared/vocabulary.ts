/**
 * The product's vocabulary: every closed set of words the domain, the API, the UI and the reports share.
 * Each list is the single source; types are derived from it.
 */

export const UI_LANGS = ['ru', 'kk', 'en'] as const;
export type UiLang = (typeof UI_LANGS)[number];

/** Languages a brief is written in. */
export const REPORT_LANGS = ['ru', 'kk'] as const;
export type ReportLang = (typeof REPORT_LANGS)[number];

/** The lengths of a period the briefs, schedules and comparisons know: a year, a half, a quarter, a month. */
export const GRANULARITIES = ['year', 'half', 'quarter', 'month'] as const;
export type Granularity = (typeof GRANULARITIES)[number];

/** The brief's file formats; kept here, not beside its zod schema, so that the web can use them without zod. */
export const BRIEF_FORMATS = ['docx', 'xlsx', 'html', 'md'] as const;
export type BriefFormat = (typeof BRIEF_FORMATS)[number];

/** A scheduled brief's formats: the brief's own, and PDF made from its Word file. */
export const SCHEDULE_FORMATS = [...BRIEF_FORMATS, 'pdf'] as const;
export type ScheduleFormat = (typeof SCHEDULE_FORMATS)[number];

/** Language of a publication's text. */
export const CONTENT_LANGS = ['ru', 'kk', 'mixed', 'other'] as const;
export type ContentLang = (typeof CONTENT_LANGS)[number];

export const ORG_KINDS = ['union', 'region', 'branch', 'primary'] as const;
export type OrgKind = (typeof ORG_KINDS)[number];

export const PLATFORMS = [
  'website',
  'facebook',
  'instagram',
  'telegram',
  'youtube',
  'tiktok',
  'vk',
  'whatsapp',
  'mobile_app',
  'other',
] as const;
export type Platform = (typeof PLATFORMS)[number];

export const TOPICS = [
  'legal',
  'pay',
  'safety',
  'partnership',
  'organizational',
  'social',
  'youth',
  'info',
  'sector',
  'other',
] as const;
export type Topic = (typeof TOPICS)[number];

/** How a publication was found to be a repost: the source's own mark, a near-copy of an earlier text, a user. */
export const REPOST_FINDINGS = ['mark', 'near_duplicate', 'correction'] as const;
export type RepostFinding = (typeof REPOST_FINDINGS)[number];

/** Labels of a publication a user may correct. */
export const CORRECTABLE_FIELDS = ['primaryTopic', 'topics', 'declarative', 'isRepost', 'language'] as const;
export type CorrectableField = (typeof CORRECTABLE_FIELDS)[number];

export const MEDIA_KINDS = ['text', 'photo', 'video', 'album', 'link', 'document'] as const;
export type MediaKind = (typeof MEDIA_KINDS)[number];

export const SNAPSHOT_SOURCES = ['manual', 'import', 'api', 'demo'] as const;
export type SnapshotSource = (typeof SNAPSHOT_SOURCES)[number];

export const OUTLET_LEVELS = ['republican', 'regional', 'district'] as const;
export type OutletLevel = (typeof OUTLET_LEVELS)[number];

export const OUTLET_KINDS = ['newspaper', 'magazine', 'tv', 'radio', 'online'] as const;
export type OutletKind = (typeof OUTLET_KINDS)[number];

export const MENTION_KINDS = ['article', 'interview', 'speech', 'news'] as const;
export type MentionKind = (typeof MENTION_KINDS)[number];

export const MATERIAL_KINDS = ['manual', 'brochure', 'recommendation'] as const;
export type MaterialKind = (typeof MATERIAL_KINDS)[number];

export const EVENT_KINDS = ['seminar', 'training', 'meeting', 'campaign', 'contest'] as const;
export type EventKind = (typeof EVENT_KINDS)[number];

export const GOVERNING_BODIES = ['executive_committee', 'presidium', 'plenum', 'conference'] as const;
export type GoverningBody = (typeof GOVERNING_BODIES)[number];

export const TASK_STATUSES = ['open', 'done', 'cancelled'] as const;
export type TaskStatus = (typeof TASK_STATUSES)[number];

/** `interrupted`: its process died (its lease ran out); a rerun of the same file completes it. */
export const IMPORT_STATUSES = ['running', 'done', 'failed', 'interrupted', 'undone'] as const;
export type ImportStatus = (typeof IMPORT_STATUSES)[number];

/**
 * File formats the importers read; the format of a file is detected from its content. `telegram-web`: posts
 * collected from Telegram's public web preview (services/collect), not read from a file.
 */
export const IMPORT_FORMATS = [
  'telegram',
  'facebook',
  'instagram',
  'feed',
  'spreadsheet',
  'telegram-web',
  'facebook-graph',
  'instagram-graph',
  'website-feed',
  'wordpress-api',
  'youtube-feed',
  'telegram-bot',
] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];

/** What a spreadsheet holds: each kind has its template (`aqparat template <kind>`). */
export const SHEET_KINDS = ['publications', 'media-mentions', 'audience', 'membership', 'materials'] as const;
export type SheetKind = (typeof SHEET_KINDS)[number];

/** How an attribution rule recognizes a post about an organization. */
export const RULE_KINDS = ['hashtag', 'place', 'keyword'] as const;
export type RuleKind = (typeof RULE_KINDS)[number];

/**
 * Rows of the organization × platform table that are not a branch of their own: the organization's own publications
 * and those of the primaries directly under it.
 */
export const SUBJECT_GROUPS = ['self', 'direct_primaries'] as const;
export type SubjectGroupName = (typeof SUBJECT_GROUPS)[number];

/** Content targets in per cent: legal protection's share of the posts, concrete posts' share of those judged. */
export const SHARE_METRICS = ['legal_share', 'concrete_share'] as const;

/**
 * Metrics a Target may plan: the model's yearly counts and levels, and the content plan's posts per month on a
 * platform, shares and posts about branches.
 */
export const TARGET_METRICS = [
  'publications',
  'followers',
  'reach',
  'media_mentions',
  'app_registered',
  'branch_posts',
  ...SHARE_METRICS,
  ...PLATFORMS.map((platform) => `posts_month_${platform}` as const),
] as const;

/** The platform of a target of posts a month on it (`posts_month_facebook`); none for another metric. */
export const monthlyTargetPlatform = (metric: string): Platform | undefined =>
  PLATFORMS.find((platform) => metric === `posts_month_${platform}`);
export type TargetMetric = (typeof TARGET_METRICS)[number];

export const DEFAULT_TIME_ZONE = 'Asia/Almaty';

export const ROLES = ['admin', 'manager', 'editor', 'viewer'] as const;
export type Role = (typeof ROLES)[number];

/** What the audit log records of a change. */
export const AUDIT_ACTIONS = ['create', 'update', 'delete', 'restore'] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

/**
 * A planned post's way: drafted, submitted for approval, approved (or returned with a comment, then submitted
 * again), taken by the publisher when its instant has come (scheduled), then published or failed.
 */
export const PLAN_POST_STATES = [
  'draft',
  'submitted',
  'approved',
  'returned',
  'scheduled',
  'published',
  'failed',
] as const;
export type PlanPostState = (typeof PLAN_POST_STATES)[number];

/**
 * One channel's sending of a post: waiting, being sent (claimed by a process; left so by a process that stopped
 * mid-way, it is an uncertain outcome), published, or failed with the platform's reason.
 */
export const PLAN_SEND_STATES = ['pending', 'sending', 'published', 'failed'] as const;
export type PlanSendState = (typeof PLAN_SEND_STATES)[number];
