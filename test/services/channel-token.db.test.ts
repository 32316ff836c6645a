/**
 * A channel's access token at rest: encrypted with AES-256-GCM under a key that is never in the database, read
 * back by tokenOf for the collectors, refused with a message naming the setting when the key is another.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { DomainError } from '../../src/domain/errors.js';
import {
  clearChannelToken,
  keyFileOf,
  parseSecretKey,
  secretKeyOf,
  setChannelToken,
  tokenOf,
} from '../../src/services/channel-token.js';
import { addChannel } from '../../src/services/records.service.js';
import { describeError } from '../../src/shared/messages.js';
import { buildOrg, uniqueCode } from '../factories/org.factory.js';
import { DIALECTS, openTestContext } from '../helpers/databases.js';

const TOKEN = `EAAB-page-token-${randomBytes(12).toString('hex')}`;

describe.each(DIALECTS)('channel tokens at rest (%s)', (dialect) => {
  let ctx: Awaited<ReturnType<typeof openTestContext>>;
  let channel: { id: number; code: string };
  let keyDir: string;

  beforeAll(async () => {
    ctx = await openTestContext(dialect);
    keyDir = mkdtempSync(join(tmpdir(), 'aqparat-key-'));
    const org = await buildOrg(ctx, 'union');
    const code = uniqueCode('fb');
    const id = await addChannel(ctx, { code, org: org.code, platform: 'facebook', name: code });
    channel = { id, code };
  });
  afterAll(async () => {
    await ctx.close();
    rmSync(keyDir, { recursive: true, force: true });
  });
  afterEach(() => {
    vi.unstubAllEnvs();
  });

  const useKey = (key: Buffer) => vi.stubEnv('AQPARAT_SECRET_KEY', key.toString('base64'));

  it('reads back the token set, with its expiry and when it was set', async () => {
    useKey(randomBytes(32));
    const status = await setChannelToken(ctx, channel.code, { token: TOKEN, expiresOn: '2027-02-01' });
    expect(status).toMatchObject({ set: true, expiresOn: '2027-02-01' });
    expect(status.setAt).toMatch(/^\d{4}-\d\d-\d\dT/);
    expect(await tokenOf(ctx, channel.id)).toBe(TOKEN);
  });

  it('stores no plaintext: no column of the row holds the token or any part of it', async () => {
    useKey(randomBytes(32));
    await setChannelToken(ctx, channel.code, { token: TOKEN });
    const { rows } = await sql<Record<string, unknown>>`select * from channel_secret`.execute(ctx.db.kysely);
    expect(rows).toHaveLength(1);
    const text = JSON.stringify(rows);
    expect(text).not.toContain(TOKEN);
    expect(text).not.toContain(TOKEN.slice(-24));
    expect(text).not.toContain(Buffer.from(TOKEN).toString('base64').slice(0, 20));
    expect(String(rows[0]?.['cipher'])).toMatch(/^v1:[A-Za-z0-9+/]+=*$/);
    // Two settings of the same token differ: the IV is new each time.
    await setChannelToken(ctx, channel.code, { token: TOKEN });
    const again = await sql<{ cipher: string }>`select cipher from channel_secret`.execute(ctx.db.kysely);
    expect(again.rows[0]?.cipher).not.toBe(rows[0]?.['cipher']);
  });

  it('refuses to decrypt with another key, naming the setting to fix in ru, kk and en', async () => {
    useKey(randomBytes(32));
    await setChannelToken(ctx, channel.code, { token: TOKEN });
    useKey(randomBytes(32));
    const error = await tokenOf(ctx, channel.id).then(
      () => undefined,
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).code).toBe('secret_key_wrong');
    for (const lang of ['ru', 'kk', 'en'] as const) {
      const message = describeError(error as DomainError, lang);
      expect(message).toContain('AQPARAT_SECRET_KEY');
      expect(message).toContain(channel.code);
      expect(message).not.toContain(TOKEN);
    }
  });

  it('creates the key file once with mode 0600 and reuses it', async () => {
    const path = join(keyDir, `${dialect}.key`);
    vi.stubEnv('AQPARAT_SECRET_KEY', '');
    vi.stubEnv('AQPARAT_SECRET_KEY_FILE', path);
    await setChannelToken(ctx, channel.code, { token: TOKEN });
    expect(statSync(path).mode & 0o777).toBe(0o600);
    const written = readFileSync(path, 'utf8');
    expect(parseSecretKey(written, path)).toHaveLength(32);
    await setChannelToken(ctx, channel.code, { token: `${TOKEN}-2` });
    expect(readFileSync(path, 'utf8')).toBe(written);
    expect(await tokenOf(ctx, channel.id)).toBe(`${TOKEN}-2`);
    // The database itself holds no copy of the key.
    const { rows } = await sql<Record<string, unknown>>`select * from channel_secret`.execute(ctx.db.kysely);
    expect(JSON.stringify(rows)).not.toContain(written.trim());
  });

  it('without any setting, keeps the key in a file beside a SQLite database', async () => {
    if (ctx.db.config.kind !== 'sqlite') return;
    vi.stubEnv('AQPARAT_SECRET_KEY', '');
    vi.stubEnv('AQPARAT_SECRET_KEY_FILE', '');
    const { source } = secretKeyOf(ctx);
    const path = `${ctx.db.config.file}.key`;
    expect(source).toContain(path);
    expect(statSync(path).mode & 0o777).toBe(0o600);
  });

  it('clears the token: tokenOf then finds none', async () => {
    useKey(randomBytes(32));
    await setChannelToken(ctx, channel.code, { token: TOKEN });
    expect(await clearChannelToken(ctx, channel.code)).toEqual({ set: false, setAt: null, expiresOn: null });
    expect(await tokenOf(ctx, channel.id)).toBeUndefined();
  });
});

describe('the key', () => {
  it('is 32 bytes as 64 hex digits or 44 characters of base64; anything else is refused, saying which', () => {
    const key = randomBytes(32);
    expect(parseSecretKey(key.toString('hex'), 'AQPARAT_SECRET_KEY')).toEqual(key);
    expect(parseSecretKey(key.toString('base64'), 'AQPARAT_SECRET_KEY')).toEqual(key);
    for (const bad of ['secret', randomBytes(16).toString('hex'), randomBytes(24).toString('base64')]) {
      const error = (() => {
        try {
          parseSecretKey(bad, 'AQPARAT_SECRET_KEY');
        } catch (caught) {
          return caught as DomainError;
        }
        return undefined;
      })();
      expect(error?.code).toBe('secret_key_invalid');
      expect(describeError(error as DomainError, 'ru')).toMatch(/AQPARAT_SECRET_KEY.*64.*base64/);
      expect(describeError(error as DomainError, 'kk')).toMatch(/AQPARAT_SECRET_KEY.*64.*base64/);
      expect(describeError(error as DomainError, 'en')).toMatch(/AQPARAT_SECRET_KEY.*64 hex.*base64/);
    }
  });

  it('lies beside a SQLite file, in the data folder for PostgreSQL, or where AQPARAT_SECRET_KEY_FILE says', () => {
    expect(keyFileOf({ kind: 'sqlite', file: 'x/db.sqlite' }, {})).toBe('x/db.sqlite.key');
    expect(keyFileOf({ kind: 'postgres', url: 'postgres://h/d' }, {})).toBe(
      join('data', 'aqparat-secret.key'),
    );
    expect(keyFileOf({ kind: 'postgres', url: 'postgres://h/d' }, { AQPARAT_SECRET_KEY_FILE: '/k' })).toBe(
      '/k',
    );
  });
});
