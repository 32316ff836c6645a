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
  TASK_STATUSES,
  TOPICS,
} from './vocabulary.js';

const id = z.number().int();
const date = z.string();
const text = z.string().nullable();

/** Every plain record carries its organization. */
const record = { id, orgId: id.nullable(), orgCode: text };

/** Whether a channel's access token is set, when and until when; the token itself never comes back. */
export const tokenStatusAnswer = z.object({ set: z.boolean(), setAt: text, expiresOn: text });
export type TokenStatus = z.infer<typeof tokenStatusAnswer>;

export const RECORD_ANSWERS = {
  // Membership and app usage figures, people and targets: named by what every record carries; their other
  // fields are those of their inputs (src/shared/schemas.ts).
  membership: z.object(record),
  people: z.object(record),
  'app-usage': z.object(record),
  targets: z.object(record),
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
    token: tokenStatusAnswer.optional(),
  }),
  audience: z.object({
    ...record,
    channelId: id,
    asOf: date,
    followers: z.number(),
    source: z.enum(SNAPSHOT_SOURCES),
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
