/**
 * What an import reports: which records it stored, passed over or rejected, and why — in every UI language.
 * A rejection names the file, the record (a sheet row, a Telegram message, the n-th post of a file) and the field.
 */
import { describeFieldIssue } from './messages.js';
import { fieldLabel } from './sheet-columns.js';
import type { ImportStatus, RuleKind, UiLang } from './vocabulary.js';

export const RECORD_KINDS = ['row', 'message', 'post', 'item'] as const;
export type RecordKind = (typeof RECORD_KINDS)[number];

/** Where a record is in its file: a sheet row number, a Telegram message id, a post's or feed item's number. */
export interface RecordRef {
  kind: RecordKind;
  index: number;
}

export interface Rejection {
  file: string;
  record: RecordRef;
  /** The field at fault: a spreadsheet column key or the name of a field of the exported record. */
  field: string;
  /** A field-issue code of shared/messages. */
  code: string;
  params?: Record<string, string | number>;
}

/** Why records were passed over on purpose. */
export const SKIP_REASONS = ['service', 'album_part', 'empty'] as const;
export type SkipReason = (typeof SKIP_REASONS)[number];

export interface ImportCounts {
  new: number;
  updated: number;
  unchanged: number;
  rejected: number;
  skipped: number;
}

type Texts<K extends string> = Readonly<Record<UiLang, Readonly<Record<K, string>>>>;

export const RECORD_KIND_TEXTS: Texts<RecordKind> = {
  ru: {
    row: 'строка {index}',
    message: 'сообщение {index}',
    post: 'запись № {index}',
    item: 'элемент № {index}',
  },
  kk: {
    row: '{index}-жол',
    message: '{index} хабарлама',
    post: '№ {index} жазба',
    item: '№ {index} элемент',
  },
  en: { row: 'row {index}', message: 'message {index}', post: 'post #{index}', item: 'item #{index}' },
};

export const SKIP_REASON_TEXTS: Texts<SkipReason> = {
  ru: { service: 'служебные сообщения', album_part: 'части альбомов', empty: 'пустые записи' },
  kk: { service: 'қызметтік хабарламалар', album_part: 'альбом бөліктері', empty: 'бос жазбалар' },
  en: { service: 'service messages', album_part: 'parts of albums', empty: 'empty posts' },
};

export const IMPORT_STATUS_TEXTS: Texts<ImportStatus> = {
  ru: { running: 'идёт', done: 'завершён', failed: 'ошибка', interrupted: 'прерван', undone: 'отменён' },
  kk: {
    running: 'жүріп жатыр',
    done: 'аяқталды',
    failed: 'қате',
    interrupted: 'үзілді',
    undone: 'күші жойылды',
  },
  en: { running: 'running', done: 'done', failed: 'failed', interrupted: 'interrupted', undone: 'undone' },
};

export const RULE_KIND_TEXTS: Texts<RuleKind> = {
  ru: { hashtag: 'хештег', place: 'место', keyword: 'ключевое слово' },
  kk: { hashtag: 'хэштег', place: 'жер атауы', keyword: 'кілт сөз' },
  en: { hashtag: 'hashtag', place: 'place', keyword: 'keyword' },
};

export function describeRecord(record: RecordRef, lang: UiLang): string {
  return RECORD_KIND_TEXTS[lang][record.kind].replace('{index}', String(record.index));
}

/** One line per rejection: `file, row 12, field «Date»: not a date: "32.13.2024"` (columns by their headers). */
export function describeRejection(rejection: Rejection, lang: UiLang): string {
  const issue = {
    path: fieldLabel(rejection.field, lang),
    code: rejection.code,
    params: rejection.params ?? {},
  };
  return `${rejection.file}, ${describeRecord(rejection.record, lang)}, ${describeFieldIssue(issue, lang)}`;
}
