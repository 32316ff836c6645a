/**
 * Spreadsheet rows → drafts. The header row (one of the first few rows) tells the kind of sheet and where each
 * column is; every other non-empty row becomes one draft, or one rejection naming each column at fault.
 */
import { DomainError } from '../../domain/errors.js';
import type { FieldIssue } from '../../shared/field-issue.js';
import { MATERIAL_KIND_LABELS, MENTION_KIND_LABELS, PLATFORM_LABELS } from '../../shared/labels.js';
import { httpUrl } from '../../shared/schemas.js';
import {
  MATERIAL_KINDS,
  MENTION_KINDS,
  PLATFORMS,
  SHEET_KINDS,
  type SheetKind,
  UI_LANGS,
} from '../../shared/vocabulary.js';
import { rejected } from '../mapped.js';
import { cleanText, derivedId, hashtagsOf } from '../text.js';
import type { Draft, Engagement, Mapped, MapOptions, RecordRef } from '../types.js';
import {
  type CellValue,
  codeOf,
  type Read,
  readChoice,
  readCount,
  readDate,
  readTime,
  textOf,
} from './cells.js';
import { type ColumnKey, recognizeHeader } from './columns.js';
import type { SheetRow } from './parse.js';
import { YES_NO, YES_NO_TEXTS } from './texts.js';

/** Rows above the header a sheet may have (a title, a blank line). */
const HEADER_SEARCH_ROWS = 5;
const catalogs = <T extends string>(labels: Readonly<Record<string, Readonly<Record<T, string>>>>) =>
  UI_LANGS.map((lang) => labels[lang] as Readonly<Record<T, string>>);

/** Reads one row's cells by column, collecting the issues of those that do not read. */
class RowReader {
  readonly issues: FieldIssue[] = [];

  constructor(
    private readonly columns: ReadonlyMap<ColumnKey, number>,
    private readonly values: readonly (CellValue | undefined)[],
  ) {}

  cell(key: ColumnKey): CellValue | undefined {
    const index = this.columns.get(key);
    return index === undefined ? undefined : this.values[index];
  }

  take<T>(key: ColumnKey, read: Read<T>, required = false): T | undefined {
    if ('issue' in read) {
      this.issues.push({ path: key, ...read.issue });
      return undefined;
    }
    if (read.value === undefined && required) this.issues.push({ path: key, code: 'required' });
    return read.value;
  }

  text(key: ColumnKey, required = false): string | undefined {
    return this.take(key, { value: cleanText(textOf(this.cell(key))) }, required);
  }

  code(key: ColumnKey, required = false): string | undefined {
    return this.take(key, { value: codeOf(this.cell(key)) }, required);
  }

  /** A link as the API takes it (http or https only), else an issue saying so. */
  url(key: ColumnKey): string | undefined {
    const url = textOf(this.cell(key));
    if (url === undefined) return undefined;
    const parsed = httpUrl.safeParse(url);
    if (parsed.success) return parsed.data;
    this.issues.push({ path: key, code: 'not_http_url' });
    return undefined;
  }

  date(key: ColumnKey, required = false): string | undefined {
    return this.take(key, readDate(this.cell(key)), required);
  }

  count(key: ColumnKey, required = false): number | undefined {
    return this.take(key, readCount(this.cell(key)), required);
  }

  flag(key: ColumnKey): boolean | undefined {
    const cell = this.cell(key);
    if (typeof cell === 'boolean') return cell;
    const answer = this.take(key, readChoice(cell, YES_NO, catalogs(YES_NO_TEXTS)));
    return answer === undefined ? undefined : answer === 'yes';
  }
}

const optional = <K extends string, V>(key: K, value: V | undefined) =>
  (value === undefined ? {} : { [key]: value }) as Partial<Record<K, V>>;

function publication(read: RowReader, ref: RecordRef): Draft | undefined {
  const time = read.take('publishedAt', readTime(read.cell('publishedAt')), true);
  const title = read.text('title');
  const text = read.text('text');
  const url = read.url('url');
  const engagement: Engagement = {
    ...optional('views', read.count('views')),
    ...optional('reactions', read.count('reactions')),
    ...optional('comments', read.count('comments')),
    ...optional('shares', read.count('shares')),
  };
  const isRepost = read.flag('isRepost') ?? false;
  const repostSource = read.text('repostSource');
  const channel = read.code('channel');
  const subject = read.code('subject');
  const externalId = read.text('externalId');
  if (!title && !text && !url && read.issues.length === 0)
    read.issues.push({ path: 'title', code: 'empty_post' });
  if (!time || read.issues.length > 0) return undefined;
  const when = 'instant' in time ? time.instant : `${time.local}Z`;
  return {
    target: 'publication',
    ref,
    externalId: externalId ?? url ?? derivedId('sheet', Math.floor(Date.parse(when) / 1000), title, text),
    time,
    isRepost,
    hashtags: hashtagsOf(text),
    mediaKind: url && !text ? 'link' : 'text',
    ...optional('channel', channel),
    ...optional('url', url),
    ...optional('title', title),
    ...optional('text', text),
    ...optional('repostSource', repostSource),
    ...optional('subject', subject),
    ...(Object.keys(engagement).length > 0 ? { engagement } : {}),
  };
}

function mention(read: RowReader, ref: RecordRef): Draft | undefined {
  const org = read.code('organization', true);
  const outlet = read.code('outlet', true);
  const publishedOn = read.date('publishedOn', true);
  const title = read.text('title', true);
  const kind = read.take(
    'mentionKind',
    readChoice(read.cell('mentionKind'), MENTION_KINDS, catalogs(MENTION_KIND_LABELS)),
  );
  const url = read.url('url');
  if (!org || !outlet || !publishedOn || !title || read.issues.length > 0) return undefined;
  return {
    target: 'mention',
    ref,
    org,
    outlet,
    publishedOn,
    title,
    kind: kind ?? 'article',
    ...optional('url', url),
  };
}

function audience(read: RowReader, ref: RecordRef): Draft | undefined {
  const channel = read.code('channel');
  const owner = read.code('organization');
  const platform = read.take(
    'platform',
    readChoice(read.cell('platform'), PLATFORMS, catalogs(PLATFORM_LABELS)),
  );
  const asOf = read.date('asOf', true);
  const followers = read.count('followers', true);
  if (!asOf || followers === undefined || read.issues.length > 0) return undefined;
  return {
    target: 'audience',
    ref,
    asOf,
    followers,
    ...optional('channel', channel),
    ...optional('owner', owner),
    ...optional('platform', platform),
  };
}

function membership(read: RowReader, ref: RecordRef): Draft | undefined {
  const org = read.code('organization', true);
  const asOf = read.date('asOf', true);
  const members = read.count('members', true);
  const primaries = read.count('primaries');
  if (!org || !asOf || members === undefined || read.issues.length > 0) return undefined;
  return { target: 'membership', ref, org, asOf, members, ...optional('primaries', primaries) };
}

/** A language column's value that names Kazakh. */
const KAZAKH = /^(kk|kz|kaz|қаз|каз)/i;

/**
 * A material's titles: each language's column, or else the one title of a sheet made with the earlier template,
 * in the row's language (Russian when it names none).
 */
function titlesOf(read: RowReader, language: string | undefined) {
  const titleRu = read.text('titleRu');
  const titleKk = read.text('titleKk');
  const title = titleRu || titleKk ? undefined : read.text('title');
  if (!titleRu && !titleKk && !title) read.issues.push({ path: 'titleRu', code: 'one_language_required' });
  const kazakh = language !== undefined && KAZAKH.test(language);
  return {
    ...optional('titleRu', titleRu ?? (kazakh ? undefined : title)),
    ...optional('titleKk', titleKk ?? (kazakh ? title : undefined)),
  };
}

function material(read: RowReader, ref: RecordRef): Draft | undefined {
  const org = read.code('organization', true);
  const kind = read.take(
    'materialKind',
    readChoice(read.cell('materialKind'), MATERIAL_KINDS, catalogs(MATERIAL_KIND_LABELS)),
    true,
  );
  const issuedOn = read.date('issuedOn', true);
  const language = read.text('language');
  if (language && language.length > 10)
    read.issues.push({ path: 'language', code: 'too_big', params: { max: 10 } });
  const titles = titlesOf(read, language);
  const copies = read.count('copies');
  const url = read.url('url');
  if (!org || !kind || !issuedOn || read.issues.length > 0) return undefined;
  return {
    target: 'material',
    ref,
    org,
    ...titles,
    kind,
    issuedOn,
    ...optional('language', language),
    ...optional('copies', copies),
    ...optional('url', url),
  };
}

const BUILDERS: Readonly<Record<SheetKind, (read: RowReader, ref: RecordRef) => Draft | undefined>> = {
  publications: publication,
  'media-mentions': mention,
  audience,
  membership,
  materials: material,
};

/** The kind of sheet, once its header row is read; for messages and the summary. */
export interface SheetHeader {
  kind: SheetKind;
  columns: ReadonlyMap<ColumnKey, number>;
}

export async function* mapSheet(
  rows: AsyncIterable<SheetRow>,
  options: MapOptions,
  onHeader?: (header: SheetHeader) => void,
): AsyncGenerator<Mapped> {
  let header: SheetHeader | undefined;
  let rowsBeforeHeader = 0;
  for await (const { row, values } of rows) {
    if (values.every((value) => textOf(value) === undefined)) continue;
    if (!header) {
      header = recognizeHeader(values.map((value) => textOf(value)));
      if (header) onHeader?.(header);
      else if (++rowsBeforeHeader >= HEADER_SEARCH_ROWS) break;
      continue;
    }
    const ref: RecordRef = { kind: 'row', index: row };
    const read = new RowReader(header.columns, values);
    const draft = BUILDERS[header.kind](read, ref);
    yield draft ? { kind: 'draft', draft } : rejected(options.file, ref, read.issues);
  }
  if (!header)
    throw new DomainError('import_sheet_kind_unknown', { file: options.file, kinds: SHEET_KINDS.join(', ') });
}
