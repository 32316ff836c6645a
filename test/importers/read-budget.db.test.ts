/**
 * The reading of an import runs in a process of its own within a time and memory budget: a file on which a parser
 * waits forever, loops or grows ends in a clear error naming it, nothing of it is stored, and a dry run or strict
 * import reads its file before it opens its transaction.
 */
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { itUnless } from '../helpers/real-files.js';
import { type ReadBudget, readBudgetOf } from '../../src/services/import/reader-process.js';
import type { Context } from '../../src/services/context.js';
import { writeTelegramExport } from '../factories/telegram-export.factory.js';
import { DIALECTS, openTestContext } from '../helpers/databases.js';
import { rowCounts } from '../helpers/tables.js';
import { FIXTURES } from './helpers.js';
import { buildRegion, channelOf, failureOf, importInto, type Region, scratchDir } from './setup.js';

const DAMAGED = join(FIXTURES, 'publications-damaged.xlsx');

const budget = (change: Partial<ReadBudget>): ReadBudget => ({ ...readBudgetOf({}), ...change });

describe.each(DIALECTS)('the reading budget (%s)', (dialect) => {
  let ctx: Context & { close(): Promise<void> };
  let region: Region;
  let channel: string;
  const dir = scratchDir();
  let big: string;
  let posts: number;

  beforeAll(async () => {
    ctx = await openTestContext(dialect);
    region = await buildRegion(ctx);
    channel = await channelOf(ctx, region.region, 'telegram');
    big = join(dir, 'big.json');
    ({ posts } = await writeTelegramExport(big, { messages: 40_000 }));
  });
  afterAll(() => ctx.close());

  it('ends a workbook its reader once waited on forever in a clear error, as a dry run, strict and plain, storing nothing', async () => {
    const before = await rowCounts(ctx);
    for (const mode of [{ dryRun: true }, { strict: true }, {}]) {
      const failure = await failureOf(() => importInto(ctx, DAMAGED, undefined, mode));
      expect(failure.code).toBe('import_file_unreadable');
      expect(failure.params).toMatchObject({ file: 'publications-damaged.xlsx', format: 'XLSX' });
    }
    const after = await rowCounts(ctx);
    expect(after['publication']).toBe(before['publication']);
    // A batch that stored nothing is not kept (an upload's, made beforehand, is: see the HTTP tests).
    const batches = await ctx.db.kysely
      .selectFrom('importBatch')
      .select(['status'])
      .where('fileName', '=', 'publications-damaged.xlsx')
      .execute();
    expect(batches).toEqual([]);
  });

  it('stops the reading of a download that never ends, while the database answers others', async () => {
    // A server that begins an export and never goes on: what a stuck download looks like.
    const server = createServer((_request, response) => {
      response.writeHead(200, { 'content-type': 'application/json' });
      response.write('{"name":"x","type":"public_channel","messages":[');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    try {
      let answered = 0;
      let reading = true;
      const endless = failureOf(() =>
        importInto(ctx, `http://127.0.0.1:${port}/endless.json`, channel, {
          dryRun: true,
          budget: budget({ stallSeconds: 1.5 }),
        }),
      ).finally(() => (reading = false));
      while (reading) {
        await ctx.db.kysely.selectFrom('organization').select('id').limit(1).execute();
        if (reading) answered += 1;
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      const failure = await endless;
      expect(failure.code).toBe('import_read_timeout');
      expect(failure.params).toMatchObject({ file: 'endless.json' });
      expect(answered).toBeGreaterThan(10);
    } finally {
      server.closeAllConnections();
      server.close();
    }
  });

  it('tells a reader that died before the end, and reads again with a new one', async () => {
    const reading = failureOf(() => importInto(ctx, big, channel, { dryRun: true }));
    // The reader is this process's child that runs the reading module.
    for (let found = ''; found === ''; await new Promise((resolve) => setTimeout(resolve, 50))) {
      found = spawnSync('pgrep', ['-P', String(process.pid), '-f', 'reader-process'])
        .stdout.toString()
        .trim();
      if (found) process.kill(Number(found.split('\n')[0]), 'SIGKILL');
    }
    const failure = await reading;
    expect(failure.code).toBe('import_read_stopped');
    expect(failure.params).toMatchObject({ file: 'big.json' });
    expect((await importInto(ctx, big, channel, { dryRun: true })).new).toBe(posts);
  });

  it('stops a reading that keeps the import waiting past its time', async () => {
    const failure = await failureOf(() =>
      importInto(ctx, big, channel, {
        dryRun: true,
        budget: budget({ baseSeconds: 0.3, secondsPerMb: 0, stallSeconds: 0.3 }),
      }),
    );
    expect(failure.code).toBe('import_read_timeout');
    expect(failure.params).toMatchObject({ file: 'big.json' });
  });

  it('stops a reading that grows past its memory', async () => {
    // One post whose text is 80 MB: its reader must hold it whole.
    const huge = join(dir, 'huge.json');
    writeFileSync(
      huge,
      `{"name":"x","type":"public_channel","id":1,"messages":[{"id":1,"type":"message","date":"2024-01-01T10:00:00","text":"${'а'.repeat(40_000_000)}"}]}`,
    );
    const failure = await failureOf(() =>
      importInto(ctx, huge, channel, { budget: budget({ memoryMb: 48 }) }),
    );
    expect(failure.code).toBe('import_read_memory');
    expect(failure.params).toMatchObject({ file: 'huge.json', limit: 48 });
  });

  // SQLite has one connection, which a transaction holds: a read waiting on it meanwhile would show a parser inside.
  itUnless(
    dialect === 'sqlite' ? undefined : 'SQLite only, whose one connection a transaction holds',
    'reads a dry run to its end before its transaction: the database answers others meanwhile',
    async () => {
      let answered = 0;
      let reading = true;
      const dryRun = importInto(ctx, big, channel, { dryRun: true }).finally(() => (reading = false));
      // Reads on another context of the same database would wait for a transaction held by the dry run.
      while (reading) {
        await ctx.db.kysely.selectFrom('organization').select('id').limit(1).execute();
        if (reading) answered += 1;
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      expect((await dryRun).new).toBe(posts);
      expect(answered).toBeGreaterThan(5);
    },
  );
});
