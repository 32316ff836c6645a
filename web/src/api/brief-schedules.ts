/** Briefs e-mailed on a schedule: `GET`/`POST /brief-schedules`, `DELETE /brief-schedules/:id`. */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ReportLang } from '../../../src/shared/vocabulary.js';
import { askAgain } from './answers.js';
import { BRIEF_FORMATS } from './briefs.js';
import { api } from './client.js';
import type { BriefSchedule } from '../../../src/shared/work.schema.js';

export const SCHEDULE_EVERY = ['month', 'quarter', 'half', 'year'] as const;
export type ScheduleEvery = (typeof SCHEDULE_EVERY)[number];
/** The brief's formats, and PDF made from its Word file. */
export const SCHEDULE_FORMATS = [...BRIEF_FORMATS, 'pdf'] as const;
export type ScheduleFormat = (typeof SCHEDULE_FORMATS)[number];

export interface BriefScheduleInput {
  org: string;
  every: ScheduleEvery;
  langs: ReportLang[];
  formats: ScheduleFormat[];
  to: string[];
}

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
