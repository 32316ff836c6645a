/** The installation's settings (rule thresholds, presence window), attribution rules, and users. */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { SettingsInput } from '../../../src/shared/settings.schema.js';
import type { RuleKind, UiLang, Role } from '../../../src/shared/vocabulary.js';
import { askAgain } from './answers.js';
import { api, withQuery } from './client.js';
import type { User } from './types.js';
import type { AttributionRule, Settings } from '../../../src/shared/work.schema.js';

export type { Settings };

/** `GET /settings`. */
export function useSettings() {
  return useQuery({ queryKey: ['settings'], queryFn: () => api<Settings>('GET', '/settings') });
}

/** `PATCH /settings`. */
export function useChangeSettings() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (change: SettingsInput) => api<Settings>('PATCH', '/settings', change),
    onSuccess: () => askAgain(client),
  });
}

export type { AttributionRule };

/** `GET /attribution-rules?org`. */
export function useAttributionRules(org: string | undefined) {
  return useQuery({
    queryKey: ['attribution-rules', org],
    queryFn: async () =>
      (await api<{ items: AttributionRule[] }>('GET', withQuery('/attribution-rules', { org }))).items,
  });
}

/** `POST /attribution-rules`. */
export function useAddAttributionRule() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (rule: { org: string; kind: RuleKind; pattern: string }) =>
      api<{ id: number }>('POST', '/attribution-rules', rule),
    onSuccess: () => askAgain(client, { queryKey: ['attribution-rules'] }),
  });
}

/** `DELETE /attribution-rules/:id`. */
export function useRemoveAttributionRule() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: number) => api<void>('DELETE', `/attribution-rules/${id}`),
    onSuccess: () => askAgain(client, { queryKey: ['attribution-rules'] }),
  });
}

/** `GET /users`. */
export function useUsers() {
  return useQuery({
    queryKey: ['users'],
    queryFn: async () => (await api<{ items: User[] }>('GET', '/users')).items,
  });
}

/** `POST /users`: without a password the server generates one and shows it once. */
export function useAddUser() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (user: { login: string; role: Role; org?: string; name?: string; lang: UiLang }) =>
      api<{ user: User; generatedPassword?: string }>('POST', '/users', user),
    onSuccess: () => askAgain(client, { queryKey: ['users'] }),
  });
}

/** `PATCH /users/:id`. */
export function useChangeUser() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, change }: { id: number; change: { role?: Role; disabled?: boolean } }) =>
      api<User>('PATCH', `/users/${id}`, change),
    onSuccess: () => askAgain(client, { queryKey: ['users'] }),
  });
}
