/** The signed-in user: who, their abilities and CSRF token; signing in and out; their language. */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { UiLang } from '../../../src/shared/vocabulary.js';
import { allButSession, askAgain, SESSION_KEY } from './answers.js';
import { api, ApiError, setCsrfToken } from './client.js';
import type { Session } from './types.js';

/** `GET /session`; `null` when nobody is signed in. */
export function useSession() {
  return useQuery({
    queryKey: SESSION_KEY,
    queryFn: async (): Promise<Session | null> => {
      try {
        const session = await api<Session>('GET', '/session');
        setCsrfToken(session.csrfToken);
        return session;
      } catch (error) {
        if (error instanceof ApiError && error.status === 401) return null;
        throw error;
      }
    },
    staleTime: Infinity,
    retry: false,
  });
}

/** `POST /session`. */
export function useSignIn() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (credentials: { login: string; password: string }) =>
      api<Session>('POST', '/session', credentials),
    onSuccess: (session) => {
      setCsrfToken(session.csrfToken);
      // Another user's answers must not show.
      client.removeQueries(allButSession);
      client.setQueryData(SESSION_KEY, session);
    },
  });
}

/** `DELETE /session`. */
export function useSignOut() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => api<void>('DELETE', '/session'),
    onSuccess: () => {
      setCsrfToken('');
      client.removeQueries(allButSession);
      client.setQueryData(SESSION_KEY, null);
    },
  });
}

/** `PUT /session/lang`: the language is remembered for the user; answers in the old language are refetched. */
export function useSetLanguage() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (lang: UiLang) => api<void>('PUT', '/session/lang', { lang }),
    onSuccess: (_nothing, lang) => {
      client.setQueryData<Session | null>(SESSION_KEY, (session) =>
        session ? { ...session, user: { ...session.user, lang } } : session,
      );
      return askAgain(client);
    },
  });
}
