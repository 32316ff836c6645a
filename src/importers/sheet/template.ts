/**
 * A blank spreadsheet of one kind, ready to fill: headers in the chosen language (required ones starred), an
 * example row in grey, drop-down lists of the installation's organizations, channels and outlets and of the
 * vocabulary's platforms and kinds (kept on a hidden sheet), and a note on how to fill it.
 */
import type ExcelJS from 'exceljs';
import { MATERIAL_KIND_LABELS, MENTION_KIND_LABELS, PLATFORM_LABELS } from '../../shared/labels.js';
import {
  MATERIAL_KINDS,
  MENTION_KINDS,
  PLATFORMS,
  type SheetKind,
  type UiLang,
} from '../../shared/vocabulary.js';
import { COLUMN_HEADERS } from '../../shared/sheet-columns.js';
import { type ColumnKey, SHEET_COLUMNS, type ValueList } from './columns.js';
import { EXAMPLE_TEXTS, TEMPLATE_TEXTS, YES_NO, YES_NO_TEXTS } from './texts.js';

/** A record the lists offer, shown as `code — name`. */
export interface Choice {
  code: string;
  name: string;
}

export interface TemplateLists {
  organizations: readonly Choice[];
  channels: readonly Choice[];
  outlets: readonly Choice[];
}

/** Rows the drop-downs cover. */
const DATA_ROWS = 2000;
const EXAMPLE_DATE = new Date(Date.UTC(2024, 2, 1));
const EXAMPLE_TIME = new Date(Date.UTC(2024, 2, 1, 10, 30));

const shown = (choice: Choice) => `${choice.code} — ${choice.name}`;

function listValues(list: ValueList, lists: TemplateLists, lang: UiLang): string[] {
  switch (list) {
    case 'organizations':
      return lists.organizations.map(shown);
    case 'channels':
      return lists.channels.map(shown);
    case 'outlets':
      return lists.outlets.map(shown);
    case 'platforms':
      return PLATFORMS.map((platform) => PLATFORM_LABELS[lang][platform]);
    case 'mentionKinds':
      return MENTION_KINDS.map((kind) => MENTION_KIND_LABELS[lang][kind]);
    case 'materialKinds':
      return MATERIAL_KINDS.map((kind) => MATERIAL_KIND_LABELS[lang][kind]);
    case 'yesNo':
      return YES_NO.map((answer) => YES_NO_TEXTS[lang][answer]);
  }
}

function exampleOf(key: ColumnKey, kind: SheetKind, values: (list: ValueList) => string[], lang: UiLang) {
  const texts = EXAMPLE_TEXTS[lang];
  const examples: Partial<Record<ColumnKey, ExcelJS.CellValue>> = {
    channel: values('channels')[0],
    publishedAt: EXAMPLE_TIME,
    title:
      kind === 'media-mentions'
        ? texts.mentionTitle
        : kind === 'materials'
          ? texts.materialTitle
          : texts.title,
    text: texts.text,
    url: 'https://example.kz/news/1',
    subject: values('organizations')[0],
    isRepost: YES_NO_TEXTS[lang].no,
    views: 120,
    reactions: 15,
    comments: 2,
    shares: 3,
    organization: values('organizations')[0],
    outlet: values('outlets')[0],
    publishedOn: EXAMPLE_DATE,
    mentionKind: MENTION_KIND_LABELS[lang].interview,
    platform: PLATFORM_LABELS[lang].facebook,
    asOf: EXAMPLE_DATE,
    followers: 1250,
    members: 25116,
    primaries: 404,
    materialKind: MATERIAL_KIND_LABELS[lang].brochure,
    issuedOn: EXAMPLE_DATE,
    language: lang,
    copies: 500,
    // Both languages whatever the template's: the row shows that each has its column.
    titleRu: EXAMPLE_TEXTS.ru.materialTitle,
    titleKk: EXAMPLE_TEXTS.kk.materialTitle,
  };
  return examples[key] ?? null;
}

const columnLetter = (index: number) => {
  let letters = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26))
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
};

export async function buildSheetTemplate(
  kind: SheetKind,
  lang: UiLang,
  lists: TemplateLists,
): Promise<Buffer> {
  const { default: Excel } = await import('exceljs');
  const texts = TEMPLATE_TEXTS[lang];
  const workbook = new Excel.Workbook();
  // exceljs validates whole ranges (one rule for 2000 cells) but leaves `dataValidations` out of its types.
  const data = workbook.addWorksheet(texts.dataSheet, {
    views: [{ state: 'frozen', ySplit: 1 }],
  }) as ExcelJS.Worksheet & {
    dataValidations: { add(range: string, validation: ExcelJS.DataValidation): void };
  };
  const listSheet = workbook.addWorksheet(texts.listsSheet, { state: 'hidden' });
  const columns = SHEET_COLUMNS[kind].filter((column) => !column.legacy);
  const values = (list: ValueList) => listValues(list, lists, lang);

  data.columns = columns.map((column) => ({
    header: `${COLUMN_HEADERS[lang][column.key]}${column.required ? ' *' : ''}`,
    key: column.key,
    width: column.width,
    ...(column.key === 'publishedAt' ? { style: { numFmt: 'dd.mm.yyyy hh:mm' } } : {}),
    ...(['publishedOn', 'asOf', 'issuedOn'].includes(column.key) ? { style: { numFmt: 'dd.mm.yyyy' } } : {}),
  }));
  const header = data.getRow(1);
  header.font = { bold: true };
  header.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8EEF7' } };
  header.getCell(1).note = columns.some((column) => column.key === 'titleRu')
    ? `${texts.note} ${texts.titlesNote}`
    : texts.note;

  const example = data.addRow(columns.map((column) => exampleOf(column.key, kind, values, lang)));
  example.font = { italic: true, color: { argb: 'FF808080' } };

  const used = [...new Set(columns.flatMap((column) => (column.list ? [column.list] : [])))];
  used.forEach((list, index) => {
    const items = values(list);
    const letter = columnLetter(index);
    const firstUse = columns.find((column) => column.list === list);
    listSheet.getCell(`${letter}1`).value = firstUse ? COLUMN_HEADERS[lang][firstUse.key] : list;
    items.forEach((item, row) => (listSheet.getCell(`${letter}${row + 2}`).value = item));
    if (items.length === 0) return;
    const range = `'${texts.listsSheet}'!$${letter}$2:$${letter}$${items.length + 1}`;
    columns.forEach((column, at) => {
      if (column.list !== list) return;
      const target = columnLetter(at);
      data.dataValidations.add(`${target}2:${target}${DATA_ROWS}`, {
        type: 'list',
        allowBlank: true,
        formulae: [range],
      });
    });
  });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
