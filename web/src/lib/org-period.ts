/**
 * The organization and period every page looks at, kept in the URL (`?org=abai&period=2023`) so that a link
 * shows the same view. Without them: the user's own organization (or the top of the tree) and this year.
 */
import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { useOrganizations } from '../api/organizations.js';
import type { Organization } from '../api/types.js';
import { useCurrentSession } from './session.js';

export interface OrgPeriod {
  org: Organization | undefined;
  orgCode: string | undefined;
  period: string;
  setOrg(code: string): void;
  setPeriod(period: string): void;
}

export const currentYear = () => String(new Date().getFullYear());

export function useOrgPeriod(): OrgPeriod {
  const [params, setParams] = useSearchParams();
  const session = useCurrentSession();
  const { data: orgs } = useOrganizations();
  const asked = params.get('org');
  const org = useMemo(() => {
    if (!orgs) return undefined;
    return (
      orgs.find((candidate) => candidate.code === asked) ??
      orgs.find((candidate) => candidate.code === session.user.orgCode) ??
      orgs[0]
    );
  }, [orgs, asked, session.user.orgCode]);
  const period = params.get('period') ?? currentYear();
  const set = useCallback(
    (name: string, value: string) =>
      setParams((previous) => {
        const next = new URLSearchParams(previous);
        next.set(name, value);
        next.delete('page');
        return next;
      }),
    [setParams],
  );
  return {
    org,
    orgCode: org?.code,
    period,
    setOrg: (code) => set('org', code),
    setPeriod: (value) => set('period', value),
  };
}

/** The org and period part of the URL, to carry along on links between pages. */
export function useCarriedSearch(): string {
  const [params] = useSearchParams();
  const carried = new URLSearchParams();
  for (const name of ['org', 'period']) {
    const value = params.get(name);
    if (value) carried.set(name, value);
  }
  const text = carried.toString();
  return text ? `?${text}` : '';
}
