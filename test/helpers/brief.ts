/** The seed brief's request, and reading a table back out of a report model. */
import type { ReportModel, TableBlock } from '../../src/reports/model.js';

export const SEED_BRIEF = { org: 'abai', from: '2021-01-01', to: '2024-09-01' };

export function tableOf(model: ReportModel, id: string): TableBlock {
  const table = model.sections
    .flatMap((section) => section.blocks)
    .find((block): block is TableBlock => block.kind === 'table' && block.id === id);
  if (!table) throw new Error(`no table ${id}`);
  return table;
}
