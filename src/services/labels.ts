/**
 * The labels content analysis gives one text, as a pure function of the text and of what labels it (the
 * installation's threshold and learned model): the import's reading process computes them for the posts it reads,
 * on its own core, and the storing process takes them when they were computed with what labels its chunk
 * (PreparedLabels), else computes them itself.
 */
import { classify, type LearnedModel } from '../analysis/classify.js';
import { type Fingerprint, fingerprintOf, shinglesOf } from '../analysis/near-duplicate.js';
import type { PublicationDraft } from '../importers/types.js';
import type { RepostFinding } from '../shared/vocabulary.js';
import type { AnalysisResult } from '../storage/repositories/analysis.repository.js';

/** What a text's labels are computed of. */
export interface LabelledText {
  title: string | null;
  text: string | null;
  isRepost: boolean;
  repostSource: string | null;
  repostBy: RepostFinding | null;
}

export const textOf = (post: { title: string | null; text: string | null }) => post.text || post.title || '';

/** The labels of the text and the repost marks of the source or the text; near-copies are looked for later. */
export function labelsOf(
  publication: LabelledText,
  model: LearnedModel | undefined,
  declarativeBelow: number,
): AnalysisResult {
  const classification = classify({ text: publication.text ?? '', title: publication.title }, model, {
    declarativeBelow,
  });
  const result: AnalysisResult = {
    language: classification.language,
    languageConfidence: classification.languageConfidence,
    primaryTopic: classification.primaryTopic,
    topics: classification.topics,
    concreteness: classification.concreteness,
    declarative: classification.declarative,
    isRepost: false,
    repostSource: null,
    repostBy: null,
    repostOfId: null,
    reasons: classification.reasons,
  };
  // A repost the source marked (an import set it: no finding of ours recorded) stays one, and stays the
  // source's: an import compares it with the source's next word, while findings are computed anew each time.
  if (publication.isRepost && publication.repostBy === null) {
    Object.assign(result, { isRepost: true, repostSource: publication.repostSource });
    if (classification.reasons.repost.length === 0) {
      classification.reasons.repost.push(`source_mark:${publication.repostSource ?? ''}`);
    }
  } else if (classification.isRepost) {
    Object.assign(result, { isRepost: true, repostBy: 'mark', repostSource: classification.repostSource });
  }
  return result;
}

/** Which threshold and model labels: the reading process's labels count only where the storing's are the same. */
export interface LabellingKey {
  declarativeBelow: number;
  /** The learned model's id; null without one. */
  modelId: number | null;
}

/**
 * A new post's labels and band keys (null: too short to compare), computed before it is stored; its topics and
 * reasons as the JSON text stored, which crosses between processes far cheaper than the objects (resultOf).
 */
export interface Prepared {
  labels: Omit<AnalysisResult, 'topics' | 'reasons'>;
  topics: string;
  reasons: string;
  bands: readonly number[] | null;
}

/** The inputs of a new post's labels as one string: equal keys, equal labels. */
function keyOf(post: LabelledText): string {
  const optional = (value: string | null) => (value === null ? '\u0000' : `\u0001${value}`);
  return `${post.isRepost ? 1 : 0}${optional(post.repostSource)}\u0002${optional(post.title)}\u0002${post.text ?? ''}`;
}

/** A draft as its row is labelled: what the writer stores of it. */
export function labelledTextOf(draft: PublicationDraft): LabelledText {
  return {
    title: draft.title ?? null,
    text: draft.text ?? null,
    isRepost: draft.isRepost,
    repostSource: draft.repostSource ?? null,
    repostBy: null,
  };
}

/** The labels and band keys of a new post, as the storing process would compute them. */
export function prepare(
  draft: PublicationDraft,
  model: LearnedModel | undefined,
  declarativeBelow: number,
): Prepared {
  const text = labelledTextOf(draft);
  const { topics, reasons, ...labels } = labelsOf(text, model, declarativeBelow);
  return {
    labels,
    topics: JSON.stringify(topics),
    reasons: JSON.stringify(reasons),
    bands: fingerprintOf(textOf(text))?.bands ?? null,
  };
}

/**
 * The labels as the analysis takes them: topics and reasons read from their JSON only when read (a near-copy's
 * mark adds to the reasons), once.
 */
export function resultOf(prepared: Prepared): AnalysisResult {
  let topics: AnalysisResult['topics'] | undefined;
  let reasons: unknown;
  const result = { ...prepared.labels } as AnalysisResult;
  Object.defineProperties(result, {
    topics: {
      get: () => (topics ??= JSON.parse(prepared.topics) as AnalysisResult['topics']),
      set: (value: AnalysisResult['topics']) => (topics = value),
      enumerable: true,
    },
    reasons: {
      get: () => (reasons ??= JSON.parse(prepared.reasons) as unknown),
      set: (value: unknown) => (reasons = value),
      enumerable: true,
    },
  });
  return result;
}

/**
 * The labels a chunk's reading computed, by the text they are of. Each is taken once: two rows of the same text
 * get a result each, as the analysis may mark one of them a copy and not the other.
 */
export class PreparedLabels {
  private readonly byText = new Map<string, Prepared>();

  constructor(readonly key: LabellingKey) {}

  add(draft: PublicationDraft, prepared: Prepared): void {
    this.byText.set(keyOf(labelledTextOf(draft)), prepared);
  }

  /** The labels computed for this text, when they were computed with `key`. */
  take(post: LabelledText, key: LabellingKey): Prepared | undefined {
    if (this.byText.size === 0 || key.declarativeBelow !== this.key.declarativeBelow) return undefined;
    if (key.modelId !== this.key.modelId) return undefined;
    const text = keyOf(post);
    const found = this.byText.get(text);
    this.byText.delete(text);
    return found;
  }

  clear(): void {
    this.byText.clear();
  }
}

/** A fingerprint of known band keys whose shingles are taken only when a candidate copy is compared. */
export function fingerprintWith(text: string, bands: readonly number[]): Fingerprint {
  let shingles: ReadonlySet<number> | undefined;
  return {
    bands,
    get shingles() {
      return (shingles ??= shinglesOf(text));
    },
  };
}
