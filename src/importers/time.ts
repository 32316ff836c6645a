/**
 * Times of exported records: wall-clock times without a zone (Telegram's `date`, a spreadsheet's cell) read in
 * an organization's zone, and epoch seconds checked before they become instants.
 */
import { TZDate } from '@date-fns/tz';
import { toInstant } from '../domain/period.js';

const WALL_CLOCK = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})$/;

/** The UTC instant of `YYYY-MM-DDTHH:mm:ss` in the zone; undefined for anything else. */
export function instantOfWallClock(local: string, timeZone: string): string | undefined {
  const parts = WALL_CLOCK.exec(local)?.slice(1).map(Number);
  if (!parts) return undefined;
  const [year = 0, month = 1, day = 1, hours = 0, minutes = 0, seconds = 0] = parts;
  const date = new TZDate(year, month - 1, day, hours, minutes, seconds, timeZone);
  return Number.isNaN(date.getTime()) ? undefined : new Date(date.getTime()).toISOString();
}

/** The latest instant a publication may have: four-digit years are what both databases and ISO strings take. */
const LATEST_MS = Date.UTC(9999, 11, 31, 23, 59, 59);

/**
 * The UTC instant of epoch seconds (a number, or digits in a string as Telegram writes them); undefined for
 * anything that is no time after 1970 a post can have been published at (a negative, absurd or missing value).
 */
export function instantOfSeconds(value: unknown): string | undefined {
  const seconds = typeof value === 'string' && /^\d+(\.\d+)?$/.test(value) ? Number(value) : value;
  if (typeof seconds !== 'number' || !Number.isFinite(seconds) || seconds <= 0) return undefined;
  const ms = seconds * 1000;
  return ms <= LATEST_MS ? toInstant(ms) : undefined;
}
