import { describe, expect, it } from 'vitest';
import { parsePeriod } from '../../src/domain/period.js';
import { PERIOD_PRESETS, presetPeriod, rangeOf } from '../../src/shared/period-presets.js';

describe('period presets', () => {
  it('names this month, quarter, half and year of the date', () => {
    expect(presetPeriod('thisMonth', '2026-12-07')).toBe('2026-12');
    expect(presetPeriod('thisQuarter', '2026-12-07')).toBe('2026-Q4');
    expect(presetPeriod('thisHalf', '2026-12-07')).toBe('2026-H2');
    expect(presetPeriod('thisYear', '2026-12-07')).toBe('2026');
    expect(presetPeriod('thisQuarter', '2024-04-01')).toBe('2024-Q2');
    expect(presetPeriod('thisHalf', '2024-06-30')).toBe('2024-H1');
    expect(presetPeriod('thisMonth', '2024-01-31')).toBe('2024-01');
  });

  it('takes the last 12 months as the year ending on the date', () => {
    expect(presetPeriod('last12', '2026-12-07')).toBe('2025-12-08..2026-12-07');
    expect(presetPeriod('last12', '2026-12-31')).toBe('2026-01-01..2026-12-31');
    expect(presetPeriod('last12', '2027-01-01')).toBe('2026-01-02..2027-01-01');
    // 29 February a year back is 28 February: the year begins on 1 March.
    expect(presetPeriod('last12', '2028-02-29')).toBe('2027-03-01..2028-02-29');
    expect(presetPeriod('last12', '2025-02-28')).toBe('2024-02-29..2025-02-28');
  });

  it('gives the seed brief’s period', () => {
    expect(presetPeriod('seed', '2026-12-07')).toBe('2021-01-01..2024-09-01');
  });

  it('gives periods the API reads, the range ones read back by rangeOf', () => {
    for (const preset of PERIOD_PRESETS) {
      const period = presetPeriod(preset, '2026-12-07');
      const read = parsePeriod(period);
      const range = rangeOf(period);
      if (range) expect(read).toMatchObject(range);
      else expect(['thisMonth', 'thisQuarter', 'thisHalf', 'thisYear']).toContain(preset);
    }
    expect(parsePeriod(presetPeriod('last12', '2026-12-07'))).toMatchObject({
      from: '2025-12-08',
      to: '2026-12-07',
    });
    expect(rangeOf('2023')).toBeUndefined();
    expect(rangeOf('..2024-09-01')).toBeUndefined();
  });
});
