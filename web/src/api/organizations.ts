/** The organization tree the user sees, and one organization's figures. */
import { useQuery } from '@tanstack/react-query';
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
