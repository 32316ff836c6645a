import { describe, expect, it } from 'vitest';
import { appUsageBySubject } from '../../src/domain/app-usage.measure.js';
import type { OrgNode } from '../../src/domain/org-tree.js';

const region: OrgNode = { id: 1, kind: 'region', parentId: null };
const branch: OrgNode = { id: 2, kind: 'branch', parentId: 1 };
const college: OrgNode = { id: 3, kind: 'primary', parentId: 1 };
// The school (4) lies under the branch.
const childOf = new Map([
  [2, 2],
  [3, 3],
  [4, 2],
]);
const members = (figures: Record<number, number>) => (orgId: number) => figures[orgId] ?? null;

describe('app usage by subject', () => {
  it('gives the organization itself and its direct primaries their rows, adding up to its members', () => {
    const rows = appUsageBySubject(
      region,
      [branch, college],
      [
        { orgId: 1, asOf: '2024-09-01', registered: 5, active: null },
        { orgId: 4, asOf: '2024-08-01', registered: 30, active: 12 },
      ],
      childOf,
      // The region's own figure counts 20 members (its apparatus) that no child holds.
      members({ 1: 1020, 2: 800, 3: 200 }),
    );
    expect(rows).toEqual([
      { group: { kind: 'self', orgId: 1 }, members: 20, registered: 5, active: null, asOf: '2024-09-01' },
      { group: { kind: 'child', orgId: 2 }, members: 800, registered: 30, active: 12, asOf: '2024-08-01' },
      { group: { kind: 'direct_primaries' }, members: 200, registered: 0, active: null, asOf: null },
    ]);
    expect(rows.reduce((sum, row) => sum + (row.members ?? 0), 0)).toBe(1020);
  });

  it('says nothing when no usage is recorded', () => {
    expect(appUsageBySubject(region, [branch], [], childOf, members({ 1: 10 }))).toEqual([]);
  });
});
