/** Chooses the organization the pages look at, from the tree the user sees. */
import { TreeSelect } from 'antd';
import { useMemo } from 'react';
import { useOrganizations } from '../api/organizations.js';
import { useLang } from '../i18n/index.js';
import { orgOptions, orgTree } from '../lib/org-tree.js';

/** Controlled by the page, or by a Form.Item that passes value and onChange; `opened`: open and focused at once. */
export function OrgPicker({
  value,
  onChange,
  opened,
}: {
  value?: string | undefined;
  onChange?: (code: string) => void;
  opened?: boolean;
}) {
  const { lang, t } = useLang();
  const { data: orgs } = useOrganizations();
  const options = useMemo(() => orgOptions(orgTree(orgs ?? []), lang), [orgs, lang]);
  return (
    <TreeSelect
      aria-label={t('common.organization')}
      value={value}
      onChange={onChange}
      treeData={options}
      treeDefaultExpandAll
      showSearch={{ treeNodeFilterProp: 'title' }}
      popupMatchSelectWidth={false}
      style={{ minWidth: 180, maxWidth: 320 }}
      {...(opened ? { defaultOpen: true, autoFocus: true } : {})}
    />
  );
}
