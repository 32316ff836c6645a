/**
 * Publications by subject organization × platform × period. The query layer returns counts per organization,
 * platform and local month; these pure functions fold them into the breakdowns reports show.
 */
import { PLATFORMS, type Platform } from '../shared/vocabulary.js';
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

/** The rows of one subject group. */
export interface SubjectRows<R = PublicationCountRow> {
  group: SubjectGroup;
  rows: R[];
}

/**
 * Splits rows by the organization's own materials, each child branch (empty included, in the given order) and the
 * primaries directly under it taken together — the breakdown the seed brief makes of the regional page.
 * `childOf` maps each subject organization to the child of the root it lies under.
 */
export function groupBySubject<R extends { subjectOrgId: number } = PublicationCountRow>(
  root: OrgNode,
  children: readonly OrgNode[],
  rows: readonly R[],
  childOf: ReadonlyMap<number, number>,
): SubjectRows<R>[] {
  const byChild = new Map<number, R[]>();
  const own: R[] = [];
  for (const row of rows) {
    if (row.subjectOrgId === root.id) own.push(row);
    else {
      const childId = childOf.get(row.subjectOrgId);
      if (childId === undefined) continue;
      const list = byChild.get(childId);
      if (list) list.push(row);
      else byChild.set(childId, [row]);
    }
  }
  const result: SubjectRows<R>[] = [{ group: { kind: 'self', orgId: root.id }, rows: own }];
  const direct: R[] = [];
  let hasDirect = false;
  for (const child of children) {
    const childRows = byChild.get(child.id) ?? [];
    if (child.kind === 'primary') {
      hasDirect = true;
      direct.push(...childRows);
    } else result.push({ group: { kind: 'child', orgId: child.id }, rows: childRows });
  }
  if (hasDirect) result.push({ group: { kind: 'direct_primaries' }, rows: direct });
  return result;
}

/** Counts by subject group (groupBySubject). */
export function countBySubject(
  root: OrgNode,
  children: readonly OrgNode[],
  rows: readonly PublicationCountRow[],
  childOf: ReadonlyMap<number, number>,
): SubjectCount[] {
  return groupBySubject(root, children, rows, childOf).map(({ group, rows }) => ({
    group,
    count: total(rows),
  }));
}

/** Counts per platform, every platform named present (zero included), and their total. */
export interface PlatformCounts {
  counts: Record<Platform, number>;
  total: number;
}

/** Counts of the rows per platform (all the vocabulary's platforms, zeros included) and in all. */
export function countByPlatform(rows: readonly PublicationCountRow[]): PlatformCounts {
  const counts = Object.fromEntries(PLATFORMS.map((platform) => [platform, 0])) as Record<Platform, number>;
  for (const row of rows) counts[row.platform] += row.count;
  return { counts, total: total(rows) };
}

export interface SubjectPlatformCount extends PlatformCounts {
  group: SubjectGroup;
}

/**
 * Subject groups × platforms: each group of groupBySubject counted per platform, and the columns' totals over all
 * the rows (rows of no group, such as a subject outside the mapped subtree, count in neither).
 */
export function countBySubjectAndPlatform(
  root: OrgNode,
  children: readonly OrgNode[],
  rows: readonly PublicationCountRow[],
  childOf: ReadonlyMap<number, number>,
): { rows: SubjectPlatformCount[]; totals: PlatformCounts } {
  const groups = groupBySubject(root, children, rows, childOf);
  return {
    rows: groups.map(({ group, rows }) => ({ group, ...countByPlatform(rows) })),
    totals: countByPlatform(groups.flatMap((group) => group.rows)),
  };
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
