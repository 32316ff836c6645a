/** Chooses the period in the API's notation: a year, `2024-H1`, `2024-Q3` or a month `2024-05`. */
import { Select, Space } from 'antd';
import { useLang } from '../i18n/index.js';

const PARTS = ['year', 'H1', 'H2', 'Q1', 'Q2', 'Q3', 'Q4'] as const;
const MONTHS = ['01', '02', '03', '04', '05', '06', '07', '08', '09', '10', '11', '12'] as const;
const FIRST_YEAR = 2019;

function parse(period: string): { year: string; part: string } {
  const match = /^(\d{4})(?:-(H[12]|Q[1-4]|\d{2}))?$/.exec(period);
  return match ? { year: match[1] ?? '', part: match[2] ?? 'year' } : { year: '', part: 'year' };
}

export function PeriodPicker({ value, onChange }: { value: string; onChange(period: string): void }) {
  const { t } = useLang();
  const { year, part } = parse(value);
  const thisYear = new Date().getFullYear();
  const years = Array.from({ length: thisYear - FIRST_YEAR + 1 }, (_, index) => String(thisYear - index));
  const parts = [
    ...PARTS.map((name) => ({ value: name, label: t(`period.${name}`) })),
    ...MONTHS.map((month) => ({ value: month, label: t(`month.${month}`) })),
  ];
  const change = (nextYear: string, nextPart: string) =>
    onChange(nextPart === 'year' ? nextYear : `${nextYear}-${nextPart}`);
  return (
    <Space.Compact>
      <Select
        aria-label={t('common.year')}
        value={year || undefined}
        options={years.map((option) => ({ value: option, label: option }))}
        onChange={(next: string) => change(next, part)}
        style={{ width: 90 }}
      />
      <Select
        aria-label={t('common.part')}
        value={part}
        options={parts}
        onChange={(next: string) => change(year || String(thisYear), next)}
        popupMatchSelectWidth={false}
        style={{ width: 150 }}
      />
    </Space.Compact>
  );
}
