/**
 * `aqparat publications --json` states each post's engagement as last imported: views, reactions, comments and
 * shares where the source gave them, null where it did not.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openContext } from '../../src/services/context.js';
import { runCli } from '../helpers/cli.js';
import { createTestDatabase, DIALECTS, type TestDatabase } from '../helpers/databases.js';
import { buildRegion, channelOf, scratchDir } from '../importers/setup.js';

describe.each(DIALECTS)('aqparat publications --json: engagement (%s)', (dialect) => {
  let database: TestDatabase;
  let channel = '';
  const dir = scratchDir();
  const cli = (...args: string[]) => runCli([...args, '--db', database.target]);

  beforeAll(async () => {
    database = await createTestDatabase(dialect);
    const ctx = await openContext({ db: database.target, env: {} });
    try {
      const { region } = await buildRegion(ctx);
      channel = await channelOf(ctx, region, 'facebook');
    } finally {
      await ctx.db.close();
    }
  });
  afterAll(() => database.drop());

  it('gives views, reactions, comments and shares, null where the file does not say', async () => {
    const file = join(dir, 'posts.csv');
    writeFileSync(
      file,
      'channel;publishedAt;externalId;title;views;reactions;comments;shares\n' +
        `${channel};2026-11-02T09:00:00Z;p-1;Собрание;1500;42;7;3\n` +
        `${channel};2026-11-03T09:00:00Z;p-2;Семинар;;;;\n`,
    );
    const imported = await cli('import', file, '--json');
    expect(imported.code, imported.stderr).toBe(0);
    expect(JSON.parse(imported.stdout)).toMatchObject({ new: 2, rejected: 0 });

    const listed = await cli('publications', '--channel', channel, '--json');
    expect(listed.code, listed.stderr).toBe(0);
    const rows = JSON.parse(listed.stdout) as Record<string, unknown>[];
    const pick = (row: Record<string, unknown> | undefined) => ({
      externalId: row?.['externalId'],
      views: row?.['views'],
      reactions: row?.['reactions'],
      comments: row?.['comments'],
      shares: row?.['shares'],
    });
    expect(rows.map(pick)).toEqual([
      { externalId: 'p-1', views: 1500, reactions: 42, comments: 7, shares: 3 },
      { externalId: 'p-2', views: null, reactions: null, comments: null, shares: null },
    ]);
  });
});
