/** What adding a channel asks for, on the Channels page and in the import dialog: its code made from its name. */
import { codeFromName } from '../../../../src/shared/code-from-name.js';
import { PLATFORM_LABELS } from '../../../../src/shared/labels.js';
import { PLATFORMS } from '../../../../src/shared/vocabulary.js';
import type { DerivedField, FieldSpec } from '../../components/RecordForm.js';
import { useLang } from '../../i18n/index.js';

export function useChannelFields(): readonly FieldSpec[] {
  const { lang, t } = useLang();
  return [
    { name: 'name', label: t('common.name'), type: 'text', required: true },
    { name: 'code', label: t('common.code'), type: 'text', required: true },
    {
      name: 'platform',
      label: t('common.platform'),
      type: 'select',
      required: true,
      options: PLATFORMS.map((platform) => ({ value: platform, label: PLATFORM_LABELS[lang][platform] })),
    },
    { name: 'url', label: t('common.link'), type: 'url' },
    { name: 'createdOn', label: t('channel.created'), type: 'date' },
  ];
}

/** The code offered as the name is typed, under the organization's code; the user may write another. */
export const channelCode = (org: string): DerivedField => ({
  from: 'name',
  to: 'code',
  as: (name) => codeFromName(name, org),
});
