/**
 * `aqparat channel token` on both databases: the token given on standard input or with --token is stored
 * encrypted and readable by the collectors' tokenOf, the command says only "set on …, expires on …" in the
 * user's language, --clear removes it, and a malformed AQPARAT_SECRET_KEY is refused saying what it must be.
 */
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Context, openContext } from '../../src/services/context.js';
import { tokenOf } from '../../src/services/channel-token.js';
import { addChannel } from '../../src/services/records.service.js';
import { buildOrg, uniqueCode } from '../factories/org.factory.js';
import { type CliResult, runCli } from '../helpers/cli.js';
import { createTestDatabase, DIALECTS, type TestDatabase } from '../helpers/databases.js';

const BIN = fileURLToPath(new URL('../../bin/aqparat.js', import.meta.url));
const KEY = randomBytes(32).toString('base64');
const ENV = { AQPARAT_SECRET_KEY: KEY };

/** The command with its standard input fed, as `printf %s "$T" | aqparat …` does. */
function runWithStdin(args: string[], input: string): Promise<CliResult> {
  return new Promise((resolve) => {
    const child = execFile(
      process.execPath,
      [BIN, ...args],
      { env: { PATH: process.env['PATH'], AQPARAT_LOG_LEVEL: 'warn', ...ENV } },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
        resolve({ code, stdout, stderr });
      },
    );
    child.stdin?.end(input);
  });
}

describe.each(DIALECTS)('aqparat channel token (%s)', (dialect) => {
  let database: TestDatabase;
  let ctx: Context;
  let channel: { id: number; code: string };
  const db = () => ['--db', database.target];

  beforeAll(async () => {
    database = await createTestDatabase(dialect);
    ctx = await openContext({ db: database.target, env: {} });
    const org = await buildOrg(ctx, 'union');
    const code = uniqueCode('fb');
    channel = { code, id: await addChannel(ctx, { code, org: org.code, platform: 'facebook', name: code }) };
  });
  afterAll(async () => {
    await ctx.db.close();
    await database.drop();
  });

  /** tokenOf as the collectors call it, under the key the command was given. */
  async function stored(): Promise<string | undefined> {
    const before = process.env['AQPARAT_SECRET_KEY'];
    process.env['AQPARAT_SECRET_KEY'] = KEY;
    try {
      return await tokenOf(ctx, channel.id);
    } finally {
      if (before === undefined) delete process.env['AQPARAT_SECRET_KEY'];
      else process.env['AQPARAT_SECRET_KEY'] = before;
    }
  }

  it('reads the token from standard input and prints only when it was set and when it expires', async () => {
    const token = `EAAG-stdin-${randomBytes(10).toString('hex')}`;
    const result = await runWithStdin(
      ['channel', 'token', '--channel', channel.code, '--stdin', '--expires', '2027-01-15', ...db()],
      `${token}\n`,
    );
    expect(result).toMatchObject({ code: 0 });
    expect(result.stdout).toMatch(
      new RegExp(`Токен канала «${channel.code}» задан \\d{4}-\\d\\d-\\d\\d, действует до 2027-01-15`),
    );
    expect(result.stdout + result.stderr).not.toContain(token);
    expect(await stored()).toBe(token);
  });

  it('takes --token too, and says so in Kazakh and English', async () => {
    const token = `EAAG-option-${randomBytes(10).toString('hex')}`;
    const kk = await runCli(
      ['channel', 'token', '--channel', channel.code, '--token', token, '--lang', 'kk', ...db()],
      ENV,
    );
    expect(kk.code).toBe(0);
    expect(kk.stdout).toContain(`«${channel.code}» арнасының токені`);
    expect(kk.stdout).toContain('жарамдылық мерзімі көрсетілмеген');
    expect(kk.stdout).not.toContain(token);
    expect(await stored()).toBe(token);
    const en = await runCli(
      [
        'channel',
        'token',
        '--channel',
        channel.code,
        '--token',
        token,
        '--expires',
        '2027-05-01',
        '--lang',
        'en',
        ...db(),
      ],
      ENV,
    );
    expect(en.stdout).toMatch(/The token of channel ".+" is set on \d{4}-\d\d-\d\d, expires on 2027-05-01/);
  });

  it('clears the token', async () => {
    const result = await runCli(['channel', 'token', '--channel', channel.code, '--clear', ...db()], ENV);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('удалён');
    expect(await stored()).toBeUndefined();
  });

  it('refuses an empty token from standard input, an unknown channel and a malformed key', async () => {
    const empty = await runWithStdin(
      ['channel', 'token', '--channel', channel.code, '--stdin', ...db()],
      '\n',
    );
    expect(empty.code).toBe(2);
    const neither = await runCli(['channel', 'token', '--channel', channel.code, ...db()], ENV);
    expect(neither.code).toBe(2);
    expect(neither.stderr).toContain(`aqparat channel token --channel ${channel.code} --stdin`);
    const unknown = await runCli(['channel', 'token', '--channel', 'nope', '--token', 'x', ...db()], ENV);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('Канал с кодом «nope» не найден');
    const badKey = await runCli(
      ['channel', 'token', '--channel', channel.code, '--token', 'x', '--lang', 'en', ...db()],
      { AQPARAT_SECRET_KEY: 'not-a-key' },
    );
    expect(badKey.code).toBe(2);
    expect(badKey.stderr).toContain('AQPARAT_SECRET_KEY');
    expect(badKey.stderr).toContain('64 hex digits');
  });
});
