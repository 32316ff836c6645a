/** The dashboard's engagement measures for an organization and period. */
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type {
  EngagementAnswer,
  FollowerGrowthAnswer,
  PostingTimeAnswer,
} from '../../../src/shared/engagement.schema.js';
import { api, withQuery } from './client.js';

function useMeasure<T>(route: string, org: string | undefined, period: string) {
  return useQuery({
    queryKey: [route, org, period],
    queryFn: () => api<T>('GET', withQuery(`/measures/${route}`, { org, period })),
    enabled: org !== undefined,
    placeholderData: keepPreviousData,
  });
}

/** `GET /measures/engagement?org&period`: per platform, per organization, top posts. */
export const useEngagement = (org: string | undefined, period: string) =>
  useMeasure<EngagementAnswer>('engagement', org, period);

/** `GET /measures/posting-time?org&period`: weekday × hour, media kind, length band. */
export const usePostingTime = (org: string | undefined, period: string) =>
  useMeasure<PostingTimeAnswer>('posting-time', org, period);

/** `GET /measures/follower-growth?org&period`: followers per channel at the period's start and end. */
export const useFollowerGrowth = (org: string | undefined, period: string) =>
  useMeasure<FollowerGrowthAnswer>('follower-growth', org, period);
