/**
 * The API's answers about the work done on the records: collection runs and their health, imports with their
 * rejections, briefs and their schedules, settings and attribution rules, the audit log. Each names the fields
 * clients rely on; the server may send more (the API document says so).
 */
import { z } from 'zod';
import { NOTE_CODES } from './import-notes.js';
import { RECORD_KINDS } from './import-report.js';
import { BRIEF_FORMATS, IMPORT_STATUSES, PLATFORMS, REPORT_LANGS, RULE_KINDS, TOPICS } from './vocabulary.js';
import { tokenStatusAnswer } from './records.schema.js';
import { settingsInput } from './settings.schema.js';

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
  channelId: id,
  ...runCounts,
  batchId: id.nullable(),
  error: toldErrorAnswer.nullable(),
});
export type CollectionRun = z.infer<typeof collectionRunAnswer>;

export const channelCollectionsAnswer = channelHealthAnswer.extend({ runs: z.array(collectionRunAnswer) });

export const channelCollectionAnswer = z.object({
  channel: z.string(),
  ...runCounts,
  followersAsOf: z.string().nullable(),
  error: toldErrorAnswer.nullable(),
  skipped: z.string().nullable(),
  /** The import batch the new posts were stored in; none when nothing was stored. */
  batchId: id.nullable(),
  /** Pages of the platform's answers read. */
  pages: count,
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
  /** The file's SHA-256: the same file imported again into the same channel is told so. */
  fileHash: z.string().nullable(),
  channel: z.string().nullable(),
  orgId: id.nullable(),
  status: z.enum(IMPORT_STATUSES),
  startedAt: instant,
  finishedAt: instant.nullable(),
  undoneAt: instant.nullable(),
  ...importCounts,
  rejections: z.array(toldRejection),
  rejectionsTotal: count,
  notes: z.array(toldNote),
  progress: count.optional(),
  /** Renewed while the import runs; a running batch whose heartbeat has stopped was interrupted. */
  heartbeatAt: instant.nullable(),
  error: z.object({ code: z.string(), message: z.string(), params: params.optional() }).nullable().optional(),
});

/** A dry run's counts, told at once. */
export const importCheckAnswer = z.object({
  ...importCounts,
  /** Null for a dry run, which keeps nothing. */
  batchId: id.nullable(),
  format: z.string(),
  /** What a spreadsheet held, as its columns told it. */
  sheetKind: z.string().optional(),
  file: z.string(),
  fileHash: z.string(),
  /** An earlier import of the same file into the same channel. */
  previousBatchId: id.optional(),
  skippedByReason: z.record(z.string(), count),
  rejections: z.array(toldRejection),
  rejectionsTotal: count,
  dryRun: z.boolean(),
  strict: z.boolean(),
  stored: z.boolean(),
  /** What content analysis found in the publications stored, when it ran. */
  analysis: z
    .object({
      publications: count,
      byTopic: z.partialRecord(z.enum(TOPICS), count),
      reposts: count,
      nearCopies: count,
      declarative: count,
      corrected: count,
    })
    .optional(),
  notes: z.array(toldNote),
});

export const importStartedAnswer = z.object({ id, status: z.literal('running'), file: z.string() });
export type ImportStarted = z.infer<typeof importStartedAnswer>;

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
export type Settings = z.infer<typeof settingsAnswer>;

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
  /** The record before and after the change (a delete keeps the whole record, for restore). */
  before: z.record(z.string(), z.unknown()).nullable(),
  after: z.record(z.string(), z.unknown()).nullable(),
  restoredAt: instant.nullable(),
});
