/**
 * `GET /api/v1/measures/publications-by-subject-platform`: publications of an organization's subtree in a period,
 * rows by subject (the organization itself, each branch, the primaries directly under it together), a column per
 * platform and a total. `aqparat stats --by subject,platform --json` states the same counts.
 */
import { z } from 'zod';
import { orgRef } from './dashboard.js';
import { PLATFORMS } from './vocabulary.js';

const count = z.number().int().min(0);

/** A count for every platform of the vocabulary (zeros included), and their sum. */
export const platformCounts = z.object({
  counts: z.record(z.enum(PLATFORMS), count),
  total: count,
});

export const subjectPlatformRow = platformCounts.extend({
  group: z.enum(['self', 'child', 'direct_primaries']),
  /** Absent for the primaries directly under the organization, counted together. */
  org: orgRef.optional(),
});
export type SubjectPlatformRow = z.infer<typeof subjectPlatformRow>;

export const subjectPlatformAnswer = z.object({
  org: orgRef,
  period: z.object({ from: z.string(), to: z.string() }),
  rows: z.array(subjectPlatformRow),
  /** The columns' totals. */
  totals: platformCounts,
});
export type SubjectPlatformAnswer = z.infer<typeof subjectPlatformAnswer>;
