/** Runs the `aqparat` command as a user would, in a child process. */
import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { productNodeOptions } from '../../bench/children.js';

const BIN = fileURLToPath(new URL('../../bin/aqparat.js', import.meta.url));

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** The options bin/aqparat.js asks node for, given here so that it runs the command itself, not again in a child. */
const OPTIONS = productNodeOptions();

export function runCli(args: string[], env: NodeJS.ProcessEnv = {}): Promise<CliResult> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [...OPTIONS, BIN, ...args],
      // No DATABASE_URL from the test run leaks in: each call names its database with --db.
      { env: { PATH: process.env['PATH'], AQPARAT_LOG_LEVEL: 'warn', ...env }, maxBuffer: 16 * 1024 * 1024 },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
        resolve({ code, stdout, stderr });
      },
    );
  });
}

/** Starts the `aqparat` command without waiting for it, in one process, so that a signal sent to it reaches it. */
export function startCli(args: string[], env: NodeJS.ProcessEnv = {}): ChildProcess {
  return spawn(process.execPath, [...OPTIONS, BIN, ...args], {
    env: { PATH: process.env['PATH'], AQPARAT_LOG_LEVEL: 'warn', ...env },
    stdio: 'ignore',
  });
}
