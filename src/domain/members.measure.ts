/**
 * Members of an organization at a date: its own latest snapshot on or before the date, else the sum of its
 * children's figures (each found the same way).
 */
import { childrenIndex, type OrgNode } from './org-tree.js';
import type { LocalDate } from './period.js';

export interface MembershipRow {
  orgId: number;
  asOf: LocalDate;
  members: number;
}

/** The latest row on or before `date` for each key. */
export function latestBy<T extends { asOf: LocalDate }>(
  rows: readonly T[],
  key: (row: T) => number,
  date: LocalDate,
): Map<number, T> {
  const latest = new Map<number, T>();
  for (const row of rows) {
    if (row.asOf > date) continue;
    const seen = latest.get(key(row));
    if (!seen || seen.asOf < row.asOf) latest.set(key(row), row);
  }
  return latest;
}

/**
 * Members of every organization of the tree at the date, each worked out once however many ask: `null` when
 * neither the organization nor anything under it has a snapshot by that date.
 */
export function membersIndex(
  nodes: readonly OrgNode[],
  snapshots: readonly MembershipRow[],
  date: LocalDate,
): (orgId: number) => number | null {
  const own = latestBy(snapshots, (row) => row.orgId, date);
  const children = childrenIndex(nodes);
  const known = new Map<number, number | null>();
  const figure = (orgId: number): number | null => {
    if (known.has(orgId)) return known.get(orgId) ?? null;
    let sum: number | null = own.get(orgId)?.members ?? null;
    if (sum === null) {
      for (const child of children.get(orgId) ?? []) {
        const childFigure = figure(child.id);
        if (childFigure !== null) sum = (sum ?? 0) + childFigure;
      }
    }
    known.set(orgId, sum);
    return sum;
  };
  return figure;
}

export interface Structure {
  /** Branches (district and city committees) anywhere under the organization. */
  branches: number;
  /** Primary organizations anywhere under it. */
  primaries: number;
  /** Primaries hanging directly under the organization, not through a branch. */
  directPrimaries: number;
}

export function structureOf(rootId: number, nodes: readonly OrgNode[]): Structure {
  const children = childrenIndex(nodes);
  const structure: Structure = { branches: 0, primaries: 0, directPrimaries: 0 };
  const walk = (orgId: number, depth: number) => {
    for (const child of children.get(orgId) ?? []) {
      if (child.kind === 'branch') structure.branches += 1;
      if (child.kind === 'primary') {
        structure.primaries += 1;
        if (depth === 0) structure.directPrimaries += 1;
      }
      walk(child.id, depth + 1);
    }
  };
  walk(rootId, 0);
  return structure;
}
