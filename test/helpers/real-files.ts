/**
 * The real export samples tests read. Files whose license allows it are copied into `test/fixtures/real/` (see its
 * NOTICE.md); the others are read from `../shared/fixtures/real/` beside the checkout, which a fresh clone lacks:
 * tests on those are skipped there, and the reason is in the test's name ("skipped: …"), which the run's closing
 * summary (test/helpers/skip-summary.reporter.ts) counts. Tests skipped for another reason say it alike (itUnless).
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, it } from 'vitest';

const IN_REPOSITORY = fileURLToPath(new URL('../fixtures/real/', import.meta.url));
export const SHARED_REAL = fileURLToPath(new URL('../../../shared/fixtures/real/', import.meta.url));

/** Where a sample is: the repository's copy first, then `../shared/`; a path that does not exist if neither. */
export function real(path: string): string {
  const copied = `${IN_REPOSITORY}${path}`;
  return existsSync(copied) ? copied : `${SHARED_REAL}${path}`;
}

export const SHARED_ABSENT = '../shared/fixtures/real/ is absent';

/** Why tests on these samples cannot run here, or undefined when every one of them is present. */
export function realAbsent(...paths: string[]): string | undefined {
  const missing = paths.filter((path) => !existsSync(real(path)));
  if (missing.length === 0) return undefined;
  return existsSync(SHARED_REAL) ? `missing ${missing.join(', ')}` : SHARED_ABSENT;
}

/** The reason a skipped test's name carries. */
export const skippedBecause = (name: string, reason: string | undefined) =>
  reason ? `${name} (skipped: ${reason})` : name;

/** A suite on real samples, skipped with the reason in its name where a sample is absent. */
export function describeReal(paths: string[], name: string, body: () => void): void {
  const reason = realAbsent(...paths);
  describe.skipIf(reason !== undefined)(skippedBecause(name, reason), body);
}

/** A test skipped, with the reason in its name, where there is a reason; run where it is undefined. */
export function itUnless(
  reason: string | undefined,
  name: string,
  body: () => Promise<void> | void,
  timeout?: number,
): void {
  it.skipIf(reason !== undefined)(skippedBecause(name, reason), body, timeout);
}

/** A test on real samples, skipped with the reason in its name where a sample is absent. */
export function itReal(
  paths: string[],
  name: string,
  body: () => Promise<void> | void,
  timeout?: number,
): void {
  itUnless(realAbsent(...paths), name, body, timeout);
}
