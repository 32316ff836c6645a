import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type OrgScope, subtreesOf, WHOLE_TREE } from '../../src/domain/scope.js';
import type { Organization } from '../../src/services/org.service.js';
import { keptRead } from '../../src/storage/kept.js';
import { subtreeOf } from '../../src/storage/scope.js';
import { buildTree } from '../factories/org.factory.js';
import { DIALECTS, openTestContext } from '../helpers/databases.js';

/** The codes of a subtree's organizations, in code order: the read every case below keeps compiled. */
const subtreeCodes = keptRead((db, scope, { rootId }: { rootId: number }) =>
  subtreeOf(db, scope, rootId)
    .innerJoin('organization as o', 'o.id', 'c.descendantId')
    .select('o.code')
    .orderBy('o.code'),
);

/**
 * A kept read is compiled once per engine and scope: each call must still read with its own values, and a scope
 * must never be read with another scope's compilation.
 */
describe.each(DIALECTS)('kept reads (%s)', (dialect) => {
  let ctx: Awaited<ReturnType<typeof openTestContext>>;
  let union: Organization;
  let regions: Organization[];

  beforeAll(async () => {
    ctx = await openTestContext(dialect);
    const tree = await buildTree(ctx, { regions: 2, branches: 1, primariesPerBranch: 2, directPrimaries: 0 });
    union = tree.union;
    regions = tree.regions.map((region) => region.org);
  });
  afterAll(() => ctx.close());

  const codesOf = async (scope: OrgScope, rootId: number) =>
    (await subtreeCodes(ctx.db.kysely, scope, { rootId })).map((row) => row.code);

  /** The same read, built anew: what a kept read must give. */
  const builtCodesOf = async (scope: OrgScope, rootId: number) =>
    (
      await subtreeOf(ctx.db.kysely, scope, rootId)
        .innerJoin('organization as o', 'o.id', 'c.descendantId')
        .select('o.code')
        .orderBy('o.code')
        .execute()
    ).map((row) => row.code);

  it('reads each call’s own values into the compiled text', async () => {
    for (const root of [union, ...regions, union]) {
      const codes = await codesOf(WHOLE_TREE, root.id);
      expect(codes).toEqual(await builtCodesOf(WHOLE_TREE, root.id));
      expect(codes).toContain(root.code);
    }
    expect(await codesOf(WHOLE_TREE, regions[0]!.id)).toHaveLength(4);
    expect(await codesOf(WHOLE_TREE, union.id)).toHaveLength(9);
  });

  it('keeps a compilation per scope: one scope never reads through another’s', async () => {
    const [first, second] = regions as [Organization, Organization];
    // Compiled first for the whole tree, then asked under each region's scope, in turn and again.
    expect(await codesOf(WHOLE_TREE, second.id)).toHaveLength(4);
    for (let round = 0; round < 2; round++) {
      expect(await codesOf(subtreesOf([first.id]), second.id)).toEqual([]);
      expect(await codesOf(subtreesOf([second.id]), second.id)).toEqual(
        await builtCodesOf(WHOLE_TREE, second.id),
      );
      expect(await codesOf(subtreesOf([first.id]), union.id)).toEqual([]);
      expect(await codesOf(subtreesOf([]), second.id)).toEqual([]);
    }
  });

  it('reads inside a transaction what it reads outside', async () => {
    const outside = await codesOf(WHOLE_TREE, regions[1]!.id);
    const inside = await ctx.db.kysely
      .transaction()
      .execute(async (tx) =>
        (await subtreeCodes(tx, WHOLE_TREE, { rootId: regions[1]!.id })).map((r) => r.code),
      );
    expect(inside).toEqual(outside);
  });

  it('refuses a build that uses a value other than by binding it', async () => {
    const shaped = keptRead((db, _scope, { column }: { column: string }) =>
      db.selectFrom('organization').select(sql.ref(String(column)).as('value')),
    );
    await expect(shaped(ctx.db.kysely, WHOLE_TREE, { column: 'code' })).rejects.toThrow(/not bound: column/);
  });
});
