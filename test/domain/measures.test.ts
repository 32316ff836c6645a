import { describe, expect, it } from 'vitest';
import { reach } from '../../src/domain/audience.measure.js';
import { countMentions } from '../../src/domain/media.measure.js';
import { membersIndex, structureOf } from '../../src/domain/members.measure.js';
import { mayHangUnder, type OrgNode } from '../../src/domain/org-tree.js';
import { parsePeriod } from '../../src/domain/period.js';
import {
  countByBucket,
  countBySubject,
  countBySubjectAndPlatform,
  type PublicationCountRow,
} from '../../src/domain/publications.measure.js';
import { PLATFORMS } from '../../src/shared/vocabulary.js';

// region 1 → branches 2, 3; primaries 4, 5 under 2; 6 under 3; 7 directly under the region.
const TREE: OrgNode[] = [
  { id: 1, kind: 'region', parentId: null },
  { id: 2, kind: 'branch', parentId: 1 },
  { id: 3, kind: 'branch', parentId: 1 },
  { id: 4, kind: 'primary', parentId: 2 },
  { id: 5, kind: 'primary', parentId: 2 },
  { id: 6, kind: 'primary', parentId: 3 },
  { id: 7, kind: 'primary', parentId: 1 },
];

describe('members at a date', () => {
  const snapshots = [
    { orgId: 4, asOf: '2023-01-01', members: 50 },
    { orgId: 4, asOf: '2024-01-01', members: 55 },
    { orgId: 5, asOf: '2024-01-01', members: 30 },
    { orgId: 6, asOf: '2024-01-01', members: 20 },
    { orgId: 7, asOf: '2024-01-01', members: 10 },
    { orgId: 3, asOf: '2024-06-01', members: 25 },
  ];

  it('sums the children when the organization has no snapshot of its own', () => {
    expect(membersIndex(TREE, snapshots, '2024-03-01')(2)).toBe(85);
    expect(membersIndex(TREE, snapshots, '2024-03-01')(1)).toBe(85 + 20 + 10);
  });

  it("takes the organization's own latest snapshot on or before the date", () => {
    expect(membersIndex(TREE, snapshots, '2023-06-01')(4)).toBe(50);
    expect(membersIndex(TREE, snapshots, '2024-06-01')(4)).toBe(55);
    // Branch 3 counted itself in June: that figure wins over its primary's.
    expect(membersIndex(TREE, snapshots, '2024-06-01')(3)).toBe(25);
    expect(membersIndex(TREE, snapshots, '2024-06-01')(1)).toBe(85 + 25 + 10);
  });

  it('has no figure before any snapshot', () => {
    expect(membersIndex(TREE, snapshots, '2022-01-01')(1)).toBeNull();
    expect(membersIndex(TREE, snapshots, '2023-06-01')(1)).toBe(50);
  });

  it('counts branches, primaries and the primaries directly under the organization', () => {
    expect(structureOf(1, TREE)).toEqual({ branches: 2, primaries: 4, directPrimaries: 1 });
    expect(structureOf(2, TREE)).toEqual({ branches: 0, primaries: 2, directPrimaries: 2 });
  });
});

describe('the tree', () => {
  it('lets a primary hang under a branch or a region, never under a primary', () => {
    expect(mayHangUnder('primary', 'branch')).toBe(true);
    expect(mayHangUnder('primary', 'region')).toBe(true);
    expect(mayHangUnder('primary', 'primary')).toBe(false);
    expect(mayHangUnder('branch', 'union')).toBe(false);
    expect(mayHangUnder('union', null)).toBe(true);
    expect(mayHangUnder('union', 'region')).toBe(false);
  });
});

describe('reach', () => {
  it('divides followers by members', () => {
    expect(reach(261, 25_116)).toBeCloseTo(0.0104, 4);
    expect(reach(10, 0)).toBeNull();
    expect(reach(10, null)).toBeNull();
  });
});

describe('publications by subject and period', () => {
  const row = (subjectOrgId: number, month: string, count: number): PublicationCountRow => ({
    subjectOrgId,
    platform: 'facebook',
    month,
    count,
  });
  const rows = [
    row(1, '2023-05', 3),
    row(4, '2023-06', 2),
    row(2, '2023-06', 1),
    row(7, '2023-07', 4),
    row(1, '2024-01', 1),
  ];
  const childOf = new Map([
    [2, 2],
    [4, 2],
    [5, 2],
    [3, 3],
    [6, 3],
    [7, 7],
  ]);

  it('splits into the organization itself, each branch (zero included) and the direct primaries together', () => {
    const children = TREE.filter((node) => node.parentId === 1);
    const split = countBySubject(TREE[0]!, children, rows, childOf);
    expect(split).toEqual([
      { group: { kind: 'self', orgId: 1 }, count: 4 },
      { group: { kind: 'child', orgId: 2 }, count: 3 },
      { group: { kind: 'child', orgId: 3 }, count: 0 },
      { group: { kind: 'direct_primaries' }, count: 4 },
    ]);
  });

  it('splits by subject and platform: a count per platform and a total per row, and the columns summed', () => {
    const children = TREE.filter((node) => node.parentId === 1);
    const onPlatforms: PublicationCountRow[] = [
      ...rows,
      { subjectOrgId: 1, platform: 'website', month: '2023-05', count: 5 },
      { subjectOrgId: 6, platform: 'telegram', month: '2023-08', count: 2 },
      { subjectOrgId: 5, platform: 'website', month: '2023-09', count: 1 },
      // A subject the closure does not place under the root is no row's, nor the totals'.
      { subjectOrgId: 99, platform: 'facebook', month: '2023-09', count: 7 },
    ];
    const { rows: split, totals } = countBySubjectAndPlatform(TREE[0]!, children, onPlatforms, childOf);
    const nonZero = (counts: Record<string, number>) =>
      Object.fromEntries(Object.entries(counts).filter(([, count]) => count !== 0));
    expect(split.map((entry) => [entry.group, nonZero(entry.counts), entry.total])).toEqual([
      [{ kind: 'self', orgId: 1 }, { facebook: 4, website: 5 }, 9],
      [{ kind: 'child', orgId: 2 }, { facebook: 3, website: 1 }, 4],
      [{ kind: 'child', orgId: 3 }, { telegram: 2 }, 2],
      [{ kind: 'direct_primaries' }, { facebook: 4 }, 4],
    ]);
    // Every platform of the vocabulary is a column, empty ones at zero.
    expect(Object.keys(split[0]!.counts)).toEqual([...PLATFORMS]);
    expect(split[0]!.counts.youtube).toBe(0);
    expect(nonZero(totals.counts)).toEqual({ facebook: 11, website: 6, telegram: 2 });
    expect(totals.total).toBe(19);
    // The same split as by subject alone, row for row.
    expect(split.map((entry) => entry.total)).toEqual(
      countBySubject(TREE[0]!, children, onPlatforms, childOf).map((entry) => entry.count),
    );
  });

  it('counts per bucket with the empty ones', () => {
    expect(countByBucket(rows, 'year', parsePeriod('2022-01-01..2024-12-31'))).toEqual([
      { bucket: '2022', count: 0 },
      { bucket: '2023', count: 10 },
      { bucket: '2024', count: 1 },
    ]);
    // Rows come from the query already within the period: H1 has 3 + 2 + 1, H2 has 4.
    const in2023 = rows.filter((entry) => entry.month.startsWith('2023'));
    expect(countByBucket(in2023, 'half', parsePeriod('2023'))).toEqual([
      { bucket: '2023-H1', count: 6 },
      { bucket: '2023-H2', count: 4 },
    ]);
  });
});

describe('media mentions', () => {
  it('counts items per year and outlet, so totals are sums of records', () => {
    const counts = countMentions([
      { outletId: 1, publishedOn: '2022-03-01' },
      { outletId: 1, publishedOn: '2022-05-01' },
      { outletId: 2, publishedOn: '2022-07-01' },
      { outletId: 1, publishedOn: '2023-01-10' },
    ]);
    expect(counts).toEqual([
      { bucket: '2022', outletId: 1, count: 2 },
      { bucket: '2022', outletId: 2, count: 1 },
      { bucket: '2023', outletId: 1, count: 1 },
    ]);
  });
});
