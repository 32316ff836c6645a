/**
 * A record's title in Russian and Kazakh: the form asks for both (either may be left empty, not both), a table
 * shows the one in the UI language, or the other marked with its language.
 */
import { useMemo } from 'react';
import { textFor } from '../../../src/shared/bilingual.js';
import type { FieldSpec } from '../components/RecordForm.js';
import { useLang } from '../i18n/index.js';

export function useTitles() {
  const { lang, t } = useLang();
  return useMemo(
    () => ({
      fields: [
        { name: 'titleRu', label: t('common.titleRu'), type: 'text', otherLanguage: 'titleKk' },
        { name: 'titleKk', label: t('common.titleKk'), type: 'text', otherLanguage: 'titleRu' },
      ] satisfies FieldSpec[],
      of: (row: { titleRu: string | null; titleKk: string | null }) =>
        textFor({ ru: row.titleRu, kk: row.titleKk }, lang),
    }),
    [lang, t],
  );
}
