/**
 * Telegram exports before 2022 have no `date_unixtime`: their `date` is the exporting computer's wall clock. It is
 * read in the time zone of the channel's owner organization, and the import says so in its summary and its
 * batch; a time with `date_unixtime` is an instant and is never shifted, whatever the owner's zone.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Context, openContext } from '../../src/services/context.js';
import { listPublications } from '../../src/services/import/publications.service.js';
import { getImport } from '../../src/services/import.service.js';
import { createOrganization } from '../../src/services/org.service.js';
import { describeNote } from '../../src/shared/import-notes.js';
import { runCli } from '../helpers/cli.js';
import { createTestDatabase, DIALECTS, type TestDatabase } from '../helpers/databases.js';
import { itReal } from '../helpers/real-files.js';
import { uniqueCode } from '../factories/org.factory.js';
import { writeTelegramExport } from '../factories/telegram-export.factory.js';
import { real } from './helpers.js';
import { channelOf, importInto, scratchDir } from './setup.js';

/** Two messages with only `date` (2019, 2022), the others with only `date_unixtime`. */
const MIXED = 'telegram/chat-analytics_DM_2A_7M.json';

describe.each(DIALECTS)('times without a zone (%s)', (dialect) => {
  let database: TestDatabase;
  let ctx: Context;
  const dir = scratchDir();

  beforeAll(async () => {
    database = await createTestDatabase(dialect);
    ctx = await openContext({ db: database.target, env: {} });
  });
  afterAll(async () => {
    await ctx.db.close();
    await database.drop();
  });

  /** A Telegram channel of a regional organization in the zone. */
  const channelIn = async (timeZone: string) => {
    const code = uniqueCode('region');
    const owner = await createOrganization(ctx, {
      code,
      kind: 'region',
      nameRu: `Организация ${code}`,
      nameKk: `${code} ұйымы`,
      timeZone,
    });
    return channelOf(ctx, owner, 'telegram');
  };
  const times = async (channel: string) =>
    Object.fromEntries(
      (await listPublications(ctx, { channel })).map((post) => [post.externalId, post.publishedAt]),
    );

  itReal(
    [MIXED],
    "reads a wall clock in the owner's zone and says so; leaves instants as they are",
    async () => {
      const moscow = await channelIn('Europe/Moscow');
      const almaty = await channelIn('Asia/Almaty');
      const summary = await importInto(ctx, real(MIXED), moscow, { acceptChatType: true });
      await importInto(ctx, real(MIXED), almaty, { acceptChatType: true });
      const [inMoscow, inAlmaty] = [await times(moscow), await times(almaty)];
      // 16:55:32 on the exporting computer: UTC+3 in Moscow, UTC+6 in Almaty in 2019.
      expect(inMoscow['3644']).toBe('2019-07-12T13:55:32.000Z');
      expect(inAlmaty['3644']).toBe('2019-07-12T10:55:32.000Z');
      expect(inMoscow['3645']).toBe('2022-03-08T10:07:42.000Z');
      // An instant is the same in every zone.
      expect(inMoscow['3662']).toBe('2022-05-09T22:23:53.000Z');
      expect(inAlmaty['3662']).toBe(inMoscow['3662']);
      expect(inAlmaty['3663']).toBe(inMoscow['3663']);

      const note = {
        code: 'local_times' as const,
        params: { count: 2, channel: moscow, zone: 'Europe/Moscow' },
      };
      expect(summary.notes).toEqual([note]);
      expect((await getImport(ctx, summary.batchId ?? 0)).notes).toEqual([note]);
      expect(describeNote(summary.notes[0] ?? note, 'ru')).toContain(
        `прочитано в часовом поясе владельца канала «${moscow}» — Europe/Moscow`,
      );

      // The command line says it under the counts, in the language asked.
      const again = await runCli([
        'import',
        real(MIXED),
        '--channel',
        moscow,
        '--accept-chat-type',
        '--dry-run',
        '--lang',
        'en',
        '--db',
        database.target,
      ]);
      expect(again.stdout).toContain(
        `2 publications had a time without a time zone (as in Telegram exports made before 2022: the local time ` +
          `of the computer the export was made on): it was read in the time zone of the owner of channel ` +
          `"${moscow}", Europe/Moscow.`,
      );
    },
  );

  it('says nothing of zones for an export whose every time is an instant', async () => {
    const channel = await channelIn('Europe/Moscow');
    const file = join(dir, 'result.json');
    await writeTelegramExport(file, { messages: 10 });
    const summary = await importInto(ctx, file, channel);
    expect(summary.new).toBeGreaterThan(0);
    expect(summary.notes).toEqual([]);
    expect((await getImport(ctx, summary.batchId ?? 0)).notes).toEqual([]);
    // The export's `date` is five hours ahead of its `date_unixtime`: the instant is what is stored.
    const { messages } = JSON.parse(readFileSync(file, 'utf8')) as {
      messages: { id: number; type: string; date_unixtime: string }[];
    };
    const stored = await times(channel);
    const posted = messages.filter((message) => String(message.id) in stored);
    expect(posted.length).toBe(summary.new);
    for (const message of posted)
      expect(stored[String(message.id)]).toBe(new Date(Number(message.date_unixtime) * 1000).toISOString());
  });
});
