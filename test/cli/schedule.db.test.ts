/**
 * `aqparat schedule` on both databases: add with the flags, list (text and JSON), run --due against a
 * local SMTP server (once: the second run sends nothing), remove; refusals in the user's language with exit 2.
 */
import type { ParsedMail } from 'mailparser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addBriefSchedule, type BriefSchedule } from '../../src/services/brief-schedule.service.js';
import { type Context, openContext } from '../../src/services/context.js';
import type { Organization } from '../../src/services/org.service.js';
import { buildOrg } from '../factories/org.factory.js';
import { runCli } from '../helpers/cli.js';
import { createTestDatabase, DIALECTS, type TestDatabase } from '../helpers/databases.js';
import { startSmtpServer, type TestSmtpServer } from '../helpers/smtp-server.js';

/** Each test runs the command four or five times: a start of the command costs seconds on a busy machine. */
const CLI_TIMEOUT = 240_000;

describe.each(DIALECTS)('aqparat schedule (%s)', (dialect) => {
  let database: TestDatabase;
  let ctx: Context;
  let org: Organization;
  let smtp: TestSmtpServer;
  const db = () => ['--db', database.target];

  beforeAll(async () => {
    database = await createTestDatabase(dialect);
    // Added long ago: whatever period ended last, it ended after the schedule was added, so it is due.
    ctx = await openContext({ db: database.target, env: {}, clock: () => new Date('2000-01-05T00:00:00Z') });
    org = await buildOrg(ctx, 'region');
    smtp = await startSmtpServer();
  });
  afterAll(async () => {
    await smtp.close();
    await ctx.db.close();
    await database.drop();
  });

  it(
    'adds a schedule with the flags of the issue and lists it',
    async () => {
      const added = await runCli([
        'schedule',
        'add',
        ...db(),
        '--org',
        org.code,
        '--every',
        'quarter',
        '--lang',
        'ru,kk',
        '--format',
        'docx,pdf',
        '--to',
        'press@example.kz',
        'chair@example.kz,press@example.kz',
      ]);
      expect(added.stderr).toBe('');
      expect(added.code).toBe(0);
      expect(added.stdout).toMatch(
        new RegExp(
          `^Рассылка № \\d+ добавлена: справка «${org.code}» ежеквартально \\(ru,kk; docx,pdf\\) на press@example.kz, chair@example.kz\\n$`,
        ),
      );

      const listed = await runCli(['schedule', 'list', ...db(), '--json']);
      expect(listed.code).toBe(0);
      const schedules = JSON.parse(listed.stdout) as BriefSchedule[];
      expect(schedules).toEqual([
        {
          id: expect.any(Number) as number,
          org: org.code,
          every: 'quarter',
          langs: ['ru', 'kk'],
          formats: ['docx', 'pdf'],
          to: ['press@example.kz', 'chair@example.kz'],
          createdAt: expect.any(String) as string,
          lastSending: null,
        },
      ]);
      const text = await runCli(['schedule', 'list', ...db(), '--lang', 'en']);
      expect(text.stdout).toContain(
        `${org.code}  quarterly  ru,kk  docx,pdf  press@example.kz, chair@example.kz  not sent yet`,
      );

      const removed = await runCli(['schedule', 'remove', String(schedules[0]?.id), ...db(), '--lang', 'kk']);
      expect(removed.stdout).toBe(`№ ${schedules[0]?.id} таратылым жойылды\n`);
      expect((await runCli(['schedule', 'list', ...db()])).stdout).toBe('Рассылок справок нет\n');
    },
    CLI_TIMEOUT,
  );

  it(
    'sends what is due once, and says when there is no mail server',
    async () => {
      const schedule = await addBriefSchedule(ctx, {
        org: org.code,
        every: 'month',
        langs: ['kk'],
        formats: ['docx', 'pdf'],
        to: ['a@b.kz'],
      });
      const missing = await runCli(['schedule', 'run', '--due', ...db(), '--lang', 'en']);
      expect(missing.code).toBe(2);
      expect(missing.stderr).toContain(
        'No mail server to send briefs through: give its address in AQPARAT_SMTP_URL',
      );

      const env = { AQPARAT_SMTP_URL: smtp.url, AQPARAT_SOFFICE: '/nonexistent/soffice' };
      const run = await runCli(['schedule', 'run', '--due', ...db(), '--json'], env);
      expect(run.stderr).toBe('');
      expect(run.code).toBe(0);
      const [sending] = JSON.parse(run.stdout) as { schedule: number; period: string; files: string[] }[];
      expect(sending).toMatchObject({
        schedule: schedule.id,
        files: [`Анықтама_${org.code}_${sending?.period}.docx`],
        pdfMissing: 'not_installed',
        error: null,
      });
      expect(smtp.messages.map((mail: ParsedMail) => mail.attachments.map((file) => file.filename))).toEqual([
        [`Анықтама_${org.code}_${sending?.period}.docx`],
      ]);

      const again = await runCli(['schedule', 'run', '--due', ...db()], env);
      expect(again.code).toBe(0);
      expect(again.stdout).toBe('Отправлять нечего: справки за закончившиеся периоды уже отправлены\n');
      expect(smtp.messages).toHaveLength(1);
    },
    CLI_TIMEOUT,
  );
});

/** Refusals are the command's own, whatever the database: told once, on SQLite. */
describe('aqparat schedule refusals', () => {
  let database: TestDatabase;
  let org: Organization;
  const db = () => ['--db', database.target];

  beforeAll(async () => {
    database = await createTestDatabase('sqlite');
    const ctx = await openContext({ db: database.target, env: {} });
    org = await buildOrg(ctx, 'region');
    await ctx.db.close();
  });
  afterAll(() => database.drop());

  it(
    'refuses a wrong flag or address, and an unknown schedule, in the user’s language',
    async () => {
      const every = await runCli(
        ['schedule', 'add', ...db(), '--org', org.code, '--every', 'week', '--to', 'a@b.kz'],
        {
          AQPARAT_LANG: 'kk',
        },
      );
      expect(every.code).toBe(2);
      expect(every.stderr).toBe(
        'Қате: --every параметрі «week» бола алмайды; рұқсат етілгені: year, half, quarter, month\n',
      );
      const address = await runCli([
        'schedule',
        'add',
        ...db(),
        '--org',
        org.code,
        '--every',
        'month',
        '--lang',
        'kk',
        '--to',
        'not-an-address',
      ]);
      expect(address.code).toBe(2);
      expect(address.stderr).toContain('Қате: Деректер тексеруден өтпеді');
      expect(address.stderr).toContain('«to.0»');
      const unknown = await runCli(['schedule', 'remove', '99999', ...db(), '--lang', 'en']);
      expect(unknown.code).toBe(2);
      expect(unknown.stderr).toContain('There is no brief schedule No. 99999');
    },
    CLI_TIMEOUT,
  );
});
