/** The brief's tables as an Excel workbook: one sheet a table, numbers stored as numbers, header row frozen. */
import ExcelJS from 'exceljs';
import type { Cell, ReportModel, TableBlock } from '../model.js';
import { cellText, cellUrl, chartAsTable, evidenceText } from './cells.js';

/** Excel sheet names: at most 31 characters, none of []:*?/\ , unique in the workbook. */
function sheetName(caption: string, taken: Set<string>): string {
  const base =
    caption
      .replace(/[[\]:*?/\\]/g, ' ')
      .trim()
      .slice(0, 28) || 'Sheet';
  let name = base;
  for (let index = 2; taken.has(name.toLowerCase()); index++) name = `${base.slice(0, 26)} ${index}`;
  taken.add(name.toLowerCase());
  return name;
}

function value(cell: Cell, model: ReportModel): ExcelJS.CellValue {
  if (cell === null) return null;
  if (typeof cell === 'number' || typeof cell === 'string') return cell;
  if ('percent' in cell) return cell.percent;
  const url = cellUrl(cell);
  return url ? { text: cellText(cell, model.lang), hyperlink: url } : cellText(cell, model.lang);
}

function addTable(
  workbook: ExcelJS.Workbook,
  block: TableBlock,
  model: ReportModel,
  taken: Set<string>,
): void {
  const sheet = workbook.addWorksheet(sheetName(block.caption, taken), {
    views: [{ state: 'frozen', ySplit: 1 }],
  });
  sheet.addRow(block.columns.map((column) => column.label)).font = { bold: true };
  for (const cells of block.rows) sheet.addRow(cells.map((cell) => value(cell, model)));
  if (block.total) sheet.addRow(block.total.map((cell) => value(cell, model))).font = { bold: true };
  block.columns.forEach((column, index) => {
    const excelColumn = sheet.getColumn(index + 1);
    if (column.kind === 'percent') excelColumn.numFmt = '0.0%';
    if (column.kind === 'number') excelColumn.numFmt = '#,##0';
    const longest = Math.max(
      column.label.length,
      ...[...block.rows, ...(block.total ? [block.total] : [])].map(
        (cells) => cellText(cells[index] ?? null, model.lang).length,
      ),
    );
    excelColumn.width = Math.min(80, Math.max(8, longest + 2));
  });
  // The header row keeps its text format.
  sheet.getRow(1).eachCell((headerCell) => {
    headerCell.numFmt = '@';
  });
}

export async function renderXlsx(model: ReportModel): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'aqparat';
  workbook.title = `${model.title} — ${model.orgName}`;
  const taken = new Set<string>();
  for (const section of model.sections) {
    for (const block of section.blocks) {
      if (block.kind === 'table') addTable(workbook, block, model, taken);
      // A chart whose figures a table beside it already holds would be the same sheet twice.
      if (block.kind === 'chart' && !block.table) addTable(workbook, chartAsTable(block, ''), model, taken);
    }
    const labels = model.findingLabels;
    const findings = section.blocks.flatMap((block) =>
      block.kind === 'finding' ? [[block.title, block.text, block.recommendation]] : [],
    );
    const grounds = section.blocks.flatMap((block) =>
      block.kind === 'grounds'
        ? [
            [
              block.title,
              block.ruleId,
              block.threshold,
              block.evidence.map((record) => evidenceText(record, model.lang)).join('; '),
            ],
          ]
        : [],
    );
    for (const [id, rows, columns] of [
      ['findings', findings, [labels.finding, '', labels.recommendation]],
      ['grounds', grounds, [labels.finding, labels.rule, labels.threshold, labels.evidence]],
    ] as const) {
      if (rows.length === 0) continue;
      addTable(
        workbook,
        {
          kind: 'table',
          id,
          caption: section.heading,
          columns: columns.map((label) => ({ label, kind: 'text' as const })),
          rows,
        },
        model,
        taken,
      );
    }
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
