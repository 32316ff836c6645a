/** The signed-in session for the pages: the user and what their role allows. */
import { createContext, useContext } from 'react';
import type { Action, Session } from '../api/types.js';

export const SessionContext = createContext<Session | null>(null);

export function useCurrentSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useCurrentSession outside a signed-in page');
  return session;
}

/** Whether the user's role allows the action on the resource (the server still checks). */
export function useCan(resource: string, action: Action = 'write'): boolean {
  return useCurrentSession().abilities[resource]?.includes(action) ?? false;
}
