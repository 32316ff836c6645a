/**
 * Users, their sessions and API tokens, and failed sign-ins by login and address. Signing in looks a user up by
 * login or a token by its hash before any scope exists; everything else reads users within the caller's scope.
 */
import { type Kysely, type Selectable, sql, type Updateable } from 'kysely';
import type { OrgScope } from '../../domain/scope.js';
import type { AppUserTable, Database } from '../schema.js';
import { toBool } from '../rows.js';
import { inScope } from '../scope.js';

export type UserRow = Omit<Selectable<AppUserTable>, 'disabled'> & { disabled: boolean };

/** A user as shown: never the password hash. */
export type User = Omit<UserRow, 'passwordHash'> & {
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
  row: Omit<Selectable<AppUserTable>, 'id' | 'disabled'>,
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

/**
 * Takes the next sign-in attempt of a login from an address, unless it must wait: counts it (from 1 again when
 * the last failure is older than `forgetBefore`) and blocks the pair until `inFlightUntil`, so that attempts
 * sent at once are checked one at a time. One statement, so that every server process sees the same count.
 * The attempt's number; undefined while the pair waits.
 */
export async function claimLoginAttempt(
  db: Kysely<Database>,
  attempt: { login: string; address: string; now: string; forgetBefore: string; inFlightUntil: string },
): Promise<number | undefined> {
  const stale = sql<boolean>`login_attempt.last_failure_at < ${attempt.forgetBefore}`;
  const row = await db
    .insertInto('loginAttempt')
    .values({
      login: attempt.login,
      address: attempt.address,
      failures: 1,
      lastFailureAt: attempt.now,
      blockedUntil: attempt.inFlightUntil,
    })
    .onConflict((conflict) =>
      conflict
        .columns(['login', 'address'])
        .doUpdateSet({
          failures: sql<number>`case when ${stale} then 1 else login_attempt.failures + 1 end`,
          lastFailureAt: (eb) => eb.ref('excluded.lastFailureAt'),
          blockedUntil: (eb) => eb.ref('excluded.blockedUntil'),
        })
        .where((eb) =>
          eb.or([
            eb('loginAttempt.blockedUntil', 'is', null),
            eb('loginAttempt.blockedUntil', '<=', attempt.now),
            stale,
          ]),
        ),
    )
    .returning('failures')
    .executeTakeFirst();
  return row?.failures;
}

/** Until when the pair's next attempt waits, if it does. */
export async function loginBlockedUntil(
  db: Kysely<Database>,
  login: string,
  address: string,
): Promise<string | null> {
  const row = await db
    .selectFrom('loginAttempt')
    .select('blockedUntil')
    .where('login', '=', login)
    .where('address', '=', address)
    .executeTakeFirst();
  return row?.blockedUntil ?? null;
}

/** Ends an attempt that failed: the pair's next one waits until `blockedUntil` (null: not at all). */
export async function failLoginAttempt(
  db: Kysely<Database>,
  attempt: { login: string; address: string; now: string; blockedUntil: string | null; forgetBefore: string },
): Promise<void> {
  await db
    .updateTable('loginAttempt')
    .set({ lastFailureAt: attempt.now, blockedUntil: attempt.blockedUntil })
    .where('login', '=', attempt.login)
    .where('address', '=', attempt.address)
    .execute();
  // Pairs quiet since `forgetBefore` count from 1 again anyway: their rows only take room.
  await db.deleteFrom('loginAttempt').where('lastFailureAt', '<', attempt.forgetBefore).execute();
}

/** A sign-in that succeeded forgets the pair's failures. */
export async function forgetLoginAttempts(
  db: Kysely<Database>,
  login: string,
  address: string,
): Promise<void> {
  await db.deleteFrom('loginAttempt').where('login', '=', login).where('address', '=', address).execute();
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

/** Ends the user's sessions, but for the one `keep` (its id) when given. */
export async function deleteSessionsOf(db: Kysely<Database>, userId: number, keep?: number): Promise<void> {
  let query = db.deleteFrom('userSession').where('userId', '=', userId);
  if (keep !== undefined) query = query.where('id', '<>', keep);
  await query.execute();
}

export async function insertApiToken(
  db: Kysely<Database>,
  row: { tokenHash: string; userId: number; name: string; createdAt: string; expiresAt: string },
): Promise<number> {
  const { id } = await db.insertInto('apiToken').values(row).returning('id').executeTakeFirstOrThrow();
  return id;
}

/** The unrevoked token with this hash, with its user, when it was last used and when it expires. */
export async function findApiToken(db: Kysely<Database>, tokenHash: string) {
  const row = await db
    .selectFrom('apiToken as t')
    .innerJoin('appUser as u', 'u.id', 't.userId')
    .select(['t.id as tokenId', 't.lastUsedAt', 't.expiresAt', ...SIGNED_IN_COLUMNS])
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
    .select(['id', 'name', 'createdAt', 'expiresAt', 'lastUsedAt', 'revokedAt'])
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

/** Revokes every token of the user still in force. */
export async function revokeApiTokensOf(db: Kysely<Database>, userId: number, now: string): Promise<void> {
  await db
    .updateTable('apiToken')
    .set({ revokedAt: now })
    .where('userId', '=', userId)
    .where('revokedAt', 'is', null)
    .execute();
}
