/**
 * Table types, in the camelCase the CamelCasePlugin maps to the snake_case columns. Selects may see the engine's
 * raw booleans and JSON (SQLite: 0/1 and text); repositories normalize them with the helpers in rows.ts.
 */
import type { ColumnType, Generated, Insertable, Selectable, Updateable } from 'kysely';
import type { Granularity } from '../domain/period.js';
import type { RecordKind } from '../shared/import-report.js';
import type {
  AuditAction,
  ContentLang,
  CorrectableField,
  RepostFinding,
  EventKind,
  GoverningBody,
  ImportStatus,
  MaterialKind,
  MediaKind,
  MentionKind,
  OrgKind,
  OutletKind,
  OutletLevel,
  Platform,
  PlanPostState,
  PlanSendState,
  Role,
  RuleKind,
  SnapshotSource,
  TargetMetric,
  TaskStatus,
  Topic,
  UiLang,
} from '../shared/vocabulary.js';

/** Written as a boolean, read as a boolean (PostgreSQL) or 0/1 (SQLite). */
export type DbBool = ColumnType<boolean | number, boolean, boolean>;
export type NullableDbBool = ColumnType<boolean | number | null, boolean | null, boolean | null>;
/** Written as JSON text, read as text (SQLite) or a parsed value (PostgreSQL). */
export type DbJson = ColumnType<unknown, string | null, string | null>;

export interface OrganizationTable {
  id: Generated<number>;
  code: string;
  kind: OrgKind;
  parentId: number | null;
  nameRu: string;
  nameKk: string;
  shortNameRu: string | null;
  shortNameKk: string | null;
  /** English names, where given (migration 202612071200). */
  nameEn: ColumnType<string | null, string | null | undefined, string | null>;
  shortNameEn: ColumnType<string | null, string | null | undefined, string | null>;
  timeZone: string;
  sortOrder: Generated<number>;
  createdAt: string;
}

export interface OrgClosureTable {
  ancestorId: number;
  descendantId: number;
  depth: number;
}

export interface MembershipSnapshotTable {
  id: Generated<number>;
  orgId: number;
  asOf: string;
  members: number;
  primaries: number | null;
  source: SnapshotSource;
  /** The import that created the snapshot. */
  importBatchId: number | null;
}

export interface PersonTable {
  id: Generated<number>;
  orgId: number;
  fullName: string;
  positionRu: string | null;
  positionKk: string | null;
  infoResponsible: DbBool;
  isLeader: DbBool;
  email: string | null;
  phone: string | null;
}

export interface ChannelTable {
  id: Generated<number>;
  code: string;
  orgId: number;
  platform: Platform;
  name: string;
  url: string | null;
  handle: string | null;
  isOfficial: DbBool;
  createdOn: string | null;
  closedOn: string | null;
  /** Minutes between scheduled collections of its posts; null: every 2 hours (services/collect/due.ts). */
  collectPostsEveryMinutes: ColumnType<number | null, number | null | undefined, number | null>;
  /** Minutes between scheduled readings of its followers; null: daily. */
  collectFollowersEveryMinutes: ColumnType<number | null, number | null | undefined, number | null>;
}

/** A channel's access token, encrypted (migration 202612062100): never read but to decrypt it. */
export interface ChannelSecretTable {
  channelId: number;
  /** `v1:` + base64 of IV, cipher text and GCM tag (services/channel-token.ts). */
  cipher: string;
  setAt: string;
  expiresOn: string | null;
  /** The user who set it; none when set from the CLI. */
  setBy: number | null;
  /** When the platform refused it as expired or revoked: the channel is not collected until a new one is set. */
  expiredAt: string | null;
}

/** Where a collector left off on a channel (migration 202612070100): conditional GET validators and a cursor. */
export interface CollectCursorTable {
  channelId: number;
  /** Which collector's state: `feed`, `wordpress`, `telegram-bot`. */
  api: string;
  /** The address it reads: the feed found, the WordPress API's root. */
  address: string | null;
  etag: string | null;
  lastModified: string | null;
  /** WordPress: the latest `modified` (the site's local time) stored; Bot API: the next update's offset. */
  cursor: string | null;
  /** The batch this state came with; until a done batch of this hash exists, the state is not trusted. */
  pendingHash: string | null;
  updatedAt: string;
}

/** One channel's collection attempt (migration 202612070200): manual or scheduled, and how it ended. */
export interface CollectionRunTable {
  id: Generated<number>;
  channelId: number;
  trigger: 'manual' | 'schedule';
  startedAt: string;
  finishedAt: string | null;
  status: 'running' | 'ok' | 'failed' | 'skipped';
  /** A failure's error code, or a skipped channel's reason. */
  errorCode: string | null;
  /** The error's parameters as JSON text. */
  errorParams: string | null;
  new: Generated<number>;
  updated: Generated<number>;
  unchanged: Generated<number>;
  rejected: Generated<number>;
  followers: number | null;
  batchId: number | null;
}

/** A scheduled job's lease (migration 202612070210): each due run done once across server processes. */
export interface ScheduleLeaseTable {
  key: string;
  /** The due instant of the last run done: a run due at or before it is not run again. */
  doneDueAt: string | null;
  heldBy: string | null;
  /** A holder that has not finished by then is taken for dead and its run may be claimed again. */
  heldUntil: string | null;
}

export interface AudienceSnapshotTable {
  id: Generated<number>;
  channelId: number;
  asOf: string;
  followers: number;
  source: SnapshotSource;
  /** The import that created the snapshot. */
  importBatchId: number | null;
}

export interface ImportBatchTable {
  id: Generated<number>;
  source: string;
  fileName: string | null;
  fileHash: string | null;
  channelId: number | null;
  status: ImportStatus;
  startedAt: string;
  finishedAt: string | null;
  newCount: Generated<number>;
  updatedCount: Generated<number>;
  unchangedCount: Generated<number>;
  rejectedCount: Generated<number>;
  undoneAt: string | null;
  /** Records the import passed over on purpose (Telegram service messages, empty posts). */
  skippedCount: Generated<number>;
  /** The organization the batch belongs to: its channel's, or the uploader's; none for the whole installation. */
  orgId: number | null;
  /** Who started it on the server; none from the command line. */
  userId: number | null;
  /** Why a failed import stopped: an error code with its parameters. */
  error: DbJson;
  /**
   * Renewed while the import runs: a running batch whose heartbeat is older than its lease (services/import/
   * lease.ts) was left by a process that died; it is then interrupted.
   */
  heartbeatAt: string | null;
  /** What the import said of how it read the file (ImportNote[] of shared/import-notes), JSON. */
  notes: DbJson;
}

/** Assigns a post on an ancestor's channel to this organization when the post matches the pattern. */
export interface AttributionRuleTable {
  id: Generated<number>;
  orgId: number;
  kind: RuleKind;
  pattern: string;
  createdAt: string;
}

/** A row an import updated, with the values it had before (undo restores them). */
/** One rejection of a batch: the record and field at fault, why (a field-issue code) and its parameters. */
export interface ImportRejectionTable {
  batchId: number;
  /** The order the import met it in. */
  position: number;
  file: string;
  recordKind: RecordKind;
  recordIndex: number;
  field: string;
  code: string;
  params: DbJson;
}

export interface ImportChangeTable {
  id: Generated<number>;
  batchId: number;
  tableName: ImportedTable;
  rowId: number;
  before: DbJson;
}

/** Tables an import writes. */
export type ImportedTable =
  'publication' | 'audienceSnapshot' | 'membershipSnapshot' | 'mediaMention' | 'material';

export interface PublicationTable {
  id: Generated<number>;
  channelId: number;
  externalId: string;
  url: string | null;
  publishedAt: string;
  localDate: string;
  title: string | null;
  text: string | null;
  language: ContentLang | null;
  /** How sure the analysis was of the language, 0 to 1 (a user's correction: 1); null before it ran. */
  languageConfidence: number | null;
  isRepost: DbBool;
  repostSource: string | null;
  mediaKind: MediaKind | null;
  views: number | null;
  reactions: number | null;
  comments: number | null;
  shares: number | null;
  engagementAsOf: string | null;
  subjectOrgId: number;
  subjectRule: string | null;
  subjectManual: DbBool;
  primaryTopic: Topic | null;
  topics: DbJson;
  concreteness: number | null;
  declarative: NullableDbBool;
  importBatchId: number | null;
  createdAt: string;
  updatedAt: string;
  /** The analysis' reasons for each label (classify's `reasons`), JSON. */
  reasons: DbJson;
  /** How the repost was found; null with is_repost set means the source (an import) marked it. */
  repostBy: RepostFinding | null;
  /** The stored publication this one copies, when found. */
  repostOfId: number | null;
  analyzedAt: string | null;
  /** The `updated_at` of the row whose text the band keys (publication_band) were taken of. */
  fingerprintedAt: string | null;
  /** The post's links (PublicationLink[] of shared/links), JSON; null when it has none. */
  links: DbJson;
  /** Where the post's image is, an http(s) address (a feed's first image, a video's thumbnail); null where unknown. */
  mediaUrl: string | null;
}

/** A band key of a publication's text fingerprint: texts sharing one are near-copy candidates. */
export interface PublicationBandTable {
  publicationId: number;
  band: number;
  bucket: number;
  /** The publication's channel: a channel holds each key once. */
  channelId: number;
}

/** A user's correction of one label of a publication; the latest per field wins over the analysis. */
export interface PublicationCorrectionTable {
  id: Generated<number>;
  publicationId: number;
  field: CorrectableField;
  value: DbJson;
  correctedBy: string;
  correctedAt: string;
}

/** A model trained on the corrections; the latest one classifies. */
export interface AnalysisModelTable {
  id: Generated<number>;
  trainedAt: string;
  trainedBy: string;
  corrections: number;
  documents: number;
  params: DbJson;
}

export interface OutletTable {
  id: Generated<number>;
  code: string;
  name: string;
  level: OutletLevel;
  kind: OutletKind;
  language: string | null;
  orgId: number | null;
}

export interface MediaMentionTable {
  id: Generated<number>;
  orgId: number;
  outletId: number;
  publishedOn: string;
  title: string;
  kind: MentionKind;
  personId: number | null;
  url: string | null;
  importBatchId: number | null;
}

export interface PressSubscriptionTable {
  id: Generated<number>;
  orgId: number;
  outletId: number;
  year: number;
  copies: number;
}

export interface MaterialTable {
  id: Generated<number>;
  orgId: number;
  /** Either title may be empty, not both (services check it). */
  titleRu: string | null;
  titleKk: string | null;
  language: string | null;
  kind: MaterialKind;
  issuedOn: string;
  copies: number | null;
  url: string | null;
  /** The import that created the material. */
  importBatchId: number | null;
}

export interface EventTable {
  id: Generated<number>;
  orgId: number;
  titleRu: string | null;
  titleKk: string | null;
  kind: EventKind;
  topic: Topic;
  heldOn: string;
  participants: number | null;
}

export interface DecisionTable {
  id: Generated<number>;
  orgId: number;
  body: GoverningBody;
  number: string | null;
  adoptedOn: string;
  titleRu: string | null;
  titleKk: string | null;
}

export interface TaskTable {
  id: Generated<number>;
  decisionId: number;
  textRu: string | null;
  textKk: string | null;
  responsibleOrgId: number | null;
  responsiblePersonId: number | null;
  dueOn: string | null;
  status: TaskStatus;
  doneOn: string | null;
  evidence: string | null;
}

export interface AppUsageTable {
  id: Generated<number>;
  orgId: number;
  asOf: string;
  registered: number;
  active: number | null;
}

export interface TargetTable {
  id: Generated<number>;
  orgId: number;
  metric: TargetMetric;
  year: number;
  value: number;
}

/** Installation settings by key (e.g. `rules`, `presence`), overriding the defaults of domain/settings. */
export interface SettingTable {
  key: string;
  value: DbJson;
  updatedAt: string;
}

/** A person who signs in: a role over the subtree of one organization. */
export interface AppUserTable {
  id: Generated<number>;
  login: string;
  passwordHash: string;
  role: Role;
  /** None for an administrator of the whole installation. */
  orgId: number | null;
  name: string | null;
  lang: Generated<UiLang>;
  disabled: ColumnType<boolean | number, boolean | undefined, boolean>;
  createdAt: string;
}

/** A signed-in browser: the cookie carries the token, the database keeps its hash. */
export interface UserSessionTable {
  id: Generated<number>;
  tokenHash: string;
  userId: number;
  csrfToken: string;
  createdAt: string;
  expiresAt: string;
}

/** A token for automation, sent as `Authorization: Bearer`; stored as a hash. */
export interface ApiTokenTable {
  id: Generated<number>;
  tokenHash: string;
  userId: number;
  name: string;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
  /** Refused from then on (null only in theory: every token is issued with one). */
  expiresAt: string | null;
}

/**
 * Failed sign-ins in a row for a login (known or not) from one client address, and until when its next attempt
 * waits; the row goes when the sign-in succeeds.
 */
export interface LoginAttemptTable {
  login: string;
  address: string;
  /** Attempts counted, the one being checked included. */
  failures: number;
  lastFailureAt: string;
  blockedUntil: string | null;
}

/** Who changed what: the record before and after; a delete keeps the whole record, for restore. */
export interface AuditEntryTable {
  id: Generated<number>;
  at: string;
  userId: number | null;
  action: AuditAction;
  resource: string;
  recordId: number;
  orgId: number | null;
  before: DbJson | null;
  after: DbJson | null;
  restoredAt: string | null;
}

/** Publications per organization subtree × month × platform, kept by triggers (see its migration). */
export interface PublicationMonthTable {
  ancestorId: number;
  /** 1 for the publications whose subject is the organization itself, 0 for those of its descendants. */
  isSelf: number;
  platform: Platform;
  month: string;
  count: number;
}

/** Each channel's latest audience snapshot, kept by triggers (migration 202611261900); read only. */
export interface AudienceLatestTable {
  channelId: number;
  asOf: string;
  followers: number;
}

/** A brief e-mailed on a schedule (services/brief-schedule.service.ts); lists are comma-separated. */
export interface BriefScheduleTable {
  id: Generated<number>;
  orgId: number;
  every: Granularity;
  langs: string;
  formats: string;
  recipients: string;
  createdAt: string;
  createdBy: number | null;
}

/** One period's sending of a schedule: claimed once across server processes (unique schedule and period). */
export interface BriefSendingTable {
  id: Generated<number>;
  scheduleId: number;
  /** The period's key as users write it: `2026-11`, `2026-Q4`, `2026-H2`, `2026`. */
  period: string;
  claimedAt: string;
  attempts: Generated<number>;
  sentAt: string | null;
  error: string | null;
}

/** A planned post (services/plan/): its texts, image, instant, topic and where its approval stands. */
export interface PlanPostTable {
  id: Generated<number>;
  /** Its subject organization. */
  orgId: number;
  textRu: string | null;
  textKk: string | null;
  plannedAt: string;
  topic: Topic | null;
  /** The image's bytes (a Buffer from either driver) and media type; none without an image. */
  image: Buffer | null;
  imageType: string | null;
  /** The unguessable token the image is served under while the post is approved or being published. */
  mediaToken: string | null;
  state: PlanPostState;
  /** Why it was returned (the manager's words), or the approval's note. */
  comment: string | null;
  authorId: number | null;
  createdAt: string;
  updatedAt: string;
}

/** One post's sending to one target channel: claimed, sent and recorded once (see its migration). */
export interface PlanPostChannelTable {
  postId: number;
  channelId: number;
  state: PlanSendState;
  /** The platform's id of the message and its address, once published. */
  externalId: string | null;
  url: string | null;
  /** The platform's refusal: `{code, params}` of a domain error, JSON. */
  error: DbJson;
  attemptedAt: string | null;
  attempts: Generated<number>;
  /** Every message of an album, in order (JSON array of ids); the first is `externalId`. */
  messageIds: DbJson;
}

/** A notification to a user: its kind names the text, its params fill it; unread while `readAt` is null. */
export interface NotificationTable {
  id: Generated<number>;
  userId: number;
  postId: number | null;
  kind: string;
  params: DbJson;
  readAt: string | null;
  createdAt: string;
}

/** A post's images after the first (kept in plan_post), by position 1 to 9: a Telegram album's. */
export interface PlanPostImageTable {
  postId: number;
  position: number;
  image: Buffer;
  imageType: string;
}

export interface Database {
  publicationBand: PublicationBandTable;
  publicationCorrection: PublicationCorrectionTable;
  analysisModel: AnalysisModelTable;
  setting: SettingTable;
  organization: OrganizationTable;
  orgClosure: OrgClosureTable;
  membershipSnapshot: MembershipSnapshotTable;
  person: PersonTable;
  channel: ChannelTable;
  channelSecret: ChannelSecretTable;
  collectionRun: CollectionRunTable;
  scheduleLease: ScheduleLeaseTable;
  collectCursor: CollectCursorTable;
  audienceSnapshot: AudienceSnapshotTable;
  importBatch: ImportBatchTable;
  publication: PublicationTable;
  outlet: OutletTable;
  mediaMention: MediaMentionTable;
  pressSubscription: PressSubscriptionTable;
  material: MaterialTable;
  event: EventTable;
  decision: DecisionTable;
  task: TaskTable;
  appUsage: AppUsageTable;
  target: TargetTable;
  attributionRule: AttributionRuleTable;
  importChange: ImportChangeTable;
  importRejection: ImportRejectionTable;
  appUser: AppUserTable;
  userSession: UserSessionTable;
  apiToken: ApiTokenTable;
  loginAttempt: LoginAttemptTable;
  auditEntry: AuditEntryTable;
  publicationMonth: PublicationMonthTable;
  audienceLatest: AudienceLatestTable;
  briefSchedule: BriefScheduleTable;
  briefSending: BriefSendingTable;
  planPost: PlanPostTable;
  planPostChannel: PlanPostChannelTable;
  planPostImage: PlanPostImageTable;
  notification: NotificationTable;
}

export type OrganizationRow = Selectable<OrganizationTable>;
export type NewOrganization = Insertable<OrganizationTable>;
export type NewPublication = Insertable<PublicationTable>;
export type PublicationUpdate = Updateable<PublicationTable>;
export type TableName = keyof Database;
