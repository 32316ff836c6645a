import { describe, expect, it } from 'vitest';
import { DomainError } from '../../src/domain/errors.js';
import { describeError } from '../../src/shared/messages.js';
import {
  splitByWholeMonths,
  bucketOf,
  bucketsOf,
  comparisonAsOf,
  comparisonPeriodsOf,
  localDateOf,
  parsePeriod,
  periodAsOf,
  periodBetween,
  toInstant,
} from '../../src/domain/period.js';

describe('local dates in the organization zone', () => {
  it('counts 2024-12-31T19:30Z in 2025: Almaty is UTC+5 since 2024-03-01', () => {
    expect(localDateOf('2024-12-31T19:30:00Z', 'Asia/Almaty')).toBe('2025-01-01');
    expect(bucketOf(localDateOf('2024-12-31T19:30:00Z', 'Asia/Almaty'), 'year')).toBe('2025');
  });

  it('counts 2023-12-31T18:30Z in 2024: Almaty was UTC+6 then', () => {
    expect(localDateOf('2023-12-31T18:30:00Z', 'Asia/Almaty')).toBe('2024-01-01');
    // The same wall-clock offset after the change stays in the old year.
    expect(localDateOf('2024-12-31T18:30:00Z', 'Asia/Almaty')).toBe('2024-12-31');
  });

  it('reads an instant as text, a Date or milliseconds alike, before 1970 too', () => {
    for (const instant of ['2024-12-31T19:30:00Z', '1969-12-31T20:00:00Z', '1960-02-29T23:59:59.999Z']) {
      const expected = localDateOf(instant, 'Asia/Almaty');
      expect(localDateOf(new Date(instant), 'Asia/Almaty')).toBe(expected);
      expect(localDateOf(Date.parse(instant), 'Asia/Almaty')).toBe(expected);
    }
    expect(localDateOf(Date.parse('1969-12-31T20:00:00Z'), 'Asia/Almaty')).toBe('1970-01-01');
    expect(localDateOf(Date.parse('1960-02-29T23:59:59.999Z'), 'UTC')).toBe('1960-02-29');
    expect(() => localDateOf(Number.NaN, 'UTC')).toThrow();
  });

  it('follows the zone given, not the machine', () => {
    expect(localDateOf('2024-06-30T22:00:00Z', 'Europe/Moscow')).toBe('2024-07-01');
    expect(localDateOf('2024-06-30T22:00:00Z', 'UTC')).toBe('2024-06-30');
  });

  it('takes the offset of the instant on a day the zone changes it', () => {
    // Berlin moved from UTC+1 to UTC+2 at 01:00Z on 2024-03-31: the same UTC day before and after.
    expect(localDateOf('2024-03-31T00:30:00Z', 'Europe/Berlin')).toBe('2024-03-31');
    expect(localDateOf('2024-03-31T22:30:00Z', 'Europe/Berlin')).toBe('2024-04-01');
    expect(localDateOf('2024-10-27T22:30:00Z', 'Europe/Berlin')).toBe('2024-10-27');
  });

  it('stores instants in UTC', () => {
    expect(toInstant('2024-03-01T10:00:00+05:00')).toBe('2024-03-01T05:00:00.000Z');
    expect(() => toInstant('yesterday')).toThrow(DomainError);
  });

  it('writes an instant exactly as Date#toISOString does, whatever the year', () => {
    const edges = [
      0,
      -1,
      1,
      999,
      -86_400_000,
      Date.parse('2024-02-29T23:59:59.999Z'),
      Date.parse('0000-01-01T00:00:00.000Z'),
      Date.parse('0000-01-01T00:00:00.000Z') - 1,
      Date.parse('9999-12-31T23:59:59.999Z'),
      Date.parse('9999-12-31T23:59:59.999Z') + 1,
      8.64e15,
      -8.64e15,
    ];
    // A fixed walk over ±275,000 years, some instants on whole seconds as exports give them.
    let state = 12_345;
    const walk = Array.from({ length: 20_000 }, (_, at) => {
      state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
      const ms = Math.round((state / 2_147_483_648 - 0.5) * 2 * 8.64e15 * (at % 3 === 0 ? 1 : 1e-4));
      return at % 2 === 0 ? ms - (ms % 1000) : ms;
    });
    for (const ms of [...edges, ...walk]) {
      expect(toInstant(ms)).toBe(new Date(ms).toISOString());
      expect(toInstant(new Date(ms))).toBe(new Date(ms).toISOString());
    }
    expect(toInstant(1.7)).toBe('1970-01-01T00:00:00.001Z');
    expect(() => toInstant(8.64e15 + 1)).toThrow(DomainError);
  });
});

describe('periods', () => {
  it.each([
    ['2023', '2023-01-01', '2023-12-31'],
    ['2024-H1', '2024-01-01', '2024-06-30'],
    ['2024-H2', '2024-07-01', '2024-12-31'],
    ['2024-Q1', '2024-01-01', '2024-03-31'],
    ['2023-Q4', '2023-10-01', '2023-12-31'],
    ['2024-02', '2024-02-01', '2024-02-29'],
    ['2023-02', '2023-02-01', '2023-02-28'],
    ['2021-01-01..2024-09-01', '2021-01-01', '2024-09-01'],
  ])('reads %s', (text, from, to) => {
    expect(parsePeriod(text)).toEqual({ from, to });
  });

  it('reads "as of" a date as everything up to it', () => {
    const period = parsePeriod('..2024-09-01');
    expect(period.to).toBe('2024-09-01');
    expect(period).toEqual(periodAsOf('2024-09-01'));
  });

  it.each(['2023-13', '2024-H3', '2024-02-30..2024-03-01', 'last year'])(
    'rejects %s with the value named',
    (text) => {
      expect(() => parsePeriod(text)).toThrow(DomainError);
      try {
        parsePeriod(text);
      } catch (error) {
        expect((error as DomainError).code).toBe('period_invalid');
      }
    },
  );

  it('rejects a range that ends before it starts, saying so', () => {
    for (const reversed of [
      () => periodBetween('2024-02-01', '2024-01-01'),
      () => parsePeriod('2024-02-01..2024-01-01'),
    ])
      expect(reversed).toThrow(
        expect.objectContaining({
          code: 'period_reversed',
          params: { from: '2024-02-01', to: '2024-01-01' },
        }),
      );
    expect(
      describeError(new DomainError('period_reversed', { from: '2024-02-01', to: '2024-01-01' }), 'kk'),
    ).toBe('Кезеңнің басы 2024-02-01 оның соңынан 2024-01-01 кейін: күндердің орнын ауыстырыңыз');
  });

  it('buckets dates by year, half, quarter and month', () => {
    expect(bucketOf('2024-08-31', 'year')).toBe('2024');
    expect(bucketOf('2024-06-30', 'half')).toBe('2024-H1');
    expect(bucketOf('2024-07-01', 'half')).toBe('2024-H2');
    expect(bucketOf('2024-05-15', 'quarter')).toBe('2024-Q2');
    expect(bucketOf('2024-05', 'month')).toBe('2024-05');
  });

  it('lists every bucket a period touches', () => {
    expect(bucketsOf(parsePeriod('2021-01-01..2024-09-01'), 'year')).toEqual([
      '2021',
      '2022',
      '2023',
      '2024',
    ]);
    expect(bucketsOf(parsePeriod('2023-11-15..2024-02-01'), 'month')).toEqual([
      '2023-11',
      '2023-12',
      '2024-01',
      '2024-02',
    ]);
    expect(bucketsOf(periodAsOf('2024-09-01'), 'year')).toEqual([]);
  });

  it('splits a period into whole months and the days at its ends', () => {
    expect(splitByWholeMonths(parsePeriod('2024-01-15..2024-04-10'))).toEqual({
      months: { from: '2024-02', to: '2024-03' },
      edges: [
        { from: '2024-01-15', to: '2024-01-31' },
        { from: '2024-04-01', to: '2024-04-10' },
      ],
    });
    expect(splitByWholeMonths(parsePeriod('2024'))).toEqual({
      months: { from: '2024-01', to: '2024-12' },
      edges: [],
    });
    expect(splitByWholeMonths(parsePeriod('2024-02-01..2024-02-29'))).toEqual({
      months: { from: '2024-02', to: '2024-02' },
      edges: [],
    });
    expect(splitByWholeMonths(parsePeriod('2021-01-01..2024-09-01')).edges).toEqual([
      { from: '2024-09-01', to: '2024-09-01' },
    ]);
    expect(splitByWholeMonths(parsePeriod('2024-03-05..2024-03-20'))).toEqual({
      months: null,
      edges: [{ from: '2024-03-05', to: '2024-03-20' }],
    });
  });
});

describe('periods of comparison', () => {
  const compared = (text: string) => comparisonPeriodsOf(parsePeriod(text));

  it('takes the whole months just before and the same months a year before', () => {
    expect(compared('2023')).toEqual({
      previous: { from: '2022-01-01', to: '2022-12-31' },
      yearBefore: { from: '2022-01-01', to: '2022-12-31' },
    });
    expect(compared('2024-Q3')).toEqual({
      previous: { from: '2024-04-01', to: '2024-06-30' },
      yearBefore: { from: '2023-07-01', to: '2023-09-30' },
    });
    expect(compared('2024-H1')).toEqual({
      previous: { from: '2023-07-01', to: '2023-12-31' },
      yearBefore: { from: '2023-01-01', to: '2023-06-30' },
    });
    // A leap February: the month before ends on its own last day, and so does the February a year before.
    expect(compared('2024-02')).toEqual({
      previous: { from: '2024-01-01', to: '2024-01-31' },
      yearBefore: { from: '2023-02-01', to: '2023-02-28' },
    });
    expect(compared('2024-03')).toEqual({
      previous: { from: '2024-02-01', to: '2024-02-29' },
      yearBefore: { from: '2023-03-01', to: '2023-03-31' },
    });
  });

  it('shifts a range of days by its length, and by a year to the same dates', () => {
    // The seed's range ends on the 1st, so its previous period is of days (1,340 of them), not months.
    expect(compared('2021-01-01..2024-09-01')).toEqual({
      previous: { from: '2017-05-02', to: '2020-12-31' },
      yearBefore: { from: '2020-01-01', to: '2023-09-01' },
    });
    expect(compared('2024-02-10..2024-02-29')).toEqual({
      previous: { from: '2024-01-21', to: '2024-02-09' },
      yearBefore: { from: '2023-02-10', to: '2023-02-28' },
    });
  });

  it('keeps an "as of" period one: nothing before its start, everything up to the date a year before', () => {
    expect(compared('..2024-09-01')).toEqual({
      previous: { from: '0001-01-01', to: '0001-01-01' },
      yearBefore: { from: '0001-01-01', to: '2023-09-01' },
    });
  });
});

describe('the date a comparison period is taken at', () => {
  const at = (text: string, asOf: string) => {
    const period = parsePeriod(text);
    return [comparisonAsOf(period, asOf, 'previous'), comparisonAsOf(period, asOf, 'yearBefore')];
  };

  it("takes a closed period's comparisons at their ends, and a running one's as far from their ends", () => {
    expect(at('2023', '2023-12-31')).toEqual(['2022-12-31', '2022-12-31']);
    // A running year as of 7 December: the years before as of their 7 December.
    expect(at('2026', '2026-12-07')).toEqual(['2025-12-07', '2025-12-07']);
    // A date after the period's end (the seed's brief of 2023 as of 2024-09-01) moves theirs as far.
    expect(at('2023', '2024-09-01')).toEqual(['2023-09-01', '2023-09-01']);
    expect(at('2024-Q2', '2024-06-20')).toEqual(['2024-03-20', '2023-06-20']);
    // A range of days moves by its days; a 31st falls to the month's last day a year back.
    expect(at('2024-02-10..2024-02-29', '2024-02-20')).toEqual(['2024-01-31', '2023-02-20']);
    expect(at('2024-Q1', '2024-03-31')).toEqual(['2023-12-31', '2023-03-31']);
    expect(at('2024-05', '2024-05-31')).toEqual(['2024-04-30', '2023-05-31']);
  });

  it('goes no further back than the beginning of time', () => {
    expect(at('..2024-09-01', '2024-09-01')).toEqual(['0001-01-01', '2023-09-01']);
    expect(at('0001-01-01..0001-06-30', '0001-03-01')).toEqual(['0001-01-01', '0001-01-01']);
  });
});
