/** Publications of the subtree: the filtered list, one in full, correcting its labels (with the values to undo). */
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  PublicationDetail,
  PublicationFilter,
  PublicationPage,
  PublicationPatch,
  PublicationPatchResult,
} from '../../../src/shared/dashboard.js';
import { askAgain } from './answers.js';
import { api, withQuery } from './client.js';

/** `GET /publications?org&period&channel&platform&topic&repost&declarative&q&page&pageSize`. */
export function usePublications(
  filter: PublicationFilter & { page: number; pageSize: number },
  enabled = true,
) {
  return useQuery({
    queryKey: ['publications', filter],
    queryFn: () => api<PublicationPage>('GET', withQuery('/publications', { ...filter })),
    placeholderData: keepPreviousData,
    enabled,
  });
}

/** `GET /publications/:id`. */
export function usePublication(id: number | undefined) {
  return useQuery({
    queryKey: ['publications', id],
    queryFn: () => api<PublicationDetail>('GET', `/publications/${id}`),
    enabled: id !== undefined,
  });
}

/** `PATCH /publications/:id`: every measure may change, so every cached answer is asked again. */
export function useCorrectPublication() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, patch }: { id: number; patch: PublicationPatch }) =>
      api<PublicationPatchResult>('PATCH', `/publications/${id}`, patch),
    onSuccess: () => askAgain(client),
  });
}
