/**
 * Spreadsheet rows, streamed: XLSX (the first worksheet) and CSV in UTF-8 or Windows-1251 (what Excel writes on
 * a Russian-language Windows), with `,`, `;` or tab between cells. Each row keeps its number in the sheet.
 */
import { Readable } from 'node:stream';
import type ExcelJS from 'exceljs';
import { DomainError } from '../../domain/errors.js';
import type { CellValue } from './cells.js';

export interface SheetRow {
  /** The row's number as the spreadsheet shows it, from 1. */
  row: number;
  values: CellValue[];
}

const HEAD_BYTES = 64 * 1024;

/** Whether bytes are valid UTF-8, allowing a multi-byte character cut off at the end of the sample. */
function looksLikeUtf8(bytes: Buffer): boolean {
  let end = bytes.length;
  // Step back over a character the sample may have cut: at most three continuation bytes and its lead.
  for (let back = 1; back <= 3 && end - back >= 0; back++) {
    const byte = bytes[end - back] ?? 0;
    if (byte >= 0xc0) {
      end -= back;
      break;
    }
    if (byte < 0x80) break;
  }
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(0, end));
    return true;
  } catch {
    return false;
  }
}

/** The separator the header line uses most, outside quotes. */
function delimiterOf(firstLine: string): string {
  const counts = new Map<string, number>([
    [';', 0],
    [',', 0],
    ['\t', 0],
  ]);
  let quoted = false;
  for (const char of firstLine) {
    if (char === '"') quoted = !quoted;
    else if (!quoted && counts.has(char)) counts.set(char, (counts.get(char) ?? 0) + 1);
  }
  return [...counts.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? ',';
}

/** Reads the first bytes of a stream and gives them back together with the rest. */
async function peek(bytes: AsyncIterable<Buffer>): Promise<{ head: Buffer; all: AsyncIterable<Buffer> }> {
  const iterator = bytes[Symbol.asyncIterator]();
  const taken: Buffer[] = [];
  let size = 0;
  while (size < HEAD_BYTES) {
    const next = await iterator.next();
    if (next.done) break;
    taken.push(next.value);
    size += next.value.length;
  }
  const head = Buffer.concat(taken);
  async function* all(): AsyncGenerator<Buffer> {
    yield head;
    for (let next = await iterator.next(); !next.done; next = await iterator.next()) yield next.value;
  }
  return { head, all: all() };
}

// The spreadsheet libraries are loaded when a spreadsheet comes: a Telegram import does without their memory.
export async function* parseCsv(bytes: AsyncIterable<Buffer>, file: string): AsyncGenerator<SheetRow> {
  const [{ parse: parseCsvStream }, { default: iconv }] = await Promise.all([
    import('csv-parse'),
    import('iconv-lite'),
  ]);
  const { head, all } = await peek(bytes);
  const bom = head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf;
  const encoding = bom || looksLikeUtf8(head) ? 'utf8' : 'win1251';
  const firstLine =
    iconv
      .decode(head, encoding)
      .replace(/^\uFEFF/, '')
      .split(/\r?\n/)[0] ?? '';
  const rows = Readable.from(all)
    .pipe(iconv.decodeStream(encoding))
    .pipe(
      parseCsvStream({
        delimiter: delimiterOf(firstLine),
        bom: true,
        relax_column_count: true,
        relax_quotes: true,
        skip_empty_lines: true,
        info: true,
      }),
    );
  try {
    for await (const { record, info } of rows as AsyncIterable<{
      record: string[];
      info: { lines: number };
    }>) {
      yield { row: info.lines, values: record };
    }
  } catch (error) {
    const line = (error as { lines?: number }).lines ?? 0;
    throw new DomainError('import_file_unreadable', {
      file,
      format: 'CSV',
      detail: `${String(error)} (${line})`,
    });
  }
}

/** Plain values of an Excel cell: rich text joined, formulas by their result, links by their text. */
function cellOf(value: ExcelJS.CellValue): CellValue {
  if (value === null || value === undefined) return null;
  if (typeof value !== 'object' || value instanceof Date) return value;
  if ('richText' in value) return value.richText.map((part) => part.text).join('');
  // The streaming reader gives a link's text only (Excel makes typed addresses links with the address as text).
  if ('hyperlink' in value) return cellOf(value.text as ExcelJS.CellValue);
  if ('result' in value) return cellOf(value.result as ExcelJS.CellValue);
  return null;
}

/**
 * The unzip stream exceljs pipes the bytes into reports a corrupt entry (bad deflate data, a file cut short) as
 * an error on itself, while exceljs waits for the entry's end, which never comes: the read would never settle.
 * The input stream hands over that destination when piped, so its first error is caught here and ends the read.
 */
function failureOfPipes(input: Readable): Promise<never> {
  return new Promise((_, reject) => {
    const pipe = input.pipe.bind(input);
    input.pipe = <T extends NodeJS.WritableStream>(destination: T, options?: { end?: boolean }): T => {
      (destination as unknown as Readable).once('error', reject);
      return pipe(destination, options);
    };
  });
}

/** The next value of an iterator, or the failure if it comes first. */
function next<T>(iterator: AsyncIterator<T>, failure: Promise<never>): Promise<IteratorResult<T>> {
  return Promise.race([iterator.next(), failure]);
}

export async function* parseXlsx(bytes: AsyncIterable<Buffer>, file: string): AsyncGenerator<SheetRow> {
  const { default: ExcelJS } = await import('exceljs');
  const input = Readable.from(bytes);
  const failure = failureOfPipes(input);
  // Caught here too, so that a failure nobody waits for any more is no unhandled rejection.
  failure.catch(() => undefined);
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(input, {
    sharedStrings: 'cache',
    hyperlinks: 'ignore',
    styles: 'cache',
    worksheets: 'emit',
  });
  try {
    // The first worksheet holds the data; the template's lists sheet comes after it.
    const sheets = reader[Symbol.asyncIterator]();
    const sheet = await next(sheets, failure);
    if (sheet.done) return;
    const rows = sheet.value[Symbol.asyncIterator]();
    for (let row = await next(rows, failure); !row.done; row = await next(rows, failure)) {
      const values = (row.value.values as ExcelJS.CellValue[]).slice(1).map(cellOf);
      yield { row: row.value.number, values };
    }
  } catch (error) {
    if (error instanceof DomainError) throw error;
    throw new DomainError('import_file_unreadable', { file, format: 'XLSX', detail: String(error) });
  } finally {
    // Whatever is left of the bytes is not read: a corrupt archive's reader may still wait for them.
    input.destroy();
  }
}
