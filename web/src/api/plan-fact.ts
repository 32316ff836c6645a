/** The content plan against fact (`GET /plan/fact`) and the organization's targets of a year (the `targets` records). */
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { PlanFactAnswer } from '../../../src/shared/plan-fact.schema.js';
import type { Page, RegistryRows } from '../../../src/shared/records.schema.js';
import type { TargetMetric } from '../../../src/shared/vocabulary.js';
import { askAgain } from './answers.js';
import { api, withQuery } from './client.js';

export type TargetRow = RegistryRows['targets'];

/** `GET /plan/fact?org&period`: each target against its fact, told in the user's language. */
export function usePlanFact(org: string | undefined, period: string) {
  return useQuery({
    queryKey: ['plan-fact', org, period],
    queryFn: () => api<PlanFactAnswer>('GET', withQuery('/plan/fact', { org, period })),
    enabled: org !== undefined,
    placeholderData: keepPreviousData,
  });
}

/** `GET /targets?org`: the organization's own targets of the year (the list holds its subtree's). */
export function useTargets(org: string | undefined, year: number) {
  return useQuery({
    queryKey: ['targets', org],
    queryFn: () => api<Page<TargetRow>>('GET', withQuery('/targets', { org, pageSize: 500 })),
    enabled: org !== undefined,
    select: (page) => page.items.filter((row) => row.orgCode === org && row.year === year),
  });
}

/** `POST /targets`, or `PATCH /targets/:id` where the year already has the metric. */
export function useSaveTarget() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: { id?: number; org: string; metric: TargetMetric; year: number; value: number }) =>
      input.id === undefined
        ? api<TargetRow>('POST', '/targets', {
            org: input.org,
            metric: input.metric,
            year: input.year,
            value: input.value,
          })
        : api<TargetRow>('PATCH', `/targets/${input.id}`, { value: input.value }),
    onSuccess: () => askAgain(client),
  });
}

/** `DELETE /targets/:id`. */
export function useDeleteTarget() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: number) => api<void>('DELETE', `/targets/${id}`),
    onSuccess: () => askAgain(client),
  });
}
