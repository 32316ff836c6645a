/**
 * Shapes of the API's answers that src/shared does not hold (those of the storage layer, which the web may not
 * import): the session, organizations, the plain records, users.
 */
import type { NamedOrg } from '../../../src/shared/org-name.js';
import type {
  EventKind,
  GoverningBody,
  MaterialKind,
  MentionKind,
  OrgKind,
  OutletKind,
  OutletLevel,
  Platform,
  Role,
  SnapshotSource,
  TaskStatus,
  Topic,
  UiLang,
} from '../../../src/shared/vocabulary.js';

export type Action = 'read' | 'write';

export interface User {
  id: number;
  login: string;
  role: Role;
  orgId: number | null;
  orgCode: string | null;
  name: string | null;
  lang: UiLang;
  disabled: boolean;
  createdAt: string;
}

export interface Session {
  user: User;
  csrfToken: string;
  /** What the user may do, by resource. */
  abilities: Record<string, Action[]>;
}

export interface Organization extends NamedOrg {
  id: number;
  code: string;
  kind: OrgKind;
  parentId: number | null;
  timeZone: string;
  sortOrder: number;
}

export interface ChannelFigure {
  code: string;
  platform: Platform;
  name: string;
  url: string | null;
  ownerId: number;
  createdOn: string | null;
  followers: number | null;
  followersAsOf: string | null;
  reach: number | null;
}

export interface OrganizationFigures {
  org: Organization;
  asOf: string;
  members: number | null;
  structure: { branches: number; primaries: number; directPrimaries: number };
  channels: ChannelFigure[];
  infoResponsible: { fullName: string; orgId: number }[];
}

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

/** Every plain record carries its organization. */
export interface RecordBase {
  id: number;
  orgId: number | null;
  orgCode: string | null;
}

export interface ChannelRow extends RecordBase {
  code: string;
  platform: Platform;
  name: string;
  url: string | null;
  handle: string | null;
  isOfficial: boolean;
  createdOn: string | null;
  closedOn: string | null;
  /** Whether an access token is set, when and until when; the token itself never comes back. */
  token?: TokenStatus;
}

export interface TokenStatus {
  set: boolean;
  setAt: string | null;
  expiresOn: string | null;
}

export interface AudienceRow extends RecordBase {
  channelId: number;
  asOf: string;
  followers: number;
  source: SnapshotSource;
}

export interface OutletRow extends RecordBase {
  code: string;
  name: string;
  level: OutletLevel;
  kind: OutletKind;
  language: string | null;
}

export interface MentionRow extends RecordBase {
  outletId: number;
  publishedOn: string;
  title: string;
  kind: MentionKind;
  url: string | null;
}

export interface SubscriptionRow extends RecordBase {
  outletId: number;
  year: number;
  copies: number;
}

export interface MaterialRow extends RecordBase {
  titleRu: string | null;
  titleKk: string | null;
  language: string | null;
  kind: MaterialKind;
  issuedOn: string;
  copies: number | null;
  url: string | null;
}

export interface EventRow extends RecordBase {
  titleRu: string | null;
  titleKk: string | null;
  kind: EventKind;
  topic: Topic;
  heldOn: string;
  participants: number | null;
}

export interface DecisionRow extends RecordBase {
  body: GoverningBody;
  number: string | null;
  adoptedOn: string;
  titleRu: string | null;
  titleKk: string | null;
}

export interface TaskRow extends RecordBase {
  decisionId: number;
  textRu: string | null;
  textKk: string | null;
  responsibleOrgId: number | null;
  dueOn: string | null;
  status: TaskStatus;
  doneOn: string | null;
  evidence: string | null;
}

export interface RegistryRows {
  channels: ChannelRow;
  audience: AudienceRow;
  outlets: OutletRow;
  mentions: MentionRow;
  subscriptions: SubscriptionRow;
  materials: MaterialRow;
  events: EventRow;
  decisions: DecisionRow;
  tasks: TaskRow;
}
export type RegistryKind = keyof RegistryRows;
