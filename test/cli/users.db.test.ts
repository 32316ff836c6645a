/**
 * Passwords set from the command line on both databases: `user add` and `user password` refuse short and common
 * ones saying what to fix, and a new password revokes the user's API tokens and ends their sessions.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Context, openContext } from '../../src/services/context.js';
import {
  authenticate,
  createApiToken,
  createUser,
  resolveApiToken,
  resolveSession,
  startSession,
} from '../../src/services/user.service.js';
import { runCli } from '../helpers/cli.js';
import { createTestDatabase, DIALECTS, type TestDatabase } from '../helpers/databases.js';

describe.each(DIALECTS)('user commands (%s)', (dialect) => {
  let database: TestDatabase;
  let ctx: Context;
  const db = () => ['--db', database.target];

  beforeAll(async () => {
    database = await createTestDatabase(dialect);
    ctx = await openContext({ db: database.target, env: {} });
  });
  afterAll(async () => {
    await ctx.db.close();
    await database.drop();
  });

  it('`user add` refuses a password shorter than 12 characters and a common one', async () => {
    const add = (password: string) =>
      runCli(['user', 'add', '--login', 'weak', '--role', 'admin', '--password', password, ...db()]);
    const short = await add('0123456789');
    expect(short.code).toBe(2);
    expect(short.stderr).toContain('поле «password»: пароль короче 12 знаков (в нём 10;');
    const common = await add('qwerty123456');
    expect(common.code).toBe(2);
    expect(common.stderr).toContain('этот пароль есть в списке самых частых');
    expect((await add('a sound passphrase')).code).toBe(0);
  });

  it('`user password` refuses ten spaces; a new password revokes the tokens and ends the sessions', async () => {
    const created = await createUser(ctx, {
      login: 'robot-owner',
      role: 'admin',
      password: 'first passphrase',
    });
    const actor = (await authenticate(ctx, 'robot-owner', 'first passphrase')).actor;
    const { token } = await createApiToken({ ...ctx, actor }, { name: 'sync' });
    const session = await startSession(ctx, actor);
    expect(await resolveApiToken(ctx, token)).toBeDefined();

    const spaces = await runCli([
      'user',
      'password',
      '--login',
      'robot-owner',
      '--password',
      ' '.repeat(10),
      ...db(),
    ]);
    expect(spaces.code).toBe(2);
    expect(spaces.stderr).toContain('пароль короче 12 знаков (в нём 0;');
    expect(await resolveApiToken(ctx, token)).toBeDefined();

    const generated = await runCli(['user', 'password', '--login', 'robot-owner', ...db()]);
    expect(generated.code).toBe(0);
    expect(generated.stdout).toContain('токены доступа отозваны');
    const password = /«robot-owner»: (\S+)/.exec(generated.stdout)?.[1] ?? '';
    expect(password.length).toBeGreaterThanOrEqual(12);
    expect(await resolveApiToken(ctx, token)).toBeUndefined();
    expect(await resolveSession(ctx, session.token)).toBeUndefined();
    expect((await authenticate(ctx, 'robot-owner', password)).actor).toMatchObject({
      userId: created.user.id,
    });
  });
});
