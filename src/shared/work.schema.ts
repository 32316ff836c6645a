/**
 * The API's answers about the work done on the records: collection runs and their health, imports with their
 * rejections, briefs and their schedules, settings and attribution rules, the audit log. Each names the fields
 * clients rely on; the server may send more (the API document says so).
 */
import { z } from 'zod';
import { NOTE_CODES } from './import-notes.js';
import { RECORD_KINDS } from './import-report.js';
import { BRIEF_FORMATS, PLATFORMS, REPORT_LANGS, RULE_KINDS } from './vocabulary.js';
import { tokenStatusAnswer } from './records.schema.js';
import { settingsInput } from './settings.schema.js';
import { orgRef } from './subject-platform.schema.js';

const id = z.number().int();
const count = z.number().int();
const instant = z.string();
const params = z.record(z.string(), z.union([z.string(), z.number()]));

// Collection

/** An error with its message in the user's language; a skipped run's reason has none (the web words it). */
export const toldErrorAnswer = z.object({ code: z.string(), params, message: z.string().nullable() });
export type ToldError = z.infer<typeof toldErrorAnswer>;

const runCounts = {
  new: count,
  updated: count,
  unchanged: count,
  rejected: count,
  followers: count.nullable(),
};

export const channelHealthAnswer = z.object({
  channel: z.string(),
  /** The platform whose collector reads the channel; null when none does. */
  collector: z.enum(PLATFORMS).nullable(),
  /** Why the collector does not read it now; null when it does. */
  blocked: z.string().nullable(),
  lastSuccessAt: instant.nullable(),
  lastRunAt: instant.nullable(),
  nextRunAt: instant.nullable(),
  failingSince: instant.nullable(),
  lastError: toldErrorAnswer.nullable(),
  token: tokenStatusAnswer.extend({ expired: z.boolean() }),
  /** Audience snapshots of the last 30 days, oldest first. */
  followers: z.array(z.object({ asOf: z.string(), followers: z.number() })),
});
export type ChannelHealth = z.infer<typeof channelHealthAnswer>;

export const collectionRunAnswer = z.object({
  id,
  trigger: z.enum(['manual', 'schedule']),
  startedAt: instant,
  finishedAt: instant.nullable(),
  status: z.enum(['running', 'ok', 'failed', 'skipped']),
  ...runCounts,
  batchId: id.nullable(),
  error: toldErrorAnswer.nullable(),
});
export type CollectionRun = z.infer<typeof collectionRunAnswer>;

export const channelCollectionsAnswer = channelHealthAnswer.extend({ runs: z.array(collectionRunAnswer) });

export const channelCollectionAnswer = z.object({
  channel: z.string(),
  ...runCounts,
  error: toldErrorAnswer.nullable(),
  skipped: z.string().nullable(),
});
export type ChannelCollection = z.infer<typeof channelCollectionAnswer>;

// Imports

const toldRejection = z.object({
  file: z.string(),
  record: z.object({ kind: z.enum(RECORD_KINDS), index: z.number() }),
  field: z.string(),
  code: z.string(),
  params: params.optional(),
  message: z.string(),
});

const toldNote = z.object({ code: z.enum(NOTE_CODES), params, message: z.string() });

const importCounts = { new: count, updated: count, unchanged: count, rejected: count, skipped: count };

/** A batch with its counts, its first rejections and notes told in the user's language. */
export const importBatchAnswer = z.object({
  id,
  format: z.string(),
  file: z.string().nullable(),
  channel: z.string().nullable(),
  status: z.string(),
  startedAt: instant,
  finishedAt: instant.nullable(),
  undoneAt: instant.nullable(),
  ...importCounts,
  rejections: z.array(toldRejection),
  rejectionsTotal: count,
  notes: z.array(toldNote),
  progress: count.optional(),
  error: z.object({ code: z.string(), message: z.string() }).nullable().optional(),
});

/** A dry run's counts, told at once. */
export const importCheckAnswer = z.object({
  ...importCounts,
  rejections: z.array(toldRejection),
  notes: z.array(toldNote),
});

export const importStartedAnswer = z.object({ id, status: z.literal('running'), file: z.string() });

export type ImportBatchAnswer = z.infer<typeof importBatchAnswer>;

export const rejectionPageAnswer = z.object({
  items: z.array(toldRejection),
  total: count,
  offset: count,
  limit: count,
});
export type RejectionPage = z.infer<typeof rejectionPageAnswer>;

export const undoAnswer = z.object({ id, removed: count, restored: count });
export type UndoAnswer = z.infer<typeof undoAnswer>;

// Briefs

export const briefPlanAnswer = z.object({
  org: z.string(),
  from: z.string(),
  to: z.string(),
  lang: z.enum(REPORT_LANGS),
  /** Each file with the link that writes and downloads it. */
  files: z.array(z.object({ format: z.enum(BRIEF_FORMATS), fileName: z.string(), url: z.string() })),
});
export type BriefPlan = z.infer<typeof briefPlanAnswer>;

export const briefScheduleAnswer = z.object({
  id,
  org: z.string(),
  every: z.enum(['year', 'half', 'quarter', 'month']),
  langs: z.array(z.enum(REPORT_LANGS)),
  formats: z.array(z.enum([...BRIEF_FORMATS, 'pdf'])),
  to: z.array(z.string()),
  createdAt: instant,
  lastSending: z
    .object({ period: z.string(), sentAt: instant.nullable(), error: z.string().nullable(), attempts: count })
    .nullable(),
});
export type BriefSchedule = z.infer<typeof briefScheduleAnswer>;

// Settings

export const settingsAnswer = z.object({
  /** Each rule's thresholds by the rule's id, as PATCH /settings takes them. */
  rules: settingsInput.shape.rules.unwrap(),
  presence: z.object({ activeDays: count }),
  analysis: z.object({ repostJaccard: z.number(), declarativeBelow: z.number() }),
});

export const attributionRuleAnswer = z.object({
  id,
  orgId: id,
  orgCode: z.string(),
  kind: z.enum(RULE_KINDS),
  pattern: z.string(),
  createdAt: instant,
});
export type AttributionRule = z.infer<typeof attributionRuleAnswer>;

// Audit

export const auditEntryAnswer = z.object({
  id,
  at: instant,
  userId: id.nullable(),
  userLogin: z.string().nullable(),
  action: z.string(),
  resource: z.string(),
  recordId: id.nullable(),
  orgId: id.nullable(),
});

// Measures and publications: the fields every client reads; the rest as src/shared/dashboard.ts describes.

const dateRange = z.object({ from: z.string(), to: z.string() });

export const dashboardAnswer = z.object({
  org: orgRef,
  period: dateRange,
  previousPeriod: dateRange,
  asOf: z.string(),
  members: z.number().nullable(),
  followers: z.number(),
  reach: z.number().nullable(),
  findings: z.array(z.object({ ruleId: z.string(), title: z.string(), text: z.string() })),
});
export const countsAnswer = z.object({
  org: orgRef,
  period: dateRange,
  granularity: z.enum(['year', 'half', 'quarter', 'month']),
  by: z.enum(['subject', 'platform']),
  total: count,
  rows: z.array(z.object({ bucket: z.string(), platform: z.enum(PLATFORMS).nullable(), count })),
});
export const reachAnswer = z.object({
  org: orgRef,
  asOf: z.string(),
  members: z.number().nullable(),
  followers: z.number(),
  reach: z.number().nullable(),
  channels: z.array(
    z.object({ code: z.string(), platform: z.enum(PLATFORMS), followers: z.number().nullable() }),
  ),
});
export const presenceAnswer = z.object({
  asOf: z.string(),
  platforms: z.array(z.enum(PLATFORMS)),
  activeDays: count,
  /** An organization's row: its cells by platform. */
  rows: z.array(z.object({ org: orgRef })),
});
export const findingsAnswer = z.object({
  org: orgRef,
  period: dateRange,
  asOf: z.string(),
  findings: z.array(z.object({ ruleId: z.string(), title: z.string(), text: z.string() })),
});

const publicationItem = z.object({
  id,
  channel: z.object({ code: z.string(), name: z.string(), platform: z.enum(PLATFORMS) }),
  subject: orgRef,
  publishedAt: instant,
  localDate: z.string(),
  url: z.string().nullable(),
  title: z.string().nullable(),
  excerpt: z.string(),
});
export const publicationPageAnswer = z.object({
  items: z.array(publicationItem),
  total: count,
  page: count,
  pageSize: count,
});
export const publicationAnswer = publicationItem.extend({ text: z.string().nullable() });
export const publicationChangeAnswer = z.object({
  before: z.record(z.string(), z.unknown()),
  publication: publicationAnswer,
});
