/**
 * `aqparat rank` on the Abai demo: the JSON's figures against numbers worked out here from the tables, its rows in
 * the order asked, the table in Kazakh, and an unknown measure refused (SQLite and PostgreSQL).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openContext } from '../../src/services/context.js';
import type { RankingAnswer } from '../../src/shared/ranking.schema.js';
import { runCli } from '../helpers/cli.js';
import { createTestDatabase, DIALECTS, type TestDatabase } from '../helpers/databases.js';
import { type ExpectedBranch, expectedBranches, expectedValues } from '../helpers/ranking-figures.js';

describe.each(DIALECTS)('aqparat rank (%s)', (dialect) => {
  let database: TestDatabase;
  let expected: ExpectedBranch[];
  const db = () => ['--db', database.target];
  const period = ['--org', 'abai', '--from', '2024-01-01', '--to', '2024-12-31'];

  beforeAll(async () => {
    database = await createTestDatabase(dialect);
    expect((await runCli(['demo', ...db()])).code).toBe(0);
    const ctx = await openContext({ db: database.target, env: {} });
    try {
      expected = await expectedBranches(
        ctx.db.kysely,
        'abai',
        { from: '2024-01-01', to: '2024-12-31' },
        '2024-12-31',
      );
    } finally {
      await ctx.db.close();
    }
  }, 180_000);
  afterAll(() => database.drop());

  it('prints the ranking as JSON, the figures those of the tables, in the order of the measure asked', async () => {
    const result = await runCli(['rank', ...period, '--by', 'reach', '--json', ...db()]);
    expect(result.code, result.stderr).toBe(0);
    const answer = JSON.parse(result.stdout) as RankingAnswer & { by: string; rows: { name: string }[] };
    expect(answer).toMatchObject({ by: 'reach', asOf: '2024-12-31', since: '2024-01-01' });
    expect(answer.rows).toHaveLength(expected.length);
    for (const branch of expected) {
      const row = answer.rows.find((candidate) => candidate.org.code === branch.code);
      const values = expectedValues(branch);
      expect(row?.members).toBe(branch.members);
      expect(row?.values.publicationsPerThousand).toMatchObject({
        numerator: branch.publications,
        denominator: branch.members,
      });
      expect(row?.values.reach).toMatchObject({ numerator: branch.followers, denominator: branch.members });
      expect(row?.values.legalShare).toMatchObject({ numerator: branch.legal, denominator: branch.posts });
      expect(row?.values.concreteShare).toMatchObject({
        numerator: branch.judged - branch.declarative,
        denominator: branch.judged,
      });
      for (const [measure, value] of Object.entries(values)) {
        const stated = row?.values[measure as keyof typeof values].value ?? null;
        if (value === null) expect(stated, `${branch.code} ${measure}`).toBeNull();
        else expect(stated, `${branch.code} ${measure}`).toBeCloseTo(value, 10);
      }
    }
    // By reach, highest first; the branches without pages of their own after those with.
    const reaches = answer.rows.map((row) => row.values.reach.value);
    const known = reaches.filter((value): value is number => value !== null);
    expect(known).toEqual([...known].sort((a, b) => b - a));
    expect(reaches.slice(known.length).every((value) => value === null)).toBe(true);
    expect(known.length).toBe(expected.filter((branch) => branch.pages > 0).length);
    expect(answer.rows[0]?.name).toBeTruthy();
  });

  it('prints the table in Kazakh with the figures behind each value', async () => {
    const result = await runCli(['rank', ...period, '--lang', 'kk', ...db()]);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain('филиалдарының рейтингі');
    expect(result.stdout).toContain('1000 мүшеге жарияланым');
    // The branch with the most publications per member: its count over its members, ranked first.
    const top = [...expected].sort(
      (a, b) =>
        (expectedValues(b).publicationsPerThousand ?? -1) - (expectedValues(a).publicationsPerThousand ?? -1),
    )[0];
    const members = new Intl.NumberFormat('ru-RU').format(top?.members ?? 0);
    expect(result.stdout).toContain(`(${top?.publications} / ${members}) #1`);
  });

  it('refuses a measure it does not know, naming the ones it does', async () => {
    const result = await runCli(['rank', ...period, '--by', 'likes', '--lang', 'en', ...db()]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('publicationsPerThousand');
  });
});
