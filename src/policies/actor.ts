/** Who is acting, and the part of the organization tree that follows from it. */
import { type OrgScope, subtreesOf, WHOLE_TREE } from '../domain/scope.js';
import type { Role } from '../shared/vocabulary.js';

/** The CLI on the operator's own machine acts as the system; the server acts for a signed-in user. */
export type Actor = { kind: 'system' } | { kind: 'user'; userId: number; role: Role; orgId: number };

export const SYSTEM: Actor = { kind: 'system' };

export function scopeOf(actor: Actor): OrgScope {
  if (actor.kind === 'system' || actor.role === 'admin') return WHOLE_TREE;
  return subtreesOf([actor.orgId]);
}
