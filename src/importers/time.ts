/** Wall-clock times without a zone (Telegram's `date`, a spreadsheet's cell) read in an organization's zone. */
import { TZDate } from '@date-fns/tz';

const WALL_CLOCK = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})$/;

/** The UTC instant of `YYYY-MM-DDTHH:mm:ss` in the zone; undefined for anything else. */
export function instantOfWallClock(local: string, timeZone: string): string | undefined {
  const parts = WALL_CLOCK.exec(local)?.slice(1).map(Number);
  if (!parts) return undefined;
  const [year = 0, month = 1, day = 1, hours = 0, minutes = 0, seconds = 0] = parts;
  const date = new TZDate(year, month - 1, day, hours, minutes, seconds, timeZone);
  return Number.isNaN(date.getTime()) ? undefined : new Date(date.getTime()).toISOString();
}
