/**
 * Content analysis use cases: classify a file of posts, (re)classify stored publications with repost detection
 * against earlier texts on other channels, users' corrections (which always win), retraining the installation's
 * model on them, and the evaluation against the labelled set in data/eval.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Insertable } from 'kysely';
import {
  classify,
  DEFAULT_SETTINGS,
  type LearnedModel,
  type LearnedModelParams,
  modelFromParams,
  type Reasons,
} from '../analysis/classify.js';
import { evaluate, type EvaluationReport, type LabelledPost } from '../analysis/evaluation.js';
import { trainModel } from '../analysis/learning.js';
import {
  DEFAULT_JACCARD,
  type Fingerprint,
  fingerprintOf,
  jaccard,
  shinglesOf,
} from '../analysis/near-duplicate.js';
import { DomainError, NotFoundError, ValidationError } from '../domain/errors.js';
import type { Period } from '../domain/period.js';
import { WHOLE_TREE } from '../domain/scope.js';
import { classifyLineInput, correctionInput, type CorrectionInput } from '../shared/schemas.js';
import { TOPICS, type CorrectableField, type Topic } from '../shared/vocabulary.js';
import {
  type AnalysisFilter,
  type AnalysisResult,
  type BandKeys,
  type CopyCandidate,
  type Correction,
  countPublicationsToAnalyze,
  findCopyCandidates,
  findLatestModel,
  findPublicationRef,
  insertCorrections,
  insertModel,
  latestCorrections,
  listCorrectedTexts,
  listPublicationsToAnalyze,
  listRecentTexts,
  listStaleFingerprints,
  markFingerprinted,
  type Position,
  type PublicationToAnalyze,
  replaceBands,
  saveAnalyses,
} from '../storage/repositories/analysis.repository.js';
import { findChannelByCode } from '../storage/repositories/channel.repository.js';
import { toBool, toJson } from '../storage/rows.js';
import type { PublicationTable } from '../storage/schema.js';
import { readSettings } from '../storage/repositories/settings.repository.js';
import { type Context, inTransaction, scopeOfContext } from './context.js';
import {
  fingerprintWith,
  type LabellingKey,
  labelsOf,
  type Prepared,
  type PreparedLabels,
  resultOf,
  textOf,
} from './labels.js';
import { getOrganization } from './org.service.js';
import { parseInput } from './validate.js';

/** The thresholds of the analysis; an installation overrides them in its settings under the key `analysis`. */
export interface AnalysisSettings {
  /** Jaccard similarity of word 3-shingles from which a later text on another channel is a repost. */
  repostJaccard: number;
  /** Concreteness below which a publication is declarative. */
  declarativeBelow: number;
}

export const DEFAULT_ANALYSIS_SETTINGS: AnalysisSettings = {
  repostJaccard: DEFAULT_JACCARD,
  declarativeBelow: DEFAULT_SETTINGS.declarativeBelow,
};

const BATCH = 200;
/** How many recent publications, labelled by the lexicons, the model sees beside the corrections. */
const BACKGROUND_TEXTS = 2000;

export async function analysisSettings(ctx: Context): Promise<AnalysisSettings> {
  const stored = (await readSettings(ctx.db.kysely))['analysis'];
  const settings = { ...DEFAULT_ANALYSIS_SETTINGS };
  if (stored && typeof stored === 'object') {
    for (const key of Object.keys(settings) as (keyof AnalysisSettings)[]) {
      const value = (stored as Record<string, unknown>)[key];
      if (typeof value === 'number' && value > 0 && value <= 1) settings[key] = value;
    }
  }
  return settings;
}

/** The installation's latest trained model, if any. */
export async function loadModel(ctx: Context): Promise<LearnedModel | undefined> {
  const row = await findLatestModel(ctx.db.kysely);
  const params = row?.params as LearnedModelParams | undefined;
  return params?.version === 1 ? modelFromParams(params) : undefined;
}

// ---------------------------------------------------------------------------------------------------------------
// Classifying a file

/**
 * Classifies JSON lines `{"id", "text"}` into JSON lines `{"id", "language", "primaryTopic", "topics",
 * "concreteness", "declarative", "reasons"}`. A line that is not such an object stops the run with an error
 * naming the source, the line and the field.
 */
export async function* classifyLines(
  lines: AsyncIterable<string>,
  source: string,
  options: { model?: LearnedModel; settings?: AnalysisSettings } = {},
): AsyncGenerator<string> {
  const settings = { declarativeBelow: (options.settings ?? DEFAULT_ANALYSIS_SETTINGS).declarativeBelow };
  let number = 0;
  for await (const line of lines) {
    number++;
    if (line.trim() === '') continue;
    const record = `${source}:${number}`;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch {
      throw new ValidationError(record, [{ path: '(record)', code: 'invalid_json' }]);
    }
    const post = parseInput(classifyLineInput, value, record);
    const result = classify({ text: post.text, title: post.title ?? null }, options.model, settings);
    yield JSON.stringify({
      id: post.id,
      language: result.language,
      primaryTopic: result.primaryTopic,
      topics: result.topics,
      concreteness: result.concreteness,
      declarative: result.declarative,
      reasons: result.reasons,
    });
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Stored publications

export interface ReclassifyInput {
  /** Publications whose subject organization lies in this organization's subtree. */
  org?: string;
  channel?: string;
  period?: Period;
}

export interface ReclassifySummary {
  publications: number;
  byTopic: Record<Topic, number>;
  reposts: number;
  /** Reposts found as near-copies of earlier texts (the rest were marked by their source). */
  nearCopies: number;
  declarative: number;
  /** Publications with at least one label a user corrected. */
  corrected: number;
}

type Progress = (done: number, total: number) => void;

/**
 * Brings the fingerprints of every changed text (or of the publications `ids`) up to date: later posts anywhere
 * may copy them.
 */
export async function refreshFingerprints(ctx: Context, ids?: readonly number[]): Promise<void> {
  if (ids?.length === 0) return;
  for (;;) {
    // The index covers the whole installation: a region's page reposts its sector union's news.
    const stale = await listStaleFingerprints(ctx.db.kysely, WHOLE_TREE, 500, ids);
    if (stale.length === 0) return;
    const fingerprints = stale.map((row) => ({
      publicationId: row.id,
      channelId: row.channelId,
      fingerprintedAt: row.fingerprintedAt,
      bands: fingerprintOf(textOf(row))?.bands ?? [],
    }));
    await inTransaction(ctx, async (tx) => {
      await replaceBands(tx.db.kysely, fingerprints);
      await markFingerprinted(
        tx.db.kysely,
        stale.map((row) => row.id),
      );
    });
  }
}

/**
 * Band keys an import holds back and writes many chunks at once: the keys are hashes, so each chunk's keys land
 * all over the table's B-tree, and written chunk by chunk they rewrote most of its pages at every commit (on
 * SQLite 8 of the 18 s of 100,000 posts). Held back only while no lookup could miss them: a chunk whose texts are
 * all on the one channel the held keys are of cannot copy them (copies are looked for on other channels only).
 * Their publications' `fingerprinted_at` is set when the keys are written, so that keys lost with the process
 * are taken again by the next reclassify (refreshFingerprints).
 */
export class HeldBands {
  readonly keys: BandKeys[] = [];
  readonly ids = new Set<number>();
  readonly channels = new Set<number>();

  /** Publications' keys held at most before they are written. */
  constructor(readonly limit = HELD_BANDS) {}

  /** Whether a lookup for texts on these channels, or a new version of one of these publications, needs them. */
  needed(channels: Iterable<number>, ids: Iterable<number>): boolean {
    if (this.keys.length === 0) return false;
    for (const id of ids) if (this.ids.has(id)) return true;
    for (const channel of channels) {
      if (!this.channels.has(channel) || this.channels.size > 1) return true;
    }
    return false;
  }

  /** What is held now, to return to when the transaction that held more rolls back (restore). */
  snapshot(): BandKeys[] {
    return [...this.keys];
  }

  restore(keys: readonly BandKeys[]): void {
    this.keys.length = 0;
    this.ids.clear();
    this.channels.clear();
    this.add(keys);
  }

  add(keys: readonly BandKeys[]): void {
    for (const item of keys) {
      this.keys.push(item);
      this.ids.add(item.publicationId);
      this.channels.add(item.channelId);
    }
  }
}

/** Publications whose band keys an import holds back at most (80,000 key rows). */
const HELD_BANDS = 5000;

/** Writes the band keys held back, and that their publications' keys are of the version analyzed. */
export async function writeHeldBands(ctx: Context, held: HeldBands): Promise<void> {
  if (held.keys.length === 0) return;
  await replaceBands(ctx.db.kysely, held.keys);
  await markFingerprinted(ctx.db.kysely, [...held.ids]);
  held.keys.length = 0;
  held.ids.clear();
  held.channels.clear();
}

interface CopyFound {
  id: number;
  source: string;
  similarity: number;
}

/** The candidate most like the text, when it is at least `threshold` like it. */
function closestCopy(
  fingerprint: Fingerprint,
  candidates: readonly CopyCandidate[],
  threshold: number,
  shingles: Map<number, ReadonlySet<number>>,
): CopyFound | null {
  let best: CopyFound | null = null;
  for (const candidate of candidates) {
    let theirs = shingles.get(candidate.id);
    if (!theirs) shingles.set(candidate.id, (theirs = shinglesOf(textOf(candidate))));
    const similarity = jaccard(fingerprint.shingles, theirs);
    if (similarity >= threshold && (!best || similarity > best.similarity)) {
      best = {
        id: candidate.id,
        source: candidate.url ?? `${candidate.channelCode}/${candidate.externalId}`,
        similarity,
      };
    }
  }
  return best;
}

/** The labels a user corrected replace the computed ones; the reasons say who set them and when. */
function applyCorrections(
  result: AnalysisResult,
  corrections: ReadonlyMap<CorrectableField, Correction>,
): void {
  const reasons = result.reasons as Reasons;
  const note = (correction: Correction) =>
    (reasons.corrected ??= []).push(`${correction.field} by ${correction.by} at ${correction.at}`);
  const topics = corrections.get('topics');
  if (topics && Array.isArray(topics.value)) {
    result.topics = (topics.value as Topic[]).map((topic) => ({ topic, score: 1 }));
    result.primaryTopic = result.topics[0]?.topic ?? result.primaryTopic;
    note(topics);
  }
  const primary = corrections.get('primaryTopic');
  if (primary && TOPICS.includes(primary.value as Topic)) {
    result.primaryTopic = primary.value as Topic;
    result.topics = [
      { topic: result.primaryTopic, score: 1 },
      ...result.topics.filter((item) => item.topic !== result.primaryTopic),
    ];
    note(primary);
  }
  const declarative = corrections.get('declarative');
  if (declarative) {
    result.declarative = declarative.value === true;
    note(declarative);
  }
  const repost = corrections.get('isRepost');
  if (repost) {
    const value = repost.value as { isRepost: boolean; source?: string };
    result.isRepost = value.isRepost;
    result.repostBy = 'correction';
    result.repostSource = value.isRepost ? (value.source ?? result.repostSource) : null;
    if (!value.isRepost) result.repostOfId = null;
    note(repost);
  }
  const language = corrections.get('language');
  if (language) {
    result.language = language.value as AnalysisResult['language'];
    // A person read it.
    result.languageConfidence = 1;
    note(language);
  }
}

function markCopy(result: AnalysisResult, copy: CopyFound): void {
  Object.assign(result, {
    isRepost: true,
    repostBy: 'near_duplicate',
    repostSource: copy.source,
    repostOfId: copy.id,
  });
  (result.reasons as Reasons).repost.push(`near_duplicate:${copy.source} ${copy.similarity.toFixed(2)}`);
}

export function emptySummary(): ReclassifySummary {
  return {
    publications: 0,
    byTopic: Object.fromEntries(TOPICS.map((topic) => [topic, 0])) as Record<Topic, number>,
    reposts: 0,
    nearCopies: 0,
    declarative: 0,
    corrected: 0,
  };
}

/** Adds the counts of `part` to `total`. */
export function addSummary(total: ReclassifySummary, part: ReclassifySummary): void {
  for (const topic of TOPICS) total.byTopic[topic] += part.byTopic[topic];
  total.publications += part.publications;
  total.reposts += part.reposts;
  total.nearCopies += part.nearCopies;
  total.declarative += part.declarative;
  total.corrected += part.corrected;
}

/** What labels a batch: the installation's thresholds and its learned model, read once per batch. */
interface Labelling {
  settings: AnalysisSettings;
  model: LearnedModel | undefined;
  key: LabellingKey;
  /** The model as stored, for a reading process to label with. */
  params?: LearnedModelParams;
}

async function labellingOf(ctx: Context): Promise<Labelling> {
  const settings = await analysisSettings(ctx);
  const row = await findLatestModel(ctx.db.kysely);
  const params = row?.params as LearnedModelParams | undefined;
  const model = params?.version === 1 ? modelFromParams(params) : undefined;
  const key = { declarativeBelow: settings.declarativeBelow, modelId: model && row ? row.id : null };
  return { settings, model, key, ...(model && params ? { params } : {}) };
}

/** What an import's reading process labels new posts with (see PreparedLabels): the installation's, as of now. */
export async function readingLabelling(
  ctx: Context,
): Promise<{ key: LabellingKey; model?: LearnedModelParams }> {
  const { key, params } = await labellingOf(ctx);
  return { key, ...(params ? { model: params } : {}) };
}

/**
 * Analyzes a batch of publications in order of publication, in one transaction: their band keys stored (or held),
 * their near-copies looked for, corrections applied and labels stored, one statement per table. `labelled` holds
 * the labels of publications stored with them already (an import's new ones): only a near-copy found changes them.
 */
async function analyzeBatch(
  ctx: Context,
  batch: readonly PublicationToAnalyze[],
  { settings, model }: Labelling,
  held?: HeldBands,
  labelled: ReadonlyMap<number, AnalysisResult> = new Map(),
  bands: ReadonlyMap<number, readonly number[] | null> = new Map(),
): Promise<ReclassifySummary> {
  const summary = emptySummary();
  // A publication stored with its labels was just inserted: no correction names it yet.
  const corrections = await latestCorrections(
    ctx.db.kysely,
    batch.flatMap((publication) => (labelled.has(publication.id) ? [] : [publication.id])),
  );
  const now = ctx.clock().toISOString();
  // Band keys the reading process computed give the fingerprint; its shingles are taken only for a candidate.
  const fingerprints = new Map(
    batch.map((item) => {
      const known = bands.get(item.id);
      if (known === undefined) return [item.id, fingerprintOf(textOf(item))];
      return [item.id, known && fingerprintWith(textOf(item), known)];
    }),
  );
  const stale = batch.filter((item) => item.fingerprintedAt !== item.updatedAt);
  const results = batch.map(
    (item) => labelled.get(item.id) ?? labelsOf(item, model, settings.declarativeBelow),
  );
  // Posts that neither their source nor their text call a repost may copy an earlier text.
  const searched = batch.flatMap((item, at) => {
    const bands = fingerprints.get(item.id)?.bands;
    return bands && !results[at]?.isRepost ? [{ id: item.id, channelId: item.channelId, bands }] : [];
  });
  const keys = stale.map((item) => ({
    publicationId: item.id,
    channelId: item.channelId,
    fingerprintedAt: item.fingerprintedAt,
    bands: fingerprints.get(item.id)?.bands ?? [],
  }));
  await inTransaction(ctx, async (tx) => {
    if (
      held?.needed(
        batch.map((item) => item.channelId),
        stale.map((item) => item.id),
      )
    ) {
      await writeHeldBands(tx, held);
    }
    if (held) held.add(keys);
    else await replaceBands(tx.db.kysely, keys);
    // Sources are looked for among all channels: the sector union's site lies outside a region's subtree.
    const candidates = await findCopyCandidates(tx.db.kysely, WHOLE_TREE, searched);
    const shingles = new Map<number, ReadonlySet<number>>();
    const saved: { publicationId: number; result: AnalysisResult }[] = [];
    for (const [at, publication] of batch.entries()) {
      const result = results[at] as AnalysisResult;
      const fingerprint = fingerprints.get(publication.id);
      const found = candidates.get(publication.id);
      const copy =
        fingerprint && found ? closestCopy(fingerprint, found, settings.repostJaccard, shingles) : null;
      if (copy) markCopy(result, copy);
      const corrected = corrections.get(publication.id);
      if (corrected) applyCorrections(result, corrected);
      if (copy || !labelled.has(publication.id)) saved.push({ publicationId: publication.id, result });
      summary.publications++;
      summary.byTopic[result.primaryTopic]++;
      if (result.isRepost) summary.reposts++;
      if (result.repostBy === 'near_duplicate') summary.nearCopies++;
      if (result.declarative) summary.declarative++;
      if (corrected) summary.corrected++;
    }
    await saveAnalyses(tx.db.kysely, saved, now, !held);
    if (held && held.ids.size >= held.limit) await writeHeldBands(tx, held);
  });
  return summary;
}

async function analyzeWhere(
  ctx: Context,
  filter: AnalysisFilter,
  onProgress?: Progress,
  held?: HeldBands,
): Promise<ReclassifySummary> {
  const scope = scopeOfContext(ctx);
  const labelling = await labellingOf(ctx);
  // Any text may be a source, so reclassifying brings every fingerprint up to date first. Publications named by
  // id (a correction) are fingerprinted below; other texts were indexed when they were analyzed.
  if (!filter.ids) await refreshFingerprints(ctx);
  const total = await countPublicationsToAnalyze(ctx.db.kysely, scope, filter);
  const summary = emptySummary();
  onProgress?.(0, total);
  let after: Position | undefined;
  for (;;) {
    // Publications named by id come in one batch: one statement per table for all of them.
    const batch = await listPublicationsToAnalyze(
      ctx.db.kysely,
      scope,
      filter,
      after,
      filter.ids ? Math.max(filter.ids.length, 1) : BATCH,
    );
    if (batch.length === 0) break;
    addSummary(summary, await analyzeBatch(ctx, batch, labelling, held));
    const last = batch[batch.length - 1] as PublicationToAnalyze;
    after = { publishedAt: last.publishedAt, id: last.id };
    onProgress?.(summary.publications, total);
  }
  return summary;
}

/** Classifies the stored publications of the caller's scope, optionally of a subtree, a channel and a period. */
export async function reclassifyPublications(
  ctx: Context,
  input: ReclassifyInput,
  onProgress?: Progress,
): Promise<ReclassifySummary> {
  const filter: AnalysisFilter = {};
  if (input.org) filter.rootId = (await getOrganization(ctx, input.org)).id;
  if (input.channel) {
    const channel = await findChannelByCode(ctx.db.kysely, scopeOfContext(ctx), input.channel);
    if (!channel) throw new NotFoundError('channel_unknown', { code: input.channel });
    filter.channelId = channel.id;
  }
  if (input.period) filter.period = input.period;
  return analyzeWhere(ctx, filter, onProgress);
}

/** Ids a query names at most: far below either engine's limit of bound parameters. */
const IDS_PER_QUERY = 5000;

/**
 * Classifies the given stored publications (a correction's, anew). With `held`, their band keys may be held back
 * there: the caller writes them (writeHeldBands) before it is done.
 */
export async function analyzePublications(
  ctx: Context,
  ids: readonly number[],
  held?: HeldBands,
): Promise<ReclassifySummary> {
  const summary = emptySummary();
  for (let start = 0; start < ids.length; start += IDS_PER_QUERY) {
    addSummary(
      summary,
      await analyzeWhere(ctx, { ids: ids.slice(start, start + IDS_PER_QUERY) }, undefined, held),
    );
  }
  return summary;
}

/**
 * Labels an import's new publications before they are stored, so that their insert carries the labels (writing
 * them by an update after cost as much as the insert, and reading the rows back half as much again). The labels
 * are those a reclassify computes; what only the stored rows can tell, near-copies, is looked for after.
 */
export class ImportLabeller {
  /**
   * The labels given, by row, with the band keys the reading process computed (none where it did not label the
   * row): analyze takes them up once the rows have ids.
   */
  private readonly given = new Map<
    Insertable<PublicationTable>,
    { result: AnalysisResult; bands?: Prepared['bands'] }
  >();

  private constructor(
    private readonly labelling: Labelling,
    private readonly now: string,
    /** Whether the band keys are held back: the rows are then not fingerprinted until they are written. */
    private readonly holding: boolean,
    /** Labels the reading process computed for the chunk's posts: taken where computed with the same labelling. */
    private readonly prepared: PreparedLabels | undefined,
  ) {}

  static async open(ctx: Context, held?: HeldBands, prepared?: PreparedLabels): Promise<ImportLabeller> {
    return new ImportLabeller(
      await labellingOf(ctx),
      ctx.clock().toISOString(),
      held !== undefined,
      prepared,
    );
  }

  readonly label = (rows: Insertable<PublicationTable>[]): void => {
    const { model, settings, key } = this.labelling;
    for (const row of rows) {
      const text = {
        title: row.title ?? null,
        text: row.text ?? null,
        isRepost: toBool(row.isRepost),
        repostSource: row.repostSource ?? null,
        repostBy: null,
      };
      const given = this.prepared?.take(text, key);
      const result = given ? resultOf(given) : labelsOf(text, model, settings.declarativeBelow);
      this.given.set(row, { result, ...(given ? { bands: given.bands } : {}) });
      Object.assign(row, {
        language: result.language,
        languageConfidence: result.languageConfidence,
        primaryTopic: result.primaryTopic,
        topics: given ? given.topics : toJson(result.topics),
        concreteness: result.concreteness,
        declarative: result.declarative,
        isRepost: result.isRepost,
        repostSource: result.repostSource,
        repostBy: result.repostBy,
        reasons: given ? given.reasons : toJson(result.reasons),
        analyzedAt: this.now,
        fingerprintedAt: this.holding ? null : row.updatedAt,
      });
    }
  };

  /**
   * Analyzes what a chunk of an import stored: the publications it updated, labelled anew, and those it inserted
   * with this labeller's labels, their near-copies looked for; one batch, in order of publication as a reclassify
   * takes them. With `held`, their band keys may be held back there: the caller writes them (writeHeldBands).
   */
  async analyze(
    ctx: Context,
    written: {
      updated: readonly number[];
      inserted: readonly { id: number; row: Insertable<PublicationTable> }[];
    },
    held?: HeldBands,
  ): Promise<ReclassifySummary> {
    const labelled = new Map<number, AnalysisResult>();
    const bands = new Map<number, readonly number[] | null>();
    const batch: PublicationToAnalyze[] = [];
    for (const { id, row } of written.inserted) {
      const given = this.given.get(row);
      if (!given) continue;
      const { result } = given;
      labelled.set(id, result);
      if (given.bands !== undefined) bands.set(id, given.bands);
      batch.push({
        id,
        channelId: row.channelId,
        publishedAt: row.publishedAt,
        title: row.title ?? null,
        text: row.text ?? null,
        isRepost: result.isRepost,
        repostSource: result.repostSource,
        repostBy: result.repostBy,
        updatedAt: row.updatedAt,
        fingerprintedAt: null,
      });
    }
    this.given.clear();
    if (written.updated.length > 0) {
      batch.push(
        ...(await listPublicationsToAnalyze(
          ctx.db.kysely,
          scopeOfContext(ctx),
          { ids: written.updated },
          undefined,
          written.updated.length,
        )),
      );
    }
    if (batch.length === 0) return emptySummary();
    batch.sort((a, b) => Date.parse(a.publishedAt) - Date.parse(b.publishedAt) || a.id - b.id);
    return analyzeBatch(ctx, batch, this.labelling, held, labelled, bands);
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Corrections and learning

function actorName(ctx: Context, by: string | undefined): string {
  return ctx.actor.kind === 'user' ? `user:${ctx.actor.userId}` : (by ?? 'system');
}

export interface CorrectionResult {
  publicationId: number;
  fields: CorrectableField[];
}

/** Stores a user's correction of a publication's labels and applies it at once; it wins from then on. */
export async function correctPublication(ctx: Context, input: CorrectionInput): Promise<CorrectionResult> {
  const key = input.publication;
  const record =
    typeof key === 'number'
      ? `publication ${key}`
      : `publication ${String(key?.channel)}/${String(key?.externalId)}`;
  const data = parseInput(correctionInput, input, record);
  const publication = await findPublicationRef(ctx.db.kysely, scopeOfContext(ctx), data.publication);
  if (!publication) {
    throw typeof data.publication === 'number'
      ? new NotFoundError('publication_id_unknown', { id: data.publication })
      : new NotFoundError('publication_unknown', data.publication);
  }
  const by = actorName(ctx, data.by);
  const at = ctx.clock().toISOString();
  const corrections: Correction[] = [];
  const add = (field: CorrectableField, value: unknown) => corrections.push({ field, value, by, at });
  if (data.topics) add('topics', data.topics);
  if (data.primaryTopic) add('primaryTopic', data.primaryTopic);
  if (data.declarative !== undefined) add('declarative', data.declarative);
  if (data.isRepost !== undefined) {
    add('isRepost', { isRepost: data.isRepost, ...(data.repostSource ? { source: data.repostSource } : {}) });
  }
  if (data.language) add('language', data.language);
  if (corrections.length === 0)
    throw new ValidationError(record, [{ path: '(record)', code: 'nothing_to_correct' }]);
  await inTransaction(ctx, async (tx) => {
    await insertCorrections(tx.db.kysely, publication.id, corrections);
    await analyzePublications(tx, [publication.id]);
  });
  return { publicationId: publication.id, fields: corrections.map((correction) => correction.field) };
}

export interface RetrainResult {
  modelId: number;
  /** Publications whose topic or declarative flag users corrected. */
  corrections: number;
  /** Texts the model learned from: the corrected ones and a background labelled by the lexicons. */
  documents: number;
  milliseconds: number;
}

/** Trains the installation's model anew on all corrections; the next classification uses it. */
export async function retrainModel(ctx: Context, options: { by?: string } = {}): Promise<RetrainResult> {
  const started = performance.now();
  const scope = scopeOfContext(ctx);
  const corrected = await listCorrectedTexts(ctx.db.kysely, scope);
  const background = await listRecentTexts(
    ctx.db.kysely,
    scope,
    BACKGROUND_TEXTS,
    corrected.map((item) => item.publicationId),
  );
  const params = trainModel(
    corrected.map((item) => ({
      text: textOf(item),
      ...(item.primaryTopic ? { primaryTopic: item.primaryTopic } : {}),
      ...(item.declarative !== undefined ? { declarative: item.declarative } : {}),
    })),
    background.map(textOf),
  );
  const documents = corrected.length + background.length;
  const modelId = await insertModel(ctx.db.kysely, {
    trainedAt: ctx.clock().toISOString(),
    trainedBy: actorName(ctx, options.by),
    corrections: corrected.length,
    documents,
    params,
  });
  return {
    modelId,
    corrections: corrected.length,
    documents,
    milliseconds: Math.round(performance.now() - started),
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Evaluation

/**
 * The project's labelled sets, written and labelled for aqparat (see data/eval/README.md): the development and
 * held-out parts, then the posts written after the lexicons were frozen.
 */
export const EVALUATION_SET = ['posts.jsonl', 'fresh.jsonl'].map((name) =>
  fileURLToPath(new URL(`../../data/eval/${name}`, import.meta.url)),
);

export interface EvaluationResult {
  /** The held-out part: never looked at while the lexicons were tuned. */
  heldOut: EvaluationReport;
  /** Posts written after the lexicons were frozen: never seen while tuning anything. */
  fresh: EvaluationReport;
  /** The development part the lexicons were tuned on. */
  development: EvaluationReport;
  all: EvaluationReport;
  /** The held-out part again, with a model trained on the development part's labels (what corrections do). */
  heldOutWithModel: EvaluationReport;
}

/** The labelled posts of the files, in order: the order of publication for repost detection. */
export function readEvaluationSet(files: readonly string[] = EVALUATION_SET): LabelledPost[] {
  return files.flatMap(readLabelledFile);
}

function readLabelledFile(file: string): LabelledPost[] {
  let content: string;
  try {
    content = readFileSync(file, 'utf8');
  } catch (error) {
    throw new DomainError('import_source_unavailable', { file, detail: (error as Error).message });
  }
  return content
    .split('\n')
    .map((line, index) => ({ line, index }))
    .filter(({ line }) => line.trim() !== '')
    .map(({ line, index }) => {
      try {
        return JSON.parse(line) as LabelledPost;
      } catch {
        throw new ValidationError(`${file}:${index + 1}`, [{ path: '(record)', code: 'invalid_json' }]);
      }
    });
}

export function runEvaluation(files?: readonly string[]): EvaluationResult {
  const posts = readEvaluationSet(files);
  const predict = (model?: LearnedModel) => (post: LabelledPost) =>
    classify(
      { text: post.text, marks: post.forwardedFrom ? { forwardedFrom: post.forwardedFrom } : {} },
      model,
    );
  const development = posts.filter((post) => post.part === 'dev');
  const model = modelFromParams(
    trainModel(
      development.map((post) => ({
        text: post.text,
        primaryTopic: post.primaryTopic,
        declarative: post.declarative,
      })),
      [],
    ),
  );
  return {
    heldOut: evaluate(posts, predict(), { part: 'test' }),
    fresh: evaluate(posts, predict(), { part: 'fresh' }),
    development: evaluate(posts, predict(), { part: 'dev' }),
    all: evaluate(posts, predict()),
    heldOutWithModel: evaluate(posts, predict(model), { part: 'test' }),
  };
}
