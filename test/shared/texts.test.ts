import { describe, expect, it } from 'vitest';
import { CLI_TEXTS } from '../../src/cli/texts.js';
import { DomainError, ValidationError } from '../../src/domain/errors.js';
import { formatNumber, formatPercent } from '../../src/shared/format.js';
import { describeError, ERROR_TEXTS, FIELD_TEXTS } from '../../src/shared/messages.js';
import { BRIEF_CATALOGS } from '../helpers/catalog-fragments.js';

/**
 * Names of formats, platforms, their APIs and permissions, measures, and the schemes of links, that every language
 * writes the same way.
 */
const TERMS =
  /\b(JSON|JSONL|CSV|XLSX|ZIP|RSS|Atom|URL|UTF-8|Windows-1251|F1|macro-F1|ID|Telegram|Facebook|Instagram|YouTube|TikTok|WhatsApp|Desktop|DYI|aqparat|UTC|Ctrl|X-CSRF-Token|HTML|XML|https?|HTTP|Bot API|WordPress REST API|WordPress|Graph API|pages_read_engagement|instagram_basic)\b/g;

/** What is left of a text once placeholders, command lines (typed as they are) and such names are removed. */
const prose = (text: string) =>
  text
    .replace(/\{\w+\}/g, '')
    .replace(/aqparat [^;)]*/g, '')
    .replace(TERMS, '');

/** A catalog's texts as `key.sub.key → text`, whatever its nesting. */
function flatten(value: unknown, prefix = ''): Record<string, string> {
  if (typeof value === 'string') return { [prefix]: value };
  return Object.assign(
    {},
    ...Object.entries(value as object).map(([key, inner]) =>
      flatten(inner, prefix ? `${prefix}.${key}` : key),
    ),
  );
}

type Catalog = Partial<Record<'ru' | 'kk' | 'en', unknown>>;

const CATALOGS: Record<string, Catalog> = {
  errors: ERROR_TEXTS,
  fields: FIELD_TEXTS,
  cli: CLI_TEXTS,
  ...BRIEF_CATALOGS,
};

describe('texts users read', () => {
  it.each(Object.entries(CATALOGS))('%s: every language has every text', (_name, catalog) => {
    const keys = Object.keys(flatten(catalog.ru)).sort();
    for (const lang of ['ru', 'kk', 'en'] as const) {
      if (catalog[lang] === undefined) continue;
      expect(Object.keys(flatten(catalog[lang])).sort()).toEqual(keys);
      for (const text of Object.values(flatten(catalog[lang]))) expect(text.trim()).not.toBe('');
    }
  });

  it.each(Object.entries(CATALOGS))('%s: no English is left in Russian or Kazakh', (_name, catalog) => {
    for (const lang of ['ru', 'kk'] as const) {
      for (const [key, text] of Object.entries(flatten(catalog[lang]))) {
        expect(prose(text), `${lang}.${key}`).not.toMatch(/[A-Za-z]{2,}/);
        if (/\p{L}{2,}/u.test(prose(text))) {
          expect(prose(text), `${lang}.${key}`).toMatch(/[А-Яа-яЁёӘәҒғҚқҢңӨөҰұҮүҺһІі]/);
        }
      }
    }
  });

  it('names the record and every field at fault, in the language asked', () => {
    const error = new ValidationError('organization abai-x', [
      { path: 'parent', code: 'unknown_org', params: { code: 'nowhere' } },
      { path: 'kind', code: 'not_one_of', params: { values: 'union, region' } },
    ]);
    expect(describeError(error, 'ru')).toBe(
      'Данные не прошли проверку (запись: organization abai-x); поле «parent»: нет организации с кодом «nowhere»; ' +
        'поле «kind»: допустимые значения: union, region',
    );
    expect(describeError(error, 'kk')).toContain('«nowhere» кодты ұйым жоқ');
    expect(error.message).toContain('no organization with code "nowhere"');
    expect(new DomainError('org_unknown', { code: 'x' }).message).toBe('No organization with code "x"');
  });
});

describe('numbers', () => {
  it('writes thousands and percents as the brief does', () => {
    expect(formatNumber(25_116, 'ru')).toBe('25\u00a0116');
    expect(formatNumber(25_116, 'kk')).toBe('25\u00a0116');
    expect(formatPercent(261 / 25_116, 'ru')).toBe('1,0\u00a0%');
    expect(formatPercent(261 / 25_116, 'kk')).toBe('1,0\u00a0%');
    expect(formatPercent(0.456, 'en')).toBe('45.6%');
  });
});
