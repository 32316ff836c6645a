/** Media mentions per period and outlet: totals are sums of records, never typed in. */
import { bucketOf, type Granularity, type LocalDate } from './period.js';

export interface MentionRow {
  outletId: number;
  publishedOn: LocalDate;
}

export interface MentionCount {
  bucket: string;
  outletId: number;
  count: number;
}

/** Counts per bucket (year by default) and outlet, ordered by bucket then outlet id. */
export function countMentions(
  rows: readonly MentionRow[],
  granularity: Granularity = 'year',
): MentionCount[] {
  const counts = new Map<string, MentionCount>();
  for (const row of rows) {
    const bucket = bucketOf(row.publishedOn, granularity);
    const key = `${bucket}|${row.outletId}`;
    const entry = counts.get(key) ?? { bucket, outletId: row.outletId, count: 0 };
    entry.count += 1;
    counts.set(key, entry);
  }
  return [...counts.values()].sort((a, b) => a.bucket.localeCompare(b.bucket) || a.outletId - b.outletId);
}
