/** Switches the UI language; once signed in, the server remembers it for the user. */
import { useContext } from 'react';
import { useSetLanguage } from '../api/session.js';
import { applyLanguage, useLang } from '../i18n/index.js';
import type { UiLang } from '../../../src/shared/vocabulary.js';
import { SessionContext } from '../lib/session.js';
import { NativeSelect } from './NativeSelect.js';

/** Each language named in itself, as a switch must. */
const NAMES: Readonly<Record<UiLang, string>> = { ru: 'Русский', kk: 'Қазақша', en: 'English' };

export function LanguageSwitch() {
  const { lang, t } = useLang();
  const setLanguage = useSetLanguage();
  const session = useContext(SessionContext);
  return (
    <NativeSelect
      label={t('common.language')}
      value={lang}
      onChange={(next) => {
        applyLanguage(next as UiLang);
        if (session) setLanguage.mutate(next as UiLang);
      }}
      options={(Object.keys(NAMES) as UiLang[]).map((value) => ({ value, label: NAMES[value], lang: value }))}
      width={110}
    />
  );
}
