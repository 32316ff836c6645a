/**
 * Collection: `GET /collections?org` each channel's health for the Channels page, `GET /channels/:code/collections`
 * one channel's health with its runs, `POST /channels/:code/collect` collecting it now.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Platform } from '../../../src/shared/vocabulary.js';
import { askAgain } from './answers.js';
import { api, withQuery } from './client.js';
import type { TokenStatus } from './types.js';

/** An error with its message in the user's language; a skipped run's reason has none (the page words it). */
export interface ToldError {
  code: string;
  params: Record<string, string | number>;
  message: string | null;
}

export interface ChannelHealth {
  channel: string;
  /** The platform whose collector reads the channel; null when none does. */
  collector: Platform | null;
  /** Why the collector does not read it now; null when it does. */
  blocked: string | null;
  lastSuccessAt: string | null;
  lastRunAt: string | null;
  nextRunAt: string | null;
  failingSince: string | null;
  lastError: ToldError | null;
  token: TokenStatus & { expired: boolean };
  /** Audience snapshots of the last 30 days, oldest first. */
  followers: { asOf: string; followers: number }[];
}

export interface CollectionRun {
  id: number;
  trigger: 'manual' | 'schedule';
  startedAt: string;
  finishedAt: string | null;
  status: 'running' | 'ok' | 'failed' | 'skipped';
  new: number;
  updated: number;
  unchanged: number;
  rejected: number;
  followers: number | null;
  batchId: number | null;
  error: ToldError | null;
}

export interface ChannelCollection {
  channel: string;
  new: number;
  updated: number;
  unchanged: number;
  rejected: number;
  followers: number | null;
  error: ToldError | null;
  skipped: string | null;
}

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
