/**
 * The benchmark's child processes: each import run in a process of its own, so that its peak RSS is the run's
 * own, and the HTTP servers apart from the load generator. A child takes its task as JSON in its first argument
 * and answers with JSON lines on stdout: the last is its answer, earlier ones tell how far a long run got.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';

const ROOT = join(import.meta.dirname, '..');

/** The options `node` runs the `aqparat` command with: those its bin's first line gives (`env -S node …`). */
export function productNodeOptions(): string[] {
  const [shebang = ''] = readFileSync(join(ROOT, 'bin', 'aqparat.js'), 'utf8').split('\n');
  return /^#!\/usr\/bin\/env -S node (.+)$/.exec(shebang)?.[1]?.trim().split(/\s+/) ?? [];
}

function spawnScript(script: string, task: unknown): ChildProcess {
  // The product's side (`*.product.ts`) runs as the command does; a baseline runs with Node's defaults.
  const options = script.endsWith('.product.ts') ? productNodeOptions() : [];
  // --import tsx is resolved from the working directory: the repository's own tsx.
  return spawn(
    process.execPath,
    [...options, '--import', 'tsx', join(ROOT, 'bench', script), JSON.stringify(task)],
    { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] },
  );
}

/** Reads the child's JSON lines on stdout; rejects if it ends in error, with the end of its stderr. */
function readAnswers(child: ChildProcess, script: string, onAnswer: (value: unknown) => void): Promise<void> {
  let stderr = '';
  child.stderr?.setEncoding('utf8').on('data', (text: string) => {
    stderr = (stderr + text).slice(-4_000);
  });
  createInterface({ input: child.stdout! }).on('line', (line) => {
    if (line.startsWith('{')) onAnswer(JSON.parse(line));
  });
  return new Promise<void>((resolve, reject) => {
    // 'close' comes after stdout is read to its end: a last line is never missed.
    child.on('close', (code, signal) =>
      code === 0 ? resolve() : reject(new Error(`bench/${script} ended (${signal ?? code}):\n${stderr}`)),
    );
    child.on('error', reject);
  });
}

/**
 * Runs the child to its end and returns its last answer, or, when it runs longer than `limitMs`, kills it and
 * returns the last answer it gave by then (`cut`).
 */
export async function runChild<T>(
  script: string,
  task: unknown,
  limitMs = Infinity,
): Promise<{ answer: T; cut: boolean }> {
  const child = spawnScript(script, task);
  let last: T | undefined;
  let cut = false;
  const timer = Number.isFinite(limitMs)
    ? setTimeout(() => {
        cut = true;
        child.kill('SIGKILL');
      }, limitMs)
    : undefined;
  try {
    await readAnswers(child, script, (value) => (last = value as T));
  } catch (error) {
    if (!cut) throw error;
  } finally {
    clearTimeout(timer);
  }
  if (last === undefined) throw new Error(`bench/${script} gave no answer`);
  return { answer: last, cut };
}

export interface Running<T> {
  answer: T;
  /** SIGTERM lets it finish what it is doing; SIGKILL drops it. */
  stop(signal?: 'SIGTERM' | 'SIGKILL'): Promise<void>;
}

/** Starts a long-running child (a server); resolves with its first answer, and stops it on demand. */
export async function startChild<T>(script: string, task: unknown): Promise<Running<T>> {
  const child = spawnScript(script, task);
  let stopping = false;
  let failure: unknown;
  let first: (value: T) => void = () => undefined;
  const answered = new Promise<T>((resolve) => (first = resolve));
  const ended = readAnswers(child, script, (value) => first(value as T)).catch((error: unknown) => {
    if (!stopping) failure = error;
  });
  const answer = await Promise.race([answered, ended.then(() => undefined)]);
  if (answer === undefined) throw failure ?? new Error(`bench/${script} ended without an answer`);
  return {
    answer,
    stop: async (signal = 'SIGTERM') => {
      stopping = true;
      child.kill(signal);
      await ended;
      if (failure) throw failure;
    },
  };
}

/** In a child: the task it was given. */
export function taskOf<T>(): T {
  return JSON.parse(process.argv[2] ?? '{}') as T;
}

/** In a child: its answer to the parent. */
export function answer(value: unknown): void {
  process.stdout.write(`${JSON.stringify(value)}\n`);
}
