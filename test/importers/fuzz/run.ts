/**
 * `npm run fuzz -- --runs N [--seed S] [--imports M]`: the fuzz tests' properties run longer. N files through
 * the readers, M of them (N/10 by default) imported into a fresh SQLite database (PostgreSQL too when
 * DATABASE_URL is set); totals are printed: files, read, clean errors, stored, crashes, hangs. Findings are
 * listed with the case that made them; the exit code is 1 when there is any.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import fc from 'fast-check';
import { openContext } from '../../../src/services/context.js';
import { createTestDatabase, DIALECTS } from '../../helpers/databases.js';
import { importOutcome, importTargets } from './imports.js';
import type { Outcome } from './outcome.js';
import { readOutcome } from './outcome.js';
import { bytesOf, describeCase, type FuzzCase, fuzzCase } from './property.js';
import { loadSeeds, realSamplesPresent } from './seeds.js';

const { values } = parseArgs({
  options: {
    runs: { type: 'string', default: '1000' },
    seed: { type: 'string', default: String(Date.now() % 1_000_000) },
    imports: { type: 'string' },
  },
});
const runs = Number(values.runs);
const seed = Number(values.seed);
const imports = values.imports === undefined ? Math.ceil(runs / 10) : Number(values.imports);

interface Totals {
  files: number;
  read: number;
  clean: number;
  stored: number;
  crashes: number;
  hangs: number;
}
const empty = (): Totals => ({ files: 0, read: 0, clean: 0, stored: 0, crashes: 0, hangs: 0 });
const findings: string[] = [];

function count(totals: Totals, outcome: Outcome, item: FuzzCase, stored: boolean): void {
  totals.files += 1;
  if (outcome.kind === 'read') totals[stored ? 'stored' : 'read'] += 1;
  else if (outcome.kind === 'clean') totals.clean += 1;
  else {
    totals[outcome.kind === 'crash' ? 'crashes' : 'hangs'] += 1;
    findings.push(`${outcome.kind}: ${outcome.detail}\n    ${describeCase(item)}`);
  }
}

const seeds = await loadSeeds();
console.log(
  `${seeds.length} seed files${realSamplesPresent() ? '' : ' (../shared/fixtures/real/ absent: no real samples)'}; seed ${seed}`,
);
const cases = fc.sample(fuzzCase(seeds), { numRuns: runs, seed });

const readers = empty();
const started = Date.now();
for (const item of cases) {
  const outcome = await readOutcome(item.seed.reader, item.seed.name, bytesOf(item), {
    chunk: item.chunk,
    budgetMs: 10_000,
  });
  count(readers, outcome, item, false);
}
console.log(`readers: ${JSON.stringify(readers)} in ${((Date.now() - started) / 1000).toFixed(1)} s`);

for (const dialect of DIALECTS) {
  const totals = empty();
  const database = await createTestDatabase(dialect);
  const ctx = await openContext({ db: database.target, env: {} });
  const dir = mkdtempSync(join(tmpdir(), 'aqparat-fuzz-'));
  const begun = Date.now();
  try {
    const targets = await importTargets(ctx);
    for (const item of cases.slice(0, imports)) {
      const outcome = await importOutcome(ctx, targets, dir, item.seed, bytesOf(item), 20_000);
      count(totals, outcome, item, true);
    }
  } finally {
    await ctx.db.close();
    await database.drop();
    rmSync(dir, { recursive: true, force: true });
  }
  console.log(
    `imports (${dialect}): ${JSON.stringify(totals)} in ${((Date.now() - begun) / 1000).toFixed(1)} s`,
  );
}

for (const finding of findings) console.log(finding);
process.exit(findings.length > 0 ? 1 : 0);
