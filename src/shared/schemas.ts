/**
 * Input schemas of the vocabulary's records. References to other records are by their stable codes
 * (organization, channel, outlet); the services resolve them.
 */
import { z } from 'zod';
import {
  CONTENT_LANGS,
  EVENT_KINDS,
  GOVERNING_BODIES,
  MATERIAL_KINDS,
  MEDIA_KINDS,
  MENTION_KINDS,
  ORG_KINDS,
  OUTLET_KINDS,
  OUTLET_LEVELS,
  PLATFORMS,
  ROLES,
  RULE_KINDS,
  SNAPSHOT_SOURCES,
  TARGET_METRICS,
  TASK_STATUSES,
  TOPICS,
  UI_LANGS,
} from './vocabulary.js';

const DATE_RE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

export const code = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[a-z0-9][a-z0-9_-]*$/);
export const localDate = z.string().regex(DATE_RE);
export const instant = z.iso.datetime({ offset: true });
const count = z.number().int().min(0);
const name = z.string().trim().min(1).max(500);
const optionalText = z.string().trim().max(500).optional();
/** A name that may be given, changed or taken away: empty or `null` is none. */
const clearableText = z
  .string()
  .trim()
  .max(500)
  .transform((text) => (text === '' ? null : text))
  .nullable()
  .optional();
/** One language's version of what a person writes on a record; an empty one is stored as none. */
const version = z
  .string()
  .trim()
  .max(500)
  .transform((text) => text || null)
  .nullable()
  .optional();
/** Either version may be empty, not both; the issue is reported on the Russian one. */
const inOneLanguageAtLeast = <K extends string>(
  ru: K,
  kk: K,
): [(data: Partial<Record<K, string | null>>) => boolean, { path: string[]; params: { code: string } }] => [
  (data) => Boolean(data[ru] || data[kk]),
  { path: [ru], params: { code: 'one_language_required' } },
];
/**
 * A link given by a user or a file: an absolute http(s) address, nothing else. `javascript:` and `data:` links
 * would run in the browser of whoever opens them.
 */
export const httpUrl = z.url({ protocol: /^https?$/ }).trim();
const timeZone = z.string().refine((zone) => {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}, 'unknown time zone');

export const organizationInput = z.strictObject({
  code,
  kind: z.enum(ORG_KINDS),
  parent: code.optional(),
  nameRu: name,
  nameKk: name,
  shortNameRu: clearableText,
  shortNameKk: clearableText,
  /** English names, where given: the English UI shows the Russian ones without them. */
  nameEn: clearableText,
  shortNameEn: clearableText,
  timeZone: timeZone.optional(),
  sortOrder: z.number().int().optional(),
});
export type OrganizationInput = z.input<typeof organizationInput>;

export const membershipSnapshotInput = z.strictObject({
  org: code,
  asOf: localDate,
  members: count,
  primaries: count.optional(),
  source: z.enum(SNAPSHOT_SOURCES).default('manual'),
});
export type MembershipSnapshotInput = z.input<typeof membershipSnapshotInput>;

export const personInput = z.strictObject({
  org: code,
  fullName: name,
  positionRu: optionalText,
  positionKk: optionalText,
  infoResponsible: z.boolean().default(false),
  isLeader: z.boolean().default(false),
  email: z.email().optional(),
  phone: z.string().max(40).optional(),
});
export type PersonInput = z.input<typeof personInput>;

/** A collection interval: from a quarter of an hour (the platforms' limits) to a week. */
const collectEvery = z.number().int().min(15).max(10_080).nullable().optional();

export const channelInput = z.strictObject({
  code,
  org: code,
  platform: z.enum(PLATFORMS),
  name,
  url: httpUrl.optional(),
  handle: optionalText,
  isOfficial: z.boolean().default(true),
  createdOn: localDate.optional(),
  closedOn: localDate.optional(),
  /** How often the scheduler collects the channel's posts and its followers, in minutes; null: every 2 hours, daily. */
  collectPostsEveryMinutes: collectEvery,
  collectFollowersEveryMinutes: collectEvery,
});
export type ChannelInput = z.input<typeof channelInput>;

export const audienceSnapshotInput = z.strictObject({
  channel: code,
  asOf: localDate,
  followers: count,
  source: z.enum(SNAPSHOT_SOURCES).default('manual'),
});
export type AudienceSnapshotInput = z.input<typeof audienceSnapshotInput>;

export const topicScore = z.strictObject({ topic: z.enum(TOPICS), score: z.number().min(0).max(1) });

export const publicationInput = z.strictObject({
  channel: code,
  externalId: z.string().min(1).max(300),
  url: httpUrl.optional(),
  publishedAt: instant,
  title: z.string().max(2000).optional(),
  text: z.string().max(100_000).optional(),
  language: z.enum(CONTENT_LANGS).optional(),
  isRepost: z.boolean().default(false),
  repostSource: z.string().max(2000).optional(),
  mediaKind: z.enum(MEDIA_KINDS).optional(),
  engagement: z
    .strictObject({
      views: count.optional(),
      reactions: count.optional(),
      comments: count.optional(),
      shares: count.optional(),
      asOf: localDate,
    })
    .optional(),
  /** The organization the material is about or came from; the channel's owner when absent. */
  subject: code.optional(),
  subjectRule: z.string().max(200).optional(),
  subjectManual: z.boolean().default(false),
  primaryTopic: z.enum(TOPICS).optional(),
  topics: z.array(topicScore).optional(),
  concreteness: z.number().min(0).max(1).optional(),
  declarative: z.boolean().optional(),
});
export type PublicationInput = z.input<typeof publicationInput>;

export const outletInput = z.strictObject({
  code,
  name,
  level: z.enum(OUTLET_LEVELS),
  kind: z.enum(OUTLET_KINDS).default('newspaper'),
  language: z.string().max(10).optional(),
  org: code.optional(),
});
export type OutletInput = z.input<typeof outletInput>;

export const mediaMentionInput = z.strictObject({
  org: code,
  outlet: code,
  publishedOn: localDate,
  title: name,
  kind: z.enum(MENTION_KINDS).default('article'),
  personId: z.number().int().positive().optional(),
  url: httpUrl.optional(),
});
export type MediaMentionInput = z.input<typeof mediaMentionInput>;

export const pressSubscriptionInput = z.strictObject({
  org: code,
  outlet: code,
  year: z.number().int().min(1990).max(2100),
  copies: count,
});
export type PressSubscriptionInput = z.input<typeof pressSubscriptionInput>;

export const materialInput = z
  .strictObject({
    org: code,
    titleRu: version,
    titleKk: version,
    language: z.string().max(10).optional(),
    kind: z.enum(MATERIAL_KINDS),
    issuedOn: localDate,
    copies: count.optional(),
    url: httpUrl.optional(),
  })
  .refine(...inOneLanguageAtLeast('titleRu', 'titleKk'));
export type MaterialInput = z.input<typeof materialInput>;

export const eventInput = z
  .strictObject({
    org: code,
    titleRu: version,
    titleKk: version,
    kind: z.enum(EVENT_KINDS),
    topic: z.enum(TOPICS),
    heldOn: localDate,
    participants: count.optional(),
  })
  .refine(...inOneLanguageAtLeast('titleRu', 'titleKk'));
export type EventInput = z.input<typeof eventInput>;

export const taskInput = z
  .strictObject({
    textRu: version,
    textKk: version,
    responsibleOrg: code.optional(),
    responsiblePersonId: z.number().int().positive().optional(),
    dueOn: localDate.optional(),
    status: z.enum(TASK_STATUSES).default('open'),
    doneOn: localDate.optional(),
    evidence: z.string().max(2000).optional(),
  })
  .refine(...inOneLanguageAtLeast('textRu', 'textKk'));
export type TaskInput = z.input<typeof taskInput>;

export const decisionInput = z
  .strictObject({
    org: code,
    body: z.enum(GOVERNING_BODIES),
    number: z.string().max(40).optional(),
    adoptedOn: localDate,
    titleRu: version,
    titleKk: version,
    tasks: z.array(taskInput).default([]),
  })
  .refine(...inOneLanguageAtLeast('titleRu', 'titleKk'));
export type DecisionInput = z.input<typeof decisionInput>;

export const appUsageInput = z.strictObject({
  org: code,
  asOf: localDate,
  registered: count,
  active: count.optional(),
});
export type AppUsageInput = z.input<typeof appUsageInput>;

export const targetInput = z.strictObject({
  org: code,
  metric: z.enum(TARGET_METRICS),
  year: z.number().int().min(1990).max(2100),
  value: z.number().min(0),
});
export type TargetInput = z.input<typeof targetInput>;

/** A rule that assigns posts matching the pattern (on channels of the organization's ancestors) to it. */
export const attributionRuleInput = z.strictObject({
  org: code,
  kind: z.enum(RULE_KINDS),
  pattern: z.string().trim().min(1).max(200),
});
export type AttributionRuleInput = z.input<typeof attributionRuleInput>;

/** A publication's subject organization set by hand: it wins over attribution rules, also on re-import. */
export const subjectAssignmentInput = z.strictObject({
  channel: code,
  externalId: z.string().min(1).max(300),
  org: code,
});
export type SubjectAssignmentInput = z.input<typeof subjectAssignmentInput>;

/**
 * A user's correction of a publication's labels, found by id or by channel and external id. Each label given
 * is stored with who and when, and wins over the analysis from then on.
 */
export const correctionInput = z.strictObject({
  publication: z.union([
    z.number().int().positive(),
    z.strictObject({ channel: code, externalId: z.string().min(1).max(300) }),
  ]),
  primaryTopic: z.enum(TOPICS).optional(),
  topics: z.array(z.enum(TOPICS)).min(1).max(TOPICS.length).optional(),
  declarative: z.boolean().optional(),
  isRepost: z.boolean().optional(),
  repostSource: z.string().trim().min(1).max(2000).optional(),
  language: z.enum(CONTENT_LANGS).optional(),
  /** Who corrects, when the caller is the operator's own machine rather than a signed-in user. */
  by: z.string().trim().min(1).max(200).optional(),
});
export type CorrectionInput = z.input<typeof correctionInput>;

/** One line of `aqparat classify` input. */
export const classifyLineInput = z.object({
  id: z.union([z.string().min(1).max(300), z.number()]),
  text: z.string().max(100_000),
  title: z.string().max(2000).optional(),
});

/**
 * The schema of a change to a record: every field optional, none defaulted (a field left out stays as stored),
 * without the fields that place the record (its organization, channel, code), which a change may not move.
 */
export function patchOf<S extends z.ZodObject>(schema: S, fixed: readonly string[]) {
  const shape = Object.fromEntries(
    Object.entries(schema.shape)
      .filter(([key]) => !fixed.includes(key))
      .map(([key, field]) => {
        const bare = field instanceof z.ZodDefault ? (field.unwrap() as z.ZodType) : (field as z.ZodType);
        return [key, bare.optional()];
      }),
  );
  return z.strictObject(shape);
}

/** Its length (12 or more) and that it is not a common one are checked where it is set (services/password-policy). */
export const password = z.string().max(200);
export const login = z
  .string()
  .trim()
  .min(3)
  .max(64)
  .regex(/^[A-Za-z0-9._@-]+$/);

/** A user: an administrator may belong to no organization; anyone else must. */
export const userInput = z.strictObject({
  login,
  role: z.enum(ROLES),
  org: code.optional(),
  name: optionalText,
  lang: z.enum(UI_LANGS).default('ru'),
  /** Generated and shown once when absent. */
  password: password.optional(),
});
export type UserInput = z.input<typeof userInput>;

export const userChange = z.strictObject({
  role: z.enum(ROLES).optional(),
  org: code.optional(),
  name: optionalText,
  lang: z.enum(UI_LANGS).optional(),
  disabled: z.boolean().optional(),
  password: password.optional(),
});
export type UserChange = z.input<typeof userChange>;

/** An API token's life when its creator names none, and the longest one they may name. */
export const API_TOKEN_DAYS = 90;
export const MAX_API_TOKEN_DAYS = 365;

export const apiTokenInput = z.strictObject({
  name: z.string().trim().min(1).max(100),
  expiresInDays: z.number().int().min(1).max(MAX_API_TOKEN_DAYS).default(API_TOKEN_DAYS),
});
export type ApiTokenInput = z.input<typeof apiTokenInput>;

export const credentials = z.strictObject({
  login: z.string().min(1).max(64),
  password: z.string().min(1).max(200),
});
