/**
 * With `--json`, a command that fails says why on stdout as well, as the API's error envelope, and exits non-zero:
 * a script reading stdout got nothing before.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { createTestDatabase, DIALECTS, type TestDatabase } from '../helpers/databases.js';

interface ErrorBody {
  error: { code: string; message: string };
}

describe.each(DIALECTS)('failures with --json (%s)', (dialect) => {
  let database: TestDatabase;

  beforeAll(async () => {
    database = await createTestDatabase(dialect);
  });
  afterAll(() => database.drop());

  it.each([
    [['import', '/no/such/export.json'], 'import_source_unavailable', 2],
    [['imports', 'show', '999'], 'import_unknown', 2],
    [['stats', '--org', 'nope'], 'org_unknown', 2],
    [['publications', '--channel', 'nope'], 'channel_unknown', 2],
    [['reclassify', '--org', 'nope'], 'org_unknown', 2],
  ] as const)('%j prints {"error": {code, message}} on stdout', async (args, code, exit) => {
    const run = await runCli([...args, '--json', '--lang', 'en', '--db', database.target]);
    expect(run.code).toBe(exit);
    const body = JSON.parse(run.stdout) as ErrorBody;
    expect(body.error.code).toBe(code);
    expect(body.error.message).not.toBe('');
    // The person at the terminal still reads it on stderr.
    expect(run.stderr).toContain(body.error.message);
  });

  it('tells a command line the parser refused as JSON too, and help still ends with 0', async () => {
    const missing = await runCli(['import', '--json', '--lang', 'en', '--db', database.target]);
    expect(missing.code).toBe(1);
    expect(JSON.parse(missing.stdout)).toEqual({
      error: { code: 'usage', message: "error: missing required argument 'file'" },
    });
    expect((await runCli(['import', '--help'])).code).toBe(0);
  });
});
