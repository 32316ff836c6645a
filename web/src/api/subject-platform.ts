/** Publications by subject organization × platform for an organization and period. */
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { SubjectPlatformAnswer } from '../../../src/shared/subject-platform.schema.js';
import { api, withQuery } from './client.js';

/** `GET /measures/publications-by-subject-platform?org&period`. */
export function useSubjectPlatform(org: string | undefined, period: string) {
  return useQuery({
    queryKey: ['subject-platform', org, period],
    queryFn: () =>
      api<SubjectPlatformAnswer>(
        'GET',
        withQuery('/measures/publications-by-subject-platform', { org, period }),
      ),
    enabled: org !== undefined,
    placeholderData: keepPreviousData,
  });
}
