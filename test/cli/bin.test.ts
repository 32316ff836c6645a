/**
 * The `aqparat` command as installed: its file runs by itself (`env -S` passes node its options), and those
 * options bound the heap, which the benchmark's product children take from the same line; started by `node`
 * without them, it runs again with them. A run loads the
 * command it names, by the names the table gives: each entry registers exactly those.
 */
import { execFile, spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { productNodeOptions } from '../../bench/children.js';
import { COMMANDS } from '../../src/cli/commands.js';

const BIN = fileURLToPath(new URL('../../bin/aqparat.js', import.meta.url));
const run = promisify(execFile);
/** Above the heap limit `--max-old-space-size=1024` gives on every supported Node, well under a large default. */
const HEAP_LIMIT_MB = 1300;

describe('the aqparat command file', () => {
  it('runs as a program of its own', async () => {
    const { stdout } = await run(BIN, ['--help'], { env: { PATH: process.env['PATH'] } });
    expect(stdout).toContain('Использование: aqparat');
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
    // The limit is the old space's 1024 MB and the young generation's: 1072 MB on Node 20, 1216 MB on Node 24.
    expect(await limitOf(options)).toBeLessThan(HEAP_LIMIT_MB);
    // On a small machine Node's own default may be as low: the option then changes nothing, and that is fine.
    expect(await limitOf([])).toBeGreaterThanOrEqual(await limitOf(options));
  });

  it('started by `node` without the options, runs again with them; its exit code passes through', async () => {
    // Each process says its heap limit as it ends: the first has node's default, the command's has the limit.
    const hook =
      '--import=data:text/javascript,import v8 from "node:v8"; process.on("exit", () => ' +
      'console.error(`heap limit ${v8.getHeapStatistics().heap_size_limit / 2 ** 20}`))';
    const { stdout, stderr } = await run(process.execPath, [hook, BIN, '--help']);
    expect(stdout.match(/Использование: aqparat/g)).toHaveLength(1);
    const limits = [...stderr.matchAll(/heap limit (\d+)/g)].map((match) => Number(match[1]));
    expect(limits).toHaveLength(2);
    expect(Math.min(...limits)).toBeLessThan(HEAP_LIMIT_MB);
    // A heap limit of the user's own is kept: the command's process is given only the options it lacks.
    const own = await run(process.execPath, ['--max-old-space-size=2048', hook, BIN, '--help']);
    const ownLimits = [...own.stderr.matchAll(/heap limit (\d+)/g)].map((match) => Number(match[1]));
    expect(ownLimits).toHaveLength(2);
    expect(Math.min(...ownLimits)).toBeGreaterThan(2000);
    // Given every option, it runs the command itself: no second process.
    const all = await run(process.execPath, [...productNodeOptions(), hook, BIN, '--help']);
    expect([...all.stderr.matchAll(/heap limit (\d+)/g)]).toHaveLength(1);
    const failed = await run(process.execPath, [BIN, 'no-such-command']).catch(
      (error: { code: number }) => error,
    );
    expect(failed).toMatchObject({ code: 1 });
  });

  it('started by `node`, passes SIGTERM on: the server closes and both processes end', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'aqparat-bin-'));
    try {
      const server = spawn(
        process.execPath,
        [BIN, 'serve', '--db', join(dir, 'aqparat.sqlite'), '--port', '0', '--host', '127.0.0.1'],
        { env: { PATH: process.env['PATH'], AQPARAT_LOG_LEVEL: 'warn' } },
      );
      let output = '';
      const url = await new Promise<string>((resolve, reject) => {
        server.stdout.on('data', (chunk: Buffer) => {
          output += chunk.toString();
          const found = /(http:\/\/127\.0\.0\.1:\d+\/)/.exec(output)?.[1];
          if (found) resolve(found);
        });
        server.on('exit', (code) => reject(new Error(`serve exited with ${code}: ${output}`)));
      });
      expect((await fetch(`${url}healthz`)).status).toBe(200);
      server.kill('SIGTERM');
      const [code] = (await once(server, 'exit')) as [number | null];
      expect(code).toBe(0);
      await expect(fetch(`${url}healthz`)).rejects.toThrow();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
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
    expect(imported.stdout).toContain('Использование: aqparat import');
  });
});
