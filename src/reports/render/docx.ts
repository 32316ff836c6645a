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
import type { Block, Cell, ReportModel, TableBlock } from '../model.js';
import { cellText, cellUrl, evidenceText, sectionHeading } from './cells.js';
import { CHART_SIZE, CHART_WIDTH_PX, renderChartPng } from './charts.js';

/**
 * The font of Kazakh and Russian office documents. It holds every Kazakh letter on Windows and macOS; LibreOffice on
 * Linux sets it in Liberation Serif, which holds them from version 2 on (fonts-liberation2): with 1.x the letters
 * fall back to another, larger font. A font only Linux has would be replaced by a guess in Word, and an embedded
 * one gives way to the installed font of the same name in LibreOffice, so the document names Times New Roman.
 */
const FONT = 'Times New Roman';
const LANGUAGE_TAGS: Readonly<Record<ReportModel['lang'], string>> = { ru: 'ru-RU', kk: 'kk-KZ' };
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
  // Header rows repeat on every page a table runs to, and no row is split between two pages.
  const header = new TableRow({
    tableHeader: true,
    cantSplit: true,
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
      cantSplit: true,
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
      keepNext: true,
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

/** `keepNext` holds a paragraph on the page of what follows it: a heading, a caption, the words before a table. */
function paragraph(text: string, keepNext = false): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.JUSTIFIED,
    indent: { firstLine: 709 },
    keepNext,
    children: runs(text),
  });
}

/** `beforeTable`: the block introduces the table or chart that follows it, and stays on its page. */
function block(item: Block, model: ReportModel, beforeTable: boolean): (Paragraph | Table)[] {
  switch (item.kind) {
    case 'paragraph':
      return [paragraph(item.text, beforeTable)];
    case 'list':
      return item.items.map(
        (entry, index) =>
          new Paragraph({
            bullet: { level: 0 },
            keepNext: beforeTable && index === item.items.length - 1,
            children: runs(entry),
          }),
      );
    case 'table':
      return table(item, model);
    case 'chart':
      return [
        new Paragraph({
          alignment: AlignmentType.CENTER,
          keepNext: true,
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
        new Paragraph({
          spacing: { before: 200 },
          keepNext: true,
          children: runs(item.title, { bold: true }),
        }),
        paragraph(item.text, true),
        paragraph(`${model.findingLabels.recommendation}: ${item.recommendation}`, true),
        new Paragraph({ children: runs(item.reference, { size: SMALL, italics: true }) }),
      ];
    case 'grounds': {
      const labels = model.findingLabels;
      const more = item.evidence.length > 0;
      return [
        new Paragraph({
          spacing: { before: 200 },
          keepNext: true,
          children: runs(item.title, { bold: true }),
        }),
        new Paragraph({
          keepNext: more,
          children: runs(`${labels.rule}: ${item.ruleId} · ${labels.threshold}: ${item.threshold}`, {
            size: SMALL,
          }),
        }),
        ...(more
          ? [new Paragraph({ keepNext: true, children: runs(`${labels.evidence}:`, { size: SMALL }) })]
          : []),
        ...item.evidence.map(
          (record) =>
            new Paragraph({
              bullet: { level: 1 },
              children: runs(evidenceText(record, model.lang), { size: 22 }),
            }),
        ),
      ];
    }
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
        keepNext: true,
        keepLines: true,
        // The appendix starts on a page of its own.
        pageBreakBefore: section.number === null,
        children: runs(sectionHeading(section), { bold: true }),
      }),
    );
    section.blocks.forEach((item, index) => {
      const next = section.blocks[index + 1]?.kind;
      children.push(...block(item, model, next === 'table' || next === 'chart'));
    });
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
      // The language marks the text for spelling and hyphenation in Word and LibreOffice.
      default: {
        document: { run: { font: FONT, size: BODY, language: { value: LANGUAGE_TAGS[model.lang] } } },
      },
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
