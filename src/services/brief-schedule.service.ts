/**
 * Briefs e-mailed on a schedule: an organization's brief of each month, quarter, half or year that has just ended,
 * in the languages and formats asked, sent through the installation's SMTP server once the period is over in the
 * organization's time zone. Each period's sending is claimed in the database before anything is sent, so that of
 * several server processes (or a cron run beside them) exactly one sends it.
 */
import { NotFoundError } from '../domain/errors.js';
import {
  bucketOf,
  type Granularity,
  type LocalDate,
  localDateOf,
  parsePeriod,
  type Period,
} from '../domain/period.js';
import { authorize } from '../policies/abilities.js';
import { userIdOf } from '../policies/actor.js';
import {
  briefScheduleInput,
  type BriefScheduleInput,
  type ScheduleFormat,
} from '../shared/brief-schedule.schema.js';
import type { ReportLang } from '../shared/vocabulary.js';
import {
  type BriefScheduleRow,
  type BriefSendingRow,
  claimBriefSending,
  deleteBriefSchedule,
  findBriefSchedule,
  finishBriefSending,
  insertBriefSchedule,
  latestSendings,
  listBriefSchedules as listScheduleRows,
} from '../storage/repositories/brief-schedule.repository.js';
import { recordChange } from './audit.service.js';
import { type BriefFormat, renderBrief } from './brief.service.js';
import { type Context, inTransaction, scopeOfContext } from './context.js';
import { attachmentName, briefMail, type PdfMissing } from './mail/brief-mail.js';
import { docxToPdf, findSoffice } from './mail/pdf.js';
import { type MailAttachment, sendMail, smtpUrlOf } from './mail/smtp.js';
import { getOrganization } from './org.service.js';
import { parseInput } from './validate.js';

/** A sending that failed, or whose process ended before it finished, is tried again this long after. */
const RETRY_AFTER_MS = 60 * 60 * 1000;
/** The audit log's name of the kind of record. */
const RESOURCE = 'brief-schedules';

export interface BriefSchedule {
  id: number;
  org: string;
  every: Granularity;
  langs: ReportLang[];
  formats: ScheduleFormat[];
  to: string[];
  createdAt: string;
  /** The latest period's sending: when it was sent, or why it failed. */
  lastSending: { period: string; sentAt: string | null; error: string | null; attempts: number } | null;
}

const listOf = <T extends string>(text: string) => text.split(',').filter(Boolean) as T[];

function presented(row: BriefScheduleRow, sending: BriefSendingRow | undefined): BriefSchedule {
  return {
    id: row.id,
    org: row.orgCode,
    every: row.every,
    langs: listOf<ReportLang>(row.langs),
    formats: listOf<ScheduleFormat>(row.formats),
    to: listOf(row.recipients),
    createdAt: row.createdAt,
    lastSending: sending
      ? {
          period: sending.period,
          sentAt: sending.sentAt,
          error: sending.error,
          attempts: Number(sending.attempts),
        }
      : null,
  };
}

/** The schedules of the organizations in the caller's scope, for those who may change briefs' settings. */
export async function listBriefSchedules(ctx: Context): Promise<BriefSchedule[]> {
  authorize(ctx.actor, 'write', 'briefs');
  const rows = await listScheduleRows(ctx.db.kysely, scopeOfContext(ctx));
  const sendings = await latestSendings(
    ctx.db.kysely,
    rows.map((row) => row.id),
  );
  return rows.map((row) => presented(row, sendings.get(row.id)));
}

/** Adds a schedule for an organization in the caller's scope (else 404), if the role may (else 403). */
export async function addBriefSchedule(ctx: Context, input: BriefScheduleInput): Promise<BriefSchedule> {
  const data = parseInput(
    briefScheduleInput,
    input,
    `schedule ${typeof input?.org === 'string' ? input.org : '?'}`,
  );
  const org = await getOrganization(ctx, data.org);
  authorize(ctx.actor, 'write', 'briefs');
  return inTransaction(ctx, async (tx) => {
    const id = await insertBriefSchedule(tx.db.kysely, {
      orgId: org.id,
      every: data.every,
      langs: data.langs.join(','),
      formats: data.formats.join(','),
      recipients: data.to.join(','),
      createdAt: tx.clock().toISOString(),
      createdBy: userIdOf(tx.actor),
    });
    const schedule = await getSchedule(tx, id);
    await recordChange(tx, {
      action: 'create',
      resource: RESOURCE,
      recordId: id,
      orgId: org.id,
      after: schedule,
    });
    return schedule;
  });
}

async function getSchedule(ctx: Context, id: number): Promise<BriefSchedule> {
  const row = await findBriefSchedule(ctx.db.kysely, scopeOfContext(ctx), id);
  if (!row) throw new NotFoundError('schedule_unknown', { id });
  return presented(row, (await latestSendings(ctx.db.kysely, [id])).get(id));
}

/** Removes a schedule of the caller's scope (another's: 404, as if there were none). */
export async function removeBriefSchedule(ctx: Context, id: number): Promise<void> {
  const schedule = await getSchedule(ctx, id);
  authorize(ctx.actor, 'write', 'briefs');
  await inTransaction(ctx, async (tx) => {
    const row = await findBriefSchedule(tx.db.kysely, scopeOfContext(tx), id);
    if (!row || !(await deleteBriefSchedule(tx.db.kysely, id)))
      throw new NotFoundError('schedule_unknown', { id });
    await recordChange(tx, {
      action: 'delete',
      resource: RESOURCE,
      recordId: id,
      orgId: row.orgId,
      before: schedule,
    });
  });
}

const dayBefore = (date: LocalDate) =>
  new Date(Date.parse(`${date}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);

/**
 * The month, quarter, half or year that ended last before the day: on 2026-12-07, the month 2026-11, the quarter
 * 2026-Q3, the half 2026-H1, the year 2025. Its key is the period as users write it.
 */
export function periodJustEnded(today: LocalDate, every: Granularity): { key: string; period: Period } {
  const current = parsePeriod(bucketOf(today, every));
  const key = bucketOf(dayBefore(current.from), every);
  return { key, period: parsePeriod(key) };
}

/** What one due schedule's run did. */
export interface ScheduledSending {
  schedule: number;
  org: string;
  period: string;
  from: LocalDate;
  to: LocalDate;
  /** The attachments' names, as sent. */
  files: string[];
  /** Why a PDF asked for was not attached; null when it was, or none was asked. */
  pdfMissing: PdfMissing | null;
  sentAt: string | null;
  error: string | null;
}

export interface SendOptions {
  env?: NodeJS.ProcessEnv;
  /** Once aborted (the server stops), no further sending is started. */
  signal?: AbortSignal;
}

/**
 * Sends every schedule's brief whose period has ended in its organization's zone and was not sent yet, claiming
 * each (schedule, period) first: a second run, or another process, finds it taken and sends nothing. A period
 * that ended before the schedule was added is not sent: the first brief is the first period to end after it. A
 * sending that fails is recorded with its error and tried again an hour later. The server runs this every minute:
 * what was sent, or is being sent, is passed over without a write.
 */
export async function sendDueBriefs(ctx: Context, options: SendOptions = {}): Promise<ScheduledSending[]> {
  const env = options.env ?? process.env;
  authorize(ctx.actor, 'write', 'briefs');
  const now = ctx.clock();
  const retryBefore = new Date(now.getTime() - RETRY_AFTER_MS).toISOString();
  const rows = await listScheduleRows(ctx.db.kysely, scopeOfContext(ctx));
  const latest = await latestSendings(
    ctx.db.kysely,
    rows.map((row) => row.id),
  );
  const due = rows.flatMap((row) => {
    const { key, period } = periodJustEnded(localDateOf(now, row.timeZone), row.every);
    if (period.to < localDateOf(row.createdAt, row.timeZone)) return [];
    const last = latest.get(row.id);
    const taken = last?.period === key && (last.sentAt !== null || last.claimedAt >= retryBefore);
    return taken ? [] : [{ row, key, period }];
  });
  // Nothing is claimed while there is no server to send through.
  if (due.length > 0) smtpUrlOf(env);
  const results: ScheduledSending[] = [];
  for (const { row, key, period } of due) {
    if (options.signal?.aborted) break;
    const claimed = await inTransaction(ctx, (tx) =>
      claimBriefSending(tx.db.kysely, row.id, key, now.toISOString(), retryBefore),
    );
    if (claimed) results.push(await sendClaimed(ctx, row, key, period, env));
  }
  return results;
}

/** Builds, sends and records one claimed sending; a failure is recorded, not thrown, so the others still go. */
async function sendClaimed(
  ctx: Context,
  row: BriefScheduleRow,
  key: string,
  period: Period,
  env: NodeJS.ProcessEnv,
): Promise<ScheduledSending> {
  const result: ScheduledSending = {
    schedule: row.id,
    org: row.orgCode,
    period: key,
    from: period.from,
    to: period.to,
    files: [],
    pdfMissing: null,
    sentAt: null,
    error: null,
  };
  const log = ctx.log.child({ schedule: row.id, org: row.orgCode, period: key });
  try {
    const org = await getOrganization(ctx, row.orgCode);
    const langs = listOf<ReportLang>(row.langs);
    const { attachments, pdfMissing } = await briefFiles(ctx, row, key, period, env);
    const mail = briefMail(
      { schedule: { id: row.id, every: row.every }, org, period, langs, attachments, pdfMissing },
      listOf(row.recipients),
    );
    await sendMail(mail, env);
    result.files = attachments.map((file) => file.fileName);
    result.pdfMissing = pdfMissing;
    result.sentAt = ctx.clock().toISOString();
    await finishBriefSending(ctx.db.kysely, row.id, key, { sentAt: result.sentAt });
    log.info({ files: result.files, recipients: mail.to.length }, 'scheduled brief sent');
  } catch (error) {
    result.error = error instanceof Error ? error.message : String(error);
    await finishBriefSending(ctx.db.kysely, row.id, key, { error: result.error });
    log.error({ err: error }, 'scheduled brief not sent');
  }
  return result;
}

/**
 * The brief's files in each language: the formats asked, PDF converted from the Word file when LibreOffice is
 * there, else the Word file in its place (and the reason, for the mail to say).
 */
async function briefFiles(
  ctx: Context,
  row: BriefScheduleRow,
  key: string,
  period: Period,
  env: NodeJS.ProcessEnv,
): Promise<{ attachments: (MailAttachment & { lang: ReportLang })[]; pdfMissing: PdfMissing | null }> {
  const formats = listOf<ScheduleFormat>(row.formats);
  const wantsPdf = formats.includes('pdf');
  const rendered: BriefFormat[] = formats.filter((format) => format !== 'pdf');
  if (wantsPdf && !rendered.includes('docx')) rendered.unshift('docx');
  const files = await renderBrief(
    ctx,
    { org: row.orgCode, from: period.from, to: period.to },
    listOf<ReportLang>(row.langs),
    rendered,
  );
  const attachments = files
    .filter((file) => formats.includes(file.format))
    .map((file) => ({
      lang: file.lang,
      fileName: attachmentName(file.lang, row.orgCode, key, file.format),
      content: file.content,
    }));
  if (!wantsPdf) return { attachments, pdfMissing: null };
  const words = files.filter((file) => file.format === 'docx');
  let pdfMissing: PdfMissing | null = null;
  const soffice = await findSoffice(env);
  if (soffice) {
    try {
      const pdfs = await docxToPdf(
        soffice,
        words.map((file) => file.content as Buffer),
      );
      words.forEach((file, index) =>
        attachments.push({
          lang: file.lang,
          fileName: attachmentName(file.lang, row.orgCode, key, 'pdf'),
          content: pdfs[index] as Buffer,
        }),
      );
    } catch (error) {
      ctx.log.warn({ err: error, schedule: row.id }, 'LibreOffice did not convert the brief to PDF');
      pdfMissing = 'failed';
    }
  } else pdfMissing = 'not_installed';
  if (pdfMissing && !formats.includes('docx')) {
    // The Word file goes in the PDF's place.
    for (const file of words) {
      attachments.push({
        lang: file.lang,
        fileName: attachmentName(file.lang, row.orgCode, key, 'docx'),
        content: file.content,
      });
    }
  }
  // Each language's files together, in the order the languages were asked.
  const order = listOf<ReportLang>(row.langs);
  attachments.sort((a, b) => order.indexOf(a.lang) - order.indexOf(b.lang));
  return { attachments, pdfMissing };
}
