/** A channel's access token: `PUT /channels/:code/token` sets or replaces it, `DELETE` clears it; never read back. */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { askAgain } from './answers.js';
import { api } from './client.js';
import type { TokenStatus } from './types.js';

export function useSetChannelToken(code: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: { token: string; expiresOn?: string }) =>
      api<TokenStatus>('PUT', `/channels/${encodeURIComponent(code)}/token`, input),
    onSuccess: () => askAgain(client),
  });
}

export function useClearChannelToken(code: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => api<TokenStatus>('DELETE', `/channels/${encodeURIComponent(code)}/token`),
    onSuccess: () => askAgain(client),
  });
}
