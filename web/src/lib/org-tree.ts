/** The flat list of organizations (parents first) as a tree for pickers and the organizations page. */
import { orgName } from '../../../src/shared/org-name.js';
import type { UiLang } from '../../../src/shared/vocabulary.js';
import type { Organization } from '../api/types.js';

export interface OrgNode {
  org: Organization;
  children: OrgNode[];
}

export function orgTree(orgs: readonly Organization[]): OrgNode[] {
  const nodes = new Map(orgs.map((org) => [org.id, { org, children: [] as OrgNode[] }]));
  const roots: OrgNode[] = [];
  for (const node of nodes.values()) {
    const parent = node.org.parentId === null ? undefined : nodes.get(node.org.parentId);
    (parent ? parent.children : roots).push(node);
  }
  return roots;
}

/** The codes of an organization's ancestors, the top first: the tree's nodes to open to show it. */
export function ancestorCodes(orgs: readonly Organization[], code: string): string[] {
  const byId = new Map(orgs.map((org) => [org.id, org]));
  const codes: string[] = [];
  let org = orgs.find((candidate) => candidate.code === code);
  while (org && org.parentId !== null) {
    org = byId.get(org.parentId);
    if (org) codes.unshift(org.code);
  }
  return codes;
}

export interface TreeOption {
  value: string;
  title: string;
  children: TreeOption[];
}

/** Options of antd's TreeSelect: primaries are left out, a picker of hundreds of them is no help. */
export function orgOptions(nodes: readonly OrgNode[], lang: UiLang): TreeOption[] {
  return nodes
    .filter((node) => node.org.kind !== 'primary')
    .map((node) => ({
      value: node.org.code,
      title: orgName(node.org, lang),
      children: orgOptions(node.children, lang),
    }));
}
