/**
 * The report model: what a brief says, laid out in sections of paragraphs, tables, charts and findings, with
 * numbers kept as numbers. Renderers turn it into Word, Excel, HTML or Markdown and see nothing else.
 */
import type { EvidenceRecord, RuleIdName } from '../shared/finding.js';
import type { ReportLang } from '../shared/vocabulary.js';

/** A table cell: text, a count, a fraction shown as a percent, a link, or nothing. */
export type Cell = string | number | { percent: number } | { text: string; url: string } | null;

export interface Column {
  label: string;
  kind: 'text' | 'number' | 'percent';
}

export interface TableBlock {
  kind: 'table';
  /** Stable name, e.g. for the Excel sheet. */
  id: string;
  caption: string;
  columns: Column[];
  rows: Cell[][];
  /** A closing row (totals), set apart by renderers. */
  total?: Cell[];
}

export interface ParagraphBlock {
  kind: 'paragraph';
  text: string;
}

export interface ListBlock {
  kind: 'list';
  items: string[];
}

export interface ChartBlock {
  kind: 'chart';
  id: string;
  title: string;
  /** The table beside it that holds the same figures: formats that show charts as tables leave this one out. */
  table?: string;
  type: 'bar' | 'stacked-bar';
  categories: string[];
  series: { name: string; values: number[] }[];
}

/** A finding as the body states it, in the committee's words: no rule ids, no thresholds. */
export interface FindingBlock {
  kind: 'finding';
  title: string;
  text: string;
  recommendation: string;
  /** Where the appendix gives its grounds, e.g. "Основания — в приложении, п. 1." */
  reference: string;
}

/** The grounds of a finding, in the appendix: the rule, the settings it judged with and the records behind it. */
export interface GroundsBlock {
  kind: 'grounds';
  /** Numbered as the body refers to it, e.g. "1. Низкий охват аудитории". */
  title: string;
  ruleId: RuleIdName;
  /** The settings it judged with, as a reader sees them. */
  threshold: string;
  evidence: EvidenceRecord[];
}

export type Block = TableBlock | ParagraphBlock | ListBlock | ChartBlock | FindingBlock | GroundsBlock;

export interface Section {
  id: string;
  /** None for the appendix. */
  number: number | null;
  heading: string;
  blocks: Block[];
}

export interface ReportModel {
  lang: ReportLang;
  title: string;
  subtitle: string;
  /** The organization's name and the period as the reader sees them. */
  orgName: string;
  periodText: string;
  sections: Section[];
  /** Who signs: the press service or the organization. */
  signature: string;
  /** Words renderers put beside a finding's parts. */
  findingLabels: {
    rule: string;
    finding: string;
    recommendation: string;
    threshold: string;
    evidence: string;
  };
}
