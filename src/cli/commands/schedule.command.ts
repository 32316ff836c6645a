/**
 * `aqparat schedule`: briefs e-mailed on a schedule. `add`, `list` and `remove` keep the schedules; `run --due`
 * sends what is due now (what the server does on its own, and what cron users call). `run` exits 3 when any
 * sending failed (the others were sent all the same).
 */
import type { Command } from 'commander';
import { GRANULARITIES, type Granularity } from '../../domain/period.js';
import {
  addBriefSchedule,
  type BriefSchedule,
  listBriefSchedules,
  removeBriefSchedule,
  type ScheduledSending,
  sendDueBriefs,
} from '../../services/brief-schedule.service.js';
import { type BriefScheduleInput, SCHEDULE_FORMATS } from '../../shared/brief-schedule.schema.js';
import { interpolate } from '../../shared/messages.js';
import { REPORT_LANGS, UI_LANGS, type UiLang } from '../../shared/vocabulary.js';
import {
  type CommonOptions,
  langOf,
  oneOf,
  reportFailure,
  runCommand,
  withCommonOptions,
  withDbOption,
} from '../options.js';

/** Exit code of a run where some sending failed: not 1 (the command failed) nor 2 (its input was refused). */
const SOME_SENDING_FAILED = 3;

interface AddOptions {
  db?: string;
  org: string;
  every: string;
  lang: string;
  format: string;
  to: string[];
}

interface ListOptions extends CommonOptions {
  json?: boolean;
}

const TEXTS: Record<
  UiLang,
  {
    added: string;
    line: string;
    sent: string;
    sendFailed: string;
    never: string;
    none: string;
    removed: string;
    nothingDue: string;
    sentLine: string;
    failedLine: string;
    pdfMissing: string;
    every: Record<Granularity, string>;
  }
> = {
  ru: {
    added: 'Рассылка № {id} добавлена: справка «{org}» {every} ({langs}; {formats}) на {to}',
    line: '№ {id}  {org}  {every}  {langs}  {formats}  {to}  {last}',
    sent: 'последняя: {period}, отправлена {at}',
    sendFailed: 'последняя: {period}, не отправлена: {error}',
    never: 'ещё не отправлялась',
    none: 'Рассылок справок нет',
    removed: 'Рассылка № {id} удалена',
    nothingDue: 'Отправлять нечего: справки за закончившиеся периоды уже отправлены',
    sentLine: '№ {schedule} ({org}, {period}): отправлено {files}',
    failedLine: '№ {schedule} ({org}, {period}): не отправлено: {error}; повтор через час',
    pdfMissing: 'PDF не приложен (LibreOffice {reason}), вместо него DOCX',
    every: { month: 'ежемесячно', quarter: 'ежеквартально', half: 'раз в полугодие', year: 'ежегодно' },
  },
  kk: {
    added: '№ {id} таратылым қосылды: «{org}» анықтамасы {every} ({langs}; {formats}), алушылар: {to}',
    line: '№ {id}  {org}  {every}  {langs}  {formats}  {to}  {last}',
    sent: 'соңғысы: {period}, {at} жіберілді',
    sendFailed: 'соңғысы: {period}, жіберілмеді: {error}',
    never: 'әлі жіберілген жоқ',
    none: 'Анықтама таратылымдары жоқ',
    removed: '№ {id} таратылым жойылды',
    nothingDue: 'Жіберетін ештеңе жоқ: аяқталған кезеңдердің анықтамалары жіберіліп қойған',
    sentLine: '№ {schedule} ({org}, {period}): жіберілді {files}',
    failedLine: '№ {schedule} ({org}, {period}): жіберілмеді: {error}; бір сағаттан кейін қайталанады',
    pdfMissing: 'PDF қоса берілмеді (LibreOffice {reason}), орнына DOCX',
    every: { month: 'ай сайын', quarter: 'тоқсан сайын', half: 'жарты жыл сайын', year: 'жыл сайын' },
  },
  en: {
    added: 'Schedule No. {id} added: the brief of "{org}" {every} ({langs}; {formats}) to {to}',
    line: 'No. {id}  {org}  {every}  {langs}  {formats}  {to}  {last}',
    sent: 'last: {period}, sent {at}',
    sendFailed: 'last: {period}, not sent: {error}',
    never: 'not sent yet',
    none: 'No brief schedules',
    removed: 'Schedule No. {id} removed',
    nothingDue: 'Nothing to send: the briefs of the periods that have ended were sent already',
    sentLine: 'No. {schedule} ({org}, {period}): sent {files}',
    failedLine: 'No. {schedule} ({org}, {period}): not sent: {error}; tried again in an hour',
    pdfMissing: 'no PDF (LibreOffice {reason}), DOCX in its place',
    every: { month: 'monthly', quarter: 'quarterly', half: 'every half-year', year: 'yearly' },
  },
};

const PDF_REASONS: Record<UiLang, Record<NonNullable<ScheduledSending['pdfMissing']>, string>> = {
  ru: { not_installed: 'не установлен', failed: 'не смог перевести' },
  kk: { not_installed: 'орнатылмаған', failed: 'аудара алмады' },
  en: { not_installed: 'is not installed', failed: 'failed to convert' },
};

const list = (value: string) =>
  value
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean);

/**
 * `add` takes `--lang` for the brief's languages, so its messages are in AQPARAT_LANG, else in the brief's first
 * language.
 */
function messagesLangOf(briefLangs: readonly string[]): UiLang {
  const set = process.env['AQPARAT_LANG'];
  if ((UI_LANGS as readonly string[]).includes(set ?? '')) return set as UiLang;
  return langOf({ lang: briefLangs[0] ?? 'ru' });
}

function scheduleLine(schedule: BriefSchedule, lang: UiLang): string {
  const texts = TEXTS[lang];
  const last = schedule.lastSending;
  return interpolate(texts.line, {
    id: schedule.id,
    org: schedule.org,
    every: texts.every[schedule.every],
    langs: schedule.langs.join(','),
    formats: schedule.formats.join(','),
    to: schedule.to.join(', '),
    last: !last
      ? texts.never
      : last.sentAt
        ? interpolate(texts.sent, { period: last.period, at: last.sentAt })
        : interpolate(texts.sendFailed, { period: last.period, error: last.error ?? '…' }),
  });
}

function sendingLine(sending: ScheduledSending, lang: UiLang): string {
  const texts = TEXTS[lang];
  const which = { schedule: sending.schedule, org: sending.org, period: sending.period };
  if (sending.error) return interpolate(texts.failedLine, { ...which, error: sending.error });
  const pdf = sending.pdfMissing
    ? `; ${interpolate(texts.pdfMissing, { reason: PDF_REASONS[lang][sending.pdfMissing] })}`
    : '';
  return `${interpolate(texts.sentLine, { ...which, files: sending.files.join(', ') })}${pdf}`;
}

export function scheduleCommand(program: Command): void {
  const schedule = program.command('schedule').description('briefs e-mailed on a schedule');

  withDbOption(
    schedule
      .command('add')
      .description("e-mail an organization's brief of each period that ends")
      .requiredOption('--org <code>', 'organization code, e.g. abai')
      .requiredOption('--every <period>', `how often: ${GRANULARITIES.join(', ')}`)
      .option('--lang <langs>', `language(s) of the brief: ${REPORT_LANGS.join(', ')}, comma-separated`, 'ru')
      .option('--format <formats>', `formats, comma-separated: ${SCHEDULE_FORMATS.join(', ')}`, 'docx')
      .requiredOption('--to <emails...>', 'e-mail addresses to send to (spaces or commas between them)'),
  ).action(async (options: AddOptions) => {
    const lang = messagesLangOf(list(options.lang));
    try {
      const input = scheduleInputOf(options);
      await runCommand({ ...(options.db ? { db: options.db } : {}), lang }, async (ctx) => {
        const added = await addBriefSchedule(ctx, input);
        const texts = TEXTS[lang];
        console.log(
          interpolate(texts.added, {
            id: added.id,
            org: added.org,
            every: texts.every[added.every],
            langs: added.langs.join(','),
            formats: added.formats.join(','),
            to: added.to.join(', '),
          }),
        );
      });
    } catch (error) {
      process.exitCode = reportFailure(error, lang);
    }
  });

  withCommonOptions(
    schedule
      .command('list')
      .description('the brief schedules and how their last sending went')
      .option('--json', 'print {id, org, every, langs, formats, to, createdAt, lastSending} per schedule'),
  ).action(async (options: ListOptions) => {
    const lang = langOf(options);
    await runCommand(options, async (ctx) => {
      const schedules = await listBriefSchedules(ctx);
      if (options.json) console.log(JSON.stringify(schedules, null, 2));
      else if (schedules.length === 0) console.log(TEXTS[lang].none);
      else for (const item of schedules) console.log(scheduleLine(item, lang));
    });
  });

  withCommonOptions(
    schedule.command('remove').description('stop a brief schedule').argument('<id>', 'the schedule’s number'),
  ).action(async (id: string, options: CommonOptions) => {
    const lang = langOf(options);
    await runCommand(options, async (ctx) => {
      const number = Number(id);
      await removeBriefSchedule(ctx, Number.isSafeInteger(number) && number > 0 ? number : 0);
      console.log(interpolate(TEXTS[lang].removed, { id }));
    });
  });

  withCommonOptions(
    schedule
      .command('run')
      .description('send the briefs whose period has ended and that were not sent yet')
      .requiredOption('--due', 'what is due now (the only kind of run)')
      .option(
        '--json',
        'print {schedule, org, period, from, to, files, pdfMissing, sentAt, error} per sending',
      ),
  ).action(async (options: ListOptions) => {
    const lang = langOf(options);
    await runCommand(options, async (ctx) => {
      const sendings = await sendDueBriefs(ctx);
      if (options.json) console.log(JSON.stringify(sendings, null, 2));
      else if (sendings.length === 0) console.log(TEXTS[lang].nothingDue);
      else for (const sending of sendings) console.log(sendingLine(sending, lang));
      if (sendings.some((sending) => sending.error !== null)) process.exitCode = SOME_SENDING_FAILED;
    });
  });
}

/** The flags as the service takes them; a value none of the allowed is refused naming its flag. */
function scheduleInputOf(options: AddOptions): BriefScheduleInput {
  return {
    org: options.org,
    every: oneOf('--every', options.every, GRANULARITIES),
    langs: list(options.lang).map((lang) => oneOf('--lang', lang, REPORT_LANGS)),
    formats: list(options.format).map((format) => oneOf('--format', format, SCHEDULE_FORMATS)),
    to: options.to.flatMap(list),
  };
}
