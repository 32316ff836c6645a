/**
 * The real evaluation set (data/eval/real): texts written by others, labelled by reading them
 * (docs/LABELLING.md), split into a development part and a held-out part that is scored only at the end.
 */
import { fileURLToPath } from 'node:url';
import { classify } from '../analysis/classify.js';
import {
  evaluateReal,
  type LabelledPost,
  type RealEvaluationReport,
  type RealLabelledPost,
} from '../analysis/evaluation.js';
import { ValidationError } from '../domain/errors.js';
import { readEvaluationSet } from './analysis.service.js';

export type { ConfusionMatrix, RealEvaluationReport } from '../analysis/evaluation.js';

export const REAL_EVALUATION_SET = [
  fileURLToPath(new URL('../../data/eval/real/real.jsonl', import.meta.url)),
];

/** The name `aqparat eval --set` takes for the real set. */
export const REAL_SET_NAME = 'real';

export interface RealEvaluationResult {
  /** The part that may be looked at while the analysis is worked on. */
  development: RealEvaluationReport;
  /** The held-out part: scored once, at the end of that work. */
  heldOut: RealEvaluationReport;
}

const isReal = (post: LabelledPost): post is RealLabelledPost => {
  const record = post as Partial<RealLabelledPost>;
  return typeof record.union === 'boolean' && typeof record.source === 'string';
};

/** Whether the labelled posts are in the real set's format: each with `union` and `source`. */
export function isRealSet(posts: readonly LabelledPost[]): posts is RealLabelledPost[] {
  return posts.length > 0 && posts.every(isReal);
}

export function readRealEvaluationSet(files: readonly string[] = REAL_EVALUATION_SET): RealLabelledPost[] {
  const posts = readEvaluationSet(files);
  const wrong = posts.findIndex((post) => !isReal(post));
  if (wrong >= 0)
    throw new ValidationError(posts[wrong]?.id ?? String(wrong), [{ path: 'union', code: 'required' }]);
  return posts as RealLabelledPost[];
}

export function runRealEvaluation(posts: readonly RealLabelledPost[]): RealEvaluationResult {
  // The texts carry no export marks: a real text is judged on its words alone.
  const predict = (post: RealLabelledPost) => classify({ text: post.text });
  return {
    development: evaluateReal(posts, predict, 'dev'),
    heldOut: evaluateReal(posts, predict, 'test'),
  };
}
