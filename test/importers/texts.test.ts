/** The importers' words — column headers, template notes, report texts — exist in every language, Russian and Kazakh without English. */
import { describe, expect, it } from 'vitest';
import { EXAMPLE_TEXTS, TEMPLATE_TEXTS, YES_NO_TEXTS } from '../../src/importers/sheet/texts.js';
import {
  describeRejection,
  IMPORT_STATUS_TEXTS,
  RECORD_KIND_TEXTS,
  RULE_KIND_TEXTS,
  SKIP_REASON_TEXTS,
} from '../../src/shared/import-report.js';
import { COLUMN_HEADERS } from '../../src/shared/sheet-columns.js';
import { UI_LANGS } from '../../src/shared/vocabulary.js';

const CATALOGS = {
  columns: COLUMN_HEADERS,
  template: TEMPLATE_TEXTS,
  examples: EXAMPLE_TEXTS,
  yesNo: YES_NO_TEXTS,
  records: RECORD_KIND_TEXTS,
  skips: SKIP_REASON_TEXTS,
  statuses: IMPORT_STATUS_TEXTS,
  ruleKinds: RULE_KIND_TEXTS,
};

describe('texts of imports', () => {
  it.each(Object.entries(CATALOGS))(
    '%s: every language has every text, no English in Russian or Kazakh',
    (_name, catalog) => {
      const keys = Object.keys(catalog.en).sort();
      for (const lang of UI_LANGS) {
        const texts: Record<string, string> = catalog[lang];
        expect(Object.keys(texts).sort()).toEqual(keys);
        for (const [key, text] of Object.entries(texts)) {
          expect(text.trim(), `${lang}.${key}`).not.toBe('');
          if (lang === 'en') continue;
          expect(text.replace(/\{\w+\}/g, ''), `${lang}.${key}`).not.toMatch(/[A-Za-z]{2,}/);
        }
      }
    },
  );

  it('describes a rejection by file, record and the column as headed in the language', () => {
    const rejection = {
      file: 'members.csv',
      record: { kind: 'row' as const, index: 12 },
      field: 'asOf',
      code: 'invalid_date',
      params: { value: '32.01.2024' },
    };
    expect(describeRejection(rejection, 'ru')).toBe(
      'members.csv, строка 12, поле «На дату»: дата не распознана: «32.01.2024»',
    );
    expect(describeRejection(rejection, 'kk')).toBe(
      'members.csv, 12-жол, өріс «Күні»: күн танылмады: «32.01.2024»',
    );
    const message = {
      ...rejection,
      record: { kind: 'message' as const, index: 7 },
      field: 'date_unixtime',
      code: 'required',
    };
    expect(describeRejection(message, 'en')).toBe('members.csv, message 7, field «date_unixtime»: required');
  });
});
