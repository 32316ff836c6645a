/**
 * Publications by subject organization × platform × period. The query layer returns counts per organization,
 * platform and local month; these pure functions fold them into the breakdowns reports show.
 */
import type { Platform } from '../shared/vocabulary.js';
import type { OrgNode } from './org-tree.js';
import { bucketOf, bucketsOf, type Granularity, type LocalMonth, type Period } from './period.js';

/**
 * Publications of one organization (the measured root, a child of it or any descendant: breakdowns fold them
 * to the root's children) on one platform in one month.
 */
export interface PublicationCountRow {
  subjectOrgId: number;
  platform: Platform;
  month: LocalMonth;
  count: number;
}

/** Where a subject organization falls under the organization being measured. */
export type SubjectGroup =
  { kind: 'self'; orgId: number } | { kind: 'child'; orgId: number } | { kind: 'direct_primaries' };

export interface SubjectCount {
  group: SubjectGroup;
  count: number;
}

export function total(rows: readonly { count: number }[]): number {
  return rows.reduce((sum, row) => sum + row.count, 0);
}

/**
 * Splits counts by the organization's own materials, each child branch (zero included, in the given order) and the
 * primaries directly under it taken together — the breakdown the seed brief makes of the regional page.
 * `childOf` maps each subject organization to the child of the root it lies under.
 */
export function countBySubject(
  root: OrgNode,
  children: readonly OrgNode[],
  rows: readonly PublicationCountRow[],
  childOf: ReadonlyMap<number, number>,
): SubjectCount[] {
  const byChild = new Map<number, number>();
  let own = 0;
  for (const row of rows) {
    if (row.subjectOrgId === root.id) own += row.count;
    else {
      const childId = childOf.get(row.subjectOrgId);
      if (childId === undefined) continue;
      byChild.set(childId, (byChild.get(childId) ?? 0) + row.count);
    }
  }
  const result: SubjectCount[] = [{ group: { kind: 'self', orgId: root.id }, count: own }];
  let direct = 0;
  let hasDirect = false;
  for (const child of children) {
    const count = byChild.get(child.id) ?? 0;
    if (child.kind === 'primary') {
      hasDirect = true;
      direct += count;
    } else result.push({ group: { kind: 'child', orgId: child.id }, count });
  }
  if (hasDirect) result.push({ group: { kind: 'direct_primaries' }, count: direct });
  return result;
}

export interface BucketCount {
  bucket: string;
  count: number;
}

/** Counts per year, half, quarter or month over the period, empty buckets included. */
export function countByBucket(
  rows: readonly PublicationCountRow[],
  granularity: Granularity,
  period: Period,
): BucketCount[] {
  const counts = new Map(bucketsOf(period, granularity).map((bucket) => [bucket, 0]));
  for (const row of rows) {
    const bucket = bucketOf(row.month, granularity);
    counts.set(bucket, (counts.get(bucket) ?? 0) + row.count);
  }
  return [...counts]
    .map(([bucket, count]) => ({ bucket, count }))
    .sort((a, b) => a.bucket.localeCompare(b.bucket));
}
