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
