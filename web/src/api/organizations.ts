/** The organization tree the user sees, one organization's figures, and its names changed. */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { askAgain } from './answers.js';
import { api } from './client.js';
import type { Organization, OrganizationFigures } from './types.js';

/** `GET /organizations`: parents before children. */
export function useOrganizations() {
  return useQuery({
    queryKey: ['organizations'],
    queryFn: async () => (await api<{ items: Organization[] }>('GET', '/organizations')).items,
    staleTime: 60_000,
  });
}

/** `GET /organizations/:code`. */
export function useOrganizationFigures(code: string | undefined) {
  return useQuery({
    queryKey: ['organizations', code],
    queryFn: () => api<OrganizationFigures>('GET', `/organizations/${encodeURIComponent(code ?? '')}`),
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
