/**
 * Users and signing in: passwords hashed with argon2id, a lock-out after repeated failures, sessions and API
 * tokens kept in the database as SHA-256 hashes of random tokens (so several servers share them and a dump of
 * the database lets nobody in).
 */
import { createHash, randomBytes } from 'node:crypto';
import { hash, verify } from '@node-rs/argon2';
import { ConflictError, NotFoundError, UnauthenticatedError, ValidationError } from '../domain/errors.js';
import { type Actor, roleOf } from '../policies/actor.js';
import { abilitiesOf, authorize, mayGrant } from '../policies/abilities.js';
import { ForbiddenError } from '../domain/errors.js';
import { userChange, type UserChange, userInput, type UserInput } from '../shared/schemas.js';
import type { Role, UiLang } from '../shared/vocabulary.js';
import {
  addLoginFailure,
  countUsers,
  deleteSession,
  deleteSessionsOf,
  findApiToken,
  findSession,
  findUser,
  findUserForLogin,
  insertApiToken,
  insertSession,
  insertUser,
  listApiTokens,
  listUsers as listUserRows,
  markApiTokenUsed,
  revokeApiToken,
  updateUser,
  type User,
} from '../storage/repositories/user.repository.js';
import { recordChange } from './audit.service.js';
import { type Context, inTransaction, scopeOfContext } from './context.js';
import { memoOf } from './data-cache.js';
import { References } from './records.service.js';
import { parseInput } from './validate.js';

export type { User };

/** Failed sign-ins in a row before the login is locked, and for how long. */
export const MAX_LOGIN_FAILURES = 5;
export const LOCK_MINUTES = 15;
export const SESSION_HOURS = 12;

// argon2id with the library's defaults (19 MiB, 2 passes), the OWASP minimum.
const hashPassword = (password: string) => hash(password);

/** Verifying against this when the login is unknown keeps the answer's timing from telling logins apart. */
let decoy: Promise<string> | undefined;

function newToken(): string {
  return randomBytes(32).toString('base64url');
}

export function tokenHash(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

function generatedPassword(): string {
  return randomBytes(12).toString('base64url');
}

/** Who the user is, as the policies see them. */
function actorOf(user: { id: number; login: string; role: Role; orgId: number | null }): Actor {
  return { kind: 'user', userId: user.id, login: user.login, role: user.role, orgId: user.orgId };
}

function userRecord(login: unknown): string {
  return `user ${typeof login === 'string' ? login : '?'}`;
}

export interface CreatedUser {
  user: User;
  /** The password when it was generated: shown once, never stored in clear. */
  generatedPassword?: string;
}

export async function createUser(ctx: Context, input: UserInput): Promise<CreatedUser> {
  authorize(ctx.actor, 'write', 'users');
  const record = userRecord(input?.login);
  const data = parseInput(userInput, input, record);
  if (!mayGrant(ctx.actor, data.role)) throw new ForbiddenError(roleOf(ctx.actor));
  const password = data.password ?? generatedPassword();
  const passwordHash = await hashPassword(password);
  return inTransaction(ctx, async (tx) => {
    const orgId = await orgOfUser(tx, record, data.role, data.org);
    if (await findUserForLogin(tx.db.kysely, data.login)) {
      throw new ConflictError('user_login_taken', { login: data.login }, record, [
        { path: 'login', code: 'taken', params: { value: data.login } },
      ]);
    }
    const id = await insertUser(tx.db.kysely, {
      login: data.login,
      passwordHash,
      role: data.role,
      orgId,
      name: data.name ?? null,
      lang: data.lang,
      createdAt: tx.clock().toISOString(),
    });
    const user = await getUserIn(tx, id);
    await recordChange(tx, { action: 'create', resource: 'users', recordId: id, orgId, after: user });
    return { user, ...(data.password ? {} : { generatedPassword: password }) };
  });
}

/** A non-administrator must belong to an organization in the caller's scope. */
async function orgOfUser(
  tx: Context,
  record: string,
  role: Role,
  org: string | undefined,
): Promise<number | null> {
  if (org !== undefined) return new References(tx, record).org(org);
  if (role === 'admin') return null;
  throw new ValidationError(record, [{ path: 'org', code: 'required' }]);
}

async function getUserIn(ctx: Context, id: number): Promise<User> {
  const user = await findUser(ctx.db.kysely, scopeOfContext(ctx), id);
  if (!user) throw new NotFoundError('not_found', {});
  return user;
}

export function listUsers(ctx: Context): Promise<User[]> {
  authorize(ctx.actor, 'read', 'users');
  return listUserRows(ctx.db.kysely, scopeOfContext(ctx));
}

export function getUser(ctx: Context, id: number): Promise<User> {
  authorize(ctx.actor, 'read', 'users');
  return getUserIn(ctx, id);
}

/** Changes a user in scope; a new password ends their sessions. A manager may not make anyone an admin. */
export async function changeUser(ctx: Context, id: number, input: UserChange): Promise<User> {
  authorize(ctx.actor, 'write', 'users');
  const before = await getUserIn(ctx, id);
  const record = userRecord(before.login);
  const data = parseInput(userChange, input, record);
  if (before.role === 'admin' || (data.role && !mayGrant(ctx.actor, data.role))) {
    if (!mayGrant(ctx.actor, 'admin')) throw new ForbiddenError(roleOf(ctx.actor));
  }
  const passwordHash = data.password ? await hashPassword(data.password) : undefined;
  return inTransaction(ctx, async (tx) => {
    const role = data.role ?? before.role;
    const orgId =
      data.org !== undefined || data.role
        ? await orgOfUser(tx, record, role, data.org ?? before.orgCode ?? undefined)
        : before.orgId;
    await updateUser(tx.db.kysely, id, {
      role,
      orgId,
      ...(data.name !== undefined ? { name: data.name } : {}),
      ...(data.lang ? { lang: data.lang } : {}),
      ...(data.disabled !== undefined ? { disabled: data.disabled } : {}),
      ...(passwordHash ? { passwordHash, failedLogins: 0, lockedUntil: null } : {}),
    });
    if (passwordHash || data.disabled) await deleteSessionsOf(tx.db.kysely, id);
    const after = await findUser(tx.db.kysely, { kind: 'all' }, id);
    await recordChange(tx, { action: 'update', resource: 'users', recordId: id, orgId, before, after });
    return after ?? before;
  });
}

/** The signed-in user's own language, remembered for their next visit. */
export async function setOwnLanguage(ctx: Context, lang: UiLang): Promise<void> {
  if (ctx.actor.kind === 'user') await updateUser(ctx.db.kysely, ctx.actor.userId, { lang });
}

export interface SignedIn {
  actor: Actor;
  lang: UiLang;
}

/**
 * Checks a login and password. Wrong ones count against the login; after MAX_LOGIN_FAILURES in a row it is
 * locked for LOCK_MINUTES, and says until when.
 */
export async function authenticate(ctx: Context, login: string, password: string): Promise<SignedIn> {
  const user = await findUserForLogin(ctx.db.kysely, login);
  if (!user || user.disabled) {
    decoy ??= hashPassword(newToken());
    await verify(await decoy, password);
    throw new UnauthenticatedError('login_failed');
  }
  const now = ctx.clock();
  if (user.lockedUntil && new Date(user.lockedUntil) > now) throw locked(login, user.lockedUntil);
  if (!(await verify(user.passwordHash, password))) {
    const failures = await addLoginFailure(ctx.db.kysely, user.id);
    if (failures < MAX_LOGIN_FAILURES) throw new UnauthenticatedError('login_failed');
    const until = new Date(now.getTime() + LOCK_MINUTES * 60_000).toISOString();
    await updateUser(ctx.db.kysely, user.id, { failedLogins: 0, lockedUntil: until });
    throw locked(login, until);
  }
  if (user.failedLogins > 0 || user.lockedUntil) {
    await updateUser(ctx.db.kysely, user.id, { failedLogins: 0, lockedUntil: null });
  }
  return { actor: actorOf(user), lang: user.lang };
}

function locked(login: string, until: string): UnauthenticatedError {
  return new UnauthenticatedError('login_locked', { login, until: until.slice(0, 16).replace('T', ' ') });
}

export interface Session {
  token: string;
  csrfToken: string;
  expiresAt: string;
}

export async function startSession(ctx: Context, actor: Actor): Promise<Session> {
  if (actor.kind !== 'user') throw new UnauthenticatedError();
  const token = newToken();
  const csrfToken = newToken();
  const now = ctx.clock();
  const expiresAt = new Date(now.getTime() + SESSION_HOURS * 3_600_000).toISOString();
  await insertSession(ctx.db.kysely, {
    tokenHash: tokenHash(token),
    userId: actor.userId,
    csrfToken,
    createdAt: now.toISOString(),
    expiresAt,
  });
  return { token, csrfToken, expiresAt };
}

/** The user behind a session cookie, and the CSRF token the session's requests must carry. */
export async function resolveSession(
  ctx: Context,
  token: string,
): Promise<(SignedIn & { csrfToken: string }) | undefined> {
  const row = await findSession(ctx.db.kysely, tokenHash(token), ctx.clock().toISOString());
  if (!row || row.disabled) return undefined;
  return { actor: actorOf(row), lang: row.lang, csrfToken: row.csrfToken };
}

export function endSession(ctx: Context, token: string): Promise<void> {
  return deleteSession(ctx.db.kysely, tokenHash(token));
}

/** A token for the signed-in user's automation; the token itself is shown once. */
export async function createApiToken(ctx: Context, name: string): Promise<{ id: number; token: string }> {
  if (ctx.actor.kind !== 'user') throw new UnauthenticatedError();
  const token = `aqp_${newToken()}`;
  const id = await insertApiToken(ctx.db.kysely, {
    tokenHash: tokenHash(token),
    userId: ctx.actor.userId,
    name,
    createdAt: ctx.clock().toISOString(),
  });
  return { id, token };
}

export function listOwnApiTokens(ctx: Context) {
  if (ctx.actor.kind !== 'user') throw new UnauthenticatedError();
  return listApiTokens(ctx.db.kysely, ctx.actor.userId);
}

export async function revokeOwnApiToken(ctx: Context, id: number): Promise<void> {
  if (ctx.actor.kind !== 'user') throw new UnauthenticatedError();
  if (!(await revokeApiToken(ctx.db.kysely, ctx.actor.userId, id, ctx.clock().toISOString()))) {
    throw new NotFoundError('not_found', {});
  }
}

/**
 * How often a token's last use is written: at most once a minute, so that reading with a token mostly writes
 * nothing, and leaves the data version that cached answers are keyed by as it is.
 */
export const TOKEN_USE_RECORDED_EVERY_MS = 60_000;

export async function resolveApiToken(ctx: Context, token: string): Promise<SignedIn | undefined> {
  const hash = tokenHash(token);
  const key = ['api_token', hash];
  // Remembered per data version: revoking the token or disabling its user is a commit, so a new version.
  const memo = await memoOf(ctx);
  const row = await memo.remember(key, () => findApiToken(ctx.db.kysely, hash));
  if (!row) {
    // Unknown tokens are not kept: guessed ones must not crowd the answers out.
    memo.forget(key);
    return undefined;
  }
  const now = ctx.clock();
  const since = now.getTime() - (row.lastUsedAt ? Date.parse(row.lastUsedAt) : NaN);
  // A last use after now is from a clock since set back: written anew, as a missing one is.
  if (!(since >= 0 && since < TOKEN_USE_RECORDED_EVERY_MS)) {
    await markApiTokenUsed(ctx.db.kysely, row.tokenId, now.toISOString());
  }
  if (row.disabled) return undefined;
  return { actor: actorOf(row), lang: row.lang };
}

/**
 * On the first start of an installation without users: an administrator `admin` with a generated password,
 * returned once for printing. Nothing when there are users already.
 */
export async function ensureAdmin(ctx: Context): Promise<{ login: string; password: string } | undefined> {
  if ((await countUsers(ctx.db.kysely)) > 0) return undefined;
  try {
    const created = await createUser(ctx, { login: 'admin', role: 'admin', name: 'Administrator' });
    return { login: created.user.login, password: created.generatedPassword ?? '' };
  } catch (error) {
    // Another server process created it first.
    if (error instanceof ConflictError || ctx.db.dialect.isUniqueViolation(error)) return undefined;
    throw error;
  }
}

/** What the signed-in user may do, by resource: the web application shows only these actions. */
export function abilitiesOfContext(ctx: Context) {
  return abilitiesOf(ctx.actor);
}

/** Sets a user's password by login (generated when none is given, and returned once); ends their sessions. */
export async function resetPassword(
  ctx: Context,
  login: string,
  password?: string,
): Promise<{ generatedPassword?: string }> {
  const user = (await listUsers(ctx)).find((candidate) => candidate.login === login);
  if (!user) throw new NotFoundError('user_unknown', { login });
  const chosen = password ?? generatedPassword();
  await changeUser(ctx, user.id, { password: chosen });
  return password ? {} : { generatedPassword: chosen };
}
