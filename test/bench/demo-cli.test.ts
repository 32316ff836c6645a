/** `aqparat demo --scale …` as a user types it: the scale and the seed are checked before anything is built. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';

describe('aqparat demo --scale', () => {
  const dir = mkdtempSync(join(tmpdir(), 'aqparat-demo-cli-'));
  const db = join(dir, 'demo.sqlite');
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('refuses an unknown scale, naming the option and the allowed values, in the asked language', async () => {
    const result = await runCli(['demo', '--scale', 'planet', '--db', db, '--lang', 'kk']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('--scale параметрі «planet» бола алмайды');
    expect(result.stderr).toContain('region, national');
  });

  it('refuses a seed that is not a whole number', async () => {
    const result = await runCli(['demo', '--scale', 'national', '--seed', '1.5', '--db', db, '--lang', 'en']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('--seed');
    expect(result.stderr).toContain('1.5');
  });
});
