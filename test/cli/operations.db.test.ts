/**
 * The operator's commands on both databases: `user add` (a generated password printed once and working),
 * `backup` then `restore` bringing back every table's row count and the publications' checksum.
 */
import { createHash } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Context, openContext } from '../../src/services/context.js';
import { buildDemo } from '../../src/services/demo.service.js';
import { authenticate } from '../../src/services/user.service.js';
import { runCli } from '../helpers/cli.js';
import { createTestDatabase, DIALECTS, type TestDatabase } from '../helpers/databases.js';
import { rowCounts } from '../helpers/tables.js';

/** A digest of every publication's identity, dates, text and labels, in id order. */
async function publicationChecksum(ctx: Context): Promise<string> {
  const rows = await ctx.db.kysely
    .selectFrom('publication')
    .select([
      'id',
      'channelId',
      'externalId',
      'publishedAt',
      'localDate',
      'text',
      'subjectOrgId',
      'primaryTopic',
    ])
    .orderBy('id')
    .execute();
  return createHash('sha256').update(JSON.stringify(rows)).digest('hex');
}

describe.each(DIALECTS)('operator commands (%s)', (dialect) => {
  let database: TestDatabase;
  let ctx: Context;
  const db = () => ['--db', database.target];

  beforeAll(async () => {
    database = await createTestDatabase(dialect);
    ctx = await openContext({ db: database.target, env: {} });
    await buildDemo(ctx);
  });
  afterAll(async () => {
    await ctx.db.close();
    await database.drop();
  });

  it('adds a user with a generated password, printed once, that signs in', async () => {
    const added = await runCli([
      'user',
      'add',
      '--login',
      'semey-editor',
      '--role',
      'editor',
      '--org',
      'abai-semey',
      ...db(),
    ]);
    expect(added.code).toBe(0);
    expect(added.stdout).toContain(
      'Пользователь «semey-editor» добавлен: роль editor, организация abai-semey',
    );
    const password = /пароль.*«semey-editor»: (\S+)/i.exec(added.stdout)?.[1] ?? '';
    expect(password).toHaveLength(16);
    const signedIn = await authenticate(ctx, 'semey-editor', password);
    expect(signedIn.actor).toMatchObject({ kind: 'user', role: 'editor' });
    const again = await runCli([
      'user',
      'add',
      '--login',
      'semey-editor',
      '--role',
      'viewer',
      '--org',
      'abai',
      ...db(),
    ]);
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('Логин «semey-editor» уже занят');
  });

  it('restores a backup: every table row count and the publications checksum come back', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'aqparat-backup-')), 'aqparat.backup');
    const counts = await rowCounts(ctx);
    const checksum = await publicationChecksum(ctx);
    const written = await runCli(['backup', '--out', file, ...db()]);
    expect(written.code).toBe(0);
    expect(written.stdout).toContain(file);

    // Damage after the backup: publications gone, labels changed.
    await ctx.db.kysely.deleteFrom('publication').where('localDate', '<', '2023-01-01').execute();
    await ctx.db.kysely
      .updateTable('publication')
      .set({ primaryTopic: 'other' })
      .where('localDate', '>=', '2023-06-01')
      .execute();
    expect(await publicationChecksum(ctx)).not.toBe(checksum);
    await ctx.db.close();

    const restored = await runCli(['restore', '--from', file, ...db()]);
    expect(restored.code).toBe(0);
    ctx = await openContext({ db: database.target, env: {} });
    expect(await rowCounts(ctx)).toEqual(counts);
    expect(await publicationChecksum(ctx)).toBe(checksum);
  });
});
