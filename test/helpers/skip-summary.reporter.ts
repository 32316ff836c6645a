/**
 * Closes a test run with how many tests were skipped and why: the reason is what a skipped test's (or its
 * suite's) name says after "skipped:", so a fresh clone's run tells which real samples it could not read.
 */
import type { Reporter, TestModule } from 'vitest/node';

const REASON = /\(skipped: ([^)]+)\)/;

export default class SkipSummaryReporter implements Reporter {
  onTestRunEnd(testModules: ReadonlyArray<TestModule>): void {
    const reasons = new Map<string, number>();
    for (const module of testModules)
      for (const test of module.children.allTests('skipped')) {
        const reason = REASON.exec(test.fullName)?.[1] ?? 'no reason given';
        reasons.set(reason, (reasons.get(reason) ?? 0) + 1);
      }
    const total = [...reasons.values()].reduce((sum, count) => sum + count, 0);
    const lines = [...reasons].map(([reason, count]) => `  ${count} · ${reason}`);
    process.stdout.write(
      `\nSkipped ${total} test${total === 1 ? '' : 's'}${total ? ':' : '.'}\n${lines.join('\n')}\n`,
    );
  }
}
