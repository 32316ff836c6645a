/** A region with branches and channels to import into, and importing with the errors it throws caught. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';
import type { Context } from '../../src/services/context.js';
import { importFile, type ImportRequest } from '../../src/services/import.service.js';
import type { Organization } from '../../src/services/org.service.js';
import { addChannel } from '../../src/services/records.service.js';
import type { Platform } from '../../src/shared/vocabulary.js';
import { buildTree, uniqueCode } from '../factories/org.factory.js';

export { failureOf } from './helpers.js';

export interface Region {
  region: Organization;
  /** Two branches, each with one primary organization. */
  branches: Organization[];
  primaries: Organization[];
}

export async function buildRegion(ctx: Context): Promise<Region> {
  const { regions } = await buildTree(ctx, {
    regions: 1,
    branches: 2,
    primariesPerBranch: 1,
    directPrimaries: 0,
  });
  const [tree] = regions;
  if (!tree) throw new Error('no region built');
  return {
    region: tree.org,
    branches: tree.branches.map((branch) => branch.org),
    primaries: tree.branches.flatMap((branch) => branch.primaries),
  };
}

/** A channel of the organization; its code is returned. */
export async function channelOf(
  ctx: Context,
  owner: Organization,
  platform: Platform,
  extra: { name?: string; url?: string } = {},
): Promise<string> {
  const code = uniqueCode(platform);
  await addChannel(ctx, {
    code,
    org: owner.code,
    platform,
    name: extra.name ?? code,
    ...(extra.url ? { url: extra.url } : {}),
  });
  return code;
}

export function importInto(ctx: Context, file: string, channel?: string, extra: Partial<ImportRequest> = {}) {
  return importFile(ctx, { file, ...(channel ? { channel } : {}), ...extra });
}

/** A temporary folder for the files a test writes, removed after the tests of the block that asked for it. */
export function scratchDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'aqparat-import-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}
