/**
 * The server keeps answering while imports read their files: a file is read in a process of its own and never
 * inside a database transaction, so signing in and readiness answer while a dry run reads a large export; a
 * workbook its reader once waited on forever ends in a clear error, its batch failed and its temporary file
 * removed; names no file system takes are stored under a name it does.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { itUnless } from '../helpers/real-files.js';
import type { Organization } from '../../src/services/org.service.js';
import { buildTree } from '../factories/org.factory.js';
import { buildChannel } from '../factories/publication.factory.js';
import { writeTelegramExport } from '../factories/telegram-export.factory.js';
import { DIALECTS } from '../helpers/databases.js';
import { FIXTURES } from '../importers/helpers.js';
import { scratchDir } from '../importers/setup.js';
import { addUser, type Client, openTestServer, signIn, type TestServer } from './client.js';
import { settled, started, upload } from './uploads.js';

const DAMAGED = join(FIXTURES, 'publications-damaged.xlsx');

/** Upload folders still on disk that hold a file of this name. */
const leftUploads = (name: string) =>
  readdirSync(tmpdir())
    .filter((dir) => dir.startsWith('aqparat-upload-'))
    .filter((dir) => {
      try {
        return readdirSync(join(tmpdir(), dir)).includes(name);
      } catch {
        return false;
      }
    });

describe.each(DIALECTS)('reading imports while the server answers (%s)', (dialect) => {
  let server: TestServer;
  let branch: Organization;
  let channel: string;
  let editor: Client;
  let editorLogin: string;
  const dir = scratchDir();

  beforeAll(async () => {
    server = await openTestServer(dialect);
    const { regions } = await buildTree(server.ctx, {
      regions: 1,
      branches: 1,
      primariesPerBranch: 1,
      directPrimaries: 0,
    });
    branch = regions[0]?.branches[0]?.org as Organization;
    channel = await buildChannel(server.ctx, branch, 'telegram');
    editorLogin = await addUser(server.ctx, 'editor', branch.code);
    editor = await signIn(server.app, editorLogin);
  });
  afterAll(() => server.close());

  // SQLite has one connection: a dry run that read its file inside its transaction held it, and every sign-in waited.
  itUnless(
    dialect === 'sqlite' ? undefined : 'SQLite only, whose one connection a transaction holds',
    'signs in and answers readiness while a dry run reads a large export',
    async () => {
      const file = join(dir, 'large.json');
      const { posts } = await writeTelegramExport(file, { messages: 40_000 });
      let reading = true;
      const dryRun = upload(
        editor,
        { channel, dryRun: 'true' },
        { name: 'large.json', content: readFileSync(file) },
      ).finally(() => (reading = false));
      let signedIn = 0;
      let answered = 0;
      while (reading) {
        // Sign-ins from one address are limited per minute: a few are enough; reads of the database fill the rest.
        if (signedIn < 3) {
          await signIn(server.app, editorLogin);
          if (reading) signedIn += 1;
        }
        expect((await server.app.inject({ method: 'GET', url: '/readyz' })).statusCode).toBe(200);
        expect((await editor.get('/api/v1/imports')).statusCode).toBe(200);
        if (reading) answered += 1;
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      const answer = await dryRun;
      expect(answer.statusCode).toBe(200);
      expect(answer.json()).toMatchObject({ new: posts, dryRun: true });
      expect(signedIn).toBe(3);
      expect(answered).toBeGreaterThan(5);
    },
  );

  it('ends a workbook its reader once waited on forever: a dry run says why, an upload fails with its file removed', async () => {
    const workbook = { name: 'publications-damaged.xlsx', content: readFileSync(DAMAGED) };
    const dryRun = await upload(editor, { dryRun: 'true' }, workbook);
    expect(dryRun.statusCode).toBe(400);
    expect(dryRun.json()).toMatchObject({
      error: {
        code: 'import_file_unreadable',
        message: expect.stringContaining('«publications-damaged.xlsx»'),
      },
    });
    for (const fields of [{}, { strict: 'true' }] as Record<string, string>[]) {
      const batch = await settled(editor, await started(await upload(editor, fields, workbook)));
      expect(batch).toMatchObject({ status: 'failed', new: 0, error: { code: 'import_file_unreadable' } });
      expect(batch.error?.message).toContain('XLSX');
    }
    // The batch is written failed with its error before the upload's file is removed, a moment after.
    await expect.poll(() => leftUploads(workbook.name), { timeout: 10_000 }).toEqual([]);
    // Meanwhile and after, the server answers.
    expect((await server.app.inject({ method: 'GET', url: '/readyz' })).statusCode).toBe(200);
  });

  it('stores a file without a name or with a name too long for the disk, instead of failing', async () => {
    const csv = `Организация;На дату;Члены профсоюза\n${branch.code};01.01.2024;120\n`;
    const unnamed = await upload(editor, {}, { name: '', content: csv });
    expect(unnamed.statusCode).toBe(415);
    expect(unnamed.json()).toMatchObject({ error: { code: 'upload_type' } });

    const long = `${'Численность членов профсоюза по первичным организациям района '.repeat(3)}.csv`;
    expect(long.length).toBeGreaterThan(128);
    const batch = await settled(
      editor,
      await started(await upload(editor, {}, { name: long, content: csv })),
    );
    expect(batch).toMatchObject({ status: 'done', new: 1 });
    expect(Buffer.byteLength(batch.file)).toBeLessThanOrEqual(200);
    expect(batch.file.endsWith('.csv')).toBe(true);
  });
});
