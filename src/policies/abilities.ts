/**
 * What each role may do, by resource. Where a record lies is the scope's business (actor.ts): these rules say
 * only whether the role may read or change a kind of record at all. The server sends them to the web
 * application, which hides what the user may not do, and still refuses it.
 */
import { ForbiddenError } from '../domain/errors.js';
import type { Role } from '../shared/vocabulary.js';
import { type Actor, roleOf } from './actor.js';

export const RESOURCES = [
  'organizations',
  'membership',
  'people',
  'channels',
  'audience',
  'publications',
  'outlets',
  'mentions',
  'subscriptions',
  'materials',
  'events',
  'decisions',
  'app-usage',
  'targets',
  'imports',
  'attribution-rules',
  'settings',
  'measures',
  'briefs',
  'users',
  'audit',
] as const;
export type Resource = (typeof RESOURCES)[number];

export const ACTIONS = ['read', 'write'] as const;
export type Action = (typeof ACTIONS)[number];

/** Read by every role (within its scope). */
const READ_BY_ALL: readonly Resource[] = RESOURCES.filter((resource) => resource !== 'audit');

/** What each role may change; `admin` may change everything. */
const WRITES: Readonly<Record<Exclude<Role, 'admin'>, readonly Resource[]>> = {
  // A manager runs the subtree of their organization, its users included; installation settings are the admin's.
  manager: RESOURCES.filter((resource) => resource !== 'settings' && resource !== 'measures'),
  editor: ['publications', 'mentions', 'imports'],
  viewer: [],
};

const READS: Readonly<Record<Exclude<Role, 'admin'>, readonly Resource[]>> = {
  manager: RESOURCES,
  editor: READ_BY_ALL,
  viewer: READ_BY_ALL,
};

export function may(actor: Actor, action: Action, resource: Resource): boolean {
  if (actor.kind === 'system' || actor.role === 'admin') return true;
  return (action === 'read' ? READS : WRITES)[actor.role].includes(resource);
}

/** Throws `forbidden` (403) unless the actor may do the action on the resource. */
export function authorize(actor: Actor, action: Action, resource: Resource): void {
  if (!may(actor, action, resource)) {
    throw new ForbiddenError(roleOf(actor));
  }
}

/** Everything the actor may do, by resource: what the web application shows. */
export function abilitiesOf(actor: Actor): Record<Resource, Action[]> {
  return Object.fromEntries(
    RESOURCES.map((resource) => [resource, ACTIONS.filter((action) => may(actor, action, resource))]),
  ) as Record<Resource, Action[]>;
}

/** Roles an actor may grant: an administrator any, a manager the roles below theirs. */
export function mayGrant(actor: Actor, role: Role): boolean {
  if (actor.kind === 'system' || actor.role === 'admin') return true;
  return actor.role === 'manager' && role !== 'admin';
}
