/**
 * Lists and tables as spreadsheets (XLSX, CSV): the same rows, read through the same use cases as the JSON list
 * routes (so the same role and subtree checks), every page of them, with headers and values in the user's
 * language. The records are read first; the file is written afterwards, outside any database work.
 */
import { type Period, parsePeriod } from '../domain/period.js';
import { textFor } from '../shared/bilingual.js';
import type { ExportFormat, ExportKind } from '../shared/export-lists.js';
import { EXPORT_HEADERS, EXPORT_TITLES, EXPORT_WORDS, type HeaderKey } from '../shared/export-texts.js';
import {
  BODY_LABELS,
  MATERIAL_KIND_LABELS,
  MENTION_KIND_LABELS,
  OUTLET_LEVEL_LABELS,
  PLATFORM_LABELS,
  TASK_STATUS_LABELS,
  TOPIC_LABELS,
} from '../shared/labels.js';
import { type NamedOrg, orgName } from '../shared/org-name.js';
import type { RegistryRows } from '../shared/records.schema.js';
import { PLATFORMS, type UiLang } from '../shared/vocabulary.js';
import type { PublicationItem } from '../shared/dashboard.js';
import type { Context } from './context.js';
import { subjectPlatformMeasure } from './dashboard.service.js';
import { getOrganization, listVisibleOrganizations } from './org.service.js';
import { type PublicationListQuery, searchPublications } from './publication.service.js';
import { listRecords } from './registry.service.js';

/** A cell: text, a number, or a calendar date (`YYYY-MM-DD`, a date cell in XLSX). */
type Cell = string | number | null | { date: string };

interface Sheet {
  headers: string[];
  rows: Cell[][];
}

export interface ExportedFile {
  fileName: string;
  content: Buffer;
}

/** Pages read at a time: the list routes' largest page. */
const PAGE = 500;

/** Every page of a paged list. */
async function allPages<T>(read: (page: number) => Promise<{ items: T[]; total: number }>): Promise<T[]> {
  const items: T[] = [];
  for (let page = 1; ; page++) {
    const answer = await read(page);
    items.push(...answer.items);
    if (answer.items.length < PAGE || items.length >= answer.total) return items;
  }
}

const date = (value: string | null | undefined): Cell => (value ? { date: value.slice(0, 10) } : null);

// ─── file names ─────────────────────────────────────────────────────────────────────────────────────────────

/** A period as users write it where it is one (`2023`, `2024-H1`, `2024-Q3`, `2024-05`), else its two dates. */
export function periodLabel(period: Period): string {
  const year = period.from.slice(0, 4);
  const month = period.from.slice(0, 7);
  const candidates = [year, `${year}-H1`, `${year}-H2`, ...[1, 2, 3, 4].map((q) => `${year}-Q${q}`), month];
  const named = candidates.find((text) => {
    const candidate = parsePeriod(text);
    return candidate.from === period.from && candidate.to === period.to;
  });
  if (named) return named;
  return period.from === '0001-01-01' ? period.to : `${period.from}–${period.to}`;
}

/** Characters Windows refuses in a file's name (control characters are left out too). */
const UNSAFE = '\\/:*?"<>|';

/**
 * A file's name as a person would give it: «Публикации_<the organization's full name>_2023.xlsx». Characters that no file
 * system takes are left out; the parts are joined by `_`, as the names users exchange by e-mail are.
 */
export function humanFileName(
  title: string,
  org: NamedOrg | undefined,
  period: Period | undefined,
  lang: UiLang,
  extension: string,
): string {
  // The full name: short ones («Областная организация») are alike across regions.
  const parts = [
    title,
    org ? orgName(org, lang, 'full') : undefined,
    period ? periodLabel(period) : undefined,
  ];
  const name = parts
    .filter((part): part is string => Boolean(part))
    .map((part) => [...part].map((char) => (char < ' ' || UNSAFE.includes(char) ? ' ' : char)).join(''))
    .map((part) => part.replace(/\s+/g, ' ').trim())
    .join('_');
  return `${name}.${extension}`;
}

// ─── the lists' columns ─────────────────────────────────────────────────────────────────────────────────────

interface Names {
  lang: UiLang;
  org: (code: string | null) => string;
  orgById: (id: number | null) => string;
}

/** A column: its header and its cell of a row. */
type Column<T> = [HeaderKey, (row: T) => Cell];

const yesNo = (names: Names, value: boolean | null | undefined): Cell =>
  value === null || value === undefined ? null : EXPORT_WORDS[names.lang][value ? 'yes' : 'no'];

const titled = (names: Names, row: { titleRu: string | null; titleKk: string | null }) =>
  textFor({ ru: row.titleRu, kk: row.titleKk }, names.lang);

function publicationColumns(names: Names): Column<PublicationItem>[] {
  const { lang } = names;
  return [
    ['date', (row) => date(row.localDate)],
    ['title', (row) => row.title],
    ['text', (row) => row.excerpt],
    ['channel', (row) => row.channel.name],
    ['platform', (row) => PLATFORM_LABELS[lang][row.channel.platform]],
    ['subject', (row) => orgName(row.subject, lang)],
    ['topic', (row) => (row.labels.primaryTopic ? TOPIC_LABELS[lang][row.labels.primaryTopic] : null)],
    [
      'concreteness',
      (row) =>
        row.labels.declarative === null
          ? null
          : EXPORT_WORDS[lang][row.labels.declarative ? 'declarative' : 'concrete'],
    ],
    ['repost', (row) => yesNo(names, row.labels.isRepost)],
    ['views', (row) => row.engagement.views],
    ['reactions', (row) => row.engagement.reactions],
    ['comments', (row) => row.engagement.comments],
    ['shares', (row) => row.engagement.shares],
    ['url', (row) => row.url],
  ];
}

/** Membership figures, people and the like are typed by what every record carries; their fields are these. */
type Loose = RegistryRows['people'] & Record<string, unknown>;
const field = (row: Loose, name: string): Cell => {
  const value = row[name];
  return typeof value === 'number' || typeof value === 'string' ? value : null;
};
const flag = (row: Loose, name: string): boolean | null => {
  const value = row[name];
  return value === null || value === undefined ? null : Boolean(value);
};

interface RegistryColumns {
  membership: Column<Loose>[];
  people: Column<Loose>[];
  channels: Column<RegistryRows['channels']>[];
  audience: Column<RegistryRows['audience']>[];
  outlets: Column<RegistryRows['outlets']>[];
  mentions: Column<RegistryRows['mentions']>[];
  subscriptions: Column<RegistryRows['subscriptions']>[];
  materials: Column<RegistryRows['materials']>[];
  events: Column<RegistryRows['events']>[];
  decisions: Column<RegistryRows['decisions']>[];
  tasks: Column<RegistryRows['tasks']>[];
}

function registryColumns(
  names: Names,
  outlet: (id: number) => string,
  channel: (id: number) => string,
): RegistryColumns {
  const { lang } = names;
  const words = EXPORT_WORDS[lang];
  const org = <T extends { orgCode: string | null }>(): Column<T> => [
    'organization',
    (row) => names.org(row.orgCode),
  ];
  return {
    membership: [
      org(),
      ['asOf', (row) => date(field(row, 'asOf') as string | null)],
      ['members', (row) => field(row, 'members')],
      ['primaries', (row) => field(row, 'primaries')],
      ['source', (row) => words[`source.${field(row, 'source') as 'manual'}`] ?? field(row, 'source')],
    ],
    people: [
      org(),
      ['fullName', (row) => field(row, 'fullName')],
      [
        'position',
        (row) =>
          textFor({ ru: field(row, 'positionRu') as string, kk: field(row, 'positionKk') as string }, lang) ||
          null,
      ],
      ['infoResponsible', (row) => yesNo(names, flag(row, 'infoResponsible'))],
      ['isLeader', (row) => yesNo(names, flag(row, 'isLeader'))],
      ['email', (row) => field(row, 'email')],
      ['phone', (row) => field(row, 'phone')],
    ],
    channels: [
      ['code', (row) => row.code],
      ['name', (row) => row.name],
      ['platform', (row) => PLATFORM_LABELS[lang][row.platform]],
      org(),
      ['url', (row) => row.url],
      ['handle', (row) => row.handle],
      ['official', (row) => yesNo(names, row.isOfficial)],
      ['createdOn', (row) => date(row.createdOn)],
      ['closedOn', (row) => date(row.closedOn)],
    ],
    audience: [
      ['channel', (row) => channel(row.channelId)],
      ['asOf', (row) => date(row.asOf)],
      ['followers', (row) => row.followers],
      ['source', (row) => words[`source.${row.source}`]],
    ],
    outlets: [
      ['code', (row) => row.code],
      ['name', (row) => row.name],
      ['level', (row) => OUTLET_LEVEL_LABELS[lang][row.level]],
      ['kind', (row) => words[`outlet.${row.kind}`]],
      ['language', (row) => row.language],
      org(),
    ],
    mentions: [
      ['publishedOn', (row) => date(row.publishedOn)],
      ['outlet', (row) => outlet(row.outletId)],
      ['title', (row) => row.title],
      ['kind', (row) => MENTION_KIND_LABELS[lang][row.kind]],
      org(),
      ['url', (row) => row.url],
    ],
    subscriptions: [
      ['year', (row) => row.year],
      ['outlet', (row) => outlet(row.outletId)],
      org(),
      ['copies', (row) => row.copies],
    ],
    materials: [
      ['title', (row) => titled(names, row)],
      ['kind', (row) => MATERIAL_KIND_LABELS[lang][row.kind]],
      ['language', (row) => row.language],
      org(),
      ['issuedOn', (row) => date(row.issuedOn)],
      ['copies', (row) => row.copies],
      ['url', (row) => row.url],
    ],
    events: [
      ['title', (row) => titled(names, row)],
      ['kind', (row) => words[`event.${row.kind}`]],
      ['topic', (row) => TOPIC_LABELS[lang][row.topic]],
      org(),
      ['heldOn', (row) => date(row.heldOn)],
      ['participants', (row) => row.participants],
    ],
    decisions: [
      ['body', (row) => BODY_LABELS[lang][row.body]],
      ['number', (row) => row.number],
      ['adoptedOn', (row) => date(row.adoptedOn)],
      ['title', (row) => titled(names, row)],
      org(),
    ],
    tasks: [
      ['task', (row) => textFor({ ru: row.textRu, kk: row.textKk }, lang)],
      ['responsible', (row) => names.orgById(row.responsibleOrgId)],
      ['dueOn', (row) => date(row.dueOn)],
      ['status', (row) => TASK_STATUS_LABELS[lang][row.status]],
      ['doneOn', (row) => date(row.doneOn)],
      ['evidence', (row) => row.evidence],
    ],
  };
}

function sheetOf<T>(lang: UiLang, columns: Column<T>[], rows: readonly T[]): Sheet {
  return {
    headers: columns.map(([key]) => EXPORT_HEADERS[lang][key]),
    rows: rows.map((row) => columns.map(([, cell]) => cell(row))),
  };
}

// ─── writing the file ───────────────────────────────────────────────────────────────────────────────────────

/**
 * CSV as Excel opens it by a double click in Russian and Kazakh regional settings: UTF-8 with a byte order mark
 * (without it Excel reads the Cyrillic as the ANSI code page), `;` between fields (the list separator of those
 * locales, whose decimal separator is the comma), CRLF line ends, fields quoted where they hold `;`, quotes or
 * line breaks. A `sep=;` line is not written: with it Excel ignores the byte order mark.
 */
function renderCsv(sheet: Sheet): Buffer {
  const quoted = (cell: Cell) => {
    if (cell === null) return '';
    const text = typeof cell === 'object' ? cell.date : String(cell);
    return /[;"\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
  };
  const lines = [sheet.headers, ...sheet.rows].map((row) => row.map(quoted).join(';'));
  return Buffer.from(`\uFEFF${lines.join('\r\n')}\r\n`, 'utf8');
}

async function renderXlsx(sheet: Sheet, title: string): Promise<Buffer> {
  // Loaded when a spreadsheet is written, not at every start (as the brief's renderers are).
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'aqparat';
  // A sheet's name holds at most 31 characters, none of []:*?/\.
  const worksheet = workbook.addWorksheet(title.replace(/[[\]:*?/\\]/g, ' ').slice(0, 31));
  worksheet.addRow(sheet.headers).font = { bold: true };
  for (const row of sheet.rows) {
    worksheet.addRow(
      row.map((cell) =>
        cell !== null && typeof cell === 'object' ? new Date(`${cell.date}T00:00:00Z`) : cell,
      ),
    );
  }
  sheet.headers.forEach((header, index) => {
    const column = worksheet.getColumn(index + 1);
    const widest = Math.max(
      header.length,
      ...sheet.rows.map((row) => {
        const cell = row[index];
        return cell === null || cell === undefined ? 0 : typeof cell === 'object' ? 10 : String(cell).length;
      }),
    );
    column.width = Math.min(60, Math.max(8, widest + 2));
    if (sheet.rows.some((row) => row[index] !== null && typeof row[index] === 'object')) {
      column.numFmt = 'dd.mm.yyyy';
    }
  });
  worksheet.views = [{ state: 'frozen', ySplit: 1 }];
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

// ─── the use case ───────────────────────────────────────────────────────────────────────────────────────────

export type PublicationExportQuery = Omit<PublicationListQuery, 'page' | 'pageSize'>;

export interface RegistryExportQuery {
  org?: string | undefined;
  period?: Period | undefined;
  parentId?: number | undefined;
}

export type ExportRequest =
  | { list: 'publications'; query: PublicationExportQuery }
  | {
      list: 'publications-by-subject-platform';
      query: { org?: string | undefined; period?: Period | undefined };
    }
  | { list: ExportKind; query: RegistryExportQuery };

async function namesOf(ctx: Context, lang: UiLang): Promise<Names> {
  const orgs = await listVisibleOrganizations(ctx);
  const byCode = new Map(orgs.map((org) => [org.code, org]));
  const byId = new Map(orgs.map((org) => [org.id, org]));
  return {
    lang,
    // A record of an organization the caller does not see (a shared outlet's owner): its code, not a name.
    org: (code) => (code === null ? '' : byCode.has(code) ? orgName(byCode.get(code)!, lang) : code),
    orgById: (id) => (id === null ? '' : byId.has(id) ? orgName(byId.get(id)!, lang) : ''),
  };
}

async function sheetFor(
  ctx: Context,
  request: ExportRequest,
  lang: UiLang,
): Promise<{ sheet: Sheet; period?: Period }> {
  const names = await namesOf(ctx, lang);
  if (request.list === 'publications') {
    const items = await allPages((page) =>
      searchPublications(ctx, { ...request.query, page, pageSize: PAGE }),
    );
    return { sheet: sheetOf(lang, publicationColumns(names), items) };
  }
  if (request.list === 'publications-by-subject-platform') {
    const answer = await subjectPlatformMeasure(ctx, {
      ...(request.query.org ? { org: request.query.org } : {}),
      ...(request.query.period ? { period: request.query.period } : {}),
    });
    const rowName = (row: (typeof answer.rows)[number]) =>
      row.org ? orgName(row.org, lang) : EXPORT_WORDS[lang].directPrimaries;
    const counts = (row: { counts: Record<string, number>; total: number }) => [
      ...PLATFORMS.map((platform) => row.counts[platform] ?? 0),
      row.total,
    ];
    return {
      period: answer.period,
      sheet: {
        headers: [
          EXPORT_HEADERS[lang].organization,
          ...PLATFORMS.map((platform) => PLATFORM_LABELS[lang][platform]),
          EXPORT_HEADERS[lang].total,
        ],
        rows: [
          ...answer.rows.map((row) => [rowName(row), ...counts(row)]),
          [EXPORT_HEADERS[lang].total, ...counts(answer.totals)],
        ],
      },
    };
  }
  const { list: kind, query } = request;
  const read = <K extends ExportKind>(of: K) =>
    allPages(
      (page) =>
        listRecords(ctx, of, {
          ...(query.org ? { org: query.org } : {}),
          ...(query.period ? { period: query.period } : {}),
          ...(query.parentId ? { parentId: query.parentId } : {}),
          page,
          pageSize: PAGE,
        }) as Promise<{ items: RegistryRows[K][]; total: number }>,
    );
  const rows = await read(kind);
  // Mentions and subscriptions name their outlet, snapshots their channel: read those too, as the pages do.
  const outletNames = new Map<number, string>();
  if (kind === 'mentions' || kind === 'subscriptions') {
    const outlets = await allPages((page) => listRecords(ctx, 'outlets', { page, pageSize: PAGE }));
    for (const outlet of outlets as RegistryRows['outlets'][]) outletNames.set(outlet.id, outlet.name);
  }
  const channelNames = new Map<number, string>();
  if (kind === 'audience') {
    const channels = await allPages((page) => listRecords(ctx, 'channels', { page, pageSize: PAGE }));
    for (const channel of channels as RegistryRows['channels'][]) channelNames.set(channel.id, channel.name);
  }
  const columns = registryColumns(
    names,
    (id) => outletNames.get(id) ?? String(id),
    (id) => channelNames.get(id) ?? String(id),
  );
  return { sheet: sheetOf(lang, columns[kind] as Column<unknown>[], rows) };
}

/** A list or table as a spreadsheet file, named for its list, organization and period in the user's language. */
export async function exportList(
  ctx: Context,
  request: ExportRequest,
  format: ExportFormat,
  lang: UiLang,
): Promise<ExportedFile> {
  const { sheet, period } = await sheetFor(ctx, request, lang);
  const org = request.query.org ? await getOrganization(ctx, request.query.org) : undefined;
  const title = EXPORT_TITLES[lang][request.list];
  const fileName = humanFileName(title, org, period ?? request.query.period, lang, format);
  const content = format === 'csv' ? renderCsv(sheet) : await renderXlsx(sheet, title);
  return { fileName, content };
}

/** A brief's file as a person would name it: «Справка_<the organization's full name>_2023.docx», in its language. */
export async function briefFileNameFor(
  ctx: Context,
  request: { org: string; from: string; to: string },
  lang: UiLang,
  format: string,
): Promise<string> {
  const org = await getOrganization(ctx, request.org);
  return humanFileName(EXPORT_TITLES[lang].brief, org, request, lang, format);
}
