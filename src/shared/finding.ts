/**
 * A judgement of the brief: which rule fired, with what threshold, on what evidence, and the texts a reader sees
 * in Russian and Kazakh (and English in the web application). Shared by the brief, the API and the web.
 */
import { formatNumber, formatPercent } from './format.js';
import { interpolate } from './messages.js';
import { RULE_TEXTS, THRESHOLD_CLAUSE } from './rule-texts.js';
import type { ReportLang, UiLang } from './vocabulary.js';

export const RULE_IDS = [
  'low_reach',
  'platform_missing',
  'legal_share_low',
  'declarative_dominant',
  'reposts_dominant',
  'branches_without_publications',
  'no_info_responsible',
  'media_coverage_falling',
  'app_adoption_low',
  'overdue_tasks',
  'collection_stale',
] as const;
export type RuleIdName = (typeof RULE_IDS)[number];

/** A value in a finding's text, formatted for the reader's language. */
export type FindingParam =
  | { number: number }
  | { percent: number }
  | { text: string }
  | { names: Names<string> }
  /** Names under headings, e.g. the organizations without a page, platform by platform. */
  | { groups: Names<NameGroup> };

/**
 * Names in each language. English, where absent (findings stored before organizations had English names), shows
 * the Russian names.
 */
export interface Names<T> {
  ru: readonly T[];
  kk: readonly T[];
  en?: readonly T[];
}

const namesIn = <T>(names: Names<T>, lang: UiLang): readonly T[] =>
  lang === 'en' ? (names.en ?? names.ru) : names[lang];

export interface NameGroup {
  label: string;
  names: readonly string[];
}

export interface EvidenceRecord {
  kind: 'publication' | 'organization' | 'channel' | 'task' | 'decision' | 'mention' | 'person' | 'material';
  id: number;
  label: string;
  /** The label in Kazakh, where the record has one (an organization's name). */
  labelKk?: string;
  date?: string;
  url?: string | null;
}

export interface Finding {
  ruleId: RuleIdName;
  /** The settings the rule judged with, e.g. `{ minReach: 0.1 }`. */
  threshold: Readonly<Record<string, unknown>>;
  /** The values the finding's text states (the evidence's numbers). */
  params: Readonly<Record<string, FindingParam>>;
  /** The records behind the numbers. */
  records: readonly EvidenceRecord[];
}

function formatParam(param: FindingParam, lang: UiLang): string {
  if ('number' in param) return formatNumber(param.number, lang);
  if ('percent' in param) return formatPercent(param.percent, lang);
  if ('text' in param) return param.text;
  if ('groups' in param)
    return namesIn(param.groups, lang)
      .map((group) => `${group.label}: ${group.names.join(', ')}`)
      .join('; ');
  return namesIn(param.names, lang).join(', ');
}

/** A finding's texts; `withThreshold: false` leaves out the closing clause that states the threshold. */
export function describeFinding(
  finding: Finding,
  lang: UiLang,
  { withThreshold = true }: { withThreshold?: boolean } = {},
): { title: string; text: string; recommendation: string } {
  const texts = RULE_TEXTS[lang][finding.ruleId];
  const text = withThreshold ? texts.finding : texts.finding.replace(THRESHOLD_CLAUSE[lang], '');
  const values = Object.fromEntries(
    Object.entries(finding.params).map(([name, param]) => [name, formatParam(param, lang)]),
  );
  return {
    title: interpolate(texts.title, values),
    text: interpolate(text, values),
    recommendation: interpolate(texts.recommendation, values),
  };
}

/** How an evidence record is named in the report's language. */
export function evidenceLabel(record: EvidenceRecord, lang: ReportLang): string {
  return lang === 'kk' ? (record.labelKk ?? record.label) : record.label;
}
