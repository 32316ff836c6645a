/**
 * The e-mail a scheduled brief is sent in: its attachments' names and its text, in each language of the brief
 * (the subject in the first), saying when the PDF asked for could not be made.
 */
import type { Granularity, Period } from '../../domain/period.js';
import { formatLongDate, formatShortDate } from '../../shared/format.js';
import { interpolate } from '../../shared/messages.js';
import { type NamedOrg, orgName } from '../../shared/org-name.js';
import type { ReportLang } from '../../shared/vocabulary.js';
import type { Mail, MailAttachment } from './smtp.js';

/** Why a PDF asked for is not attached. */
export type PdfMissing = 'not_installed' | 'failed';

interface MailTexts {
  /** The first word of an attachment's name: what a reader calls the document. */
  fileWord: string;
  subject: string;
  body: string;
  pdfMissing: Record<PdfMissing, string>;
  footer: string;
  every: Record<Granularity, string>;
}

const TEXTS: Readonly<Record<ReportLang, MailTexts>> = {
  ru: {
    fileWord: 'Справка',
    subject: 'Справка о состоянии информационной работы: {org}, {from} – {to}',
    body: 'Во вложении справка о состоянии информационной работы: {org}, за период с {from} по {to} ({files}).',
    pdfMissing: {
      not_installed:
        'PDF не приложен: на сервере aqparat не установлен LibreOffice, которым справка переводится в PDF; приложен файл Word (DOCX).',
      failed: 'PDF не приложен: LibreOffice не смог перевести справку в PDF; приложен файл Word (DOCX).',
    },
    footer:
      'Письмо отправлено aqparat по расписанию ({every}, рассылка № {id}); изменить или отменить рассылку можно на странице «Справка».',
    every: {
      month: 'ежемесячно',
      quarter: 'ежеквартально',
      half: 'раз в полугодие',
      year: 'ежегодно',
    },
  },
  kk: {
    fileWord: 'Анықтама',
    subject: 'Ақпараттық жұмыстың жай-күйі туралы анықтама: {org}, {from} – {to}',
    body: 'Қосымшада ақпараттық жұмыстың жай-күйі туралы анықтама: {org}, {from} – {to} кезеңі ({files}).',
    pdfMissing: {
      not_installed:
        'PDF қоса берілмеді: aqparat серверінде анықтаманы PDF-ке аударатын LibreOffice орнатылмаған; Word (DOCX) файлы қоса берілді.',
      failed:
        'PDF қоса берілмеді: LibreOffice анықтаманы PDF-ке аудара алмады; Word (DOCX) файлы қоса берілді.',
    },
    footer:
      'Хатты aqparat кесте бойынша жіберді ({every}, № {id} таратылым); таратылымды «Анықтама» бетінде өзгертуге не тоқтатуға болады.',
    every: {
      month: 'ай сайын',
      quarter: 'тоқсан сайын',
      half: 'жарты жыл сайын',
      year: 'жыл сайын',
    },
  },
};

/** `Справка_abai_2026-11.docx`: what the document is, whose, of which period; the word tells the language. */
export function attachmentName(lang: ReportLang, org: string, period: string, extension: string): string {
  return `${TEXTS[lang].fileWord}_${org}_${period}.${extension}`;
}

export interface BriefMailContent {
  schedule: { id: number; every: Granularity };
  org: NamedOrg;
  period: Period;
  langs: readonly ReportLang[];
  /** Each language's attachments. */
  attachments: readonly (MailAttachment & { lang: ReportLang })[];
  pdfMissing: PdfMissing | null;
}

export function briefMail(content: BriefMailContent, to: readonly string[]): Mail {
  const { period, schedule } = content;
  // The subject short, as a mail list shows it; the text with the dates as the brief writes them.
  const paramsOf = (lang: ReportLang, format: typeof formatShortDate) => ({
    org: orgName(content.org, lang, 'full'),
    from: format(period.from, lang),
    to: format(period.to, lang),
  });
  const first = content.langs[0] ?? 'ru';
  const sections = content.langs.map((lang) => {
    const texts = TEXTS[lang];
    const files = content.attachments.filter((file) => file.lang === lang).map((file) => file.fileName);
    return [
      interpolate(texts.body, { ...paramsOf(lang, formatLongDate), files: files.join(', ') }),
      ...(content.pdfMissing ? [texts.pdfMissing[content.pdfMissing]] : []),
      interpolate(texts.footer, { every: texts.every[schedule.every], id: schedule.id }),
    ].join('\n\n');
  });
  return {
    to,
    subject: interpolate(TEXTS[first].subject, paramsOf(first, formatShortDate)),
    text: `${sections.join('\n\n———\n\n')}\n`,
    attachments: content.attachments.map(({ fileName, content: bytes }) => ({ fileName, content: bytes })),
  };
}
