/** Rule thresholds, attribution rules, users and roles: each tab shown to those whose role may read it. */
import { Tabs } from 'antd';
import { PageTitle } from '../components/PageTitle.js';
import { AttributionRules } from '../features/settings/AttributionRules.js';
import { RuleThresholds } from '../features/settings/RuleThresholds.js';
import { UserList } from '../features/settings/UserList.js';
import { useLang } from '../i18n/index.js';
import { useCan } from '../lib/session.js';

export default function SettingsPage() {
  const { t } = useLang();
  const tabs = [
    {
      key: 'rules',
      label: t('settings.rules'),
      children: <RuleThresholds />,
      shown: useCan('settings', 'read'),
    },
    {
      key: 'attribution',
      label: t('settings.attribution'),
      children: <AttributionRules />,
      shown: useCan('attribution-rules', 'read'),
    },
    { key: 'users', label: t('settings.users'), children: <UserList />, shown: useCan('users', 'read') },
  ];
  return (
    <>
      <PageTitle title={t('nav.settings')} />
      <Tabs items={tabs.filter((tab) => tab.shown).map(({ shown: _shown, ...tab }) => tab)} />
    </>
  );
}
