/**
 * UI texts in ru, kk and en through i18next, antd's own texts in the same language, and the language the
 * vocabulary's labels (src/shared/labels.ts) are read in.
 */
import type { Locale } from 'antd/es/locale';
import enUS from 'antd/locale/en_US';
import kkKZ from 'antd/locale/kk_KZ';
import ruRU from 'antd/locale/ru_RU';
import dayjs from 'dayjs';
import 'dayjs/locale/kk';
import 'dayjs/locale/ru';
import i18next from 'i18next';
import { initReactI18next, useTranslation } from 'react-i18next';
import { setRequestLanguage } from '../api/client.js';
import { UI_LANGS, type UiLang } from '../../../src/shared/vocabulary.js';
import { en } from './en.js';
import { kk } from './kk.js';
import { ru, type TextKey } from './ru.js';

declare module 'i18next' {
  interface CustomTypeOptions {
    resources: { translation: typeof ru };
    keySeparator: false;
    nsSeparator: false;
  }
}

export const ANTD_LOCALES: Readonly<Record<UiLang, Locale>> = { ru: ruRU, kk: kkKZ, en: enUS };

/** What the browser prefers among the UI languages, until the server says the user's own. */
export function browserLanguage(): UiLang {
  const tag = (navigator.language || 'ru').slice(0, 2).toLowerCase();
  return UI_LANGS.find((lang) => lang === tag) ?? 'ru';
}

void i18next.use(initReactI18next).init({
  resources: { ru: { translation: ru }, kk: { translation: kk }, en: { translation: en } },
  lng: browserLanguage(),
  fallbackLng: false,
  keySeparator: false,
  nsSeparator: false,
  // React escapes what it renders; i18next must not escape a second time.
  interpolation: { escapeValue: false },
});

export function applyLanguage(lang: UiLang): void {
  setRequestLanguage(lang);
  dayjs.locale(lang === 'en' ? 'en' : lang);
  document.documentElement.lang = lang;
  if (i18next.language !== lang) void i18next.changeLanguage(lang);
}

/**
 * The translate function: a key of the texts and the values its `{{name}}`s take. Typed here rather than by
 * i18next, whose type works each call's result out over every key: past a few hundred keys, a call with a key
 * chosen at run time (`t(\`rule.${id}\`)`) exceeds TypeScript's instantiation limit. Keys are checked all the same.
 */
export type Translate = (key: TextKey, values?: Readonly<Record<string, string | number>>) => string;

/** The current UI language with the translate function. */
export function useLang(): { lang: UiLang; t: Translate } {
  const { t, i18n } = useTranslation();
  const lang = UI_LANGS.find((candidate) => candidate === i18n.language) ?? 'ru';
  return { lang, t: t as Translate };
}
