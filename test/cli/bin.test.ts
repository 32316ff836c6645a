/**
 * The `aqparat` command as installed: its file runs by itself (`env -S` passes node its options), and those
 * options bound the heap, which the benchmark's product children take from the same line. A run loads the
 * command it names, by the names the table gives: each entry registers exactly those.
 */
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { productNodeOptions } from '../../bench/children.js';
import { COMMANDS } from '../../src/cli/commands.js';

const BIN = fileURLToPath(new URL('../../bin/aqparat.js', import.meta.url));
const run = promisify(execFile);

describe('the aqparat command file', () => {
  it('runs as a program of its own', async () => {
    const { stdout } = await run(BIN, ['--help'], { env: { PATH: process.env['PATH'] } });
    expect(stdout).toContain('Usage: aqparat');
  });

  it('gives node a heap limit well under the default of a machine with gigabytes', async () => {
    const options = productNodeOptions();
    expect(options).toContain('--max-old-space-size=1024');
    const limitOf = async (args: string[]) =>
      Number(
        (
          await run(process.execPath, [
            ...args,
            '-p',
            'require("node:v8").getHeapStatistics().heap_size_limit',
          ])
        ).stdout,
      ) /
      2 ** 20;
    expect(await limitOf(options)).toBeLessThan(1200);
    // On a small machine Node's own default may be as low: the option then changes nothing, and that is fine.
    expect(await limitOf([])).toBeGreaterThanOrEqual(await limitOf(options));
  });
});

describe('the table of commands', () => {
  it('names what each module registers, each name once', async () => {
    const seen: string[] = [];
    for (const { names, load } of COMMANDS) {
      const program = new Command('aqparat');
      (await load())(program);
      expect(program.commands.map((command) => command.name())).toEqual(names);
      seen.push(...names);
    }
    expect(new Set(seen).size).toBe(seen.length);
  });

  it('runs a command named alone, and lists every command in help', async () => {
    const { stdout } = await run(BIN, ['--help'], { env: { PATH: process.env['PATH'] } });
    for (const { names } of COMMANDS) for (const name of names) expect(stdout).toContain(`  ${name}`);
    const imported = await run(BIN, ['import', '--help'], { env: { PATH: process.env['PATH'] } });
    expect(imported.stdout).toContain('Usage: aqparat import');
  });
});
