/**
 * Days and hours of the plan in the organization's zone, whatever the browser's: a post planned for 10:00 in
 * Semey is on its day at 10:00 for a reader in any zone.
 */

export interface LocalParts {
  /** `YYYY-MM-DD`. */
  date: string;
  /** `HH:mm`. */
  time: string;
}

const formats = new Map<string, Intl.DateTimeFormat>();

function formatIn(timeZone: string): Intl.DateTimeFormat {
  let format = formats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-CA', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    formats.set(timeZone, format);
  }
  return format;
}

export function localParts(instant: string | number, timeZone: string): LocalParts {
  const parts = Object.fromEntries(
    formatIn(timeZone)
      .formatToParts(new Date(instant))
      .map((part) => [part.type, part.value]),
  );
  return { date: `${parts.year}-${parts.month}-${parts.day}`, time: `${parts.hour}:${parts.minute}` };
}

/** The instant of a local date and time in the zone (twice round, for a day the zone's offset changes). */
export function instantIn(date: string, time: string, timeZone: string): string {
  const wanted = Date.parse(`${date}T${time}:00Z`);
  let guess = wanted;
  for (let round = 0; round < 2; round++) {
    const seen = localParts(guess, timeZone);
    guess += wanted - Date.parse(`${seen.date}T${seen.time}:00Z`);
  }
  return new Date(guess).toISOString();
}

/** `YYYY-MM-DD` plus days, on the calendar (no zone involved). */
export function addDays(date: string, days: number): string {
  const ms = Date.parse(`${date}T00:00:00Z`) + days * 86_400_000;
  return new Date(ms).toISOString().slice(0, 10);
}

/** Monday of the date's week (the plan's weeks start on Monday, as in Kazakhstan). */
export function mondayOf(date: string): string {
  const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
  return addDays(date, -((weekday + 6) % 7));
}

/** The days a month's grid shows: whole weeks from the Monday on or before the 1st to the Sunday after the end. */
export function monthGrid(month: string): string[] {
  const first = `${month}-01`;
  const start = mondayOf(first);
  const next = addDays(`${month}-28`, 4).slice(0, 7);
  const end = addDays(mondayOf(addDays(`${next}-01`, -1)), 6);
  const days: string[] = [];
  for (let day = start; day <= end; day = addDays(day, 1)) days.push(day);
  return days;
}
