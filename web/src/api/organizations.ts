/** The organization tree the user sees, one organization's figures, and its names changed. */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { askAgain } from './answers.js';
import { api, withQuery } from './client.js';
import type { Organization, OrganizationFigures } from './types.js';

/** `GET /organizations`: parents before children. */
export function useOrganizations() {
  return useQuery({
    queryKey: ['organizations'],
    queryFn: async () => (await api<{ items: Organization[] }>('GET', '/organizations')).items,
    staleTime: 60_000,
  });
}

/** `GET /organizations/:code?period=`: members and followers as of the date the period's measures take. */
export function useOrganizationFigures(code: string | undefined, period: string) {
  return useQuery({
    queryKey: ['organizations', code, period],
    queryFn: () =>
      api<OrganizationFigures>(
        'GET',
        withQuery(`/organizations/${encodeURIComponent(code ?? '')}`, { period }),
      ),
    enabled: code !== undefined,
  });
}

/** An organization's names in each language; an empty short or English name is none. */
export interface OrganizationNames {
  nameRu: string;
  nameKk: string;
  nameEn: string;
  shortNameRu: string;
  shortNameKk: string;
  shortNameEn: string;
}

/** `PATCH /organizations/:code` with its names: every answer naming organizations is asked again. */
export function useRenameOrganization(code: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (names: OrganizationNames) =>
      api<Organization>('PATCH', `/organizations/${encodeURIComponent(code)}`, names),
    onSuccess: () => askAgain(client),
  });
}
