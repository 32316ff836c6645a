/** What a brief e-mailed on a schedule is made of: the organization, how often, its languages, formats and addresses. */
import { z } from 'zod';
import { code } from './schemas.js';
import { GRANULARITIES, REPORT_LANGS, SCHEDULE_FORMATS } from './vocabulary.js';

// The formats live in the vocabulary, so that the web uses them without loading zod (its probe trips the CSP).
export { SCHEDULE_FORMATS, type ScheduleFormat } from './vocabulary.js';

const distinct = <T>(values: readonly T[]) => [...new Set(values)];

export const briefScheduleInput = z.strictObject({
  org: code,
  every: z.enum(GRANULARITIES),
  langs: z.array(z.enum(REPORT_LANGS)).min(1).max(REPORT_LANGS.length).transform(distinct),
  formats: z.array(z.enum(SCHEDULE_FORMATS)).min(1).max(SCHEDULE_FORMATS.length).transform(distinct),
  to: z
    .array(z.email().max(254))
    .min(1)
    .max(50)
    .transform((addresses) => distinct(addresses.map((address) => address.toLowerCase()))),
});
export type BriefScheduleInput = z.input<typeof briefScheduleInput>;
