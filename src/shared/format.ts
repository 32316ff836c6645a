/** Numbers as each language writes them: "25 116" and "1,0 %" in Russian and Kazakh. */
import type { UiLang } from './vocabulary.js';

const LOCALES: Readonly<Record<UiLang, string>> = { ru: 'ru-RU', kk: 'kk-KZ', en: 'en-GB' };

export function formatNumber(value: number, lang: UiLang): string {
  return new Intl.NumberFormat(LOCALES[lang], { maximumFractionDigits: 1 }).format(value);
}

/** A fraction as a percent with one decimal: 0.0104 → "1,0 %" (ru, kk: a space before the sign), "1.0%" (en). */
export function formatPercent(fraction: number, lang: UiLang): string {
  const number = new Intl.NumberFormat(LOCALES[lang], {
    minimumFractionDigits: 1,
    maximumFractionDigits: 1,
  }).format(fraction * 100);
  return lang === 'en' ? `${number}%` : `${number}\u00a0%`;
}

const dateFormat = (lang: UiLang, options: Intl.DateTimeFormatOptions) =>
  new Intl.DateTimeFormat(LOCALES[lang], { ...options, timeZone: 'UTC' });

/** A calendar date `YYYY-MM-DD` as the language writes it in prose: "1 сентября 2024 г.", "2024 ж. 1 қыркүйек". */
export function formatLongDate(date: string, lang: UiLang): string {
  return dateFormat(lang, { day: 'numeric', month: 'long', year: 'numeric' }).format(
    new Date(`${date}T00:00:00Z`),
  );
}

/** A calendar date in tables: "01.09.2024"; without the year: "01.09". */
export function formatShortDate(date: string, lang: UiLang, withYear = true): string {
  const options: Intl.DateTimeFormatOptions = withYear
    ? { day: '2-digit', month: '2-digit', year: 'numeric' }
    : { day: '2-digit', month: '2-digit' };
  return dateFormat(lang, options).format(new Date(`${date}T00:00:00Z`));
}
