/**
 * Periods and time zones. Instants are UTC; every count by period uses the organization's local calendar date,
 * computed once when a record is written (SQLite has no time-zone database, so SQL only ever sees local dates).
 */
import { tzOffset } from '@date-fns/tz/tzOffset';
import { addDays } from 'date-fns/addDays';
import { addMonths } from 'date-fns/addMonths';
import { differenceInCalendarDays } from 'date-fns/differenceInCalendarDays';
import { differenceInCalendarMonths } from 'date-fns/differenceInCalendarMonths';
import { endOfMonth } from 'date-fns/endOfMonth';
import { lightFormat as format } from 'date-fns/lightFormat';
import { isFirstDayOfMonth } from 'date-fns/isFirstDayOfMonth';
import { isLastDayOfMonth } from 'date-fns/isLastDayOfMonth';
import { isValid } from 'date-fns/isValid';
import { lastDayOfMonth } from 'date-fns/lastDayOfMonth';
import { parseISO } from 'date-fns/parseISO';
import { startOfMonth } from 'date-fns/startOfMonth';
import { DomainError } from './errors.js';

/** A calendar date `YYYY-MM-DD` in an organization's zone. */
export type LocalDate = string;
/** A calendar month `YYYY-MM`. */
export type LocalMonth = string;

/** Inclusive range of local dates. */
export interface Period {
  from: LocalDate;
  to: LocalDate;
}

export { GRANULARITIES, type Granularity } from '../shared/vocabulary.js';
import { rangeOf } from '../shared/period-presets.js';
import type { Granularity } from '../shared/vocabulary.js';

const AS_OF_START = '0001-01-01';
const DATE_RE = /^\d{4}-\d{2}-\d{2}$/;

export function isLocalDate(text: string): boolean {
  return DATE_RE.test(text) && isValid(parseISO(text));
}

const DAY_MS = 86_400_000;
/**
 * Zone offsets by UTC day, per zone: the lookup is slow, and an import asks for the same days again. NaN marks a
 * day whose offset changes (a transition), looked up per instant.
 */
const OFFSETS = new Map<string, Map<number, number>>();
const DAYS_KEPT = 100_000;

/** The zone's offset from UTC in minutes at an instant. */
function offsetMinutes(timeZone: string, ms: number): number {
  let days = OFFSETS.get(timeZone);
  if (!days) OFFSETS.set(timeZone, (days = new Map()));
  const day = Math.floor(ms / DAY_MS);
  let offset = days.get(day);
  if (offset === undefined) {
    if (days.size >= DAYS_KEPT) days.clear();
    const start = tzOffset(timeZone, new Date(day * DAY_MS));
    offset = start === tzOffset(timeZone, new Date((day + 1) * DAY_MS - 1)) ? start : NaN;
    days.set(day, offset);
  }
  return Number.isNaN(offset) ? tzOffset(timeZone, new Date(ms)) : offset;
}

/** Dates by day number since the epoch: formatting a date costs more than an import's whole date arithmetic. */
const DAY_TEXTS = new Map<number, LocalDate>();

/** The calendar date of a day number since 1970-01-01. */
function dayText(day: number): LocalDate {
  let text = DAY_TEXTS.get(day);
  if (text === undefined) {
    if (DAY_TEXTS.size >= DAYS_KEPT) DAY_TEXTS.clear();
    text = new Date(day * DAY_MS).toISOString().slice(0, 10);
    DAY_TEXTS.set(day, text);
  }
  return text;
}

/**
 * An instant given as text, a Date or milliseconds since the epoch, as Date reads it (a fraction of a millisecond
 * dropped, beyond Date's range refused): its milliseconds since the epoch.
 */
function epochMsOf(instant: string | Date | number): number {
  const ms = instant instanceof Date ? instant.getTime() : new Date(instant).getTime();
  if (Number.isNaN(ms)) throw new DomainError('period_invalid', { value: String(instant) });
  return ms;
}

/**
 * The local calendar date of an instant (or its milliseconds since the epoch) in a zone: 2024-12-31T19:30Z is
 * 2025-01-01 in Asia/Almaty.
 */
export function localDateOf(instant: string | Date | number, timeZone: string): LocalDate {
  const ms = epochMsOf(instant);
  return dayText(Math.floor((ms + offsetMinutes(timeZone, ms) * 60_000) / DAY_MS));
}

/** The instants whose year `Date#toISOString` writes with four digits, 0000 to 9999. */
const FOUR_DIGIT_YEARS = {
  from: Date.parse('0000-01-01T00:00:00.000Z'),
  to: Date.parse('9999-12-31T23:59:59.999Z'),
};

const twoDigits = (value: number) => (value < 10 ? `0${value}` : `${value}`);

/** The instant as stored: ISO-8601 in UTC with milliseconds, as `Date#toISOString` writes it. */
export function toInstant(value: string | Date | number): string {
  const ms = epochMsOf(value);
  if (ms < FOUR_DIGIT_YEARS.from || ms > FOUR_DIGIT_YEARS.to) return new Date(ms).toISOString();
  // A quarter of toISOString's time, and an import writes two per post: the day's text is kept, the time of day
  // written out.
  const day = Math.floor(ms / DAY_MS);
  let rest = ms - day * DAY_MS;
  const millis = rest % 1000;
  rest = (rest - millis) / 1000;
  const seconds = rest % 60;
  rest = (rest - seconds) / 60;
  const minutes = rest % 60;
  const hours = (rest - minutes) / 60;
  const fraction = millis < 10 ? `00${millis}` : millis < 100 ? `0${millis}` : `${millis}`;
  return `${dayText(day)}T${twoDigits(hours)}:${twoDigits(minutes)}:${twoDigits(seconds)}.${fraction}Z`;
}

function checkedDate(text: string): LocalDate {
  if (!isLocalDate(text)) throw new DomainError('period_invalid', { value: text });
  return text;
}

/** A custom range; `from` after `to` is an error of its own, so that the user is told to swap them. */
export function periodBetween(from: string, to: string): Period {
  const period = { from: checkedDate(from), to: checkedDate(to) };
  if (period.from > period.to) throw new DomainError('period_reversed', period);
  return period;
}

/**
 * The date a view of a period takes its snapshots at (members, followers, pages and their activity, overdue
 * tasks): the date the user names, else the period's end, or today while the period has not ended. Every view
 * (dashboard, brief, measures, `stats`) asks this one function, so that they state the same figures.
 */
export function snapshotDateOf(period: Period, today: LocalDate, named?: string): LocalDate {
  if (named !== undefined) return checkedDate(named);
  return period.to < today ? period.to : today;
}

/** Everything up to and including a date. */
export function periodAsOf(date: string): Period {
  return { from: AS_OF_START, to: checkedDate(date) };
}

function monthRange(year: number, firstMonth: number, months: number): Period {
  const start = `${year}-${String(firstMonth).padStart(2, '0')}-01`;
  const last = new Date(Date.UTC(year, firstMonth - 1 + months - 1, 1));
  return { from: start, to: format(endOfMonth(last), 'yyyy-MM-dd') };
}

/**
 * Reads a period as users write it: `2023` (year), `2024-H1` (half), `2024-Q3` (quarter), `2024-05` (month),
 * `2021-01-01..2024-09-01` (range) or `..2024-09-01` (as of date).
 */
export function parsePeriod(text: string): Period {
  const value = text.trim();
  let m: RegExpExecArray | null;
  if ((m = /^(\d{4})$/.exec(value))) return monthRange(Number(m[1]), 1, 12);
  if ((m = /^(\d{4})-H([12])$/i.exec(value))) return monthRange(Number(m[1]), Number(m[2]) === 1 ? 1 : 7, 6);
  if ((m = /^(\d{4})-Q([1-4])$/i.exec(value))) return monthRange(Number(m[1]), (Number(m[2]) - 1) * 3 + 1, 3);
  if ((m = /^(\d{4})-(0[1-9]|1[0-2])$/.exec(value))) return monthRange(Number(m[1]), Number(m[2]), 1);
  if ((m = /^\.\.(\d{4}-\d{2}-\d{2})$/.exec(value))) return periodAsOf(m[1] ?? '');
  const range = rangeOf(value);
  if (range) return periodBetween(range.from, range.to);
  throw new DomainError('period_invalid', { value: text });
}

/** The bucket a local date or month falls in: `2023`, `2023-H2`, `2023-Q4`, `2023-11`. */
export function bucketOf(dateOrMonth: LocalDate | LocalMonth, granularity: Granularity): string {
  const year = dateOrMonth.slice(0, 4);
  const month = Number(dateOrMonth.slice(5, 7));
  switch (granularity) {
    case 'year':
      return year;
    case 'half':
      return `${year}-H${month <= 6 ? 1 : 2}`;
    case 'quarter':
      return `${year}-Q${Math.ceil(month / 3)}`;
    case 'month':
      return dateOrMonth.slice(0, 7);
  }
}

/** Every bucket that a period touches, in order. */
export function bucketsOf(period: Period, granularity: Granularity): string[] {
  const keys: string[] = [];
  // An "as of" period has no meaningful start: its buckets are those the data has.
  if (period.from === AS_OF_START) return keys;
  let cursor = parseISO(period.from);
  const end = parseISO(period.to);
  while (cursor <= end) {
    const key = bucketOf(format(cursor, 'yyyy-MM-dd'), granularity);
    if (keys.at(-1) !== key) keys.push(key);
    cursor = startOfMonth(addMonths(cursor, 1));
  }
  return keys;
}

/**
 * The whole calendar months a period covers, and the days at its ends outside them: what can be read from
 * monthly counts, and what must be counted day by day. `2024-01-15..2024-04-10` is the months 2024-02..2024-03
 * with the edges 2024-01-15..2024-01-31 and 2024-04-01..2024-04-10.
 */
export function splitByWholeMonths(period: Period): {
  months: { from: LocalMonth; to: LocalMonth } | null;
  edges: Period[];
} {
  const start = parseISO(period.from);
  const end = parseISO(period.to);
  const firstWhole = period.from.endsWith('-01') ? start : startOfMonth(addMonths(start, 1));
  const lastWholeEnd =
    format(endOfMonth(end), 'yyyy-MM-dd') === period.to ? end : addDays(startOfMonth(end), -1);
  if (firstWhole > lastWholeEnd) return { months: null, edges: [period] };
  const edges: Period[] = [];
  if (firstWhole > start)
    edges.push({ from: period.from, to: format(addDays(firstWhole, -1), 'yyyy-MM-dd') });
  if (lastWholeEnd < end) edges.push({ from: format(addDays(lastWholeEnd, 1), 'yyyy-MM-dd'), to: period.to });
  return { months: { from: format(firstWhole, 'yyyy-MM'), to: format(lastWholeEnd, 'yyyy-MM') }, edges };
}

const dayOf = (date: Date): LocalDate => format(date, 'yyyy-MM-dd');
const wholeMonths = (period: Period) =>
  isFirstDayOfMonth(parseISO(period.from)) && isLastDayOfMonth(parseISO(period.to));

/** The period shifted back by whole months: a range of whole months stays one (2024-02 a year back is 2023-02). */
function monthsBefore(period: Period, months: number): Period {
  const from = addMonths(parseISO(period.from), -months);
  const to = addMonths(parseISO(period.to), -months);
  return { from: dayOf(from), to: dayOf(wholeMonths(period) ? lastDayOfMonth(to) : to) };
}

/** Nothing lies before the beginning of time but that same beginning. */
function notBeforeStart(period: Period): Period {
  return period.from < AS_OF_START || period.to < AS_OF_START
    ? { from: AS_OF_START, to: AS_OF_START }
    : period;
}

/**
 * The period of the same length just before: whole months shift by their number of months (2024-Q2 before
 * 2024-Q3, 2022 before 2023), other ranges by their number of days.
 */
export function previousPeriodOf(period: Period): Period {
  // Dates before the year 1 are not written as dates: an "as of" period has nothing before it.
  if (period.from === AS_OF_START) return { from: AS_OF_START, to: AS_OF_START };
  const shift = shiftOf(period, 'previous');
  if ('months' in shift) return notBeforeStart(monthsBefore(period, shift.months));
  return notBeforeStart({
    from: dayOf(addDays(parseISO(period.from), -shift.days)),
    to: dayOf(addDays(parseISO(period.to), -shift.days)),
  });
}

/**
 * How far back a comparison period lies: by the period's months when it is whole months, by its days otherwise;
 * the year before by twelve months.
 */
function shiftOf(period: Period, comparison: keyof ComparisonPeriods): { months: number } | { days: number } {
  if (comparison === 'yearBefore') return { months: 12 };
  const [from, to] = [parseISO(period.from), parseISO(period.to)];
  return wholeMonths(period)
    ? { months: differenceInCalendarMonths(to, from) + 1 }
    : { days: differenceInCalendarDays(to, from) + 1 };
}

/**
 * The same period a year before: 2023-Q3 for 2024-Q3, 2023-02 (to its 28th) for 2024-02; a range of days keeps its
 * dates (a 29 February becomes the 28th). An "as of" period stays one: everything up to the date a year before.
 */
export function yearBeforeOf(period: Period): Period {
  const shifted = monthsBefore(period, 12);
  return notBeforeStart(period.from === AS_OF_START ? { from: AS_OF_START, to: shifted.to } : shifted);
}

/** The two periods a figure is compared with. */
export interface ComparisonPeriods {
  /** Of the same length, just before. */
  previous: Period;
  /** The same period a year before. */
  yearBefore: Period;
}

export function comparisonPeriodsOf(period: Period): ComparisonPeriods {
  return { previous: previousPeriodOf(period), yearBefore: yearBeforeOf(period) };
}

/**
 * The date a comparison period's snapshots (members, followers) are taken at: the period's own date moved back as
 * the period was: by its months (whole months, and any period a year back) or by its days. A running year as of
 * 7 December is compared with the year before as of its 7 December; the seed's brief of 2023 as of 2024-09-01
 * with 2022 as of 2023-09-01.
 */
export function comparisonAsOf(
  period: Period,
  asOf: LocalDate,
  comparison: keyof ComparisonPeriods,
): LocalDate {
  if (comparison === 'previous' && period.from === AS_OF_START) return AS_OF_START;
  const shift = shiftOf(period, comparison);
  const date = parseISO(asOf);
  const moved = 'months' in shift ? addMonths(date, -shift.months) : addDays(date, -shift.days);
  // Nothing lies before the beginning of time.
  return moved.getFullYear() < 1 ? AS_OF_START : dayOf(moved);
}
