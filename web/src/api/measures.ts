/** The dashboard's measures for an organization and period. */
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { DashboardResponse } from '../../../src/shared/dashboard.js';
import { api, withQuery } from './client.js';

/** `GET /measures/dashboard?org&period`. */
export function useDashboard(org: string | undefined, period: string) {
  return useQuery({
    queryKey: ['dashboard', org, period],
    queryFn: () => api<DashboardResponse>('GET', withQuery('/measures/dashboard', { org, period })),
    enabled: org !== undefined,
    placeholderData: keepPreviousData,
  });
}
