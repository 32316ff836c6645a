import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { createTestDatabase, DIALECTS, type TestDatabase } from '../helpers/databases.js';
import { FACEBOOK_2023_BY_SUBJECT } from '../helpers/seed-figures.js';

describe.each(DIALECTS)('aqparat CLI (%s)', (dialect) => {
  let database: TestDatabase;
  const db = () => ['--db', database.target];

  beforeAll(async () => {
    database = await createTestDatabase(dialect);
  });
  afterAll(() => database.drop());

  it('migrates, then finds nothing left to do', async () => {
    const first = await runCli(['migrate', ...db()]);
    expect(first).toMatchObject({ code: 0 });
    expect(first.stdout).toContain('202611260600_initial_model');
    const second = await runCli(['migrate', ...db(), '--lang', 'en']);
    expect(second.stdout.trim()).toBe('Database schema is up to date');
  });

  it('builds the demo once; a second run changes nothing', async () => {
    const first = await runCli(['demo', ...db()]);
    expect(first.code).toBe(0);
    expect(first.stdout).toContain('Демо-данные области Абай созданы');
    const second = await runCli(['demo', ...db()]);
    expect(second.stdout).toContain('Демо-данные уже есть, ничего не изменено');
  });

  it("prints the seed's 48 split by subject for 2023 on Facebook, as a table and as JSON", async () => {
    const args = [
      'stats',
      '--org',
      'abai',
      '--from',
      '2023-01-01',
      '--to',
      '2023-12-31',
      '--platform',
      'facebook',
    ];
    const table = await runCli([...args, ...db()]);
    expect(table.code).toBe(0);
    expect(table.stdout).toMatch(/Областная организация\s*│\s*25\s*│/);
    expect(table.stdout).toMatch(/Городская организация\s*│\s*9\s*│/);
    expect(table.stdout).toMatch(/Всего\s*│\s*48\s*│/);
    const json = JSON.parse((await runCli([...args, '--json', ...db()])).stdout) as {
      total: number;
      bySubject: { org: string | null; count: number }[];
    };
    expect(json.total).toBe(48);
    expect(json.bySubject.filter((row) => row.count > 0).map((row) => [row.org, row.count])).toEqual([
      ['abai', 25],
      ['abai-aksuat', 1],
      ['abai-ayagoz', 1],
      ['abai-beskaragai', 2],
      ['abai-borodulikha', 3],
      ['abai-zharma', 2],
      ['abai-kokpekti', 3],
      ['abai-urdzhar', 2],
      ['abai-semey', 9],
    ]);
  });

  it("prints 2023 by subject and platform: the seed's Facebook column beside the website, rows and columns summed", async () => {
    const args = [
      'stats',
      '--org',
      'abai',
      '--from',
      '2023-01-01',
      '--to',
      '2023-12-31',
      '--by',
      'subject,platform',
    ];
    const json = JSON.parse((await runCli([...args, '--json', ...db()])).stdout) as {
      rows: { group: string; org: string | null; counts: Record<string, number>; total: number }[];
      totals: { counts: Record<string, number>; total: number };
    };
    const facebook = Object.fromEntries(
      json.rows.map((row) => [row.org ?? row.group, row.counts['facebook']]),
    );
    expect(facebook).toEqual({ ...FACEBOOK_2023_BY_SUBJECT, 'abai-abai': 0, direct_primaries: 0 });
    expect(json.totals.counts['facebook']).toBe(48);
    // The website column is the 46 of 2023 the by-year figures give; each row's total is its platforms' sum.
    expect(json.totals.counts['website']).toBe(46);
    expect(json.totals.total).toBe(94);
    for (const row of json.rows) {
      expect(row.total).toBe(Object.values(row.counts).reduce((sum, count) => sum + count, 0));
    }
    expect(json.rows.reduce((sum, row) => sum + row.total, 0)).toBe(json.totals.total);
    const table = await runCli([...args, '--lang', 'en', ...db()]);
    expect(table.code).toBe(0);
    expect(table.stdout).toMatch(/Website\s*│\s*Facebook\s*│\s*Total/);
    expect(table.stdout).toMatch(/│\s*25\s*│\s*55\s*│/);
    expect(table.stdout).toMatch(/Total\s*│\s*46\s*│\s*48\s*│\s*94\s*│/);
  });

  it('prints the 33 of 2024 with the direct primaries, and the website per year', async () => {
    const subjects = await runCli([
      'stats',
      '--org',
      'abai',
      '--from',
      '2024-01-01',
      '--to',
      '2024-09-01',
      '--platform',
      'facebook',
      '--json',
      ...db(),
    ]);
    const json = JSON.parse(subjects.stdout) as {
      total: number;
      bySubject: { group: string; count: number }[];
    };
    expect(json.total).toBe(33);
    expect(json.bySubject.find((row) => row.group === 'direct_primaries')?.count).toBe(3);
    const years = await runCli([
      'stats',
      '--org',
      'abai',
      '--from',
      '2021-01-01',
      '--to',
      '2024-06-30',
      '--platform',
      'website',
      '--by',
      'year',
      '--json',
      ...db(),
    ]);
    expect((JSON.parse(years.stdout) as { byPeriod: unknown }).byPeriod).toEqual([
      { bucket: '2021', count: 20 },
      { bucket: '2022', count: 36 },
      { bucket: '2023', count: 46 },
      { bucket: '2024', count: 28 },
    ]);
  });

  it('says what is wrong, in the language asked, with exit code 2', async () => {
    const unknown = await runCli(['stats', '--org', 'nowhere', ...db()]);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('Организация с кодом «nowhere» не найдена');
    const platform = await runCli([
      'stats',
      '--org',
      'abai',
      '--platform',
      'facebok',
      '--lang',
      'kk',
      ...db(),
    ]);
    expect(platform.code).toBe(2);
    expect(platform.stderr).toContain('--platform параметрі «facebok» бола алмайды');
    const period = await runCli([
      'stats',
      '--org',
      'abai',
      '--from',
      '2024-09-01',
      '--to',
      '2024-01-01',
      ...db(),
    ]);
    expect(period.code).toBe(2);
    expect(period.stderr).toContain(
      'Начало периода 2024-09-01 позже его конца 2024-01-01: поменяйте даты местами',
    );
  });

  it('writes the brief in the languages and formats asked', async () => {
    const out = mkdtempSync(join(tmpdir(), 'aqparat-report-'));
    const args = ['--org', 'abai', '--from', '2021-01-01', '--to', '2024-09-01', '--out', out];
    const report = await runCli(['report', ...args, '--lang', 'ru,kk', '--format', 'docx,md', ...db()]);
    expect(report.code).toBe(0);
    expect(readdirSync(out).sort()).toEqual([
      'brief-abai-2021-01-01-2024-09-01-kk.docx',
      'brief-abai-2021-01-01-2024-09-01-kk.md',
      'brief-abai-2021-01-01-2024-09-01-ru.docx',
      'brief-abai-2021-01-01-2024-09-01-ru.md',
    ]);
    expect(readFileSync(join(out, 'brief-abai-2021-01-01-2024-09-01-ru.md'), 'utf8')).toContain(
      '| **Всего** | **48** | **33** |',
    );
    // A DOCX is a ZIP whose first entry is the content types.
    expect(
      readFileSync(join(out, 'brief-abai-2021-01-01-2024-09-01-kk.docx')).subarray(0, 2).toString(),
    ).toBe('PK');
    const wrong = await runCli(['report', ...args, '--lang', 'en', ...db()]);
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toContain('--lang cannot be "en"; allowed: ru, kk');
  });

  it('runs the main job: the demo, the seed figures and the brief in both languages', async () => {
    const out = mkdtempSync(join(tmpdir(), 'aqparat-start-'));
    const start = await runCli(['start', '--no-serve', '--out', out, ...db()]);
    expect(start.code).toBe(0);
    expect(readdirSync(out)).toHaveLength(8);
    expect(start.stdout).toContain(
      'Членов профсоюза на 2024-09-01: 25\u00a0116; первичных организаций: 404; филиалов: 9',
    );
    expect(start.stdout).toContain('261 подписчиков на 2024-09-01, охват 1,0\u00a0% от численности');
  });
});
