/**
 * Collection: `GET /collections?org` each channel's health for the Channels page, `GET /channels/:code/collections`
 * one channel's health with its runs, `POST /channels/:code/collect` collecting it now.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  ChannelCollection,
  ChannelHealth,
  CollectionRun,
  ToldError,
} from '../../../src/shared/work.schema.js';
import { askAgain } from './answers.js';
import { api, withQuery } from './client.js';

export type { ChannelCollection, ChannelHealth, CollectionRun, ToldError };

export function useCollections(org: string | undefined) {
  return useQuery({
    queryKey: ['collections', org],
    queryFn: () => api<{ items: ChannelHealth[] }>('GET', withQuery('/collections', { org })),
    enabled: org !== undefined,
  });
}

export function useChannelCollections(code: string) {
  return useQuery({
    queryKey: ['collections', 'channel', code],
    queryFn: () =>
      api<ChannelHealth & { runs: CollectionRun[] }>(
        'GET',
        `/channels/${encodeURIComponent(code)}/collections`,
      ),
  });
}

export function useCollectNow(code: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => api<ChannelCollection>('POST', `/channels/${encodeURIComponent(code)}/collect`),
    onSuccess: () => askAgain(client),
  });
}
