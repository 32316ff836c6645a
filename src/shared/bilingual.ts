/**
 * What a person writes on a record (a decision's title, a task, a material's or an event's title, a position) is
 * kept in Russian and in Kazakh, either possibly empty. A reader gets the text in their language, or else the
 * other one marked with its language, so that a Kazakh brief never passes Russian off as its own.
 */
import type { UiLang } from './vocabulary.js';

/** The languages records are written in. */
export type TextLang = 'ru' | 'kk';

/** One text in both languages; an empty one counts as none. */
export interface Bilingual {
  ru: string | null | undefined;
  kk: string | null | undefined;
}

/** Said after a text shown to a reader of another language: «… (орыс тілінде)». */
export const LANGUAGE_MARKS: Readonly<Record<UiLang, Readonly<Record<TextLang, string>>>> = {
  ru: { ru: 'на русском', kk: 'на казахском' },
  kk: { ru: 'орыс тілінде', kk: 'қазақ тілінде' },
  en: { ru: 'in Russian', kk: 'in Kazakh' },
};

/** The version a reader of `lang` gets: their own, else the other; an English reader gets Russian first. */
export function pickText(text: Bilingual, lang: UiLang): { text: string; lang: TextLang } | undefined {
  const order: readonly TextLang[] = lang === 'kk' ? ['kk', 'ru'] : ['ru', 'kk'];
  for (const candidate of order) {
    const value = text[candidate]?.trim();
    if (value) return { text: value, lang: candidate };
  }
  return undefined;
}

/** The text for a reader of `lang`, with the mark of its language when it is not theirs; '' when there is none. */
export function textFor(text: Bilingual, lang: UiLang): string {
  const picked = pickText(text, lang);
  if (!picked) return '';
  return picked.lang === lang ? picked.text : `${picked.text} (${LANGUAGE_MARKS[lang][picked.lang]})`;
}

/** Whether either version says something: a record needs one at least. */
export function hasText(text: Bilingual): boolean {
  return pickText(text, 'ru') !== undefined;
}
