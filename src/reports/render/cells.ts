/** How a table cell reads in a language; every renderer shows cells the same way. */
import { type EvidenceRecord, evidenceLabel } from '../../shared/finding.js';
import { formatNumber, formatPercent, formatShortDate } from '../../shared/format.js';
import type { ReportLang } from '../../shared/vocabulary.js';
import type { Cell, ChartBlock, Section, TableBlock } from '../model.js';

export function cellText(cell: Cell, lang: ReportLang): string {
  if (cell === null) return '—';
  if (typeof cell === 'number') return formatNumber(cell, lang);
  if (typeof cell === 'string') return cell;
  if ('percent' in cell) return formatPercent(cell.percent, lang);
  return cell.text;
}

export function cellUrl(cell: Cell): string | null {
  return cell !== null && typeof cell === 'object' && 'url' in cell ? cell.url : null;
}

/** A chart's data as a table, for formats that show numbers rather than pictures. */
export function chartAsTable(chart: ChartBlock, firstColumn: string): TableBlock {
  return {
    kind: 'table',
    id: chart.id,
    caption: chart.title,
    columns: [
      { label: firstColumn, kind: 'text' },
      ...chart.series.map((series) => ({ label: series.name, kind: 'number' as const })),
    ],
    rows: chart.categories.map((category, index) => [
      category,
      ...chart.series.map((series) => series.values[index] ?? 0),
    ]),
  };
}

/** A section's heading as every format prints it: numbered, but for the appendix. */
export function sectionHeading(section: Section): string {
  return section.number === null ? section.heading : `${section.number}. ${section.heading}`;
}

/** An evidence record as a line of the appendix: its date, if any, then its name in the report's language. */
export function evidenceText(record: EvidenceRecord, lang: ReportLang): string {
  return `${record.date ? `${formatShortDate(record.date, lang)} ` : ''}${evidenceLabel(record, lang)}`;
}
