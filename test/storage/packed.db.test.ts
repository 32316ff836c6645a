import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WHOLE_TREE } from '../../src/domain/scope.js';
import type { Organization } from '../../src/services/org.service.js';
import {
  addAudienceSnapshot,
  addChannel,
  addMembershipSnapshot,
} from '../../src/services/records.service.js';
import { selectPacked } from '../../src/storage/packed.js';
import { listSubtreeChannels } from '../../src/storage/repositories/channel.repository.js';
import { listSubtreeMembership } from '../../src/storage/repositories/org.repository.js';
import { listInSubtree, listMembership } from '../../src/storage/repositories/records.repository.js';
import { buildTree, uniqueCode } from '../factories/org.factory.js';
import { DIALECTS, openTestContext } from '../helpers/databases.js';

const byId = <T extends { id: number }>(rows: readonly T[]) => [...rows].sort((a, b) => a.id - b.id);

/**
 * The subtree-wide reads come packed into one JSON value by the engine: they must give exactly the rows, and the
 * values, that reading the same query row by row gives, on both engines.
 */
describe.each(DIALECTS)('packed reads (%s)', (dialect) => {
  let ctx: Awaited<ReturnType<typeof openTestContext>>;
  let union: Organization;
  let region: Organization;
  const channels: string[] = [];

  beforeAll(async () => {
    ctx = await openTestContext(dialect);
    const tree = await buildTree(ctx, { regions: 2, branches: 2, primariesPerBranch: 3, directPrimaries: 1 });
    union = tree.union;
    region = tree.regions[0]!.org;
    const primaries = tree.regions.flatMap((r) => [...r.branches.flatMap((b) => b.primaries), ...r.direct]);
    for (const [at, primary] of primaries.entries()) {
      await addMembershipSnapshot(ctx, { org: primary.code, asOf: '2023-01-01', members: 100 + at });
      await addMembershipSnapshot(ctx, { org: primary.code, asOf: '2024-01-01', members: 200 + at });
    }
    const owners = [union, region, tree.regions[1]!.org, primaries[0]!];
    for (const [at, owner] of owners.entries()) {
      const code = uniqueCode('page');
      channels.push(code);
      // Names that JSON must carry whole: quotes, a backslash, a line break, Kazakh letters, an emoji.
      await addChannel(ctx, {
        code,
        org: owner.code,
        platform: 'telegram',
        name: `«Кәсіподақ» "${at}" \\ жаңалықтар\nекінші жол 📣`,
        ...(at % 2 === 0 ? { url: `https://t.me/page${at}`, createdOn: '2020-02-29' } : {}),
      });
      await addAudienceSnapshot(ctx, { channel: code, asOf: '2023-12-31', followers: 1000 + at });
      await addAudienceSnapshot(ctx, { channel: code, asOf: '2024-06-30', followers: 2000 + at });
    }
  });
  afterAll(() => ctx.close());

  it('reads a subtree’s shape as the rows give it, with each organization’s membership by the date', async () => {
    for (const root of [union, region]) {
      const rows = await ctx.db.kysely
        .selectFrom('orgClosure')
        .innerJoin('organization', 'organization.id', 'orgClosure.descendantId')
        .select(['organization.id', 'organization.kind', 'organization.parentId'])
        .where('orgClosure.ancestorId', '=', root.id)
        .execute();
      for (const upTo of ['2022-12-31', '2023-06-30', '2024-12-31']) {
        const { nodes, snapshots } = await listSubtreeMembership(ctx.db.kysely, WHOLE_TREE, root.id, upTo);
        expect(rows.length).toBeGreaterThan(5);
        expect(byId(nodes)).toEqual(byId(rows));
        const bySnapshot = (list: readonly { orgId: number; asOf: string }[]) =>
          [...list].sort((a, b) => a.orgId - b.orgId || a.asOf.localeCompare(b.asOf));
        expect(bySnapshot(snapshots)).toEqual(
          bySnapshot(await listMembership(ctx.db.kysely, WHOLE_TREE, root.id, upTo)),
        );
      }
    }
    // Both snapshots of every primary by the later date, none by the earliest.
    const later = await listSubtreeMembership(ctx.db.kysely, WHOLE_TREE, union.id, '2024-12-31');
    expect(later.snapshots).toHaveLength(28);
    const earliest = await listSubtreeMembership(ctx.db.kysely, WHOLE_TREE, union.id, '2022-12-31');
    expect(earliest.snapshots).toEqual([]);
  });

  it('reads membership figures by the date, with their dates as text', async () => {
    const rows = await listMembership(ctx.db.kysely, WHOLE_TREE, union.id, '2023-06-30');
    expect(rows).toHaveLength(14);
    expect(new Set(rows.map((row) => row.asOf))).toEqual(new Set(['2023-01-01']));
    expect(rows.every((row) => typeof row.members === 'number' && row.members < 200)).toBe(true);
    const later = await listMembership(ctx.db.kysely, WHOLE_TREE, union.id, '2024-12-31');
    expect(later).toHaveLength(28);
  });

  it('reads a subtree’s channels, in order, with every value the full rows hold', async () => {
    const full = await listInSubtree(ctx.db.kysely, WHOLE_TREE, 'channel', union.id);
    const packed = await listSubtreeChannels(ctx.db.kysely, WHOLE_TREE, union.id, '2024-01-31');
    expect(packed).toEqual(
      full.map(({ id, code, orgId, platform, name, url, createdOn, closedOn }, at) => ({
        id,
        code,
        orgId,
        platform,
        name,
        url,
        createdOn,
        closedOn,
        asOf: '2023-12-31',
        followers: 1000 + at,
      })),
    );
    expect(packed.map((channel) => channel.code)).toEqual(channels);
    expect(packed[0]?.name).toContain('"0" \\ жаңалықтар\nекінші жол 📣');
    expect(packed.map((channel) => channel.createdOn)).toEqual(['2020-02-29', null, '2020-02-29', null]);
    // The region's own page and its first primary's, as of the later snapshot.
    const inRegion = await listSubtreeChannels(ctx.db.kysely, WHOLE_TREE, region.id, '2024-12-31');
    expect(inRegion.map(({ code, asOf, followers }) => ({ code, asOf, followers }))).toEqual([
      { code: channels[1], asOf: '2024-06-30', followers: 2001 },
      { code: channels[3], asOf: '2024-06-30', followers: 2003 },
    ]);
    // Before any snapshot, a channel is listed without followers.
    const before = await listSubtreeChannels(ctx.db.kysely, WHOLE_TREE, region.id, '2023-01-01');
    expect(before.map(({ code, asOf, followers }) => ({ code, asOf, followers }))).toEqual([
      { code: channels[1], asOf: null, followers: null },
      { code: channels[3], asOf: null, followers: null },
    ]);
  });

  it('gives no rows, not an error, when the query finds none', async () => {
    const none = await selectPacked(ctx.db.kysely, (db) =>
      db.selectFrom('channel').where('id', '<', 0).select(['channel.id', 'channel.name']),
    );
    expect(none).toEqual([]);
    expect(await listMembership(ctx.db.kysely, WHOLE_TREE, union.id, '2000-01-01')).toEqual([]);
  });
});
