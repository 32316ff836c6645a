/** The import commands as a user runs them: their output, JSON, exit codes and messages in the language asked. */
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openContext } from '../../src/services/context.js';
import { runCli } from '../helpers/cli.js';
import { createTestDatabase, DIALECTS, type TestDatabase } from '../helpers/databases.js';
import { uniqueCode } from '../factories/org.factory.js';
import { real } from './helpers.js';
import { buildRegion, type Region, scratchDir } from './setup.js';
import { itReal } from '../helpers/real-files.js';

describe.each(DIALECTS)('aqparat import, imports, publications, template (%s)', (dialect) => {
  let database: TestDatabase;
  let org: Region;
  const dir = scratchDir();
  const channel = uniqueCode('tg');
  const cli = (...args: string[]) => runCli([...args, '--db', database.target]);

  beforeAll(async () => {
    database = await createTestDatabase(dialect);
    const ctx = await openContext({ db: database.target, env: {} });
    org = await buildRegion(ctx);
    await ctx.db.close();
  });
  afterAll(() => database.drop());

  it('registers a channel, refusing a platform that does not exist', async () => {
    const added = await cli(
      'channel',
      'add',
      '--org',
      org.region.code,
      '--platform',
      'telegram',
      '--code',
      channel,
      '--url',
      'https://t.me/abai_edu',
    );
    expect(added).toMatchObject({
      code: 0,
      stdout: `Канал «${channel}» добавлен: telegram, организация «${org.region.code}»\n`,
    });
    const wrong = await cli(
      'channel',
      'add',
      '--org',
      org.region.code,
      '--platform',
      'myspace',
      '--code',
      'x-1',
      '--lang',
      'en',
    );
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toContain('field «platform»: allowed values: website, facebook');
  });

  it('imports with a JSON summary; again, says nothing changed; lists, shows and undoes the batch', async () => {
    const file = real('telegram/htx-erg_private_supergroup_result.json');
    const first = await cli('import', file, '--channel', channel, '--accept-chat-type', '--json');
    expect(first.code).toBe(0);
    const summary = JSON.parse(first.stdout) as Record<string, unknown>;
    expect(summary).toMatchObject({
      new: 15,
      updated: 0,
      unchanged: 0,
      rejected: 0,
      rejections: [],
      skipped: 2,
      analysis: { publications: 15, reposts: 0 },
    });
    const again = await cli('import', file, '--channel', channel, '--accept-chat-type');
    expect(again.stdout).toBe(
      'Ничего не изменилось (telegram, htx-erg_private_supergroup_result.json): без изменений 15, отклонено 0\n' +
        `Этот файл уже импортировался: импорт № ${String(summary['batchId'])}\n` +
        'Пропущено 2: служебные сообщения 2\n',
    );
    const list = JSON.parse((await cli('imports', 'list', '--json')).stdout) as {
      id: number;
      status: string;
      new: number;
    }[];
    expect(list).toEqual([
      expect.objectContaining({ id: summary['batchId'], status: 'done', new: 15, channel }),
    ]);
    expect((await cli('imports', 'show', String(summary['batchId']), '--lang', 'kk')).stdout).toMatch(
      /│ аяқталды\s+│ 15\s+│/,
    );
    const undo = await cli('imports', 'undo', String(summary['batchId']));
    expect(undo.stdout).toBe(
      `Импорт № ${String(summary['batchId'])} отменён: удалено записей 15, восстановлено 0\n`,
    );
  });

  it('reports rejected rows by row and column; stores nothing with --strict (exit 2)', async () => {
    const file = join(dir, 'membership.csv');
    const csv = `Организация;На дату;Члены профсоюза\n${org.region.code};01.01.2024;25116\n${org.branches[0]?.code};31.12.2023;много\n`;
    writeFileSync(file, iconv.encode(csv, 'win1251'));
    const strict = await cli('import', file, '--strict');
    expect(strict.code).toBe(2);
    expect(strict.stdout).toContain(
      'Ничего не сохранено: в строгом режиме любая отклонённая запись отменяет импорт',
    );
    const stored = await cli('import', file, '--lang', 'kk');
    expect(stored.code).toBe(0);
    expect(stored.stdout).toContain('жаңа 1, жаңартылды 0, өзгеріссіз 0, қабылданбады 1');
    expect(stored.stdout).toContain(
      'membership.csv, 3-жол, өріс «Кәсіподақ мүшелері»: теріс емес бүтін сан емес: «много»',
    );
    const json = JSON.parse((await cli('import', file, '--json', '--lang', 'en')).stdout) as {
      rejections: unknown[];
    };
    expect(json.rejections).toEqual([
      {
        file: 'membership.csv',
        record: { kind: 'row', index: 3 },
        field: 'members',
        code: 'invalid_number',
        params: { value: 'много' },
        message: 'membership.csv, row 3, field «Members»: not a whole non-negative number: "много"',
      },
    ]);
  });

  itReal(
    ['telegram/chat-analytics_DM_2A_7M.json'],
    'lists a channel’s publications with their subjects, by period, and takes a manual subject',
    async () => {
      const file = real('telegram/htx-erg_private_supergroup_result.json');
      const unlabelled = await cli(
        'import',
        file,
        '--channel',
        channel,
        '--accept-chat-type',
        '--no-analyze',
      );
      expect(unlabelled.stdout).toMatch(/^Импорт № \d+ \(telegram, [^)]+\): новых 15, .*\nПропущено 2: /);
      const branch = org.branches[1]?.code ?? '';
      expect(
        (await cli('attribution', 'add', '--org', branch, '--kind', 'keyword', '--pattern', 'marketing'))
          .stdout,
      ).toMatch(/^Правило № \d+ добавлено: ключевое слово «marketing» → «/);
      const assigned = await cli(
        'assign-subject',
        '--channel',
        channel,
        '--external-id',
        '3',
        '--org',
        branch,
      );
      expect(assigned.stdout).toBe(`Публикация «3» отнесена к организации «${branch}»\n`);
      const json = await cli(
        'publications',
        '--channel',
        channel,
        '--from',
        '2025-09-16',
        '--to',
        '2025-09-16',
        '--json',
      );
      const items = JSON.parse(json.stdout) as Record<string, unknown>[];
      expect(items).toHaveLength(15);
      expect(Object.keys(items[0] ?? {})).toEqual(
        expect.arrayContaining([
          'id',
          'externalId',
          'publishedAt',
          'localDate',
          'title',
          'text',
          'isRepost',
          'repostSource',
          'subject',
          'topics',
        ]),
      );
      expect(items.find((item) => item['externalId'] === '3')).toMatchObject({
        subject: { code: branch },
        subjectManual: true,
      });
      expect(items.find((item) => item['externalId'] === '2')).toMatchObject({
        publishedAt: '2025-09-16T14:53:31.000Z',
        localDate: '2025-09-16',
        text: 'Hi',
        isRepost: false,
        url: 'https://t.me/abai_edu/2',
        subject: { code: org.region.code },
        primaryTopic: null,
      });
      expect((await cli('publications', '--channel', channel)).stdout).toMatch(
        /│ \d+\s+│ 2025-09-16 │ Hi\s+│ нет\s+│/,
      );
      const labelled = await cli(
        'import',
        real('telegram/chat-analytics_DM_2A_7M.json'),
        '--channel',
        channel,
        '--accept-chat-type',
      );
      expect(labelled.stdout).toContain(
        'Классифицировано публикаций: 6; репостов 0 (из них найдено копий более ранних текстов: 0)',
      );
    },
  );

  it('writes a template in the language asked; refuses a file it cannot read, naming what it can', async () => {
    const out = join(dir, 'membership-kk.xlsx');
    const template = await cli('template', 'membership', '--lang', 'kk', '--out', out);
    expect(template.stdout).toBe(`«membership» үлгісі жазылды: ${out}\n`);
    expect(existsSync(out)).toBe(true);
    const unknown = join(dir, 'photo.json');
    writeFileSync(unknown, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0]));
    const refused = await cli('import', unknown, '--channel', channel, '--lang', 'en');
    expect(refused.code).toBe(2);
    expect(refused.stderr).toBe(
      'Error: The format of "photo.json" is not recognized. Supported: Telegram Desktop JSON (result.json); ' +
        'Facebook, Instagram (ZIP, JSON); RSS 2.0, Atom; XLSX; CSV (UTF-8, Windows-1251)\n',
    );
  });
});
