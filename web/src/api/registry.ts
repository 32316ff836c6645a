/** The plain records, one set of endpoints a kind: `/{kind}` list, create; `/{kind}/:id` change, delete. */
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { askAgain } from './answers.js';
import { api, withQuery } from './client.js';
import type { Page, RegistryKind, RegistryRows } from './types.js';

export interface RecordsQuery {
  org?: string | undefined;
  period?: string | undefined;
  parentId?: number | undefined;
  page?: number;
  pageSize?: number;
}

/** `GET /{kind}?org&period&parentId&page&pageSize`. */
export function useRecords<K extends RegistryKind>(kind: K, query: RecordsQuery, enabled = true) {
  return useQuery({
    queryKey: [kind, query],
    queryFn: () => api<Page<RegistryRows[K]>>('GET', withQuery(`/${kind}`, { ...query })),
    placeholderData: keepPreviousData,
    enabled,
  });
}

/** `POST /{kind}`. */
export function useCreateRecord(kind: RegistryKind) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: Record<string, unknown>) => api<RegistryRows[typeof kind]>('POST', `/${kind}`, input),
    onSuccess: () => askAgain(client),
  });
}

/** `PATCH /{kind}/:id`. */
export function useUpdateRecord(kind: RegistryKind) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, change }: { id: number; change: Record<string, unknown> }) =>
      api<RegistryRows[typeof kind]>('PATCH', `/${kind}/${id}`, change),
    onSuccess: () => askAgain(client),
  });
}

/** `DELETE /{kind}/:id`. */
export function useDeleteRecord(kind: RegistryKind) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: number) => api<void>('DELETE', `/${kind}/${id}`),
    onSuccess: () => askAgain(client),
  });
}
