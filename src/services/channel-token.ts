/**
 * A channel's access token for collecting (a Facebook page's, an Instagram account's, a Telegram bot's), stored
 * encrypted with AES-256-GCM and never shown: the API and the CLI say only whether it is set, when, and until
 * when. The key is never in the database: it comes from AQPARAT_SECRET_KEY, else from a key file made once
 * (mode 0600) beside the SQLite database, or in the data folder (or AQPARAT_SECRET_KEY_FILE) for PostgreSQL.
 */
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { closeSync, mkdirSync, openSync, readFileSync, writeSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { z } from 'zod';
import { DomainError, NotFoundError } from '../domain/errors.js';
import { authorize } from '../policies/abilities.js';
import { userIdOf } from '../policies/actor.js';
import { localDate } from '../shared/schemas.js';
import { type DbConfig, DEFAULT_DB_FILE } from '../storage/db.js';
import { findRegistryRecord } from '../storage/repositories/registry.repository.js';
import { recordChange } from './audit.service.js';
import { type Context, inTransaction, scopeOfContext } from './context.js';
import { parseInput } from './validate.js';

const KEY_BYTES = 32;
const IV_BYTES = 12;
const TAG_BYTES = 16;
/** The scheme of a stored value: a new one gets a new prefix, and the old ones stay readable. */
const VERSION = 'v1';

export const SECRET_KEY_SETTING = 'AQPARAT_SECRET_KEY';
export const SECRET_KEY_FILE_SETTING = 'AQPARAT_SECRET_KEY_FILE';

/** What a channel's JSON says of its token: never the token, nor its cipher text. */
export interface TokenStatus {
  set: boolean;
  setAt: string | null;
  expiresOn: string | null;
}

/** The status and whether the platform refused the token (Graph's 190, the Bot API's 401): the Channels page's. */
export type TokenState = TokenStatus & { expired: boolean };

const NOT_SET: TokenStatus = { set: false, setAt: null, expiresOn: null };

export const channelTokenInput = z.strictObject({
  token: z.string().trim().min(1).max(8192),
  expiresOn: localDate
    .refine((value) => !Number.isNaN(Date.parse(`${value}T00:00:00Z`)) && isCalendarDate(value), {
      message: 'YYYY-MM-DD',
    })
    .nullable()
    .optional(),
});
export type ChannelTokenInput = z.input<typeof channelTokenInput>;

function isCalendarDate(value: string): boolean {
  return new Date(`${value}T00:00:00Z`).toISOString().slice(0, 10) === value;
}

interface SecretKey {
  key: Buffer;
  /** The setting to fix when the key does not fit: the variable, or the key file's path. */
  source: string;
}

/**
 * The key as AQPARAT_SECRET_KEY gives it: 32 bytes written as 64 hex digits or as base64 (44 characters, padding
 * included). Anything else is refused rather than stretched: a short key would be a weak one.
 */
export function parseSecretKey(text: string, source: string): Buffer {
  const value = text.trim();
  if (/^[0-9a-fA-F]{64}$/.test(value)) return Buffer.from(value, 'hex');
  if (/^[A-Za-z0-9+/]{43}=$/.test(value)) {
    const key = Buffer.from(value, 'base64');
    if (key.length === KEY_BYTES) return key;
  }
  throw new DomainError('secret_key_invalid', {
    setting: source,
    length: value.length,
    base64: 'base64',
    example: 'openssl rand -base64 32',
  });
}

/** Keys read from files, by path: each file is read once per process. */
const keyFiles = new Map<string, Buffer>();
/** A database in memory lives as long as the process, and so does its key. */
let memoryKey: Buffer | undefined;

/** Where the key file is when no AQPARAT_SECRET_KEY is given; none for a SQLite database in memory. */
export function keyFileOf(config: DbConfig, env: NodeJS.ProcessEnv = process.env): string | undefined {
  const named = env[SECRET_KEY_FILE_SETTING];
  if (named) return named;
  if (config.kind === 'sqlite') return config.file === ':memory:' ? undefined : `${config.file}.key`;
  // PostgreSQL's data live elsewhere: the key goes to the folder the default SQLite file would be in.
  return join(dirname(DEFAULT_DB_FILE), 'aqparat-secret.key');
}

/** Reads the key file, or creates it once (mode 0600, exclusively: two processes never write two keys). */
function keyFromFile(path: string): Buffer {
  const known = keyFiles.get(path);
  if (known) return known;
  let text: string;
  try {
    mkdirSync(dirname(path), { recursive: true });
    const fd = openSync(path, 'wx', 0o600);
    text = randomBytes(KEY_BYTES).toString('base64');
    try {
      writeSync(fd, `${text}\n`);
    } finally {
      closeSync(fd);
    }
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    text = readFileSync(path, 'utf8');
  }
  const key = parseSecretKey(text, path);
  keyFiles.set(path, key);
  return key;
}

export function secretKeyOf(ctx: Context, env: NodeJS.ProcessEnv = process.env): SecretKey {
  const given = env[SECRET_KEY_SETTING];
  if (given !== undefined && given !== '') {
    return { key: parseSecretKey(given, SECRET_KEY_SETTING), source: SECRET_KEY_SETTING };
  }
  const path = keyFileOf(ctx.db.config, env);
  if (path === undefined) {
    memoryKey ??= randomBytes(KEY_BYTES);
    return { key: memoryKey, source: SECRET_KEY_SETTING };
  }
  return { key: keyFromFile(path), source: `${SECRET_KEY_FILE_SETTING} (${path})` };
}

/** The channel's id bound in as associated data: a cipher text copied to another channel does not decrypt. */
const aadOf = (channelId: number) => Buffer.from(`aqparat:channel:${channelId}`);

export function encryptToken(key: Buffer, channelId: number, token: string): string {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(aadOf(channelId));
  const body = Buffer.concat([cipher.update(token, 'utf8'), cipher.final()]);
  return `${VERSION}:${Buffer.concat([iv, body, cipher.getAuthTag()]).toString('base64')}`;
}

/** The token, or undefined when the key (or the channel) is not the one it was encrypted with. */
export function decryptToken(key: Buffer, channelId: number, stored: string): string | undefined {
  const [version, payload] = stored.split(':', 2);
  if (version !== VERSION || payload === undefined) return undefined;
  const bytes = Buffer.from(payload, 'base64');
  if (bytes.length < IV_BYTES + TAG_BYTES) return undefined;
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, bytes.subarray(0, IV_BYTES));
    decipher.setAAD(aadOf(channelId));
    decipher.setAuthTag(bytes.subarray(bytes.length - TAG_BYTES));
    return Buffer.concat([
      decipher.update(bytes.subarray(IV_BYTES, bytes.length - TAG_BYTES)),
      decipher.final(),
    ]).toString('utf8');
  } catch {
    return undefined;
  }
}

/**
 * The channel's token, decrypted, for the collectors; undefined when none is set. A key that does not open it
 * is an error naming the setting to fix, not a crash.
 */
export async function tokenOf(ctx: Context, channelId: number): Promise<string | undefined> {
  const row = await ctx.db.kysely
    .selectFrom('channelSecret')
    .innerJoin('channel', 'channel.id', 'channelSecret.channelId')
    .select(['channelSecret.cipher', 'channel.code'])
    .where('channelSecret.channelId', '=', channelId)
    .executeTakeFirst();
  if (!row) return undefined;
  const { key, source } = secretKeyOf(ctx);
  const token = decryptToken(key, channelId, row.cipher);
  if (token === undefined) throw new DomainError('secret_key_wrong', { channel: row.code, setting: source });
  return token;
}

/** Each channel's token state: the channels' JSON says its status, the Channels page whether it was refused. */
export async function tokenStatuses(
  ctx: Context,
  channelIds: readonly number[],
): Promise<Map<number, TokenState>> {
  const statuses = new Map<number, TokenState>();
  if (channelIds.length === 0) return statuses;
  const rows = await ctx.db.kysely
    .selectFrom('channelSecret')
    .select(['channelId', 'setAt', 'expiresOn', 'expiredAt'])
    .where('channelId', 'in', [...channelIds])
    .execute();
  for (const row of rows) {
    statuses.set(row.channelId, {
      set: true,
      setAt: row.setAt,
      expiresOn: row.expiresOn,
      expired: row.expiredAt !== null,
    });
  }
  return statuses;
}

/** What the channels' JSON says of a token: whether the platform refused it is the Channels page's. */
const asStatus = (state: TokenState | undefined): TokenStatus =>
  state ? { set: state.set, setAt: state.setAt, expiresOn: state.expiresOn } : NOT_SET;

/** The channels with `token: {set, setAt, expiresOn}` added. */
export async function withTokenStatus<T extends { id: number }>(
  ctx: Context,
  channels: readonly T[],
): Promise<(T & { token: TokenStatus })[]> {
  const statuses = await tokenStatuses(
    ctx,
    channels.map((channel) => channel.id),
  );
  return channels.map((channel) => ({ ...channel, token: asStatus(statuses.get(channel.id)) }));
}

/**
 * The channel by its code if the caller's scope holds it (else 404, whether or not it exists), then whether the
 * role may change channels (403): another branch's channel is not even admitted to exist.
 */
async function channelToChange(ctx: Context, code: string) {
  const found = await ctx.db.kysely
    .selectFrom('channel')
    .select('id')
    .where('code', '=', code)
    .executeTakeFirst();
  const row = found && (await findRegistryRecord(ctx.db.kysely, scopeOfContext(ctx), 'channel', found.id));
  if (!row) throw new NotFoundError('channel_unknown', { code });
  authorize(ctx.actor, 'write', 'channels');
  return { id: row.id as number, orgId: row.orgId };
}

async function statusOf(ctx: Context, channelId: number): Promise<TokenStatus> {
  return asStatus((await tokenStatuses(ctx, [channelId])).get(channelId));
}

/** Sets or replaces the channel's token; the audit log says that it changed, never what it is. */
export async function setChannelToken(
  ctx: Context,
  code: string,
  input: ChannelTokenInput,
): Promise<TokenStatus> {
  const channel = await channelToChange(ctx, code);
  const { token, expiresOn } = parseInput(channelTokenInput, input, `channel ${code}`);
  const { key } = secretKeyOf(ctx);
  const values = {
    cipher: encryptToken(key, channel.id, token),
    setAt: ctx.clock().toISOString(),
    expiresOn: expiresOn ?? null,
    setBy: userIdOf(ctx.actor),
    // A new token lifts the stop an expired one put on the channel's collection.
    expiredAt: null,
  };
  return inTransaction(ctx, async (tx) => {
    const before = await statusOf(tx, channel.id);
    await tx.db.kysely
      .insertInto('channelSecret')
      .values({ channelId: channel.id, ...values })
      .onConflict((conflict) => conflict.column('channelId').doUpdateSet(values))
      .execute();
    const after = await statusOf(tx, channel.id);
    await recordTokenChange(tx, channel, before, after);
    return after;
  });
}

/** The audit log's entry of a token's change: its status before and after, never the token. */
function recordTokenChange(
  tx: Context,
  channel: { id: number; orgId: number | null },
  before: TokenStatus,
  after: TokenStatus,
): Promise<number> {
  return recordChange(tx, {
    action: 'update',
    resource: 'channels',
    recordId: channel.id,
    orgId: channel.orgId,
    before: { token: before },
    after: { token: after },
  });
}

/** Removes the channel's token; removing none is no error. */
export async function clearChannelToken(ctx: Context, code: string): Promise<TokenStatus> {
  const channel = await channelToChange(ctx, code);
  return inTransaction(ctx, async (tx) => {
    const before = await statusOf(tx, channel.id);
    if (!before.set) return NOT_SET;
    await tx.db.kysely.deleteFrom('channelSecret').where('channelId', '=', channel.id).execute();
    await recordTokenChange(tx, channel, before, NOT_SET);
    return NOT_SET;
  });
}
