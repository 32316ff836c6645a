/**
 * The brief as a Word document in the style of the seed: A4, Times New Roman 14, a title block, numbered
 * sections, real tables with repeating header rows, charts as pictures, page numbers in the footer.
 */
import {
  AlignmentType,
  Document,
  ExternalHyperlink,
  Footer,
  HeadingLevel,
  ImageRun,
  Packer,
  PageNumber,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import { evidenceLabel } from '../../shared/finding.js';
import { formatShortDate } from '../../shared/format.js';
import type { Block, Cell, ReportModel, TableBlock } from '../model.js';
import { cellText, cellUrl } from './cells.js';
import { CHART_SIZE, CHART_WIDTH_PX, renderChartPng } from './charts.js';

const FONT = 'Times New Roman';
/** docx sizes are half-points. */
const BODY = 28;
const SMALL = 24;
/** A4 in twentieths of a point, with the margins of Kazakh office documents (3 cm left, 1.5 cm right). */
const PAGE = { width: 11906, height: 16838, margin: { top: 1134, right: 850, bottom: 1134, left: 1701 } };
const TEXT_WIDTH = PAGE.width - PAGE.margin.left - PAGE.margin.right;
/** About one character of 12 pt Times in twips. */
const CHAR_WIDTH = 135;

function runs(text: string, options: { bold?: boolean; italics?: boolean; size?: number } = {}): TextRun[] {
  return [
    new TextRun({
      text,
      font: FONT,
      size: options.size ?? BODY,
      bold: options.bold,
      italics: options.italics,
    }),
  ];
}

function cellParagraph(cell: Cell, model: ReportModel, numeric: boolean, bold: boolean): Paragraph {
  const text = cellText(cell, model.lang);
  const url = cellUrl(cell);
  const run = new TextRun({ text, font: FONT, size: SMALL, bold, ...(url ? { style: 'Hyperlink' } : {}) });
  return new Paragraph({
    alignment: numeric ? AlignmentType.RIGHT : AlignmentType.LEFT,
    children:
      url && /^https?:\/\//i.test(url) ? [new ExternalHyperlink({ link: url, children: [run] })] : [run],
  });
}

/**
 * Column widths (twips) that fill the text width: every column at least as wide as its longest word (a date, a
 * number), the room left shared in proportion to how much longer its texts are.
 */
function columnWidths(block: TableBlock, model: ReportModel): number[] {
  const rows = [...block.rows, ...(block.total ? [block.total] : [])];
  const longestWord = (text: string) => Math.max(0, ...text.split(/\s+/).map((word) => word.length));
  const texts = block.columns.map((column, index) => [
    column.label,
    ...rows.map((cells) => cellText(cells[index] ?? null, model.lang)),
  ]);
  const least = texts.map((column) => (Math.max(...column.map(longestWord), 3) + 2) * CHAR_WIDTH);
  const wish = texts.map((column, index) =>
    Math.max(
      (Math.min(Math.max(...column.map((text) => text.length)), 60) + 1) * CHAR_WIDTH,
      least[index] ?? 0,
    ),
  );
  const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);
  if (sum(wish) <= TEXT_WIDTH) return wish.map((width) => Math.floor((width * TEXT_WIDTH) / sum(wish)));
  const room = Math.max(0, TEXT_WIDTH - sum(least));
  const extra = wish.map((width, index) => width - (least[index] ?? 0));
  return least.map((width, index) => Math.floor(width + (room * (extra[index] ?? 0)) / (sum(extra) || 1)));
}

function table(block: TableBlock, model: ReportModel): (Paragraph | Table)[] {
  const widths = columnWidths(block, model);
  const header = new TableRow({
    tableHeader: true,
    children: block.columns.map(
      (column, index) =>
        new TableCell({
          width: { size: widths[index] ?? 0, type: WidthType.DXA },
          shading: { fill: 'E8EDF3' },
          children: [new Paragraph({ children: runs(column.label, { bold: true, size: SMALL }) })],
        }),
    ),
  });
  const row = (cells: Cell[], bold: boolean) =>
    new TableRow({
      children: cells.map(
        (cell, index) =>
          new TableCell({
            width: { size: widths[index] ?? 0, type: WidthType.DXA },
            children: [cellParagraph(cell, model, block.columns[index]?.kind !== 'text', bold)],
          }),
      ),
    });
  return [
    new Paragraph({
      spacing: { before: 120 },
      children: runs(block.caption, { italics: true, size: SMALL }),
    }),
    new Table({
      width: { size: TEXT_WIDTH, type: WidthType.DXA },
      columnWidths: widths,
      rows: [
        header,
        ...block.rows.map((cells) => row(cells, false)),
        ...(block.total ? [row(block.total, true)] : []),
      ],
    }),
    new Paragraph({ children: [] }),
  ];
}

function paragraph(text: string): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.JUSTIFIED,
    indent: { firstLine: 709 },
    children: runs(text),
  });
}

function block(item: Block, model: ReportModel): (Paragraph | Table)[] {
  switch (item.kind) {
    case 'paragraph':
      return [paragraph(item.text)];
    case 'list':
      return item.items.map((entry) => new Paragraph({ bullet: { level: 0 }, children: runs(entry) }));
    case 'table':
      return table(item, model);
    case 'chart':
      return [
        new Paragraph({
          alignment: AlignmentType.CENTER,
          children: [
            new ImageRun({
              type: 'png',
              data: renderChartPng(item),
              transformation: {
                width: CHART_WIDTH_PX,
                height: Math.round((CHART_WIDTH_PX * CHART_SIZE.height) / CHART_SIZE.width),
              },
            }),
          ],
        }),
        new Paragraph({
          alignment: AlignmentType.CENTER,
          children: runs(item.title, { italics: true, size: SMALL }),
        }),
      ];
    case 'finding':
      return [
        new Paragraph({ spacing: { before: 200 }, children: runs(item.title, { bold: true }) }),
        paragraph(item.text),
        paragraph(`${model.findingLabels.recommendation}: ${item.recommendation}`),
        new Paragraph({
          children: runs(
            `${model.findingLabels.rule}: ${item.ruleId} · ${model.findingLabels.threshold}: ${item.threshold}`,
            { size: 20, italics: true },
          ),
        }),
        ...(item.evidence.length
          ? [new Paragraph({ children: runs(`${model.findingLabels.evidence}:`, { size: 22 }) })]
          : []),
        ...item.evidence.map(
          (record) =>
            new Paragraph({
              bullet: { level: 1 },
              children: runs(
                `${record.date ? `${formatShortDate(record.date, model.lang)} ` : ''}${evidenceLabel(record, model.lang)}`,
                {
                  size: 22,
                },
              ),
            }),
        ),
      ];
  }
}

export async function renderDocx(model: ReportModel): Promise<Buffer> {
  const children: (Paragraph | Table)[] = [
    new Paragraph({ alignment: AlignmentType.CENTER, children: runs(model.title, { bold: true }) }),
    new Paragraph({ alignment: AlignmentType.CENTER, children: runs(model.subtitle, { bold: true }) }),
    new Paragraph({ alignment: AlignmentType.CENTER, children: runs(model.orgName, { bold: true }) }),
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { after: 240 },
      children: runs(model.periodText),
    }),
  ];
  for (const section of model.sections) {
    children.push(
      new Paragraph({
        heading: HeadingLevel.HEADING_1,
        spacing: { before: 240, after: 120 },
        children: runs(`${section.number}. ${section.heading}`, { bold: true }),
      }),
    );
    for (const item of section.blocks) children.push(...block(item, model));
  }
  children.push(
    new Paragraph({
      spacing: { before: 360 },
      children: runs(model.signature, { italics: true, size: SMALL }),
    }),
  );
  const document = new Document({
    creator: 'aqparat',
    title: `${model.title} — ${model.orgName}`,
    styles: {
      default: { document: { run: { font: FONT, size: BODY } } },
      paragraphStyles: [
        {
          id: 'Heading1',
          name: 'Heading 1',
          basedOn: 'Normal',
          next: 'Normal',
          quickFormat: true,
          run: { font: FONT, size: BODY, bold: true, color: '000000' },
        },
      ],
    },
    sections: [
      {
        properties: { page: { size: { width: PAGE.width, height: PAGE.height }, margin: PAGE.margin } },
        footers: {
          default: new Footer({
            children: [
              new Paragraph({
                alignment: AlignmentType.CENTER,
                children: [new TextRun({ children: [PageNumber.CURRENT], font: FONT, size: SMALL })],
              }),
            ],
          }),
        },
        children,
      },
    ],
  });
  return Packer.toBuffer(document);
}
