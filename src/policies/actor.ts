/** Who is acting, and the part of the organization tree that follows from it. */
import { type OrgScope, subtreesOf, WHOLE_TREE } from '../domain/scope.js';
import type { Role } from '../shared/vocabulary.js';

/**
 * The CLI on the operator's own machine acts as the system; the server acts for a signed-in user. An
 * administrator may belong to no organization; anyone else sees only the subtree of theirs.
 */
export type Actor =
  | { kind: 'system' }
  | { kind: 'user'; userId: number; login: string; role: Role; orgId: number | null; via?: SignedInBy };

/** What a request was signed in by: a session (cookie) or an API token, with its id. */
export interface SignedInBy {
  kind: 'session' | 'token';
  id: number;
}

export const SYSTEM: Actor = { kind: 'system' };

/** Nobody signed in: a reader of no organization, who sees nothing and may change nothing. */
export const NOBODY: Actor = { kind: 'user', userId: 0, login: '', role: 'viewer', orgId: null };

export function scopeOf(actor: Actor): OrgScope {
  if (actor.kind === 'system' || actor.role === 'admin') return WHOLE_TREE;
  return subtreesOf(actor.orgId === null ? [] : [actor.orgId]);
}

/** The actor's role, as messages name it. */
export function roleOf(actor: Actor): string {
  return actor.kind === 'user' ? actor.role : 'system';
}

/** The user behind the actor, for the audit log; none for the system. */
export function userIdOf(actor: Actor): number | null {
  return actor.kind === 'user' && actor.userId > 0 ? actor.userId : null;
}
