/** Briefs e-mailed on a schedule: `GET`/`POST /brief-schedules`, `DELETE /brief-schedules/:id`. */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { BriefScheduleInput } from '../../../src/shared/brief-schedule.schema.js';
import { GRANULARITIES, SCHEDULE_FORMATS, type ScheduleFormat } from '../../../src/shared/vocabulary.js';
import { askAgain } from './answers.js';
import { api } from './client.js';
import type { BriefSchedule } from '../../../src/shared/work.schema.js';

/** How often, the shortest first as the form offers it. */
export const SCHEDULE_EVERY = [...GRANULARITIES].reverse();
export type { BriefScheduleInput, ScheduleFormat };
export { SCHEDULE_FORMATS };

export type { BriefSchedule };

const KEY = ['brief-schedules'];

/** `GET /brief-schedules`: asked only of those who may change them. */
export function useBriefSchedules(enabled: boolean) {
  return useQuery({
    queryKey: KEY,
    queryFn: async () => (await api<{ items: BriefSchedule[] }>('GET', '/brief-schedules')).items,
    enabled,
  });
}

export function useAddBriefSchedule() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: BriefScheduleInput) => api<BriefSchedule>('POST', '/brief-schedules', input),
    onSuccess: () => askAgain(client, { queryKey: KEY }),
  });
}

export function useRemoveBriefSchedule() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: number) => api<void>('DELETE', `/brief-schedules/${id}`),
    onSuccess: () => askAgain(client, { queryKey: KEY }),
  });
}
