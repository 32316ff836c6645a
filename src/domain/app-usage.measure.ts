/**
 * Mobile-app usage split as the brief splits publications: the organization itself, each branch, and the primaries
 * directly under it taken together. Each row's members are found the same way, so the rows add up to the
 * organization's members and the table's total says what the brief's text says.
 */
import type { OrgNode } from './org-tree.js';
import type { LocalDate } from './period.js';
import type { SubjectGroup } from './publications.measure.js';

/** The latest usage figure recorded for one organization. */
export interface AppUsageRow {
  orgId: number;
  asOf: LocalDate;
  registered: number;
  active: number | null;
}

export interface AppUsageSplit {
  group: SubjectGroup;
  members: number | null;
  registered: number;
  active: number | null;
  /** The latest date of the figures summed; null where none was recorded. */
  asOf: LocalDate | null;
}

const add = (a: number | null, b: number | null) => (a === null ? b : b === null ? a : a + b);

/**
 * `childOf` maps each organization under the root to the child of the root it lies under; `membersOf` gives an
 * organization's members at the brief's date. The root's own row holds the members no child accounts for (none when
 * its figure is the sum of its children's) and the usage recorded on the root itself. Empty when no usage is known.
 */
export function appUsageBySubject(
  root: OrgNode,
  children: readonly OrgNode[],
  usage: Iterable<AppUsageRow>,
  childOf: ReadonlyMap<number, number>,
  membersOf: (orgId: number) => number | null,
): AppUsageSplit[] {
  const byOrg = new Map<number, Omit<AppUsageSplit, 'group' | 'members'>>();
  for (const row of usage) {
    const key = row.orgId === root.id ? root.id : childOf.get(row.orgId);
    if (key === undefined) continue;
    const sum = byOrg.get(key) ?? { registered: 0, active: null, asOf: null };
    sum.registered += row.registered;
    sum.active = add(sum.active, row.active);
    if (sum.asOf === null || row.asOf > sum.asOf) sum.asOf = row.asOf;
    byOrg.set(key, sum);
  }
  if (byOrg.size === 0) return [];
  const empty = { registered: 0, active: null, asOf: null };
  const rootMembers = membersOf(root.id);
  const childMembers = children.reduce((sum, child) => sum + (membersOf(child.id) ?? 0), 0);
  const own = rootMembers === null || rootMembers < childMembers ? null : rootMembers - childMembers;
  const rows: AppUsageSplit[] = [
    { group: { kind: 'self', orgId: root.id }, members: own, ...(byOrg.get(root.id) ?? empty) },
  ];
  const direct: AppUsageSplit = { group: { kind: 'direct_primaries' }, members: null, ...empty };
  for (const child of children) {
    const figures = byOrg.get(child.id) ?? empty;
    if (child.kind !== 'primary') {
      rows.push({ group: { kind: 'child', orgId: child.id }, members: membersOf(child.id), ...figures });
      continue;
    }
    direct.members = add(direct.members, membersOf(child.id));
    direct.registered += figures.registered;
    direct.active = add(direct.active, figures.active);
    if (figures.asOf !== null && (direct.asOf === null || figures.asOf > direct.asOf))
      direct.asOf = figures.asOf;
  }
  if (children.some((child) => child.kind === 'primary')) rows.push(direct);
  return rows;
}
