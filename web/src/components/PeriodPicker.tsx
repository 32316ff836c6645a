/**
 * Chooses the period in the API's notation: a year, `2024-H1`, `2024-Q3`, a month `2024-05`, or a range of dates
 * `2021-01-01..2024-09-01` from the dates dialog (presets or the reader's own dates).
 */
import { lazy, Suspense, useState } from 'react';
import { rangeOf } from '../../../src/shared/period-presets.js';
import { useLang } from '../i18n/index.js';
import { useFormat } from '../lib/format.js';
import { NativeSelect } from './NativeSelect.js';

const PeriodRangeDialog = lazy(() => import('./PeriodRangeDialog.js'));

const PARTS = ['year', 'H1', 'H2', 'Q1', 'Q2', 'Q3', 'Q4'] as const;
const MONTHS = ['01', '02', '03', '04', '05', '06', '07', '08', '09', '10', '11', '12'] as const;
const FIRST_YEAR = 2019;

/** A year and its part; none for a range of dates, which the selects show as «—». */
function parse(period: string): { year: string; part: string } {
  const match = /^(\d{4})(?:-(H[12]|Q[1-4]|\d{2}))?$/.exec(period);
  return match ? { year: match[1] ?? '', part: match[2] ?? 'year' } : { year: '', part: '' };
}

const NONE = { value: '', label: '—' };

export function PeriodPicker({ value, onChange }: { value: string; onChange(period: string): void }) {
  const { t } = useLang();
  const f = useFormat();
  const [dialog, setDialog] = useState(false);
  const thisYear = new Date().getFullYear();
  const { year, part } = parse(value);
  const range = rangeOf(value);
  const years = Array.from({ length: thisYear - FIRST_YEAR + 1 }, (_, index) => String(thisYear - index));
  const parts = [
    ...PARTS.map((name) => ({ value: name, label: t(`period.${name}`) })),
    ...MONTHS.map((month) => ({ value: month, label: t(`month.${month}`) })),
  ];
  const change = (nextYear: string, nextPart: string) =>
    onChange(nextPart === 'year' || !nextPart ? nextYear : `${nextYear}-${nextPart}`);
  return (
    <span className="period-picker">
      <span className="picker-pair">
        <NativeSelect
          label={t('common.year')}
          value={year}
          options={[...(year ? [] : [NONE]), ...years.map((option) => ({ value: option, label: option }))]}
          onChange={(next) => change(next, part)}
          width={90}
        />
        <NativeSelect
          label={t('common.part')}
          value={part}
          options={[...(part ? [] : [NONE]), ...parts]}
          onChange={(next) => change(year || String(thisYear), next)}
          width={150}
        />
      </span>
      <button
        type="button"
        className="native-select picker-range"
        aria-haspopup="dialog"
        aria-pressed={range !== undefined}
        onClick={() => setDialog(true)}
      >
        {range ? `${f.date(range.from)} – ${f.date(range.to)}` : t('period.range')}
      </button>
      {dialog && (
        <Suspense>
          <PeriodRangeDialog value={value} onChange={onChange} onClose={() => setDialog(false)} />
        </Suspense>
      )}
    </span>
  );
}
