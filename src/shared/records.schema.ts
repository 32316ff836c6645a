/** The API's answers about the plain records (channels, audience, outlets… tasks): one row of each kind, a page. */
import { z } from 'zod';
import {
  EVENT_KINDS,
  GOVERNING_BODIES,
  MATERIAL_KINDS,
  MENTION_KINDS,
  OUTLET_KINDS,
  OUTLET_LEVELS,
  PLATFORMS,
  SNAPSHOT_SOURCES,
  TARGET_METRICS,
  TASK_STATUSES,
  TOPICS,
} from './vocabulary.js';

const id = z.number().int();
const date = z.string();
const text = z.string().nullable();

/** The import that created a record; none when it was entered by hand. */
const importBatchId = id.nullable();

/** Every plain record carries its organization. */
const record = { id, orgId: id.nullable(), orgCode: text };

/** Whether a channel's access token is set, when and until when; the token itself never comes back. */
export const tokenStatusAnswer = z.object({ set: z.boolean(), setAt: text, expiresOn: text });
export type TokenStatus = z.infer<typeof tokenStatusAnswer>;

export const RECORD_ANSWERS = {
  membership: z.object({
    ...record,
    asOf: date,
    members: z.number(),
    primaries: z.number().nullable(),
    source: z.enum(SNAPSHOT_SOURCES),
    importBatchId,
  }),
  people: z.object({
    ...record,
    fullName: z.string(),
    positionRu: text,
    positionKk: text,
    infoResponsible: z.boolean(),
    isLeader: z.boolean(),
    email: text,
    phone: text,
  }),
  'app-usage': z.object({ ...record, asOf: date, registered: z.number(), active: z.number().nullable() }),
  targets: z.object({ ...record, metric: z.enum(TARGET_METRICS), year: z.number().int(), value: z.number() }),
  channels: z.object({
    ...record,
    code: z.string(),
    platform: z.enum(PLATFORMS),
    name: z.string(),
    url: text,
    handle: text,
    isOfficial: z.boolean(),
    createdOn: text,
    closedOn: text,
    /** How often live collection reads the channel's posts and its followers, in minutes; none: the default. */
    collectPostsEveryMinutes: z.number().int().nullable(),
    collectFollowersEveryMinutes: z.number().int().nullable(),
    token: tokenStatusAnswer.optional(),
  }),
  audience: z.object({
    ...record,
    channelId: id,
    asOf: date,
    followers: z.number(),
    source: z.enum(SNAPSHOT_SOURCES),
    importBatchId,
  }),
  outlets: z.object({
    ...record,
    code: z.string(),
    name: z.string(),
    level: z.enum(OUTLET_LEVELS),
    kind: z.enum(OUTLET_KINDS),
    language: text,
  }),
  mentions: z.object({
    ...record,
    outletId: id,
    publishedOn: date,
    title: z.string(),
    kind: z.enum(MENTION_KINDS),
    url: text,
    /** The person the mention is about or quotes, where one is named. */
    personId: id.nullable(),
    importBatchId,
  }),
  subscriptions: z.object({ ...record, outletId: id, year: z.number().int(), copies: z.number() }),
  materials: z.object({
    ...record,
    titleRu: text,
    titleKk: text,
    language: text,
    kind: z.enum(MATERIAL_KINDS),
    issuedOn: date,
    copies: z.number().nullable(),
    url: text,
    importBatchId,
  }),
  events: z.object({
    ...record,
    titleRu: text,
    titleKk: text,
    kind: z.enum(EVENT_KINDS),
    topic: z.enum(TOPICS),
    heldOn: date,
    participants: z.number().nullable(),
  }),
  decisions: z.object({
    ...record,
    body: z.enum(GOVERNING_BODIES),
    number: text,
    adoptedOn: date,
    titleRu: text,
    titleKk: text,
  }),
  tasks: z.object({
    ...record,
    decisionId: id,
    textRu: text,
    textKk: text,
    responsibleOrgId: id.nullable(),
    responsiblePersonId: id.nullable(),
    dueOn: text,
    status: z.enum(TASK_STATUSES),
    doneOn: text,
    evidence: text,
  }),
};

export type RegistryRows = { [K in keyof typeof RECORD_ANSWERS]: z.infer<(typeof RECORD_ANSWERS)[K]> };
export type RegistryKind = keyof RegistryRows;

/** A page of a list: its items, how many there are in all, and which page of what size this is. */
export const pageAnswer = <T extends z.ZodType>(item: T) =>
  z.object({
    items: z.array(item),
    total: z.number().int(),
    page: z.number().int(),
    pageSize: z.number().int(),
  });
export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}
