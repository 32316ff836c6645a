/**
 * Measures of the classifier against a labelled set: precision, recall and F1 per primary topic, their macro
 * average, accuracy of the primary topic, the declarative flag and the language, and precision and recall of
 * reposts (by marks and by near-copies of earlier posts on other channels).
 */
import { TOPICS, type ContentLang, type Topic } from '../shared/vocabulary.js';
import { type Classification } from './classify.js';
import { fingerprintOf, NearDuplicateIndex } from './near-duplicate.js';

export interface LabelledPost {
  id: string;
  /** `dev` tuned the lexicons; `test` was held out; `fresh` was written after the lexicons were frozen. */
  part: 'dev' | 'test' | 'fresh';
  lang: ContentLang;
  primaryTopic: Topic;
  topics: Topic[];
  declarative: boolean;
  repost: boolean;
  channel: string;
  forwardedFrom?: string;
  repostOf?: string;
  text: string;
}

export interface TopicMetrics {
  topic: Topic;
  precision: number;
  recall: number;
  f1: number;
  support: number;
}

export interface BinaryMetrics {
  precision: number;
  recall: number;
  f1: number;
}

export interface EvaluationReport {
  posts: number;
  topics: TopicMetrics[];
  macroF1: number;
  topicAccuracy: number;
  declarativeAccuracy: number;
  languageAccuracy: number;
  repost: BinaryMetrics;
  /** Posts whose primary topic or declarative flag was wrong: id, expected, got. */
  errors: { id: string; field: 'primaryTopic' | 'declarative'; expected: string; got: string }[];
}

const ratio = (a: number, b: number) => (b === 0 ? 0 : a / b);
const f1Of = (precision: number, recall: number) => ratio(2 * precision * recall, precision + recall);

export interface EvaluationOptions {
  /** Measure one part only; the others still serve as earlier posts a repost may copy. */
  part?: LabelledPost['part'];
  /** Jaccard similarity from which a near-copy is a repost. */
  jaccard?: number;
}

/**
 * Evaluates `predict` on the posts, taken in their order as the order of publication (a repost's source comes
 * before it). Near-copies are looked for among the earlier posts of other channels.
 */
export function evaluate(
  posts: readonly LabelledPost[],
  predict: (post: LabelledPost) => Classification,
  options: EvaluationOptions = {},
): EvaluationReport {
  const index = new NearDuplicateIndex<string>(options.jaccard);
  const copies = new Set<string>();
  for (const post of posts) {
    const fingerprint = fingerprintOf(post.text);
    if (fingerprint && index.addAndFind({ key: post.id, channel: post.channel, fingerprint }))
      copies.add(post.id);
  }
  const measured = options.part ? posts.filter((post) => post.part === options.part) : posts;
  const predicted = measured.map((post) => {
    const result = predict(post);
    return { post, result, repost: result.isRepost || copies.has(post.id) };
  });
  const topics = TOPICS.map((topic): TopicMetrics => {
    const truePositive = predicted.filter(
      (p) => p.post.primaryTopic === topic && p.result.primaryTopic === topic,
    );
    const predictedCount = predicted.filter((p) => p.result.primaryTopic === topic).length;
    const support = predicted.filter((p) => p.post.primaryTopic === topic).length;
    const precision = ratio(truePositive.length, predictedCount);
    const recall = ratio(truePositive.length, support);
    return { topic, precision, recall, f1: f1Of(precision, recall), support };
  }).filter((metrics) => metrics.support > 0);
  const repostTrue = predicted.filter((p) => p.post.repost && p.repost).length;
  const repostPrecision = ratio(repostTrue, predicted.filter((p) => p.repost).length);
  const repostRecall = ratio(repostTrue, predicted.filter((p) => p.post.repost).length);
  const share = (test: (p: (typeof predicted)[number]) => boolean) =>
    ratio(predicted.filter(test).length, predicted.length);
  return {
    posts: predicted.length,
    topics,
    macroF1: ratio(
      topics.reduce((sum, metrics) => sum + metrics.f1, 0),
      topics.length,
    ),
    topicAccuracy: share((p) => p.post.primaryTopic === p.result.primaryTopic),
    declarativeAccuracy: share((p) => p.post.declarative === p.result.declarative),
    languageAccuracy: share((p) => p.post.lang === p.result.language),
    repost: { precision: repostPrecision, recall: repostRecall, f1: f1Of(repostPrecision, repostRecall) },
    errors: predicted.flatMap(({ post, result }) => [
      ...(post.primaryTopic === result.primaryTopic
        ? []
        : [
            {
              id: post.id,
              field: 'primaryTopic' as const,
              expected: post.primaryTopic,
              got: result.primaryTopic,
            },
          ]),
      ...(post.declarative === result.declarative
        ? []
        : [
            {
              id: post.id,
              field: 'declarative' as const,
              expected: String(post.declarative),
              got: String(result.declarative),
            },
          ]),
    ]),
  };
}
