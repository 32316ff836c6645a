/** Rankings of an organization's branches for a period. */
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { RankingAnswer } from '../../../src/shared/ranking.schema.js';
import { api, withQuery } from './client.js';

/** `GET /measures/rankings?org&period`. */
export function useRankings(org: string | undefined, period: string) {
  return useQuery({
    queryKey: ['rankings', org, period],
    queryFn: () => api<RankingAnswer>('GET', withQuery('/measures/rankings', { org, period })),
    enabled: org !== undefined,
    placeholderData: keepPreviousData,
  });
}
