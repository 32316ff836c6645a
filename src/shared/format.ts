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
