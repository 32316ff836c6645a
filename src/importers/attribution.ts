/**
 * Attribution rules: which organization a post on a channel is about. A regional page carries its branches'
 * materials; a rule (a hashtag, a place name in its Russian or Kazakh form, a keyword) of an organization under
 * the channel's owner assigns the post to it. Hashtags are the most deliberate signal, then places, then keywords;
 * among rules of one kind the most specific organization (deepest under the owner) wins, then the earliest
 * match in the text. A post no rule fits stays with the owner.
 */
import type { RuleKind } from '../shared/vocabulary.js';

export interface AttributionRule {
  orgId: number;
  kind: RuleKind;
  pattern: string;
  /** How far under the channel's owner the organization is. */
  depth: number;
}

export interface Attribution {
  orgId: number;
  /** The rule that fired, as stored with the post: `place:Аягоз`. */
  rule: string;
}

const KIND_ORDER: readonly RuleKind[] = ['hashtag', 'place', 'keyword'];
/** Endings a place name loses before matching, so that «Семей» also finds «Семее» and «Семейский». */
const FINAL_VOWEL = /[аяоеёиыуюйьэі]$/u;
const MIN_STEM = 4;

const fold = (text: string) => text.toLowerCase().replace(/ё/g, 'е');
const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The pattern as a rule's key: hashtags without `#`, spaces collapsed. */
export function normalizePattern(kind: RuleKind, pattern: string): string {
  const text = pattern.trim().replace(/\s+/g, ' ');
  return kind === 'hashtag' ? text.replace(/^#+/, '') : text;
}

/** A word or phrase at the start of a word, with any ending after it (Russian and Kazakh inflect). */
function wordStart(stem: string): RegExp {
  return new RegExp(`(?<![\\p{L}\\p{N}])${escape(fold(stem))}`, 'u');
}

function matcherOf(rule: AttributionRule): (text: string, hashtags: ReadonlySet<string>) => number {
  const pattern = normalizePattern(rule.kind, rule.pattern);
  if (rule.kind === 'hashtag') {
    const tag = fold(pattern);
    return (_text, hashtags) => (hashtags.has(tag) ? 0 : -1);
  }
  const stem =
    rule.kind === 'place' && pattern.length > MIN_STEM ? pattern.replace(FINAL_VOWEL, '') : pattern;
  const regex = wordStart(stem);
  return (text) => text.search(regex);
}

/** Compiles the rules once per import; the result attributes one post at a time. */
export function compileRules(
  rules: readonly AttributionRule[],
): (text: string, hashtags: readonly string[]) => Attribution | undefined {
  const compiled = rules
    .filter((rule) => normalizePattern(rule.kind, rule.pattern) !== '')
    .map((rule) => ({ rule, match: matcherOf(rule) }))
    .sort(
      (a, b) =>
        KIND_ORDER.indexOf(a.rule.kind) - KIND_ORDER.indexOf(b.rule.kind) || b.rule.depth - a.rule.depth,
    );
  return (text, hashtags) => {
    if (compiled.length === 0) return undefined;
    const folded = fold(text);
    const tags = new Set(hashtags.map((tag) => fold(tag.replace(/^#/, ''))));
    let best: { rule: AttributionRule; at: number } | undefined;
    for (const { rule, match } of compiled) {
      if (best && (best.rule.kind !== rule.kind || best.rule.depth !== rule.depth)) break;
      const at = match(folded, tags);
      if (at >= 0 && (!best || at < best.at)) best = { rule, at };
    }
    return (
      best && {
        orgId: best.rule.orgId,
        rule: `${best.rule.kind}:${normalizePattern(best.rule.kind, best.rule.pattern)}`,
      }
    );
  };
}
