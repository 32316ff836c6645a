/**
 * Reading a spreadsheet cell as the value a column wants. Cells arrive as Excel gives them (numbers, dates,
 * rich text, links) or as CSV text; dates may be written `2024-03-01` or `01.03.2024`, numbers with spaces
 * between thousands. Each reader returns the value, nothing for an empty cell, or the issue with it.
 */
import type { FieldIssue } from '../../shared/field-issue.js';

export type CellValue = string | number | boolean | Date | null;

export type Read<T> = { value: T | undefined } | { issue: Omit<FieldIssue, 'path'> };

const pad = (value: number) => String(value).padStart(2, '0');

/** A cell's text as the user sees it; dates as `YYYY-MM-DD`. */
export function textOf(cell: CellValue | undefined): string | undefined {
  if (cell === null || cell === undefined) return undefined;
  if (cell instanceof Date) return dateOf(cell);
  const trimmed = String(cell)
    .replace(/\u00a0/g, ' ')
    .trim();
  return trimmed === '' ? undefined : trimmed;
}

/** A code picked from a template's list reads `code — name`: the code is what counts. */
export function codeOf(cell: CellValue | undefined): string | undefined {
  return textOf(cell)?.split(' — ')[0]?.trim();
}

/** Excel stores dates as local wall-clock times; exceljs hands them over as Dates at those times in UTC. */
function dateOf(date: Date): string {
  return `${date.getUTCFullYear()}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}`;
}

function wallClockOf(date: Date): string {
  return `${dateOf(date)}T${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}:${pad(date.getUTCSeconds())}`;
}

/** Excel's serial day number (days since 1899-12-30), as CSV exports of some tools keep it. */
function fromSerial(serial: number): Date {
  return new Date(Math.round((serial - 25569) * 86_400_000));
}

const ISO_DATE = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2}))?)?$/;
const DOTTED_DATE = /^(\d{1,2})[./](\d{1,2})[./](\d{4})(?:[ T,]+(\d{1,2}):(\d{2})(?::(\d{2}))?)?$/;
const WITH_OFFSET = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/;

interface WallClock {
  date: string;
  time?: string;
}

function wallClockOfText(text: string): WallClock | undefined {
  const iso = ISO_DATE.exec(text);
  const dotted = iso ? undefined : DOTTED_DATE.exec(text);
  const parts = iso
    ? [iso[1], iso[2], iso[3], iso[4], iso[5], iso[6]]
    : dotted
      ? [dotted[3], dotted[2], dotted[1], dotted[4], dotted[5], dotted[6]]
      : undefined;
  if (!parts) return undefined;
  const [year, month, day, hours, minutes, seconds] = parts.map((part) =>
    part === undefined ? undefined : Number(part),
  );
  const date = new Date(Date.UTC(year ?? 0, (month ?? 1) - 1, day ?? 1));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() + 1 !== month || date.getUTCDate() !== day)
    return undefined;
  if (hours === undefined) return { date: dateOf(date) };
  if (hours > 23 || (minutes ?? 0) > 59 || (seconds ?? 0) > 59) return undefined;
  return { date: dateOf(date), time: `${pad(hours)}:${pad(minutes ?? 0)}:${pad(seconds ?? 0)}` };
}

const invalidDate = (cell: CellValue | undefined) => ({
  issue: { code: 'invalid_date', params: { value: textOf(cell) ?? '' } },
});

/** A calendar date `YYYY-MM-DD`. */
export function readDate(cell: CellValue | undefined): Read<string> {
  if (cell instanceof Date) return { value: dateOf(cell) };
  if (typeof cell === 'number')
    return cell > 0 && cell < 100_000 ? { value: dateOf(fromSerial(cell)) } : invalidDate(cell);
  const text = textOf(cell);
  if (text === undefined) return { value: undefined };
  const clock = wallClockOfText(text);
  return clock ? { value: clock.date } : invalidDate(cell);
}

/** When a post was published: an instant when the cell has a zone, else a wall-clock time of the channel's zone. */
export function readTime(cell: CellValue | undefined): Read<{ instant: string } | { local: string }> {
  if (cell instanceof Date) return { value: { local: wallClockOf(cell) } };
  if (typeof cell === 'number')
    return cell > 0 && cell < 100_000
      ? { value: { local: wallClockOf(fromSerial(cell)) } }
      : invalidDate(cell);
  const text = textOf(cell);
  if (text === undefined) return { value: undefined };
  if (WITH_OFFSET.test(text)) {
    const instant = new Date(text);
    return Number.isNaN(instant.getTime())
      ? invalidDate(cell)
      : { value: { instant: instant.toISOString() } };
  }
  const clock = wallClockOfText(text);
  return clock ? { value: { local: `${clock.date}T${clock.time ?? '00:00:00'}` } } : invalidDate(cell);
}

/** A whole non-negative number; spaces between thousands are allowed. */
export function readCount(cell: CellValue | undefined): Read<number> {
  if (typeof cell === 'number') {
    return Number.isInteger(cell) && cell >= 0
      ? { value: cell }
      : { issue: { code: 'invalid_number', params: { value: String(cell) } } };
  }
  const text = textOf(cell);
  if (text === undefined) return { value: undefined };
  const digits = text.replace(/[\s\u00a0\u202f']/g, '');
  return /^\d+$/.test(digits)
    ? { value: Number(digits) }
    : { issue: { code: 'invalid_number', params: { value: text } } };
}

/** One of a closed set of values, written as its code or as its label in any language. */
export function readChoice<T extends string>(
  cell: CellValue | undefined,
  values: readonly T[],
  labels: readonly Readonly<Record<T, string>>[],
): Read<T> {
  const text = textOf(cell);
  if (text === undefined) return { value: undefined };
  const wanted = text.toLowerCase();
  const found = values.find(
    (value) => value === wanted || labels.some((catalog) => catalog[value].toLowerCase() === wanted),
  );
  return found !== undefined
    ? { value: found }
    : {
        issue: {
          code: 'not_one_of',
          params: {
            values: labels[0] ? values.map((value) => labels[0]?.[value]).join(', ') : values.join(', '),
          },
        },
      };
}
