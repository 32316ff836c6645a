/** How a table cell reads in a language; every renderer shows cells the same way. */
import { formatNumber, formatPercent } from '../../shared/format.js';
import type { ReportLang } from '../../shared/vocabulary.js';
import type { Cell, ChartBlock, TableBlock } from '../model.js';

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
