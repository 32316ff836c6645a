import { defineConfig } from 'vitest/config';
import SkipSummaryReporter from './test/helpers/skip-summary.reporter.js';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts', 'src/**/*.test.ts'],
    // Tests run in UTC so that nothing depends on the machine's zone; zones are exercised explicitly.
    env: { TZ: 'UTC', AQPARAT_LOG_LEVEL: 'silent', AQPARAT_ANSWER_CHECK: 'strict' },
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    // The JSON report gives CI its closing "N passed, N failed" line; the last says what was skipped and why.
    reporters: ['default', 'json', new SkipSummaryReporter()],
    outputFile: { json: 'test-artifacts/vitest.json' },
  },
});
