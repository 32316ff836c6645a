/**
 * A Telegram export of a group or a personal chat is no channel's: its import says what the file is and stores
 * nothing until the user confirms the chat type (`acceptChatType`, `--accept-chat-type`); a channel's export
 * needs no confirmation. On the use case and on the command line, on every database.
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Context, openContext } from '../../src/services/context.js';
import { runCli } from '../helpers/cli.js';
import { createTestDatabase, DIALECTS, type TestDatabase } from '../helpers/databases.js';
import { itReal } from '../helpers/real-files.js';
import { insertBatch } from '../../src/storage/repositories/import.repository.js';
import { fromJson } from '../../src/storage/rows.js';
import { rowCounts } from '../helpers/tables.js';
import { writeTelegramExport } from '../factories/telegram-export.factory.js';
import { real } from './helpers.js';
import { buildRegion, channelOf, failureOf, importInto, type Region, scratchDir } from './setup.js';

const GROUP = 'telegram/htx-erg_private_supergroup_result.json';
const PERSONAL = 'telegram/chat-analytics_DM_2A_7M.json';
const MULTI_CHAT = 'telegram/chat-analytics_MultiChat_2C_6M.json';

describe.each(DIALECTS)('Telegram chat types (%s)', (dialect) => {
  let database: TestDatabase;
  let ctx: Context;
  let org: Region;
  const dir = scratchDir();
  const cli = (...args: string[]) => runCli([...args, '--db', database.target]);

  beforeAll(async () => {
    database = await createTestDatabase(dialect);
    ctx = await openContext({ db: database.target, env: {} });
    org = await buildRegion(ctx);
  });
  afterAll(async () => {
    await ctx.db.close();
    await database.drop();
  });

  const stored = async () => {
    const counts = await rowCounts(ctx);
    return { publication: counts['publication'], importBatch: counts['importBatch'] };
  };

  itReal(
    [GROUP],
    'refuses the real supergroup export, saying it is a group, until its type is confirmed',
    async () => {
      const channel = await channelOf(ctx, org.region, 'telegram');
      const before = await stored();
      const refused = await failureOf(() => importInto(ctx, real(GROUP), channel));
      expect(refused.code).toBe('import_chat_group');
      expect(refused.params).toEqual({
        file: 'htx-erg_private_supergroup_result.json',
        chat: 'HTX <> ERG',
        type: 'private_supergroup',
      });
      expect(refused.message).toContain('is the export of a group, "HTX <> ERG" (type private_supergroup)');
      expect(refused.message).toContain('--accept-chat-type');
      // A dry run is refused alike, and nothing is stored.
      expect((await failureOf(() => importInto(ctx, real(GROUP), channel, { dryRun: true }))).code).toBe(
        'import_chat_group',
      );
      expect(await stored()).toEqual(before);

      const accepted = await importInto(ctx, real(GROUP), channel, { acceptChatType: true });
      expect(accepted).toMatchObject({ new: 15, rejected: 0, skipped: 2 });
    },
  );

  itReal([PERSONAL], 'refuses the personal chat sample, saying it is a personal chat', async () => {
    const channel = await channelOf(ctx, org.region, 'telegram');
    const refused = await failureOf(() => importInto(ctx, real(PERSONAL), channel));
    expect(refused.code).toBe('import_chat_personal');
    expect(refused.params).toMatchObject({ chat: 'Bob', type: 'personal_chat' });
    expect(refused.message).toContain('is the export of a personal chat, "Bob"');
    expect((await importInto(ctx, real(PERSONAL), channel, { acceptChatType: true })).new).toBeGreaterThan(0);
  });

  itReal([MULTI_CHAT], "refuses a full export's chat that is a group, chosen by name", async () => {
    const channel = await channelOf(ctx, org.region, 'telegram');
    const refused = await failureOf(() => importInto(ctx, real(MULTI_CHAT), channel, { chat: 'Chat Two' }));
    expect(refused).toMatchObject({ code: 'import_chat_group', params: { type: 'private_group' } });
  });

  itReal(
    [GROUP],
    'on the command line: the refusal in the language asked, exit 2; --accept-chat-type imports',
    async () => {
      const channel = await channelOf(ctx, org.region, 'telegram');
      const refused = await cli('import', real(GROUP), '--channel', channel);
      expect(refused.code).toBe(2);
      expect(refused.stdout).toBe('');
      expect(refused.stderr).toContain(
        '«htx-erg_private_supergroup_result.json» — выгрузка группы «HTX <> ERG» (тип private_supergroup), а не канала',
      );
      expect(refused.stderr).toContain('aqparat import … --accept-chat-type');
      const kazakh = await cli('import', real(GROUP), '--channel', channel, '--lang', 'kk');
      expect(kazakh.stderr).toContain('«HTX <> ERG» тобының экспорты (түрі: private_supergroup)');
      const english = await cli('import', real(GROUP), '--channel', channel, '--lang', 'en');
      expect(english.stderr).toContain('is the export of a group, "HTX <> ERG"');

      const accepted = await cli('import', real(GROUP), '--channel', channel, '--accept-chat-type', '--json');
      expect(accepted.code).toBe(0);
      expect(JSON.parse(accepted.stdout)).toMatchObject({ new: 15, rejected: 0 });
    },
  );

  itReal(
    [PERSONAL],
    'on the command line: the personal chat sample is refused and then imported',
    async () => {
      const channel = await channelOf(ctx, org.region, 'telegram');
      const refused = await cli('import', real(PERSONAL), '--channel', channel, '--lang', 'en');
      expect(refused.code).toBe(2);
      expect(refused.stderr).toContain('is the export of a personal chat, "Bob" (type personal_chat)');
      const accepted = await cli('import', real(PERSONAL), '--channel', channel, '--accept-chat-type');
      expect(accepted.code).toBe(0);
    },
  );

  it("imports a channel's export without asking", async () => {
    const channel = await channelOf(ctx, org.region, 'telegram');
    const file = join(dir, 'result.json');
    const contents = await writeTelegramExport(file, { messages: 20 });
    expect((await importInto(ctx, file, channel)).new).toBe(contents.posts);
  });

  it("writes a made batch's failure and its reason at once: nobody reads it failed without knowing why", async () => {
    const channel = await channelOf(ctx, org.region, 'telegram');
    const file = join(dir, 'group.json');
    const message = { id: 1, type: 'message', date: '2024-03-01T10:00:00', from: 'Айгүл', text: 'Сәлем' };
    await writeFile(
      file,
      JSON.stringify({ name: 'Топ', type: 'private_group', id: 42, messages: [message] }),
    );
    // An upload's batch is made before its import runs, which ends it.
    const batchId = await insertBatch(ctx.db.kysely, {
      source: 'telegram',
      fileName: 'group.json',
      fileHash: null,
      channelId: null,
      orgId: null,
      userId: null,
      status: 'running',
      startedAt: new Date().toISOString(),
      heartbeatAt: new Date().toISOString(),
    });
    expect((await failureOf(() => importInto(ctx, file, channel, { batchId }))).code).toBe(
      'import_chat_group',
    );
    const row = await ctx.db.kysely
      .selectFrom('importBatch')
      .select(['status', 'error'])
      .where('id', '=', batchId)
      .executeTakeFirstOrThrow();
    expect(row.status).toBe('failed');
    expect(fromJson(row.error)).toMatchObject({
      code: 'import_chat_group',
      params: { chat: 'Топ', type: 'private_group' },
    });
  });
});
