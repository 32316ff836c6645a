/** Numbers and dates as the UI language writes them; instants in the organization's zone. */
import { useMemo } from 'react';
import { formatNumber, formatPercent, formatShortDate } from '../../../src/shared/format.js';
import type { UiLang } from '../../../src/shared/vocabulary.js';
import { useLang } from '../i18n/index.js';

/**
 * Kazakh writes numbers and numeric dates as Russian does ("25 116", "4,2 %", "01.09.2024"), but browsers' ICU
 * data for kk-KZ is thin (Chromium groups with commas, writes dates as 2024-09-01), so kk borrows ru's patterns.
 */
const numeric = (lang: UiLang): UiLang => (lang === 'kk' ? 'ru' : lang);

const LOCALES = { ru: 'ru-RU', kk: 'ru-RU', en: 'en-GB' } as const;

export function useFormat() {
  const { lang } = useLang();
  return useMemo(() => {
    const as = numeric(lang);
    return {
      number: (value: number | null | undefined) => (value == null ? '—' : formatNumber(value, as)),
      percent: (fraction: number | null | undefined) =>
        fraction == null ? '—' : formatPercent(fraction, as),
      /** A local date `YYYY-MM-DD`, already in its organization's calendar. */
      date: (date: string | null | undefined) => (date ? formatShortDate(date, as) : '—'),
      /** An instant, shown in the zone of the organization it belongs to. */
      instant: (iso: string, timeZone: string) =>
        new Intl.DateTimeFormat(LOCALES[lang], {
          day: '2-digit',
          month: '2-digit',
          year: 'numeric',
          hour: '2-digit',
          minute: '2-digit',
          timeZone,
        }).format(new Date(iso)),
      /** A time zone as the language names it ("Қазақстан уақыты"), its IANA name where the browser knows none. */
      zone: (timeZone: string) =>
        new Intl.DateTimeFormat(lang === 'kk' ? 'kk-KZ' : LOCALES[lang], { timeZone, timeZoneName: 'long' })
          .formatToParts(new Date())
          .find((part) => part.type === 'timeZoneName')?.value ?? timeZone,
      /** A month `YYYY-MM` on a chart's axis: "09.2024". */
      month: (month: string) => `${month.slice(5, 7)}.${month.slice(0, 4)}`,
    };
  }, [lang]);
}
