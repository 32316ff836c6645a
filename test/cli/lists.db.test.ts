/**
 * What a newcomer needs before any other command: the codes of the channels and of the organizations, listed from
 * the database (`channel list`, `org list`), and a period given backwards told as such.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { createTestDatabase, DIALECTS, type TestDatabase } from '../helpers/databases.js';

/** The Abai demo's channels. */
const DEMO_CHANNELS = [
  'abai-abai-instagram',
  'abai-aksuat-facebook',
  'abai-beskaragai-facebook',
  'abai-beskaragai-instagram',
  'abai-borodulikha-instagram',
  'abai-facebook',
  'abai-urdzhar-facebook',
  'bilim-kasipodagy-app',
  'sector-website',
];

describe.each(DIALECTS)('lists and periods on the demo (%s)', (dialect) => {
  let database: TestDatabase;
  const db = () => ['--db', database.target];

  beforeAll(async () => {
    database = await createTestDatabase(dialect);
    expect((await runCli(['demo', ...db()])).code).toBe(0);
  });
  afterAll(() => database.drop());

  it("lists the demo's channels, all or an organization's subtree's, as JSON and as a table", async () => {
    const all = await runCli(['channel', 'list', '--json', ...db()]);
    expect(all.code).toBe(0);
    const channels = JSON.parse(all.stdout) as { code: string; platform: string; orgCode: string }[];
    expect(channels.map((channel) => channel.code).sort()).toEqual(DEMO_CHANNELS);
    expect(channels.find((channel) => channel.code === 'abai-facebook')).toMatchObject({
      platform: 'facebook',
      orgCode: 'abai',
    });
    const branch = JSON.parse(
      (await runCli(['channel', 'list', '--org', 'abai-beskaragai', '--json', ...db()])).stdout,
    ) as { code: string }[];
    expect(branch.map((channel) => channel.code).sort()).toEqual([
      'abai-beskaragai-facebook',
      'abai-beskaragai-instagram',
    ]);
    const table = await runCli(['channel', 'list', '--org', 'abai-beskaragai', '--lang', 'kk', ...db()]);
    expect(table.stdout).toMatch(/Код\s*│\s*Платформа\s*│\s*Ұйым/);
    expect(table.stdout).toMatch(/abai-beskaragai-facebook\s*│\s*facebook\s*│\s*abai-beskaragai\s*│/);
    const unknown = await runCli(['channel', 'list', '--org', 'nowhere', '--lang', 'en', ...db()]);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('nowhere');
  });

  it('lists the organizations under one, parents first, with their parents', async () => {
    const under = await runCli(['org', 'list', '--under', 'abai-abai', '--json', ...db()]);
    expect(under.code).toBe(0);
    const orgs = JSON.parse(under.stdout) as { code: string; kind: string; parentCode: string | null }[];
    expect(orgs[0]).toMatchObject({ code: 'abai-abai', kind: 'branch', parentCode: 'abai' });
    expect(orgs).toHaveLength(25);
    for (const org of orgs.slice(1)) expect(org).toMatchObject({ kind: 'primary', parentCode: 'abai-abai' });
    const all = JSON.parse((await runCli(['org', 'list', '--json', ...db()])).stdout) as { code: string }[];
    expect(all[0]).toMatchObject({ code: 'sector-union', parentCode: null });
    expect(all.map((org) => org.code)).toEqual(expect.arrayContaining(orgs.map((org) => org.code)));
    expect(all.length).toBeGreaterThan(orgs.length);
    const table = await runCli(['org', 'list', '--under', 'abai-abai', ...db()]);
    expect(table.stdout).toMatch(/abai-abai\s*│\s*филиал\s*│\s*\p{L}[^│]*│\s*abai\s*│/u);
  });

  it('says that the start of a period is after its end', async () => {
    const run = await runCli([
      'report',
      '--org',
      'abai',
      '--from',
      '2023-12-31',
      '--to',
      '2023-01-01',
      '--lang',
      'kk',
      ...db(),
    ]);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(
      'Қате: Кезеңнің басы 2023-12-31 оның соңынан 2023-01-01 кейін: күндердің орнын ауыстырыңыз\n',
    );
  });
});
