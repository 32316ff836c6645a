/**
 * The periods a reader picks most, in the API's notation, as of a local date: this month, quarter, half and year,
 * the last 12 months (ending on the date), and the seed brief's own period.
 */
export const PERIOD_PRESETS = ['thisMonth', 'thisQuarter', 'thisHalf', 'thisYear', 'last12', 'seed'] as const;
export type PeriodPreset = (typeof PERIOD_PRESETS)[number];

/** The period of the brief the product was made from: 1 January 2021 to 1 September 2024. */
export const SEED_RANGE = { from: '2021-01-01', to: '2024-09-01' } as const;

const pad = (value: number) => String(value).padStart(2, '0');

/** The date as `YYYY-MM-DD` from its parts, in UTC so that no zone moves it. */
function isoDate(date: Date): string {
  return `${date.getUTCFullYear()}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}`;
}

/** The day after the same date a year before (29 February going back to 28 February): a year ending on `today`. */
function yearEndingOn(year: number, month: number, day: number): string {
  const lastDay = new Date(Date.UTC(year - 1, month, 0)).getUTCDate();
  return isoDate(new Date(Date.UTC(year - 1, month - 1, Math.min(day, lastDay) + 1)));
}

export function presetPeriod(preset: PeriodPreset, today: string): string {
  const [year = 0, month = 1, day = 1] = today.split('-').map(Number);
  switch (preset) {
    case 'thisMonth':
      return `${year}-${pad(month)}`;
    case 'thisQuarter':
      return `${year}-Q${Math.ceil(month / 3)}`;
    case 'thisHalf':
      return `${year}-H${month <= 6 ? 1 : 2}`;
    case 'thisYear':
      return String(year);
    case 'last12':
      return `${yearEndingOn(year, month, day)}..${today}`;
    case 'seed':
      return `${SEED_RANGE.from}..${SEED_RANGE.to}`;
  }
}

/** The two dates of a range period (`2021-01-01..2024-09-01`); undefined for a year, half, quarter or month. */
export function rangeOf(period: string): { from: string; to: string } | undefined {
  const match = /^(\d{4}-\d{2}-\d{2})\.\.(\d{4}-\d{2}-\d{2})$/.exec(period.trim());
  return match?.[1] && match[2] ? { from: match[1], to: match[2] } : undefined;
}
