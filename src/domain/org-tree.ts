/** The organization tree: which kind may hang under which, and how a subtree is walked. */
import type { OrgKind } from '../shared/vocabulary.js';

/** What an organization is, as far as the tree is concerned. */
export interface OrgNode {
  id: number;
  kind: OrgKind;
  parentId: number | null;
}

/** Parent kinds each kind may have; `null` means a root. A primary may sit directly under a region. */
export const ALLOWED_PARENTS: Readonly<Record<OrgKind, readonly (OrgKind | null)[]>> = {
  union: [null],
  region: ['union', null],
  branch: ['region'],
  primary: ['branch', 'region'],
};

export function mayHangUnder(kind: OrgKind, parentKind: OrgKind | null): boolean {
  return ALLOWED_PARENTS[kind].includes(parentKind);
}

/** Children of every node, in input order. */
export function childrenIndex<T extends OrgNode>(nodes: readonly T[]): Map<number, T[]> {
  const index = new Map<number, T[]>();
  for (const node of nodes) {
    if (node.parentId === null) continue;
    const list = index.get(node.parentId) ?? [];
    list.push(node);
    index.set(node.parentId, list);
  }
  return index;
}
