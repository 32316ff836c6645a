/**
 * Texts users read when something is wrong, in every UI language. The record types make a missing translation a
 * compile error; a test checks that no Russian or Kazakh text is left in English.
 */
import type { FieldIssue } from './field-issue.js';
import type { UiLang } from './vocabulary.js';

export const ERROR_CODES = [
  'validation_failed',
  'not_found',
  'org_parent_kind',
  'org_unknown',
  'org_code_taken',
  'channel_unknown',
  'channel_code_taken',
  'outlet_unknown',
  'outlet_code_taken',
  'person_unknown',
  'duplicate_record',
  'period_invalid',
  'option_invalid',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export const FIELD_ISSUE_CODES = [
  'required',
  'invalid_type',
  'too_small',
  'too_big',
  'not_one_of',
  'unknown_field',
  'invalid_format',
  'invalid',
  'unknown_org',
  'unknown_channel',
  'unknown_outlet',
  'unknown_person',
  'kind_not_allowed_under',
  'taken',
] as const;
export type FieldIssueCode = (typeof FIELD_ISSUE_CODES)[number];

type Texts<K extends string> = Readonly<Record<UiLang, Readonly<Record<K, string>>>>;

export const ERROR_TEXTS: Texts<ErrorCode> = {
  ru: {
    validation_failed: 'Данные не прошли проверку',
    not_found: 'Запись не найдена',
    org_parent_kind: 'Организацию вида «{kind}» нельзя подчинить организации вида «{parentKind}»',
    org_unknown: 'Организация с кодом «{code}» не найдена',
    org_code_taken: 'Код организации «{code}» уже занят',
    channel_unknown: 'Канал с кодом «{code}» не найден',
    channel_code_taken: 'Код канала «{code}» уже занят',
    outlet_unknown: 'СМИ с кодом «{code}» не найдено',
    outlet_code_taken: 'Код СМИ «{code}» уже занят',
    person_unknown: 'Сотрудник № {id} не найден',
    duplicate_record: 'Такая запись уже есть: {what}',
    period_invalid: 'Период «{value}» не распознан: укажите даты в виде ГГГГ-ММ-ДД и начало не позже конца',
    option_invalid: 'Параметр {option} не может быть «{value}»; допустимо: {values}',
  },
  kk: {
    validation_failed: 'Деректер тексеруден өтпеді',
    not_found: 'Жазба табылмады',
    org_parent_kind: '«{kind}» түріндегі ұйымды «{parentKind}» түріндегі ұйымға бағындыруға болмайды',
    org_unknown: '«{code}» кодты ұйым табылмады',
    org_code_taken: '«{code}» ұйым коды бос емес',
    channel_unknown: '«{code}» кодты арна табылмады',
    channel_code_taken: '«{code}» арна коды бос емес',
    outlet_unknown: '«{code}» кодты БАҚ табылмады',
    outlet_code_taken: '«{code}» БАҚ коды бос емес',
    person_unknown: '№ {id} қызметкер табылмады',
    duplicate_record: 'Мұндай жазба бар: {what}',
    period_invalid:
      '«{value}» кезеңі танылмады: күндерді ЖЖЖЖ-АА-КК түрінде жазыңыз, басы соңынан кейін болмасын',
    option_invalid: '{option} параметрі «{value}» бола алмайды; рұқсат етілгені: {values}',
  },
  en: {
    validation_failed: 'The data did not pass validation',
    not_found: 'Record not found',
    org_parent_kind: 'An organization of kind "{kind}" cannot be placed under one of kind "{parentKind}"',
    org_unknown: 'No organization with code "{code}"',
    org_code_taken: 'Organization code "{code}" is already taken',
    channel_unknown: 'No channel with code "{code}"',
    channel_code_taken: 'Channel code "{code}" is already taken',
    outlet_unknown: 'No outlet with code "{code}"',
    outlet_code_taken: 'Outlet code "{code}" is already taken',
    person_unknown: 'No person with id {id}',
    duplicate_record: 'This record already exists: {what}',
    period_invalid: 'Period "{value}" not understood: write dates as YYYY-MM-DD, the start not after the end',
    option_invalid: 'Option {option} cannot be "{value}"; allowed: {values}',
  },
};

export const FIELD_TEXTS: Texts<FieldIssueCode> = {
  ru: {
    required: 'обязательное поле',
    invalid_type: 'неверный тип значения',
    too_small: 'не меньше {min}',
    too_big: 'не больше {max}',
    not_one_of: 'допустимые значения: {values}',
    unknown_field: 'неизвестное поле',
    invalid_format: 'неверный формат ({format})',
    invalid: 'неверное значение: {detail}',
    unknown_org: 'нет организации с кодом «{code}»',
    unknown_channel: 'нет канала с кодом «{code}»',
    unknown_outlet: 'нет СМИ с кодом «{code}»',
    unknown_person: 'нет сотрудника № {id}',
    kind_not_allowed_under: 'вид «{kind}» нельзя подчинить виду «{parentKind}»',
    taken: 'значение «{value}» уже занято',
  },
  kk: {
    required: 'міндетті өріс',
    invalid_type: 'мән түрі қате',
    too_small: '{min} кем емес',
    too_big: '{max} артық емес',
    not_one_of: 'рұқсат етілген мәндер: {values}',
    unknown_field: 'белгісіз өріс',
    invalid_format: 'пішімі қате ({format})',
    invalid: 'мәні қате: {detail}',
    unknown_org: '«{code}» кодты ұйым жоқ',
    unknown_channel: '«{code}» кодты арна жоқ',
    unknown_outlet: '«{code}» кодты БАҚ жоқ',
    unknown_person: '№ {id} қызметкер жоқ',
    kind_not_allowed_under: '«{kind}» түрін «{parentKind}» түріне бағындыруға болмайды',
    taken: '«{value}» мәні бос емес',
  },
  en: {
    required: 'required',
    invalid_type: 'wrong type of value',
    too_small: 'at least {min}',
    too_big: 'at most {max}',
    not_one_of: 'allowed values: {values}',
    unknown_field: 'unknown field',
    invalid_format: 'wrong format ({format})',
    invalid: 'invalid value: {detail}',
    unknown_org: 'no organization with code "{code}"',
    unknown_channel: 'no channel with code "{code}"',
    unknown_outlet: 'no outlet with code "{code}"',
    unknown_person: 'no person with id {id}',
    kind_not_allowed_under: 'kind "{kind}" cannot be placed under kind "{parentKind}"',
    taken: '"{value}" is already taken',
  },
};

const RECORD_WORD: Readonly<Record<UiLang, string>> = { ru: 'запись', kk: 'жазба', en: 'record' };
const FIELD_WORD: Readonly<Record<UiLang, string>> = { ru: 'поле', kk: 'өріс', en: 'field' };

export function interpolate(
  template: string,
  params: Readonly<Record<string, string | number>> = {},
): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) =>
    key in params ? String(params[key]) : whole,
  );
}

function isFieldIssueCode(code: string): code is FieldIssueCode {
  return (FIELD_ISSUE_CODES as readonly string[]).includes(code);
}

export function describeFieldIssue(issue: FieldIssue, lang: UiLang): string {
  const template = isFieldIssueCode(issue.code) ? FIELD_TEXTS[lang][issue.code] : issue.code;
  return `${FIELD_WORD[lang]} «${issue.path}»: ${interpolate(template, issue.params)}`;
}

/** One message naming the record and every field at fault, e.g. for the CLI or a log line. */
export function describeError(
  error: {
    code: ErrorCode;
    params?: Record<string, string | number>;
    record?: string;
    fields?: readonly FieldIssue[];
  },
  lang: UiLang,
): string {
  const head = interpolate(ERROR_TEXTS[lang][error.code], error.params);
  const record = error.record ? ` (${RECORD_WORD[lang]}: ${error.record})` : '';
  const fields = (error.fields ?? []).map((issue) => describeFieldIssue(issue, lang));
  return [`${head}${record}`, ...fields].join('; ');
}
