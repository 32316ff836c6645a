/**
 * Everything the brief states about an organization and period, measured from records. Services gather it, rules
 * judge it and the report definition lays it out; nothing here is typed in.
 */
import type { PlanStatement } from './plan-fact.measure.js';
import type {
  GoverningBody,
  MaterialKind,
  MentionKind,
  OrgKind,
  OutletLevel,
  Platform,
  TaskStatus,
} from '../shared/vocabulary.js';
import type { AppUsageSplit } from './app-usage.measure.js';
import type { CollectedChannelFact } from './collection.measure.js';
import type { ContentQuality } from './content.measure.js';
import type { MentionCount } from './media.measure.js';
import type { Structure } from './members.measure.js';
import type { LocalDate, Period } from './period.js';
import type { PresenceRow } from './presence.measure.js';
import type { SubjectCount } from './publications.measure.js';

export interface OrgInfo {
  id: number;
  code: string;
  kind: OrgKind;
  parentId: number | null;
  nameRu: string;
  nameKk: string;
  shortNameRu: string | null;
  shortNameKk: string | null;
  nameEn: string | null;
  shortNameEn: string | null;
}

/** A record behind a figure, so a reader can check it. */
export interface RecordRef {
  kind: 'publication' | 'organization' | 'channel' | 'task' | 'decision' | 'mention' | 'person' | 'material';
  id: number;
  label: string;
  date?: LocalDate;
  url?: string | null;
}

export interface PersonFact {
  id: number;
  fullName: string;
  positionRu: string | null;
  positionKk: string | null;
  infoResponsible: boolean;
  isLeader: boolean;
}

/** What people write on records comes in Russian and Kazakh, either possibly empty (shared/bilingual.ts). */
export interface TaskFact {
  id: number;
  textRu: string | null;
  textKk: string | null;
  dueOn: LocalDate | null;
  status: TaskStatus;
  doneOn: LocalDate | null;
  evidence: string | null;
  overdue: boolean;
}

export interface DecisionFact {
  id: number;
  body: GoverningBody;
  number: string | null;
  adoptedOn: LocalDate;
  titleRu: string | null;
  titleKk: string | null;
  tasks: TaskFact[];
}

export interface PageFact {
  channelId: number;
  code: string;
  platform: Platform;
  name: string;
  url: string | null;
  createdOn: LocalDate | null;
  followers: number | null;
  followersAsOf: LocalDate | null;
  reach: number | null;
}

/** Publications of one year (the last one possibly cut at the period's end) split by subject organization. */
export interface YearSplit {
  year: string;
  from: LocalDate;
  to: LocalDate;
  total: number;
  rows: SubjectCount[];
}

export interface MentionFact {
  id: number;
  outletId: number;
  publishedOn: LocalDate;
  title: string;
  kind: MentionKind;
  person: string | null;
}

export interface OutletFact {
  id: number;
  name: string;
  level: OutletLevel;
}

/** App usage of the organization itself, each branch and the direct primaries: the rows add up to its members. */
export type AppUsageFact = AppUsageSplit;

export interface BriefFacts {
  org: OrgInfo;
  /** The organization's children and every organization a figure names, by id. */
  orgs: ReadonlyMap<number, OrgInfo>;
  period: Period;
  asOf: LocalDate;
  /** The calendar years the year-by-year tables cover. */
  years: string[];
  structure: Structure;
  members: number | null;
  people: PersonFact[];
  decisions: DecisionFact[];
  website: { byYear: { year: string; count: number }[]; total: number };
  pages: PageFact[];
  socialByYear: YearSplit[];
  /** Branches (children that are not primaries) × platforms. */
  presence: { platforms: Platform[]; activeDays: number; rows: PresenceRow[] };
  /** Channels with publications in the period but whose subject branches have none, per branch. */
  branchPublications: { orgId: number; count: number }[];
  materials: {
    id: number;
    titleRu: string | null;
    titleKk: string | null;
    kind: MaterialKind;
    issuedOn: LocalDate;
  }[];
  content: ContentQuality;
  legalItems: RecordRef[];
  declarativeSamples: RecordRef[];
  media: { counts: MentionCount[]; outlets: OutletFact[]; mentions: MentionFact[] };
  subscriptions: { year: number; outlet: string; copies: number }[];
  app: AppUsageFact[];
  /** The subtree's open channels some collector reads, and the instant their freshness is judged at (now). */
  collection: { checkedAt: string; channels: CollectedChannelFact[] };
  /** The organization's targets for the period's year against these facts; null without targets. */
  plan: PlanStatement | null;
}
