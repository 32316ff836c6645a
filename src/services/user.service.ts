/**
 * Users and signing in: passwords hashed with argon2id, failed sign-ins throttled per login and client address,
 * sessions and API tokens kept in the database as SHA-256 hashes of random tokens (so several servers share them
 * and a dump of the database lets nobody in).
 */
import { createHash, randomBytes } from 'node:crypto';
import { hash, verify } from '@node-rs/argon2';
import {
  ConflictError,
  DomainError,
  NotFoundError,
  UnauthenticatedError,
  ValidationError,
} from '../domain/errors.js';
import { type Actor, roleOf, type SignedInBy } from '../policies/actor.js';
import { abilitiesOf, authorize, mayGrant } from '../policies/abilities.js';
import { ForbiddenError } from '../domain/errors.js';
import {
  apiTokenInput,
  type ApiTokenInput,
  userChange,
  type UserChange,
  userInput,
  type UserInput,
} from '../shared/schemas.js';
import type { Role, UiLang } from '../shared/vocabulary.js';
import {
  claimLoginAttempt,
  countUsers,
  deleteSession,
  deleteSessionsOf,
  failLoginAttempt,
  findApiToken,
  findSession,
  findUser,
  findUserForLogin,
  forgetLoginAttempts,
  insertApiToken,
  insertSession,
  insertUser,
  listApiTokens,
  listUsers as listUserRows,
  loginBlockedUntil,
  markApiTokenUsed,
  revokeApiToken,
  revokeApiTokensOf,
  updateUser,
  type User,
} from '../storage/repositories/user.repository.js';
import { checkNewPassword } from './password-policy.js';
import { recordChange } from './audit.service.js';
import { type Context, inTransaction, scopeOfContext } from './context.js';
import { memoOf } from './data-cache.js';
import { References } from './records.service.js';
import { parseInput } from './validate.js';

export type { User };

/**
 * Sign-in throttling, per login and client address: FREE_LOGIN_FAILURES failures in a row are answered at once;
 * after them each further attempt waits, FIRST_LOGIN_WAIT_S after the last failure and twice as long after each
 * one more, at most MAX_LOGIN_WAIT_S. The owner signing in from another address never waits for an attacker.
 * A pair's count starts again after FORGET_LOGIN_FAILURES_H hours without a failure, or at a success.
 */
export const FREE_LOGIN_FAILURES = 5;
export const FIRST_LOGIN_WAIT_S = 30;
export const MAX_LOGIN_WAIT_S = 15 * 60;
export const FORGET_LOGIN_FAILURES_H = 24;
/** How long an attempt being checked holds the pair's next one back, should its process die meanwhile. */
const LOGIN_CHECK_S = 10;

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

/** Who the user is, as the policies see them, and what the request was signed in by. */
function actorOf(
  user: { id: number; login: string; role: Role; orgId: number | null },
  via?: SignedInBy,
): Actor {
  return {
    kind: 'user',
    userId: user.id,
    login: user.login,
    role: user.role,
    orgId: user.orgId,
    ...(via ? { via } : {}),
  };
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
  await checkNewPassword(password, record);
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

/**
 * Changes a user in scope. A new password ends their sessions (but for the one asking, when it is theirs) and
 * revokes their API tokens; disabling ends the sessions. A manager may not make anyone an admin.
 */
export async function changeUser(ctx: Context, id: number, input: UserChange): Promise<User> {
  authorize(ctx.actor, 'write', 'users');
  const before = await getUserIn(ctx, id);
  const record = userRecord(before.login);
  const data = parseInput(userChange, input, record);
  if (before.role === 'admin' || (data.role && !mayGrant(ctx.actor, data.role))) {
    if (!mayGrant(ctx.actor, 'admin')) throw new ForbiddenError(roleOf(ctx.actor));
  }
  if (data.password !== undefined) await checkNewPassword(data.password, record);
  const passwordHash = data.password !== undefined ? await hashPassword(data.password) : undefined;
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
      ...(passwordHash ? { passwordHash } : {}),
    });
    if (data.disabled) await deleteSessionsOf(tx.db.kysely, id);
    else if (passwordHash) await deleteSessionsOf(tx.db.kysely, id, ownSessionOf(ctx.actor, id));
    // Whoever had the old password may have made tokens with it.
    if (passwordHash) await revokeApiTokensOf(tx.db.kysely, id, tx.clock().toISOString());
    const after = await findUser(tx.db.kysely, { kind: 'all' }, id);
    await recordChange(tx, { action: 'update', resource: 'users', recordId: id, orgId, before, after });
    return after ?? before;
  });
}

/** The session the actor asks through, when the user is themselves: a change of their password keeps it. */
function ownSessionOf(actor: Actor, userId: number): number | undefined {
  return actor.kind === 'user' && actor.userId === userId && actor.via?.kind === 'session'
    ? actor.via.id
    : undefined;
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
 * Checks a login and password given from a client address (the CLI's own checks have none: `local`). A login
 * that does not exist is checked and throttled like one that does, against a decoy hash: neither the answer nor
 * its time tells which logins exist. While the pair waits, the answer says until when (`login_throttled`).
 */
export async function authenticate(
  ctx: Context,
  login: string,
  password: string,
  address = 'local',
): Promise<SignedIn> {
  const now = ctx.clock();
  const attempt = {
    login,
    address,
    now: now.toISOString(),
    forgetBefore: new Date(now.getTime() - FORGET_LOGIN_FAILURES_H * 3_600_000).toISOString(),
  };
  const failures = await claimLoginAttempt(ctx.db.kysely, {
    ...attempt,
    inFlightUntil: new Date(now.getTime() + LOGIN_CHECK_S * 1000).toISOString(),
  });
  if (failures === undefined) {
    const until = await loginBlockedUntil(ctx.db.kysely, login, address);
    throw throttled(now, until ? new Date(until) : new Date(now.getTime() + LOGIN_CHECK_S * 1000));
  }
  const user = await findUserForLogin(ctx.db.kysely, login);
  const known = user !== undefined && !user.disabled;
  const valid = await verify(
    known ? user.passwordHash : await (decoy ??= hashPassword(newToken())),
    password,
  );
  if (known && valid) {
    await forgetLoginAttempts(ctx.db.kysely, login, address);
    return { actor: actorOf(user), lang: user.lang };
  }
  const wait = loginWaitSeconds(failures);
  const until = wait > 0 ? new Date(now.getTime() + wait * 1000) : undefined;
  await failLoginAttempt(ctx.db.kysely, { ...attempt, blockedUntil: until?.toISOString() ?? null });
  if (until) throw throttled(now, until);
  throw new UnauthenticatedError('login_failed');
}

/** How long the pair waits after its failure number `failures` (0: not at all). */
export function loginWaitSeconds(failures: number): number {
  if (failures < FREE_LOGIN_FAILURES) return 0;
  return Math.min(FIRST_LOGIN_WAIT_S * 2 ** (failures - FREE_LOGIN_FAILURES), MAX_LOGIN_WAIT_S);
}

function throttled(now: Date, until: Date): DomainError {
  const seconds = Math.max(1, Math.ceil((until.getTime() - now.getTime()) / 1000));
  return new DomainError('login_throttled', {
    seconds,
    until: until.toISOString().slice(0, 19).replace('T', ' '),
  });
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
  return {
    actor: actorOf(row, { kind: 'session', id: row.sessionId }),
    lang: row.lang,
    csrfToken: row.csrfToken,
  };
}

export function endSession(ctx: Context, token: string): Promise<void> {
  return deleteSession(ctx.db.kysely, tokenHash(token));
}

/**
 * A token for the signed-in user's automation, in force for `expiresInDays` (API_TOKEN_DAYS when not given); the
 * token itself is shown once. A request signed in by a token may not make more: a leaked token must not outlive
 * its own expiry or revocation through tokens it made.
 */
export async function createApiToken(
  ctx: Context,
  input: ApiTokenInput,
): Promise<{ id: number; token: string; expiresAt: string }> {
  if (ctx.actor.kind !== 'user' || ctx.actor.userId === 0) throw new UnauthenticatedError();
  if (ctx.actor.via?.kind === 'token') throw new DomainError('token_needs_session');
  const data = parseInput(
    apiTokenInput,
    input,
    `token ${typeof input?.name === 'string' ? input.name : '?'}`,
  );
  const token = `aqp_${newToken()}`;
  const now = ctx.clock();
  const expiresAt = new Date(now.getTime() + data.expiresInDays * 86_400_000).toISOString();
  const id = await insertApiToken(ctx.db.kysely, {
    tokenHash: tokenHash(token),
    userId: ctx.actor.userId,
    name: data.name,
    createdAt: now.toISOString(),
    expiresAt,
  });
  return { id, token, expiresAt };
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
  // Checked here, not in the query: the row is remembered, and time passes without a commit.
  if (!(row.expiresAt && Date.parse(row.expiresAt) > now.getTime())) return undefined;
  const since = now.getTime() - (row.lastUsedAt ? Date.parse(row.lastUsedAt) : NaN);
  // A last use after now is from a clock since set back: written anew, as a missing one is.
  if (!(since >= 0 && since < TOKEN_USE_RECORDED_EVERY_MS)) {
    await markApiTokenUsed(ctx.db.kysely, row.tokenId, now.toISOString());
  }
  if (row.disabled) return undefined;
  return { actor: actorOf(row, { kind: 'token', id: row.tokenId }), lang: row.lang };
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

/**
 * Sets a user's password by login (generated when none is given, and returned once); ends their sessions and
 * revokes their API tokens.
 */
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
