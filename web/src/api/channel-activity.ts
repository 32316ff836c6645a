/** The channels' followers, publications in the period, latest publication and activity. */
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { ChannelActivityAnswer } from '../../../src/shared/channel-activity.schema.js';
import { api, withQuery } from './client.js';

/** `GET /measures/channel-activity?org&period`. */
export function useChannelActivity(org: string | undefined, period: string) {
  return useQuery({
    queryKey: ['channel-activity', org, period],
    queryFn: () =>
      api<ChannelActivityAnswer>('GET', withQuery('/measures/channel-activity', { org, period })),
    enabled: org !== undefined,
    placeholderData: keepPreviousData,
  });
}
