/**
 * Storing drafts: references resolved by code within the caller's scope, each record compared with what is
 * stored under its key (a publication's channel and external id, a snapshot's date, a mention's or material's
 * natural key) and inserted, updated (the old values logged for undo) or left alone. A manual subject
 * assignment is never overwritten; otherwise attribution rules decide, and the rule that fired is stored.
 * Content labels are the analysis': never compared here; a new publication is stored with those the runner's
 * labeller gives it, an updated one labelled after.
 */
import type { Insertable } from 'kysely';
import { compileRules } from '../../importers/attribution.js';
import { isExportId, MATCHED_BY_CONTENT } from '../../importers/graph/identity.js';
import { instantOfWallClock } from '../../importers/time.js';
import type {
  AudienceDraft,
  Draft,
  MaterialDraft,
  MembershipDraft,
  MentionDraft,
  PublicationDraft,
  Rejection,
} from '../../importers/types.js';
import { type LocalDate, localDateOf, toInstant } from '../../domain/period.js';
import type { FieldIssue } from '../../shared/field-issue.js';
import { linksOf, type PublicationLink } from '../../shared/links.js';
import { httpUrl } from '../../shared/schemas.js';
import { type ChannelRef, findChannelByCode } from '../../storage/repositories/channel.repository.js';
import {
  claimRows,
  findAudience,
  findChannelCodesOf,
  findMaterial,
  findMembership,
  findMention,
  findPublications,
  insertImported,
  insertPublications,
  logChange,
  type PublicationRow,
  updateImported,
} from '../../storage/repositories/import.repository.js';
import { listRulesUnder } from '../../storage/repositories/attribution.repository.js';
import { findOrganizationByCode } from '../../storage/repositories/org.repository.js';
import { findOutletIdInReach } from '../../storage/repositories/records.repository.js';
import { fromJson, toBool, toJson } from '../../storage/rows.js';
import type { ImportedTable, PublicationTable } from '../../storage/schema.js';
import { samePostsOf } from '../collect/same-post.js';
import { type Context, scopeOfContext } from '../context.js';

/** A file's link is stored only when it is http(s), as a user's is (schemas.ts); anything else is the field's fault. */
function checkUrl(url: string | undefined, issues: FieldIssue[]): void {
  if (url !== undefined && !httpUrl.safeParse(url).success) {
    issues.push({ path: 'url', code: 'not_http_url' });
  }
}

export type Outcome = 'new' | 'updated' | 'unchanged' | { rejected: Rejection[] };

/** A publication the chunk inserted, as it was inserted. */
export interface InsertedPublication {
  id: number;
  row: Insertable<PublicationTable>;
}

/** Sets the label columns of new publications' rows before they are inserted. */
export type Labeller = (rows: Insertable<PublicationTable>[]) => void;

export interface Written {
  /** The outcome of each draft, in order. */
  outcomes: Outcome[];
  /** Publications updated: what content analysis is to label anew. */
  updated: number[];
  /** Publications inserted, labelled already when a labeller was given. */
  inserted: InsertedPublication[];
  /** Rows found stored that this batch claimed from an earlier, incomplete one (see claimRows). */
  claimed: number;
}

export interface WriterSetup {
  batchId: number;
  file: string;
  /** The channel the import goes to, if any: the default for records that name none. */
  channel?: ChannelRef;
  /** When the import runs: creation and update times, and the date engagement counts are as of. */
  now: Date;
}

type Attributor = ReturnType<typeof compileRules>;
type Values = Record<string, unknown>;

/** What the rows of one channel's publications in a chunk share. */
interface PublicationGroup {
  channel: ChannelRef;
  /** The attribution rules of the channel's owner. */
  attribute: Attributor;
  /** When the import runs, as stored. */
  now: string;
  /** The date engagement counts are as of: the import's day on the channel's calendar. */
  engagementAsOf: LocalDate;
}

/** The subject the attribution rules of the channel's owner give the post, else the owner itself. */
function attributed({ channel, attribute }: PublicationGroup, draft: PublicationDraft) {
  const content = [draft.title, draft.text].filter(Boolean).join('\n');
  const attribution = attribute(content, draft.hashtags);
  return { orgId: attribution?.orgId ?? channel.orgId, rule: attribution?.rule ?? null, manual: false };
}

/**
 * A publication's columns that content analysis writes. An import leaves them out of its comparison (the repost
 * columns but for the source's own mark, see repostColumns), so a post whose source did not change stays
 * unchanged and keeps its labels and users' corrections; an update logs their old values, because the analysis
 * then labels the post anew and undo must restore the labels too.
 */
const LABEL_COLUMNS = [
  'language',
  'languageConfidence',
  'primaryTopic',
  'topics',
  'concreteness',
  'declarative',
  'isRepost',
  'repostSource',
  'repostBy',
  'repostOfId',
  'reasons',
  'analyzedAt',
] as const;

/** A post's links as stored: none for a post without links, so that an empty list is no change to a stored post. */
const linksColumn = (links: readonly PublicationLink[]) => (links.length > 0 ? toJson(links) : null);

/** A column's value as compared and as logged: booleans as booleans, JSON as its text. */
function normalized(key: string, value: unknown): unknown {
  if (key === 'isRepost' || key === 'subjectManual') return toBool(value as boolean | number | null);
  if (key === 'declarative') return toBool(value as boolean | number | null, 'nullable');
  if (key === 'topics' || key === 'reasons') return toJson(fromJson(value));
  if (key === 'links') return linksColumn(linksOf(value));
  return value ?? null;
}

/**
 * The repost columns a stored post is compared on. They hold what the source said while no finding replaced it
 * (`repostBy` null). A finding of the analysis (a mark in the text, a near-copy) means the source had called the
 * post an original, so only a source that now marks it a repost is a change, and the source's mark then replaces
 * the finding; a user's correction wins over the source.
 */
function repostColumns(row: Values, draft: PublicationDraft): Values {
  const by = row['repostBy'] ?? null;
  if (by === null) return { isRepost: draft.isRepost, repostSource: draft.repostSource ?? null };
  if (by === 'correction' || !draft.isRepost) return {};
  return { isRepost: true, repostSource: draft.repostSource ?? null, repostBy: null, repostOfId: null };
}

/**
 * The columns whose values differ, with their old values (for the log) and new ones (for the update); a value
 * left undefined is no change.
 */
function difference(row: Values, values: Values): { before: Values; after: Values } | undefined {
  const before: Values = {};
  const after: Values = {};
  for (const [key, value] of Object.entries(values)) {
    if (value === undefined) continue;
    const old = normalized(key, row[key]);
    if (old === normalized(key, value)) continue;
    before[key] = old;
    after[key] = value;
  }
  return Object.keys(after).length > 0 ? { before, after } : undefined;
}

export class DraftWriter {
  private readonly orgs = new Map<string, number | null>();
  private readonly outlets = new Map<string, number | null>();
  private readonly channels = new Map<string, ChannelRef | null>();
  private readonly attributors = new Map<number, Attributor>();
  /** The stored rows the chunk being written found (unchanged or updated), by table: the batch claims them. */
  private readonly found = new Map<ImportedTable, number[]>();

  constructor(private readonly setup: WriterSetup) {}

  /** Stores a chunk of drafts; `label` labels the new publications before they are inserted. */
  async write(tx: Context, drafts: readonly Draft[], label?: Labeller): Promise<Written> {
    const outcomes: Outcome[] = new Array<Outcome>(drafts.length).fill('unchanged');
    const publications: { at: number; draft: PublicationDraft }[] = [];
    for (const [at, draft] of drafts.entries()) {
      if (draft.target === 'publication') publications.push({ at, draft });
      else outcomes[at] = await this.writeRecord(tx, draft);
    }
    const written = await this.writePublications(tx, publications, outcomes, label);
    let claimed = 0;
    for (const [table, ids] of this.found)
      claimed += await claimRows(tx.db.kysely, table, this.setup.batchId, ids);
    this.found.clear();
    return { outcomes, ...written, claimed };
  }

  private foundStored(table: ImportedTable, id: number): void {
    const ids = this.found.get(table) ?? [];
    ids.push(id);
    this.found.set(table, ids);
  }

  private reject(draft: Draft, issues: readonly FieldIssue[]): Outcome {
    return {
      rejected: issues.map((issue) => ({
        file: this.setup.file,
        record: draft.ref,
        field: issue.path,
        code: issue.code,
        ...(issue.params ? { params: issue.params } : {}),
      })),
    };
  }

  private async org(
    tx: Context,
    code: string,
    field: string,
    issues: FieldIssue[],
  ): Promise<number | undefined> {
    if (!this.orgs.has(code)) {
      const org = await findOrganizationByCode(tx.db.kysely, scopeOfContext(tx), code);
      this.orgs.set(code, org?.id ?? null);
    }
    const id = this.orgs.get(code) ?? undefined;
    if (id === undefined) issues.push({ path: field, code: 'unknown_org', params: { code } });
    return id;
  }

  private async outlet(tx: Context, code: string, issues: FieldIssue[]): Promise<number | undefined> {
    if (!this.outlets.has(code))
      this.outlets.set(code, (await findOutletIdInReach(tx.db.kysely, scopeOfContext(tx), code)) ?? null);
    const id = this.outlets.get(code) ?? undefined;
    if (id === undefined) issues.push({ path: 'outlet', code: 'unknown_outlet', params: { code } });
    return id;
  }

  private async channelByCode(
    tx: Context,
    code: string,
    issues: FieldIssue[],
  ): Promise<ChannelRef | undefined> {
    if (!this.channels.has(code)) {
      this.channels.set(code, (await findChannelByCode(tx.db.kysely, scopeOfContext(tx), code)) ?? null);
    }
    const channel = this.channels.get(code) ?? undefined;
    if (!channel) issues.push({ path: 'channel', code: 'unknown_channel', params: { code } });
    return channel;
  }

  /** The record's own channel, else its owner's channel on the platform, else the import's channel. */
  private async channelOf(
    tx: Context,
    draft: PublicationDraft | AudienceDraft,
    issues: FieldIssue[],
  ): Promise<ChannelRef | undefined> {
    if (draft.channel) return this.channelByCode(tx, draft.channel, issues);
    if (draft.target === 'audience' && draft.owner) {
      const orgId = await this.org(tx, draft.owner, 'organization', issues);
      if (!draft.platform) issues.push({ path: 'platform', code: 'required' });
      if (orgId === undefined || !draft.platform) return undefined;
      const codes = await findChannelCodesOf(tx.db.kysely, scopeOfContext(tx), orgId, draft.platform);
      const params = { org: draft.owner, platform: draft.platform };
      if (codes.length === 1) return this.channelByCode(tx, codes[0] ?? '', issues);
      issues.push({
        path: 'platform',
        code: codes.length === 0 ? 'no_channel_on_platform' : 'ambiguous_channel',
        params,
      });
      return undefined;
    }
    if (this.setup.channel) return this.setup.channel;
    issues.push({ path: 'channel', code: 'required' });
    return undefined;
  }

  private async attributor(tx: Context, ownerId: number): Promise<Attributor> {
    let attributor = this.attributors.get(ownerId);
    if (!attributor) {
      attributor = compileRules(await listRulesUnder(tx.db.kysely, ownerId));
      this.attributors.set(ownerId, attributor);
    }
    return attributor;
  }

  /** Logs the old values of an updated row, unless this import created it (undo deletes it anyway). */
  private async update(
    tx: Context,
    table: ImportedTable,
    row: { id: number; importBatchId: number | null },
    change: { before: Values; after: Values },
  ) {
    await updateImported(tx.db.kysely, table, row.id, change.after);
    if (row.importBatchId !== this.setup.batchId) {
      await logChange(tx.db.kysely, {
        batchId: this.setup.batchId,
        tableName: table,
        rowId: row.id,
        before: change.before,
      });
    }
  }

  /**
   * The row the draft makes on its channel, as inserted; undefined when its time cannot be read. A column the
   * draft says nothing of (an engagement count it lacks, the subject a user set) is `undefined`: no change to a
   * stored row. Every row is built whole by one literal, so that the engine gives them all one shape: copying a
   * row of varying keys into a new one and adding the rest, key by key, took an import as long as storing it.
   */
  private publicationRow(
    group: PublicationGroup,
    draft: PublicationDraft,
    subjectId: number | undefined,
    keepSubject: boolean,
  ): Values | undefined {
    const { channel } = group;
    const instant =
      'instant' in draft.time ? draft.time.instant : instantOfWallClock(draft.time.local, channel.timeZone);
    const publishedAt = instant === undefined ? NaN : Date.parse(instant);
    if (Number.isNaN(publishedAt)) return undefined;
    const subject =
      subjectId !== undefined
        ? { orgId: subjectId, rule: null, manual: true }
        : keepSubject
          ? undefined
          : attributed(group, draft);
    const engagement = draft.engagement;
    return {
      channelId: channel.id,
      externalId: draft.externalId,
      url: draft.url ?? null,
      publishedAt: toInstant(publishedAt),
      localDate: localDateOf(publishedAt, channel.timeZone),
      title: draft.title ?? null,
      text: draft.text ?? null,
      isRepost: draft.isRepost,
      repostSource: draft.repostSource ?? null,
      mediaKind: draft.mediaKind ?? null,
      links: draft.links && linksColumn(draft.links),
      mediaUrl: draft.mediaUrl,
      views: engagement?.views,
      reactions: engagement?.reactions,
      comments: engagement?.comments,
      shares: engagement?.shares,
      engagementAsOf: engagement ? group.engagementAsOf : undefined,
      subjectOrgId: subject?.orgId,
      subjectRule: subject?.rule,
      subjectManual: subject?.manual,
      importBatchId: this.setup.batchId,
      createdAt: group.now,
      updatedAt: group.now,
    };
  }

  /** Stores the publication drafts; those updated and those inserted. */
  private async writePublications(
    tx: Context,
    items: readonly { at: number; draft: PublicationDraft }[],
    outcomes: Outcome[],
    label: Labeller | undefined,
  ): Promise<Pick<Written, 'updated' | 'inserted'>> {
    const updated: number[] = [];
    const inserted: InsertedPublication[] = [];
    const groups = new Map<
      number,
      { channel: ChannelRef; items: { at: number; draft: PublicationDraft; subjectId?: number }[] }
    >();
    for (const { at, draft } of items) {
      const issues: FieldIssue[] = [];
      const channel = await this.channelOf(tx, draft, issues);
      const subjectId = draft.subject ? await this.org(tx, draft.subject, 'subject', issues) : undefined;
      checkUrl(draft.url, issues);
      if (!channel || issues.length > 0) {
        outcomes[at] = this.reject(draft, issues);
        continue;
      }
      const group = groups.get(channel.id) ?? { channel, items: [] };
      group.items.push({ at, draft, ...(subjectId === undefined ? {} : { subjectId }) });
      groups.set(channel.id, group);
    }
    const now = this.setup.now.toISOString();
    for (const { channel, items: grouped } of groups.values()) {
      const ids = [...new Set(grouped.map((item) => item.draft.externalId))];
      const stored = new Map<string, Values>(
        (await findPublications(tx.db.kysely, channel.id, ids)).map((row: PublicationRow) => [
          row.externalId,
          row,
        ]),
      );
      // Facebook's and Instagram's exports have no ids: their posts and the Graph's are matched by content.
      const same = MATCHED_BY_CONTENT.has(channel.platform)
        ? await samePostsOf(
            tx.db.kysely,
            channel,
            grouped.flatMap(({ draft }) => (stored.has(draft.externalId) ? [] : [draft])),
          )
        : new Map<string, Values>();
      const inserts = new Map<string, Insertable<PublicationTable>>();
      const engagementAsOf = localDateOf(this.setup.now, channel.timeZone);
      const group: PublicationGroup = {
        channel,
        attribute: await this.attributor(tx, channel.orgId),
        now,
        engagementAsOf,
      };
      for (const { at, draft, subjectId } of grouped) {
        const pending = inserts.get(draft.externalId);
        const linked = pending ? undefined : same.get(draft.externalId);
        // An export's copy of a post collected from the Graph adds nothing: the platform's own values stand.
        if (linked && isExportId(draft.externalId)) {
          this.foundStored('publication', linked['id'] as number);
          continue;
        }
        const row = pending ?? stored.get(draft.externalId) ?? linked;
        const keepSubject =
          row !== undefined && toBool(row['subjectManual'] as boolean) && subjectId === undefined;
        const values = this.publicationRow(group, draft, subjectId, keepSubject);
        if (!values) {
          outcomes[at] = this.reject(draft, [
            {
              path: 'publishedAt',
              code: 'invalid_date',
              params: { value: 'local' in draft.time ? draft.time.local : '' },
            },
          ]);
          continue;
        }
        if (!row) {
          inserts.set(draft.externalId, values as Insertable<PublicationTable>);
          outcomes[at] = 'new';
          continue;
        }
        if (!pending) this.foundStored('publication', row['id'] as number);
        // The row's key and the import's own columns are not the post's; a new engagement date alone is no
        // change: only the counts are.
        const {
          channelId: _channel,
          externalId: _id,
          importBatchId: _batch,
          createdAt: _created,
          updatedAt: _updated,
          engagementAsOf: _asOf,
          isRepost: _isRepost,
          repostSource: _source,
          ...compared
        } = values;
        const change = difference(row, {
          ...compared,
          ...repostColumns(row, draft),
          // A post first imported from an export takes the Graph id once collected.
          ...(linked ? { externalId: draft.externalId } : {}),
        });
        if (!change) continue;
        if (draft.engagement && Object.keys(draft.engagement).some((key) => key in change.after)) {
          change.before['engagementAsOf'] = row['engagementAsOf'] ?? null;
          change.after['engagementAsOf'] = engagementAsOf;
        }
        for (const column of LABEL_COLUMNS) change.before[column] = normalized(column, row[column]);
        Object.assign(row, change.after);
        outcomes[at] = 'updated';
        if (pending) continue;
        change.before['updatedAt'] = row['updatedAt'];
        change.after['updatedAt'] = now;
        const changed = row as { id: number; importBatchId: number | null };
        await this.update(tx, 'publication', changed, change);
        updated.push(changed.id);
      }
      const rows = [...inserts.values()];
      label?.(rows);
      const insertedIds = await insertPublications(tx.db.kysely, rows, label !== undefined);
      for (const [at, id] of insertedIds.entries()) {
        inserted.push({ id, row: rows[at] as Insertable<PublicationTable> });
      }
    }
    return { updated, inserted };
  }

  private async writeRecord(tx: Context, draft: Exclude<Draft, PublicationDraft>): Promise<Outcome> {
    switch (draft.target) {
      case 'audience':
        return this.writeAudience(tx, draft);
      case 'membership':
        return this.writeMembership(tx, draft);
      case 'mention':
        return this.writeMention(tx, draft);
      case 'material':
        return this.writeMaterial(tx, draft);
    }
  }

  /** Inserts a record new under its key, or updates the one stored when its values differ. */
  private async upsert(
    tx: Context,
    table: ImportedTable,
    existing: ({ id: number; importBatchId: number | null } & Values) | undefined,
    key: Values,
    values: Values,
  ): Promise<Outcome> {
    if (!existing) {
      await insertImported(tx.db.kysely, table, {
        ...key,
        ...values,
        importBatchId: this.setup.batchId,
      } as never);
      return 'new';
    }
    this.foundStored(table, existing.id);
    const change = difference(existing, values);
    if (!change) return 'unchanged';
    await this.update(tx, table, existing, change);
    return 'updated';
  }

  private async writeAudience(tx: Context, draft: AudienceDraft): Promise<Outcome> {
    const issues: FieldIssue[] = [];
    const channel = await this.channelOf(tx, draft, issues);
    if (!channel || issues.length > 0) return this.reject(draft, issues);
    const existing = await findAudience(tx.db.kysely, channel.id, draft.asOf);
    return this.upsert(
      tx,
      'audienceSnapshot',
      existing,
      { channelId: channel.id, asOf: draft.asOf, source: 'import' },
      { followers: draft.followers },
    );
  }

  private async writeMembership(tx: Context, draft: MembershipDraft): Promise<Outcome> {
    const issues: FieldIssue[] = [];
    const orgId = await this.org(tx, draft.org, 'organization', issues);
    if (orgId === undefined) return this.reject(draft, issues);
    const existing = await findMembership(tx.db.kysely, orgId, draft.asOf);
    return this.upsert(
      tx,
      'membershipSnapshot',
      existing,
      { orgId, asOf: draft.asOf, source: 'import' },
      {
        members: draft.members,
        primaries: draft.primaries ?? null,
      },
    );
  }

  private async writeMention(tx: Context, draft: MentionDraft): Promise<Outcome> {
    const issues: FieldIssue[] = [];
    const orgId = await this.org(tx, draft.org, 'organization', issues);
    const outletId = await this.outlet(tx, draft.outlet, issues);
    checkUrl(draft.url, issues);
    if (orgId === undefined || outletId === undefined || issues.length > 0) {
      return this.reject(draft, issues);
    }
    const key = { orgId, outletId, publishedOn: draft.publishedOn, title: draft.title };
    const existing = await findMention(tx.db.kysely, key);
    return this.upsert(tx, 'mediaMention', existing, key, { kind: draft.kind, url: draft.url ?? null });
  }

  private async writeMaterial(tx: Context, draft: MaterialDraft): Promise<Outcome> {
    const issues: FieldIssue[] = [];
    const orgId = await this.org(tx, draft.org, 'organization', issues);
    checkUrl(draft.url, issues);
    if (orgId === undefined || issues.length > 0) return this.reject(draft, issues);
    // A title the sheet leaves empty keeps the one stored.
    const titles = {
      ...(draft.titleRu === undefined ? {} : { titleRu: draft.titleRu }),
      ...(draft.titleKk === undefined ? {} : { titleKk: draft.titleKk }),
    };
    const key = { orgId, issuedOn: draft.issuedOn };
    const existing = await findMaterial(tx.db.kysely, { ...key, ...titles });
    return this.upsert(tx, 'material', existing, key, {
      ...titles,
      kind: draft.kind,
      language: draft.language ?? null,
      copies: draft.copies ?? null,
      url: draft.url ?? null,
    });
  }
}
