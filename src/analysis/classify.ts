/**
 * The content analysis of one post, pure and fast enough to run inline in an import: language, topics with
 * scores and one primary, concreteness and the declarative flag, repost by the source's marks, and the reasons
 * (matched terms, phrases and facts) behind each label. A learned model, trained on users' corrections, is
 * blended with the lexicons when given.
 */
import { TOPICS, type ContentLang, type Topic } from '../shared/vocabulary.js';
import { assessConcreteness, DECLARATIVE_BELOW, type SignalHit } from './concreteness.js';
import { detectLanguage } from './language.js';
import { Lexicon, type LexiconEntry } from './lexicon.js';
import { type Signal, SIGNAL_TERMS } from './lexicons/signals.js';
import { TOPIC_TERMS } from './lexicons/topics.js';
import { featuresOf, NaiveBayes, type NaiveBayesParams } from './naive-bayes.js';
import { type RepostMarks, repostFromMarks } from './repost.js';
import { type Token, tokenize } from './tokens.js';

export interface TopicScore {
  topic: Topic;
  score: number;
}

export interface Reasons {
  /** Evidence of the language: `kazakh_letters:…`, `kk_word:…`, `ru_word:…`. */
  language: string[];
  /** Per topic, the terms and phrases found, quoted from the post. */
  topics: Partial<Record<Topic, string[]>>;
  /** Concrete facts, `kind:quote` (quantity, money, percent, date, person, institution, outcome, norm). */
  concrete: string[];
  /** Declarative formulas and appeals, quoted from the post. */
  declarative: string[];
  /** How the post was found to be a repost: `forwarded_from:…`, `text_mark:…`, `near_duplicate:…`. */
  repost: string[];
  /** Labels a user set, which win over the computed ones: `primaryTopic by NAME at TIME`. */
  corrected?: string[];
  /** The learned model's contribution, when one was used: `model:TOPIC 0.82`. */
  model?: string[];
}

export interface Classification {
  language: ContentLang;
  /** How sure the language is, 0 to 1, from the evidence the text gave (detectLanguage). */
  languageConfidence: number;
  primaryTopic: Topic;
  topics: TopicScore[];
  concreteness: number;
  declarative: boolean;
  isRepost: boolean;
  repostSource: string | null;
  reasons: Reasons;
}

export interface PostInput {
  text: string;
  title?: string | null;
  /** What the source's export says about a repost. */
  marks?: RepostMarks;
}

/** A model trained on corrections (analysis.service retrains it); its parameters are stored as JSON. */
export interface LearnedModelParams {
  version: 1;
  /** How much the model counts against the lexicons, 0..1. */
  weight: number;
  topics: NaiveBayesParams;
  declarative: NaiveBayesParams;
}

export interface LearnedModel {
  readonly weight: number;
  readonly topics: NaiveBayes;
  readonly declarative: NaiveBayes;
}

export function modelFromParams(params: LearnedModelParams): LearnedModel {
  return {
    weight: params.weight,
    topics: NaiveBayes.fromParams(params.topics),
    declarative: NaiveBayes.fromParams(params.declarative),
  };
}

export interface ClassifySettings {
  /** Below this concreteness a post is declarative. */
  declarativeBelow: number;
}

export const DEFAULT_SETTINGS: ClassifySettings = { declarativeBelow: DECLARATIVE_BELOW };

/** A topic needs this much lexicon weight to be primary; below it, a post is `other`. */
const PRIMARY_MIN = 1.5;
/** A topic is listed with its score when its weight reaches this. */
const LISTED_MIN = 1.5;
/** Raw weight to score: 1 − e^(−weight/SCALE), so weight 3 gives 0.53 and weight 6 gives 0.78. */
const SCALE = 4;
/** Terms in the first sentence weigh this much more: a post's lead says what it is about. */
const LEAD_BOOST = 1.25;
/** A repeated term adds this share of its weight, once. */
const REPEAT_SHARE = 0.5;
/**
 * A topic's weight is its terms' weights in decreasing order, each next one counting this much less: one defining
 * term («коллективный договор») outweighs several incidental ones (a holiday, material aid) of another topic.
 */
const DECAY = 0.6;
/** Who acts is named in the lead: the Central Committee's own news names it there, as the subject. */
const SECTOR_LEAD_BOOST = 2;
/**
 * Softens the learned model's posteriors, which naive Bayes makes too sure. This, the confidence below and the
 * model's weight were chosen by two-fold cross-validation within the development part of data/eval.
 */
const MODEL_TEMPERATURE = 4;
/** The model speaks only when it is this sure of one class; otherwise the post is unlike anything it learned. */
const MODEL_CONFIDENCE = 0.5;

let lexicon: Lexicon<Topic | Signal> | undefined;
/** Built at the first post: stemming every term loads the Snowball stemmers, which a process may never need. */
const lexiconOf = () => (lexicon ??= new Lexicon<Topic | Signal>([...TOPIC_TERMS, ...SIGNAL_TERMS]));
const TOPIC_SET: ReadonlySet<string> = new Set(TOPICS);

const isTopic = (label: Topic | Signal): label is Topic => TOPIC_SET.has(label);

interface Hit {
  entry: LexiconEntry<Topic | Signal>;
  first: number;
  last: number;
}

/** Accepts the strongest hits first; a weaker term inside a stronger one of the same label adds nothing. */
function acceptHits(hits: Hit[]): Hit[] {
  hits.sort((a, b) => b.entry.weight - a.entry.weight || b.last - b.first - (a.last - a.first));
  const accepted: Hit[] = [];
  for (const hit of hits) {
    let overlaps = false;
    for (const other of accepted) {
      if (other.entry.label === hit.entry.label && other.first <= hit.last && hit.first <= other.last) {
        overlaps = true;
        break;
      }
    }
    if (!overlaps) accepted.push(hit);
  }
  return accepted;
}

/** End of the lead: the title, if any, and the text's first sentence. */
function leadEnd(tokens: readonly Token[], textStart: number): number {
  let index = 0;
  while (index < tokens.length && (tokens[index] as Token).start < textStart) index++;
  for (let i = index + 1; i < tokens.length; i++) if ((tokens[i] as Token).sentenceStart) return i;
  return tokens.length;
}

/** Classifies one post. Pure: the same input gives the same output. */
export function classify(
  input: string | PostInput,
  model?: LearnedModel,
  settings: ClassifySettings = DEFAULT_SETTINGS,
): Classification {
  const post = typeof input === 'string' ? { text: input } : input;
  const text = post.title ? `${post.title}.\n${post.text}` : post.text;
  const textStart = text.length - post.text.length;
  const tokens = tokenize(text);
  const hits: Hit[] = [];
  lexiconOf().match(tokens, (entry, first, last) => hits.push({ entry, first, last }));
  const accepted = acceptHits(hits);

  const lead = leadEnd(tokens, textStart);
  const contributions = new Map<Topic, number[]>();
  const topicReasons: Partial<Record<Topic, string[]>> = {};
  const seenTerms = new Map<LexiconEntry<Topic | Signal>, number>();
  const signals: SignalHit[] = [];
  for (const hit of accepted) {
    const { label, weight } = hit.entry;
    if (!isTopic(label)) {
      signals.push({ label, weight, first: hit.first, last: hit.last });
      continue;
    }
    const times = seenTerms.get(hit.entry) ?? 0;
    seenTerms.set(hit.entry, times + 1);
    if (times > 1) continue;
    const actor = label === 'sector' && weight >= 3;
    const boost = hit.first < lead ? (actor ? SECTOR_LEAD_BOOST : LEAD_BOOST) : 1;
    const added = (times === 0 ? weight : weight * REPEAT_SHARE) * boost;
    const list = contributions.get(label);
    if (list) list.push(added);
    else contributions.set(label, [added]);
    const quote = text.slice((tokens[hit.first] as Token).start, (tokens[hit.last] as Token).end);
    const quotes = (topicReasons[label] ??= []);
    if (!quotes.includes(quote)) quotes.push(quote);
  }
  const raw = new Map<Topic, number>();
  for (const [topic, list] of contributions) {
    list.sort((a, b) => b - a);
    raw.set(
      topic,
      list.reduce((sum, value, index) => sum + value * DECAY ** index, 0),
    );
  }

  let best: Topic = 'other';
  let bestRaw = 0;
  for (const topic of TOPICS) {
    const value = raw.get(topic) ?? 0;
    if (value > bestRaw) {
      best = topic;
      bestRaw = value;
    }
  }
  if (bestRaw < PRIMARY_MIN) {
    best = 'other';
    raw.set('other', Math.max(raw.get('other') ?? 0, PRIMARY_MIN));
  }
  const scores = new Map<Topic, number>();
  for (const topic of TOPICS) scores.set(topic, 1 - Math.exp(-(raw.get(topic) ?? 0) / SCALE));

  const languageResult = detectLanguage(tokens);
  const concreteness = assessConcreteness(text, tokens, signals, settings.declarativeBelow);
  let concretenessScore = concreteness.concreteness;
  const modelReasons: string[] = [];
  if (model) {
    const features = featuresOf(tokens, languageResult.language === 'kk');
    const posterior = model.topics.posterior(features, MODEL_TEMPERATURE);
    if (Math.max(0, ...posterior.values()) >= MODEL_CONFIDENCE) {
      // The model counts more where the lexicons are unsure, less where they found a defining term.
      const weight = Math.min(0.9, model.weight * 2 * (1 - (scores.get(best) ?? 0)));
      for (const topic of TOPICS) {
        const blended = (1 - weight) * (scores.get(topic) ?? 0) + weight * (posterior.get(topic) ?? 0);
        scores.set(topic, blended);
      }
      best = TOPICS.reduce((a, b) => ((scores.get(b) ?? 0) > (scores.get(a) ?? 0) ? b : a), best);
      modelReasons.push(`model:${best} ${(posterior.get(best) ?? 0).toFixed(2)}`);
    }
    const concrete = model.declarative.posterior(features, MODEL_TEMPERATURE).get('concrete');
    if (concrete !== undefined && Math.max(concrete, 1 - concrete) >= MODEL_CONFIDENCE) {
      concretenessScore = (1 - model.weight) * concretenessScore + model.weight * concrete;
      modelReasons.push(`model:concrete ${concrete.toFixed(2)}`);
    }
  }

  const topics: TopicScore[] = [{ topic: best, score: round(scores.get(best) ?? 0) }];
  for (const topic of TOPICS) {
    if (topic !== best && (raw.get(topic) ?? 0) >= LISTED_MIN) {
      topics.push({ topic, score: round(scores.get(topic) ?? 0) });
    }
  }
  topics.sort((a, b) => (a.topic === best ? -1 : b.topic === best ? 1 : b.score - a.score));

  const repost = repostFromMarks(post.text, post.marks);
  return {
    language: languageResult.language,
    languageConfidence: languageResult.confidence,
    primaryTopic: best,
    topics,
    concreteness: round(concretenessScore),
    declarative: concretenessScore < settings.declarativeBelow,
    isRepost: repost.isRepost,
    repostSource: repost.source,
    reasons: {
      language: languageResult.reasons,
      topics: topicReasons,
      concrete: concreteness.concrete,
      declarative: concreteness.declarativeReasons,
      repost: repost.reason ? [repost.reason] : [],
      ...(modelReasons.length > 0 ? { model: modelReasons } : {}),
    },
  };
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}
