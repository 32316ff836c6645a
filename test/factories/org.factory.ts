/** Builds organization trees for tests, with codes made unique so that tests never collide. */
import { randomBytes } from 'node:crypto';
import type { Context } from '../../src/services/context.js';
import { createOrganization, type Organization } from '../../src/services/org.service.js';
import type { OrgKind } from '../../src/shared/vocabulary.js';

let made = 0;

/** Random against other test files on the same database server, counted against a clash within one file. */
export const uniqueCode = (stem: string) =>
  `${stem}-${randomBytes(3).toString('hex')}${(made += 1).toString(36)}`;

export function buildOrg(ctx: Context, kind: OrgKind, parent?: Organization, stem: string = kind) {
  const code = uniqueCode(stem);
  return createOrganization(ctx, {
    code,
    kind,
    ...(parent ? { parent: parent.code } : {}),
    nameRu: `Организация ${code}`,
    nameKk: `${code} ұйымы`,
  });
}

export interface BranchTree {
  org: Organization;
  primaries: Organization[];
}

export interface RegionTree {
  org: Organization;
  branches: BranchTree[];
  /** Primaries directly under the region. */
  direct: Organization[];
}

export interface TreeShape {
  regions?: number;
  branches?: number;
  primariesPerBranch?: number;
  directPrimaries?: number;
}

/** A union with regions, each with branches of primaries and some primaries directly under the region. */
export async function buildTree(
  ctx: Context,
  shape: TreeShape = {},
): Promise<{ union: Organization; regions: RegionTree[] }> {
  const { regions = 2, branches = 2, primariesPerBranch = 2, directPrimaries = 1 } = shape;
  const union = await buildOrg(ctx, 'union');
  const built: RegionTree[] = [];
  for (let r = 0; r < regions; r++) {
    const region = await buildOrg(ctx, 'region', union);
    const tree: RegionTree = { org: region, branches: [], direct: [] };
    for (let b = 0; b < branches; b++) {
      const branch = await buildOrg(ctx, 'branch', region);
      const primaries = [];
      for (let p = 0; p < primariesPerBranch; p++) primaries.push(await buildOrg(ctx, 'primary', branch));
      tree.branches.push({ org: branch, primaries });
    }
    for (let p = 0; p < directPrimaries; p++) tree.direct.push(await buildOrg(ctx, 'primary', region));
    built.push(tree);
  }
  return { union, regions: built };
}
