/**
 * Training the per-installation model. Users' corrections are the signal; so that a handful of them does not
 * turn into a model that knows one class only, each training run also sees a sample of the installation's other
 * publications labelled by the lexicons themselves, at a lower weight, where the lexicons are sure: a post the
 * lexicons call `other` only lacks evidence, and a user's correction of a similar post is the better teacher.
 */
import { classify, DEFAULT_SETTINGS, type LearnedModelParams } from './classify.js';
import { detectLanguage } from './language.js';
import { featuresOf, NaiveBayes, type Sample } from './naive-bayes.js';
import { tokenize } from './tokens.js';
import type { Topic } from '../shared/vocabulary.js';

export interface TrainingText {
  text: string;
  /** Labels a user gave; absent ones are taken from the lexicons. */
  primaryTopic?: Topic;
  declarative?: boolean;
}

/** A correction outweighs a lexicon-labelled background text this many times. */
const CORRECTION_WEIGHT = 5;
/** How much the model counts against the lexicons when classifying (twice that where the lexicons are unsure). */
const MODEL_WEIGHT = 0.3;
/** A background post teaches its topic when the lexicons' primary topic scores this much or more. */
const SURE_TOPIC = 0.45;
/** … and its concreteness class when its concreteness is this far from the threshold. */
const SURE_CONCRETENESS = 0.2;

export function trainModel(
  corrected: readonly TrainingText[],
  background: readonly string[],
  weight = MODEL_WEIGHT,
): LearnedModelParams {
  const topics: Sample[] = [];
  const declarative: Sample[] = [];
  const add = (text: string, labels: Omit<TrainingText, 'text'>, sampleWeight: number) => {
    const tokens = tokenize(text);
    const features = featuresOf(tokens, detectLanguage(tokens).language === 'kk');
    const lexicon =
      labels.primaryTopic === undefined || labels.declarative === undefined ? classify(text) : undefined;
    const primary = lexicon?.topics[0];
    const topic =
      labels.primaryTopic ??
      (primary && primary.topic !== 'other' && primary.score >= SURE_TOPIC ? primary.topic : null);
    if (topic) topics.push({ features, label: topic, weight: sampleWeight });
    const sure =
      lexicon && Math.abs(lexicon.concreteness - DEFAULT_SETTINGS.declarativeBelow) >= SURE_CONCRETENESS;
    const isDeclarative = labels.declarative ?? (sure ? lexicon.declarative : undefined);
    if (isDeclarative !== undefined) {
      declarative.push({ features, label: isDeclarative ? 'declarative' : 'concrete', weight: sampleWeight });
    }
  };
  for (const item of corrected) add(item.text, item, CORRECTION_WEIGHT);
  for (const text of background) add(text, {}, 1);
  return {
    version: 1,
    weight,
    topics: NaiveBayes.train(topics).toParams(),
    declarative: NaiveBayes.train(declarative).toParams(),
  };
}
