/**
 * Measures of the classifier against a labelled set: precision, recall and F1 per primary topic, their macro
 * average, accuracy of the primary topic, the declarative flag and the language, and precision and recall of
 * reposts (by marks and by near-copies of earlier posts on other channels).
 */
import { CONTENT_LANGS, TOPICS, type ContentLang, type Topic } from '../shared/vocabulary.js';
import type { Classification } from './classify.js';
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

/** A text of the real set (data/eval/real): written by others, with its source and license. */
export interface RealLabelledPost extends LabelledPost {
  /** About a union, labour or education matters (docs/LABELLING.md). */
  union: boolean;
  source: string;
  license: string;
}

/** Rows are the labels read, columns the labels the classifier gave; `counts[row][column]`. */
export interface ConfusionMatrix<L extends string> {
  labels: L[];
  counts: number[][];
}

export interface LanguageMetrics {
  lang: ContentLang;
  /** Texts of this language as labelled. */
  support: number;
  /** Share of them the classifier gave this language. */
  accuracy: number;
}

export interface RealEvaluationReport {
  posts: number;
  /** Texts about union, labour or education matters. */
  unionPosts: number;
  languages: LanguageMetrics[];
  languageAccuracy: number;
  languageConfusion: ConfusionMatrix<ContentLang>;
  /** Share of the texts in other Cyrillic languages (labelled `other`) the classifier called `other`. */
  otherCyrillicAsOther: number;
  /** Precision, recall and F1 per primary topic over all texts of the part. */
  topics: TopicMetrics[];
  topicConfusion: ConfusionMatrix<Topic>;
  /** The same over the union, labour and education texts only, and their macro-F1 (the target). */
  unionTopics: TopicMetrics[];
  unionMacroF1: number;
  /** Precision of `legal` as primary topic over all texts: a false `legal` inflates the brief's legal share. */
  legalPrecision: number;
  /** How many texts the classifier called `legal`, for the precision's weight. */
  legalPredicted: number;
  declarativeAccuracy: number;
}

function confusion<L extends string>(labels: readonly L[], pairs: readonly [L, L][]): ConfusionMatrix<L> {
  const counts = labels.map(() => labels.map(() => 0));
  for (const [expected, got] of pairs) {
    const row = counts[labels.indexOf(expected)];
    const column = labels.indexOf(got);
    if (row && column >= 0) row[column] = (row[column] ?? 0) + 1;
  }
  return { labels: [...labels], counts };
}

function topicMetrics(pairs: readonly { expected: Topic; got: Topic }[]): TopicMetrics[] {
  return TOPICS.map((topic): TopicMetrics => {
    const truePositive = pairs.filter((p) => p.expected === topic && p.got === topic).length;
    const precision = ratio(truePositive, pairs.filter((p) => p.got === topic).length);
    const support = pairs.filter((p) => p.expected === topic).length;
    const recall = ratio(truePositive, support);
    return { topic, precision, recall, f1: f1Of(precision, recall), support };
  }).filter((metrics) => metrics.support > 0);
}

/**
 * Measures `predict` on one part of the real set: language per language with a confusion matrix, primary topics
 * with precision, recall, F1 and a confusion matrix, macro-F1 over the union/labour/education texts, precision
 * of `legal`, declarative accuracy and the share of other Cyrillic languages called `other`.
 */
export function evaluateReal(
  posts: readonly RealLabelledPost[],
  predict: (post: RealLabelledPost) => Classification,
  part?: LabelledPost['part'],
): RealEvaluationReport {
  const measured = (part ? posts.filter((post) => post.part === part) : posts).map((post) => ({
    post,
    result: predict(post),
  }));
  const languages = CONTENT_LANGS.map((lang): LanguageMetrics => {
    const ofLang = measured.filter((p) => p.post.lang === lang);
    return {
      lang,
      support: ofLang.length,
      accuracy: ratio(ofLang.filter((p) => p.result.language === lang).length, ofLang.length),
    };
  }).filter((metrics) => metrics.support > 0);
  const topicPairs = measured.map((p) => ({ expected: p.post.primaryTopic, got: p.result.primaryTopic }));
  const union = measured.filter((p) => p.post.union);
  const unionTopics = topicMetrics(
    union.map((p) => ({ expected: p.post.primaryTopic, got: p.result.primaryTopic })),
  );
  const legalPredicted = measured.filter((p) => p.result.primaryTopic === 'legal');
  return {
    posts: measured.length,
    unionPosts: union.length,
    languages,
    languageAccuracy: ratio(
      measured.filter((p) => p.post.lang === p.result.language).length,
      measured.length,
    ),
    languageConfusion: confusion(
      CONTENT_LANGS,
      measured.map((p): [ContentLang, ContentLang] => [p.post.lang, p.result.language]),
    ),
    otherCyrillicAsOther: languages.find((metrics) => metrics.lang === 'other')?.accuracy ?? 0,
    topics: topicMetrics(topicPairs),
    topicConfusion: confusion(
      TOPICS,
      topicPairs.map((p): [Topic, Topic] => [p.expected, p.got]),
    ),
    unionTopics,
    unionMacroF1: ratio(
      unionTopics.reduce((sum, metrics) => sum + metrics.f1, 0),
      unionTopics.length,
    ),
    legalPrecision: ratio(
      legalPredicted.filter((p) => p.post.primaryTopic === 'legal').length,
      legalPredicted.length,
    ),
    legalPredicted: legalPredicted.length,
    declarativeAccuracy: ratio(
      measured.filter((p) => p.post.declarative === p.result.declarative).length,
      measured.length,
    ),
  };
}
