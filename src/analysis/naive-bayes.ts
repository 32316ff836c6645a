/**
 * Multinomial naive Bayes over stemmed words: the small per-installation model that corrections train. Its
 * parameters are word counts per class, so it is stored as plain JSON and trained in one pass.
 */
import { isFunctionWord } from './language.js';
import { kazakhStem, russianStem } from './stemmers.js';
import type { Token } from './tokens.js';

export interface ClassCounts {
  documents: number;
  words: number;
  counts: Record<string, number>;
}

export interface NaiveBayesParams {
  classes: Record<string, ClassCounts>;
}

export interface Sample {
  features: readonly string[];
  label: string;
  /** How much the sample counts (a user's correction counts more than a label the lexicons gave). */
  weight?: number;
}

/** Laplace smoothing. */
const ALPHA = 1;

/** The features of a post: stems of its content words, Kazakh or Russian by the word's language. */
export function featuresOf(tokens: readonly Token[], kazakhText: boolean): string[] {
  const features: string[] = [];
  for (const token of tokens) {
    if (token.kind !== 'word' || token.norm.length < 3 || isFunctionWord(token.norm)) continue;
    if (!token.cyrillic) features.push(token.norm);
    else
      features.push(
        token.kazakh || kazakhText ? `k:${kazakhStem(token.norm)}` : `r:${russianStem(token.norm)}`,
      );
  }
  return features;
}

export class NaiveBayes {
  private readonly labels: string[];
  private readonly logPrior: Float64Array;
  private readonly logDenominator: Float64Array;
  private readonly counts: Map<string, number>[];
  private readonly vocabulary: Set<string>;

  private constructor(private readonly params: NaiveBayesParams) {
    this.labels = Object.keys(params.classes);
    const classes = this.labels.map((label) => params.classes[label] as ClassCounts);
    this.vocabulary = new Set(classes.flatMap((item) => Object.keys(item.counts)));
    const totalDocuments = classes.reduce((sum, item) => sum + item.documents, 0);
    this.logPrior = Float64Array.from(classes, (item) => Math.log(item.documents / totalDocuments));
    this.logDenominator = Float64Array.from(classes, (item) =>
      Math.log(item.words + ALPHA * this.vocabulary.size),
    );
    this.counts = classes.map((item) => new Map(Object.entries(item.counts)));
  }

  static train(samples: Iterable<Sample>): NaiveBayes {
    const classes: Record<string, ClassCounts> = {};
    for (const sample of samples) {
      const weight = sample.weight ?? 1;
      const item = (classes[sample.label] ??= { documents: 0, words: 0, counts: {} });
      item.documents += weight;
      for (const feature of sample.features) {
        item.counts[feature] = (item.counts[feature] ?? 0) + weight;
        item.words += weight;
      }
    }
    return new NaiveBayes({ classes });
  }

  static fromParams(params: NaiveBayesParams): NaiveBayes {
    return new NaiveBayes(params);
  }

  toParams(): NaiveBayesParams {
    return this.params;
  }

  get classes(): readonly string[] {
    return this.labels;
  }

  /**
   * Probability of each class. The joint log-likelihood is divided by `temperature` before normalizing, since
   * naive Bayes' independence assumption makes raw posteriors far too sure of themselves.
   */
  posterior(features: readonly string[], temperature = 1): Map<string, number> {
    const scores = Array.from(this.logPrior);
    for (const feature of features) {
      if (!this.vocabulary.has(feature)) continue;
      for (let c = 0; c < scores.length; c++) {
        const count = (this.counts[c] as Map<string, number>).get(feature) ?? 0;
        scores[c] = (scores[c] as number) + Math.log(count + ALPHA) - (this.logDenominator[c] as number);
      }
    }
    const max = Math.max(...scores);
    const exp = scores.map((score) => Math.exp((score - max) / temperature));
    const sum = exp.reduce((a, b) => a + b, 0);
    return new Map(this.labels.map((label, c) => [label, (exp[c] as number) / sum]));
  }
}
