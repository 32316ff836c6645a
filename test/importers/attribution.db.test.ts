/**
 * Attribution of a regional page's posts to its branches by rules, the rule stored with the post, a manual
 * assignment that wins; a dry run that stores nothing; the caller's scope.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser } from '../../src/services/user.service.js';
import {
  addAttributionRule,
  listAttributionRules,
  removeAttributionRule,
} from '../../src/services/import/attribution.service.js';
import { assignSubject, listPublications } from '../../src/services/import/publications.service.js';
import { listImports } from '../../src/services/import.service.js';
import { DIALECTS, openTestContext } from '../helpers/databases.js';
import { rowCounts } from '../helpers/tables.js';
import { FIXTURES } from './helpers.js';
import { buildRegion, channelOf, failureOf, importInto, type Region } from './setup.js';

const RSS = `${FIXTURES}news.rss.xml`;

describe.each(DIALECTS)('attribution (%s)', (dialect) => {
  let ctx: Awaited<ReturnType<typeof openTestContext>>;
  let org: Region;
  let website: string;
  const branch = (at: number) => org.branches[at] as Region['region'];

  beforeAll(async () => {
    ctx = await openTestContext(dialect);
    org = await buildRegion(ctx);
    website = await channelOf(ctx, org.region, 'website');
  });
  afterAll(() => ctx.close());

  const subjects = async (channel: string) =>
    (await listPublications(ctx, { channel })).map((item) => [
      item.externalId.slice(-5),
      item.subject.code,
      item.subjectRule,
      item.subjectManual,
    ]);

  it("assigns a regional page's posts to branches by place names, keeps the rule, leaves the rest with the owner", async () => {
    await addAttributionRule(ctx, { org: branch(0).code, kind: 'place', pattern: 'Аягоз' });
    await addAttributionRule(ctx, { org: branch(0).code, kind: 'place', pattern: 'Аягөз' });
    await addAttributionRule(ctx, { org: branch(1).code, kind: 'place', pattern: ' Семей ' });
    const duplicate = await failureOf(() =>
      addAttributionRule(ctx, { org: branch(1).code, kind: 'place', pattern: 'Семей' }),
    );
    expect(duplicate.code).toBe('duplicate_record');
    expect((await listAttributionRules(ctx, branch(0).code)).map((rule) => rule.pattern)).toEqual([
      'Аягоз',
      'Аягөз',
    ]);

    expect(await importInto(ctx, RSS, website)).toMatchObject({ new: 3, rejected: 1 });
    expect(await subjects(website)).toEqual([
      ['p=101', branch(0).code, 'place:Аягоз', false],
      ['p=102', branch(1).code, 'place:Семей', false],
      ['p=103', org.region.code, null, false],
    ]);
  });

  it('keeps a manual assignment through later imports and new rules; a new rule re-attributes the rest', async () => {
    await assignSubject(ctx, {
      channel: website,
      externalId: 'https://abai-edu-union.kz/?p=103',
      org: branch(0).code,
    });
    const missing = await failureOf(() =>
      assignSubject(ctx, { channel: website, externalId: 'nope', org: branch(0).code }),
    );
    expect(missing.code).toBe('publication_unknown');
    expect(await importInto(ctx, RSS, website)).toMatchObject({ batchId: null, unchanged: 3 });

    const primary = org.primaries[1] as Region['region'];
    const rule = await addAttributionRule(ctx, { org: primary.code, kind: 'hashtag', pattern: '#Жастар' });
    await addAttributionRule(ctx, { org: primary.code, kind: 'keyword', pattern: 'пленум' });
    expect(await importInto(ctx, RSS, website)).toMatchObject({ new: 0, updated: 1, unchanged: 2 });
    expect(await subjects(website)).toEqual([
      ['p=101', branch(0).code, 'place:Аягоз', false],
      ['p=102', primary.code, 'hashtag:Жастар', false],
      ['p=103', branch(0).code, null, true],
    ]);
    await removeAttributionRule(ctx, rule);
    expect((await failureOf(() => removeAttributionRule(ctx, rule))).code).toBe('not_found');
  });

  it('reads everything and stores nothing in a dry run', async () => {
    const channel = await channelOf(ctx, org.region, 'website');
    const before = await rowCounts(ctx);
    expect(await importInto(ctx, RSS, channel, { dryRun: true })).toMatchObject({
      dryRun: true,
      stored: false,
      batchId: null,
      new: 3,
      rejected: 1,
    });
    expect(await rowCounts(ctx)).toEqual(before);
  });

  it("lets a branch's editor import into its own channels only, and see only their imports", async () => {
    const { user } = await createUser(ctx, {
      login: `editor-${dialect}`,
      role: 'editor',
      org: branch(1).code,
      password: 'a long enough password',
    });
    const editor = {
      ...ctx,
      actor: {
        kind: 'user' as const,
        userId: user.id,
        login: user.login,
        role: 'editor' as const,
        orgId: user.orgId,
      },
    };
    const own = await channelOf(ctx, branch(1), 'website');
    expect((await failureOf(() => importInto(editor, RSS, website))).code).toBe('channel_unknown');
    const mine = await importInto(editor, RSS, own);
    expect(mine).toMatchObject({ new: 3 });
    expect((await listImports(editor)).map((batch) => batch.channel)).toEqual([own]);
    expect((await listImports(ctx)).length).toBeGreaterThan(1);
  });
});
