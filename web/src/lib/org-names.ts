/** Organizations' names in the UI language, by id or code, from the tree the user sees. */
import { useMemo } from 'react';
import { orgName } from '../../../src/shared/org-name.js';
import { DEFAULT_TIME_ZONE } from '../../../src/shared/vocabulary.js';
import { useOrganizations } from '../api/organizations.js';
import { useLang } from '../i18n/index.js';

export function useOrgNames() {
  const { lang } = useLang();
  const { data: orgs } = useOrganizations();
  return useMemo(() => {
    const byId = new Map((orgs ?? []).map((org) => [org.id, org]));
    const byCode = new Map((orgs ?? []).map((org) => [org.code, org]));
    return {
      ofId: (id: number | null | undefined) => {
        const org = id == null ? undefined : byId.get(id);
        return org ? orgName(org, lang) : '';
      },
      ofCode: (code: string | null | undefined) => {
        const org = code == null ? undefined : byCode.get(code);
        return org ? orgName(org, lang) : (code ?? '');
      },
      zoneOf: (code: string | null | undefined) =>
        (code ? byCode.get(code)?.timeZone : undefined) ?? DEFAULT_TIME_ZONE,
    };
  }, [orgs, lang]);
}
