/**
 * Scheduled briefs on both databases, sent to a local SMTP server: the brief of the month that has just ended in
 * the organization's zone arrives once, in each language asked, with human attachment names; PDF through
 * LibreOffice when it is installed, else the Word file and a sentence saying why; a second run, or a second
 * process running at the same moment, sends nothing; a refused sending is recorded and tried again an hour later;
 * the server's scheduler sends a due brief on its own.
 */
import type { ParsedMail } from 'mailparser';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  addBriefSchedule,
  listBriefSchedules,
  periodJustEnded,
  removeBriefSchedule,
  sendDueBriefs,
} from '../../src/services/brief-schedule.service.js';
import { type Context, openContext } from '../../src/services/context.js';
import { createOrganization, type Organization } from '../../src/services/org.service.js';
import { JOBS } from '../../src/services/schedule/jobs.js';
import { startScheduler } from '../../src/services/schedule/loop.js';
import { buildOrg, uniqueCode } from '../factories/org.factory.js';
import { DIALECTS, openTestContext } from '../helpers/databases.js';
import { docxText, hasCommand } from '../helpers/office.js';
import { startSmtpServer, type TestSmtpServer } from '../helpers/smtp-server.js';

const NO_SOFFICE = '/nonexistent/soffice';

const attachmentNames = (mail: ParsedMail) => mail.attachments.map((file) => file.filename);

describe('the period just ended', () => {
  it('is the month, quarter, half or year before the day', () => {
    expect(periodJustEnded('2026-12-07', 'month')).toEqual({
      key: '2026-11',
      period: { from: '2026-11-01', to: '2026-11-30' },
    });
    expect(periodJustEnded('2026-01-01', 'month').key).toBe('2025-12');
    expect(periodJustEnded('2026-12-07', 'quarter')).toEqual({
      key: '2026-Q3',
      period: { from: '2026-07-01', to: '2026-09-30' },
    });
    expect(periodJustEnded('2026-07-01', 'half')).toEqual({
      key: '2026-H1',
      period: { from: '2026-01-01', to: '2026-06-30' },
    });
    expect(periodJustEnded('2026-03-01', 'year').key).toBe('2025');
  });
});

describe.each(DIALECTS)('briefs e-mailed on a schedule (%s)', (dialect) => {
  let now = new Date('2026-11-15T09:00:00Z');
  let ctx: Context & { target: string; close(): Promise<void> };
  let smtp: TestSmtpServer;
  let org: Organization;
  const env = (extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv => ({
    PATH: process.env['PATH'],
    AQPARAT_SMTP_URL: smtp.url,
    AQPARAT_SOFFICE: NO_SOFFICE,
    ...extra,
  });

  beforeAll(async () => {
    ctx = await openTestContext(dialect, { clock: () => now });
    smtp = await startSmtpServer();
  });
  afterAll(async () => {
    await smtp.close();
    await ctx.close();
  });
  beforeEach(async () => {
    // Every schedule of a test is added mid-November, for an organization of its own.
    now = new Date('2026-11-15T09:00:00Z');
    smtp.messages.length = 0;
    smtp.refuse = null;
    org = await buildOrg(ctx, 'region');
    for (const schedule of await listBriefSchedules(ctx)) await removeBriefSchedule(ctx, schedule.id);
  });

  it('sends the month just ended in the zone of the organization, once, in each language; DOCX only without LibreOffice', async () => {
    const utc = await createOrganization(ctx, {
      code: uniqueCode('utc'),
      kind: 'region',
      nameRu: 'Организация в UTC',
      nameKk: 'UTC ұйымы',
      timeZone: 'UTC',
    });
    const almaty = await addBriefSchedule(ctx, {
      org: org.code,
      every: 'month',
      langs: ['ru', 'kk'],
      formats: ['docx', 'pdf'],
      to: ['Press@Example.kz', 'chair@example.kz'],
    });
    await addBriefSchedule(ctx, {
      org: utc.code,
      every: 'month',
      langs: ['ru'],
      formats: ['docx'],
      to: ['a@b.kz'],
    });

    // 20:00 UTC on the 30th is 01:00 on 1 December in Almaty (UTC+5): November is over there, not in UTC.
    now = new Date('2026-11-30T20:00:00Z');
    const sent = await sendDueBriefs(ctx, { env: env() });
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({
      schedule: almaty.id,
      period: '2026-11',
      from: '2026-11-01',
      to: '2026-11-30',
      pdfMissing: 'not_installed',
      error: null,
    });

    expect(smtp.messages).toHaveLength(1);
    const [mail] = smtp.messages as [ParsedMail];
    const to = Array.isArray(mail.to) ? mail.to : [mail.to];
    expect(to.flatMap((address) => address?.value.map((entry) => entry.address))).toEqual([
      'press@example.kz',
      'chair@example.kz',
    ]);
    expect(mail.subject).toBe(
      `Справка о состоянии информационной работы: Организация ${org.code}, 01.11.2026 – 30.11.2026`,
    );
    expect(attachmentNames(mail)).toEqual([
      `Справка_${org.code}_2026-11.docx`,
      `Анықтама_${org.code}_2026-11.docx`,
    ]);
    expect(mail.text).toContain(
      'PDF не приложен: на сервере aqparat не установлен LibreOffice, которым справка переводится в PDF; приложен файл Word (DOCX).',
    );
    expect(mail.text).toContain(
      'PDF қоса берілмеді: aqparat серверінде анықтаманы PDF-ке аударатын LibreOffice орнатылмаған',
    );
    const [russian, kazakh] = await Promise.all(mail.attachments.map((file) => docxText(file.content)));
    expect(russian).toContain('СПРАВКА');
    expect(russian).toContain('за период с 1 ноября 2026 г. по 30 ноября 2026 г.');
    expect(mail.text).toContain('за период с 1 ноября 2026 г. по 30 ноября 2026 г.');
    expect(kazakh).toContain('АНЫҚТАМА');
    expect(kazakh).toContain('2026 ж. 1 қараша – 2026 ж. 30 қараша кезеңі');
    expect(mail.text).toContain('2026 ж. 1 қараша – 2026 ж. 30 қараша кезеңі');

    // The next run, a day later, finds November sent; the UTC organization's November is now over.
    now = new Date('2026-12-01T09:00:00Z');
    const next = await sendDueBriefs(ctx, { env: env() });
    expect(next.map((sending) => [sending.org, sending.period])).toEqual([[utc.code, '2026-11']]);
    expect(attachmentNames(smtp.messages[1] as ParsedMail)).toEqual([`Справка_${utc.code}_2026-11.docx`]);
    expect(await sendDueBriefs(ctx, { env: env() })).toEqual([]);
    expect(smtp.messages).toHaveLength(2);
    const listed = (await listBriefSchedules(ctx)).find((schedule) => schedule.id === almaty.id);
    expect(listed?.lastSending).toMatchObject({
      period: '2026-11',
      sentAt: '2026-11-30T20:00:00.000Z',
      error: null,
    });
  });

  it('does not send a period that ended before the schedule was added', async () => {
    await addBriefSchedule(ctx, {
      org: org.code,
      every: 'quarter',
      langs: ['ru'],
      formats: ['docx'],
      to: ['a@b.kz'],
    });
    // The third quarter ended before 15 November; the fourth has not.
    now = new Date('2026-12-20T09:00:00Z');
    expect(await sendDueBriefs(ctx, { env: env() })).toEqual([]);
    now = new Date('2027-01-01T09:00:00Z');
    expect((await sendDueBriefs(ctx, { env: env() })).map((sending) => sending.period)).toEqual(['2026-Q4']);
  });

  it('sends once when two processes run at the same moment', async () => {
    await addBriefSchedule(ctx, {
      org: org.code,
      every: 'month',
      langs: ['kk'],
      formats: ['docx'],
      to: ['a@b.kz'],
    });
    now = new Date('2026-12-02T09:00:00Z');
    const other = await openContext({ db: ctx.target, env: {}, clock: () => now });
    try {
      const runs = await Promise.all([
        sendDueBriefs(ctx, { env: env() }),
        sendDueBriefs(other, { env: env() }),
      ]);
      expect(runs.flat()).toHaveLength(1);
      expect(smtp.messages).toHaveLength(1);
      expect(attachmentNames(smtp.messages[0] as ParsedMail)).toEqual([`Анықтама_${org.code}_2026-11.docx`]);
    } finally {
      await other.db.close();
    }
  });

  it('records a refused sending and sends it an hour later', async () => {
    const schedule = await addBriefSchedule(ctx, {
      org: org.code,
      every: 'month',
      langs: ['ru'],
      formats: ['docx'],
      to: ['a@b.kz'],
    });
    now = new Date('2026-12-01T09:00:00Z');
    smtp.refuse = 'mailbox unavailable';
    const [failed] = await sendDueBriefs(ctx, { env: env() });
    expect(failed?.error).toContain('mailbox unavailable');
    expect((await listBriefSchedules(ctx))[0]?.lastSending).toMatchObject({
      period: '2026-11',
      sentAt: null,
      attempts: 1,
    });

    smtp.refuse = null;
    now = new Date('2026-12-01T09:30:00Z');
    expect(await sendDueBriefs(ctx, { env: env() })).toEqual([]);
    now = new Date('2026-12-01T10:01:00Z');
    const [retried] = await sendDueBriefs(ctx, { env: env() });
    expect(retried).toMatchObject({ schedule: schedule.id, period: '2026-11', error: null });
    expect(smtp.messages).toHaveLength(1);
    expect((await listBriefSchedules(ctx))[0]?.lastSending).toMatchObject({ error: null, attempts: 2 });
  });

  it('claims nothing while no mail server is set', async () => {
    await addBriefSchedule(ctx, {
      org: org.code,
      every: 'month',
      langs: ['ru'],
      formats: ['docx'],
      to: ['a@b.kz'],
    });
    now = new Date('2026-12-01T09:00:00Z');
    await expect(sendDueBriefs(ctx, { env: { AQPARAT_SMTP_URL: '' } })).rejects.toMatchObject({
      code: 'schedule_smtp_missing',
    });
    expect(await sendDueBriefs(ctx, { env: env() })).toHaveLength(1);
  });
});

describe('the server’s scheduler', () => {
  it('sends a due brief on its own', async () => {
    let now = new Date('2026-11-15T09:00:00Z');
    const ctx = await openTestContext('sqlite', { clock: () => now });
    const smtp = await startSmtpServer();
    vi.stubEnv('AQPARAT_SMTP_URL', smtp.url);
    vi.stubEnv('AQPARAT_SOFFICE', NO_SOFFICE);
    try {
      const org = await buildOrg(ctx, 'region');
      await addBriefSchedule(ctx, {
        org: org.code,
        every: 'month',
        langs: ['ru'],
        formats: ['docx'],
        to: ['a@b.kz'],
      });
      now = new Date('2026-12-01T09:00:00Z');
      const scheduler = startScheduler(ctx, 60_000, JOBS);
      await expect.poll(() => smtp.messages.length, { timeout: 60_000 }).toBe(1);
      await scheduler.stop();
      expect(attachmentNames(smtp.messages[0] as ParsedMail)).toEqual([`Справка_${org.code}_2026-11.docx`]);
    } finally {
      vi.unstubAllEnvs();
      await smtp.close();
      await ctx.close();
    }
  });
});

const libreOffice = await hasCommand('soffice');

describe.skipIf(!libreOffice)('a scheduled brief as PDF, with LibreOffice', () => {
  it('attaches the PDF of each language beside the Word file', async () => {
    let now = new Date('2026-11-15T09:00:00Z');
    const ctx = await openTestContext('sqlite', { clock: () => now });
    const smtp = await startSmtpServer();
    try {
      const org = await buildOrg(ctx, 'region');
      await addBriefSchedule(ctx, {
        org: org.code,
        every: 'month',
        langs: ['ru', 'kk'],
        formats: ['docx', 'pdf'],
        to: ['a@b.kz'],
      });
      now = new Date('2026-12-01T09:00:00Z');
      const [sent] = await sendDueBriefs(ctx, {
        env: { PATH: process.env['PATH'], AQPARAT_SMTP_URL: smtp.url },
      });
      expect(sent).toMatchObject({ pdfMissing: null, error: null });
      const [mail] = smtp.messages as [ParsedMail];
      expect(attachmentNames(mail)).toEqual([
        `Справка_${org.code}_2026-11.docx`,
        `Справка_${org.code}_2026-11.pdf`,
        `Анықтама_${org.code}_2026-11.docx`,
        `Анықтама_${org.code}_2026-11.pdf`,
      ]);
      for (const file of mail.attachments.filter((attachment) => attachment.filename?.endsWith('.pdf'))) {
        expect(file.contentType).toBe('application/pdf');
        expect(file.content.subarray(0, 5).toString()).toBe('%PDF-');
      }
      expect(mail.text).not.toContain('PDF не приложен');
    } finally {
      await smtp.close();
      await ctx.close();
    }
  }, 240_000);
});
