#!/usr/bin/env -S node --max-old-space-size=1024 --max-semi-space-size=16
// Runs the TypeScript sources directly: no build step between a checkout and a working command.
// The heap limit is V8's signal to grow the heap as a memory-constrained process does: on a machine with many
// gigabytes, its default limit lets garbage pile up (an import of 150 MB peaked at 260 MB of RSS, 195 MB with
// the limit, at the same speed). The heaviest command, the national demo, peaks at 300 MB. The young generation's
// semi-space is held at Node 20's 16 MB: Node 24 grows it with the heap, and a 190 MB import then peaked at 273 MB
// of RSS against 188 MB with it.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { constants } from 'node:os';

const [firstLine = ''] = readFileSync(new URL(import.meta.url), 'utf8').split('\n', 1);
const nodeOptions = firstLine
  .replace(/^#!\/usr\/bin\/env -S node/, '')
  .trim()
  .split(/\s+/)
  .filter(Boolean);

// An option node was given, with whatever value, counts as given: a user's own heap limit is kept.
const nameOf = (option) => option.split('=')[0];
const given = new Set(process.execArgv.map(nameOf));

const missing = nodeOptions.filter((option) => !given.has(nameOf(option)));

if (missing.length === 0) {
  const { register } = await import('tsx/esm/api');
  register();
  await import('../src/cli/main.ts');
} else {
  // Started as `node bin/aqparat.js` (npm's shim on Windows, a shell without `env -S`), node never read the
  // first line: the command runs again with its options. SIGTERM is passed on; Ctrl-C reaches both processes.
  const child = spawn(process.execPath, [...process.execArgv, ...missing, ...process.argv.slice(1)], {
    stdio: 'inherit',
  });
  process.on('SIGTERM', () => child.kill('SIGTERM'));
  process.on('SIGINT', () => undefined);
  child.on('exit', (code, signal) => process.exit(signal ? 128 + constants.signals[signal] : (code ?? 1)));
}
