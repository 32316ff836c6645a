/** Switches the UI language; once signed in, the server remembers it for the user. */
import { Select } from 'antd';
import { useContext } from 'react';
import { useSetLanguage } from '../api/session.js';
import { applyLanguage, useLang } from '../i18n/index.js';
import type { UiLang } from '../../../src/shared/vocabulary.js';
import { SessionContext } from '../lib/session.js';

/** Each language named in itself, as a switch must. */
const NAMES: Readonly<Record<UiLang, string>> = { ru: 'Русский', kk: 'Қазақша', en: 'English' };

export function LanguageSwitch() {
  const { lang, t } = useLang();
  const setLanguage = useSetLanguage();
  const session = useContext(SessionContext);
  return (
    <Select
      aria-label={t('common.language')}
      value={lang}
      onChange={(next: UiLang) => {
        applyLanguage(next);
        if (session) setLanguage.mutate(next);
      }}
      options={(Object.keys(NAMES) as UiLang[]).map((value) => ({ value, label: NAMES[value] }))}
      style={{ width: 110 }}
    />
  );
}
