/**
 * The header's organization picker: the chosen organization's name on a button until it is first used, then the
 * tree picker, loaded then. The tree picker's code (antd's tree select, tree and virtual list, some 50 kB
 * gzipped) thus stays out of every page's first view.
 */
import { lazy, Suspense, useState } from 'react';
import { orgName } from '../../../src/shared/org-name.js';
import { useLang } from '../i18n/index.js';
import { useOrgPeriod } from '../lib/org-period.js';

const OrgPicker = lazy(() => import('./OrgPicker.js').then((module) => ({ default: module.OrgPicker })));

export function OrgSwitch() {
  const { lang, t } = useLang();
  const { org, orgCode, setOrg } = useOrgPeriod();
  const [used, setUsed] = useState(false);
  const button = (
    <button
      type="button"
      role="combobox"
      aria-expanded={used}
      aria-label={t('common.organization')}
      className="native-select org-switch"
      onClick={() => setUsed(true)}
    >
      {org ? orgName(org, lang) : ''}
    </button>
  );
  if (!used) return button;
  return (
    <Suspense fallback={button}>
      <OrgPicker value={orgCode} onChange={setOrg} opened />
    </Suspense>
  );
}
