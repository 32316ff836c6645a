/**
 * A Telegram export far larger than the memory it may use: the real `aqparat import` runs in a child process
 * and the peak resident memory of the largest of its processes (the command, its reading process) is measured.
 * The file is streamed if each stays under 256 MB and grows by less than the file's size over what the command
 * needs to start: read whole, the file's text alone would take that much, and its parsed posts more.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openContext } from '../../src/services/context.js';
import { runCli } from '../helpers/cli.js';
import { createTestDatabase, DIALECTS, type TestDatabase } from '../helpers/databases.js';
import { type TelegramExportContents, writeTelegramExport } from '../factories/telegram-export.factory.js';
import { buildRegion, channelOf, scratchDir } from './setup.js';

const PRELOAD = fileURLToPath(new URL('./max-rss.mjs', import.meta.url));
const LIMIT_MB = 256;
const MB = 1024 * 1024;

const dir = scratchDir();
const file = join(dir, 'result.json');
let contents: TelegramExportContents;

beforeAll(async () => {
  // About 190 MB: 20 000 posts of 2 500 characters, each text twice (text and text_entities), as Telegram writes.
  contents = await writeTelegramExport(file, { messages: 20_000, textLength: 2_500 });
}, 60_000);

/** Runs the command and gives its output and peak resident memory in MB. */
async function measured(args: string[]) {
  const rssFile = join(dir, `rss-${Math.random().toString(36).slice(2)}`);
  const result = await runCli(args, { NODE_OPTIONS: `--import ${PRELOAD}`, AQPARAT_RSS_FILE: rssFile });
  return { ...result, peakMb: Number(readFileSync(rssFile, 'utf8')) / 1024 };
}

describe.each(DIALECTS)('a large Telegram export in bounded memory (%s)', (dialect) => {
  let database: TestDatabase;
  let channel: string;

  beforeAll(async () => {
    database = await createTestDatabase(dialect);
    const ctx = await openContext({ db: database.target, env: {} });
    channel = await channelOf(ctx, (await buildRegion(ctx)).region, 'telegram');
    await ctx.db.close();
  });
  afterAll(() => database.drop());

  it('imports every post while the process stays under 256 MB', async () => {
    expect(contents.bytes).toBeGreaterThan(180 * MB);
    const start = await measured(['imports', 'list', '--db', database.target]);
    const run = await measured(['import', file, '--channel', channel, '--json', '--db', database.target]);
    expect(run.stderr).toBe('');
    expect(JSON.parse(run.stdout)).toMatchObject({
      new: contents.posts,
      rejected: 0,
      skipped: contents.service + contents.albumParts,
    });
    expect(run.peakMb).toBeLessThan(LIMIT_MB);
    expect(run.peakMb - start.peakMb).toBeLessThan(contents.bytes / MB);
  }, 120_000);
});
