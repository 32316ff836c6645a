/**
 * Users, their sessions and API tokens. Signing in looks a user up by login or a token by its hash before any
 * scope exists; everything else reads users within the caller's scope.
 */
import type { Kysely, Selectable, Updateable } from 'kysely';
import type { OrgScope } from '../../domain/scope.js';
import type { AppUserTable, Database } from '../schema.js';
import { toBool } from '../rows.js';
import { inScope } from '../scope.js';

export type UserRow = Omit<Selectable<AppUserTable>, 'disabled'> & { disabled: boolean };

/** A user as shown: never the password hash. */
export type User = Omit<UserRow, 'passwordHash' | 'failedLogins' | 'lockedUntil'> & {
  orgCode: string | null;
};

const USER_COLUMNS = [
  'u.id',
  'u.login',
  'u.role',
  'u.orgId',
  'u.name',
  'u.lang',
  'u.disabled',
  'u.createdAt',
  'o.code as orgCode',
] as const;

/** What a request signed in by a session or a token needs of its user. */
const SIGNED_IN_COLUMNS = ['u.id', 'u.login', 'u.role', 'u.orgId', 'u.lang', 'u.disabled'] as const;

function present<R extends { disabled: boolean | number }>(row: R): R & { disabled: boolean } {
  return { ...row, disabled: toBool(row.disabled) };
}

export async function insertUser(
  db: Kysely<Database>,
  row: Omit<Selectable<AppUserTable>, 'id' | 'failedLogins' | 'lockedUntil' | 'disabled'>,
): Promise<number> {
  const { id } = await db.insertInto('appUser').values(row).returning('id').executeTakeFirstOrThrow();
  return id;
}

export async function countUsers(db: Kysely<Database>): Promise<number> {
  const row = await db
    .selectFrom('appUser')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** For signing in only: the user with this login, hash included. */
export async function findUserForLogin(db: Kysely<Database>, login: string): Promise<UserRow | undefined> {
  const row = await db.selectFrom('appUser').selectAll().where('login', '=', login).executeTakeFirst();
  return row && present(row);
}

function usersInScope(db: Kysely<Database>, scope: OrgScope) {
  // An administrator without an organization is visible to those who see the whole tree only.
  return db
    .selectFrom('appUser as u')
    .leftJoin('organization as o', 'o.id', 'u.orgId')
    .select(USER_COLUMNS)
    .where(inScope(scope, 'u.orgId'));
}

export async function listUsers(db: Kysely<Database>, scope: OrgScope): Promise<User[]> {
  const rows = await usersInScope(db, scope).orderBy('u.login').execute();
  return rows.map(present);
}

export async function findUser(db: Kysely<Database>, scope: OrgScope, id: number): Promise<User | undefined> {
  const row = await usersInScope(db, scope).where('u.id', '=', id).executeTakeFirst();
  return row && present(row);
}

export async function updateUser(
  db: Kysely<Database>,
  id: number,
  values: Omit<Updateable<AppUserTable>, 'id' | 'createdAt'>,
): Promise<void> {
  await db.updateTable('appUser').set(values).where('id', '=', id).execute();
}

/** Counts a failed sign-in; the count after it. */
export async function addLoginFailure(db: Kysely<Database>, id: number): Promise<number> {
  const row = await db
    .updateTable('appUser')
    .set((eb) => ({ failedLogins: eb('failedLogins', '+', 1) }))
    .where('id', '=', id)
    .returning('failedLogins')
    .executeTakeFirstOrThrow();
  return row.failedLogins;
}

export async function insertSession(
  db: Kysely<Database>,
  row: { tokenHash: string; userId: number; csrfToken: string; createdAt: string; expiresAt: string },
): Promise<void> {
  await db.insertInto('userSession').values(row).execute();
}

/** The live session with this token hash, with its user. */
export async function findSession(db: Kysely<Database>, tokenHash: string, now: string) {
  const row = await db
    .selectFrom('userSession as s')
    .innerJoin('appUser as u', 'u.id', 's.userId')
    .select(['s.id as sessionId', 's.csrfToken', ...SIGNED_IN_COLUMNS])
    .where('s.tokenHash', '=', tokenHash)
    .where('s.expiresAt', '>', now)
    .executeTakeFirst();
  return row && present(row);
}

export async function deleteSession(db: Kysely<Database>, tokenHash: string): Promise<void> {
  await db.deleteFrom('userSession').where('tokenHash', '=', tokenHash).execute();
}

export async function deleteSessionsOf(db: Kysely<Database>, userId: number): Promise<void> {
  await db.deleteFrom('userSession').where('userId', '=', userId).execute();
}

export async function insertApiToken(
  db: Kysely<Database>,
  row: { tokenHash: string; userId: number; name: string; createdAt: string },
): Promise<number> {
  const { id } = await db.insertInto('apiToken').values(row).returning('id').executeTakeFirstOrThrow();
  return id;
}

/** The unrevoked token with this hash, with its user and when it was last used. */
export async function findApiToken(db: Kysely<Database>, tokenHash: string) {
  const row = await db
    .selectFrom('apiToken as t')
    .innerJoin('appUser as u', 'u.id', 't.userId')
    .select(['t.id as tokenId', 't.lastUsedAt', ...SIGNED_IN_COLUMNS])
    .where('t.tokenHash', '=', tokenHash)
    .where('t.revokedAt', 'is', null)
    .executeTakeFirst();
  return row && present(row);
}

export async function markApiTokenUsed(db: Kysely<Database>, id: number, now: string): Promise<void> {
  await db.updateTable('apiToken').set({ lastUsedAt: now }).where('id', '=', id).execute();
}

export async function listApiTokens(db: Kysely<Database>, userId: number) {
  return db
    .selectFrom('apiToken')
    .select(['id', 'name', 'createdAt', 'lastUsedAt', 'revokedAt'])
    .where('userId', '=', userId)
    .orderBy('id')
    .execute();
}

export async function revokeApiToken(
  db: Kysely<Database>,
  userId: number,
  id: number,
  now: string,
): Promise<boolean> {
  const result = await db
    .updateTable('apiToken')
    .set({ revokedAt: now })
    .where('id', '=', id)
    .where('userId', '=', userId)
    .where('revokedAt', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}
