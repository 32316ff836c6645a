/** Pieces of request schemas that many routes share: ids, paging, an organization, a period and a date. */
import { z } from 'zod';
import { type Period, parsePeriod } from '../../domain/period.js';
import type { MeasureQuery } from '../../services/dashboard.service.js';
import { code, localDate } from '../../shared/schemas.js';

export const idParams = z.strictObject({
  id: z.coerce.number().int().positive().meta({ description: 'The record’s id', example: 1 }),
});
export const codeParams = z.strictObject({
  code: code.meta({ description: 'The code of the organization or channel', example: 'abai' }),
});

export const paging = {
  page: z.coerce.number().int().min(1).default(1).meta({ description: 'The page, from 1' }),
  pageSize: z.coerce.number().int().min(1).max(500).default(50).meta({ description: 'Items a page' }),
};

/** A period as users write it; parsePeriod (domain/period.ts) reads it and says why it refuses one. */
export const PERIOD_DESCRIPTION =
  'A period: `2023` (a year), `2023-H1` (a half), `2023-Q3` (a quarter), `2023-05` (a month), ' +
  '`2021-01-01..2024-09-01` (the days between, both included) or `..2024-09-01` (everything up to that day). ' +
  'Dates are the organization’s local calendar dates; a range whose start is after its end is refused ' +
  '(`period_reversed`), another spelling too (`period_invalid`).';

export const periodParam = z
  .string()
  .max(40)
  .meta({
    description: PERIOD_DESCRIPTION,
    examples: ['2023', '2023-H1', '2023-Q3', '2023-05', '2021-01-01..2024-09-01'],
  });

export const orgParam = code.meta({
  description: 'The code of the organization whose subtree is asked about; the caller’s own by default',
  example: 'abai',
});

/** `asOf`: the date members, followers and presence are taken at. */
export const asOfParam = localDate
  .meta({
    description:
      'The date members and followers are taken at (YYYY-MM-DD); by default the period’s end, or today',
    format: 'date',
    example: '2024-06-30',
  })
  .optional();

/** `org`: the root of the subtree asked about; `period`: as users write it (`2023`, `2024-H1`, `a..b`). */
export const orgPeriod = {
  org: orgParam.optional(),
  period: periodParam.optional(),
};

export function periodOf(text: string | undefined): Period | undefined {
  return text === undefined ? undefined : parsePeriod(text);
}

/** A measure's query from a route's `org`, `period` and `asOf`, with only the parts given. */
export function measureOf(query: {
  org?: string | undefined;
  period?: string | undefined;
  asOf?: string | undefined;
}) {
  const period = periodOf(query.period);
  const measure: MeasureQuery = {};
  if (query.org) measure.org = query.org;
  if (period) measure.period = period;
  if (query.asOf) measure.asOf = query.asOf;
  return measure;
}
