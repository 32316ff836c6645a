/**
 * Uploads store in a process of their own: the server's connection runs none of an import's statements, so its
 * thread answers meanwhile; and on SQLite the server waits for another process's write lock without blocking its
 * thread (sqlite-driver.ts), reads going on while a write waits.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import { type KyselyPlugin, TableNode } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { itUnless } from '../helpers/real-files.js';
import { buildApp } from '../../src/http/app.js';
import type { Organization } from '../../src/services/org.service.js';
import { buildTree } from '../factories/org.factory.js';
import { buildChannel } from '../factories/publication.factory.js';
import { writeTelegramExport } from '../factories/telegram-export.factory.js';
import { DIALECTS, openTestContext } from '../helpers/databases.js';
import { scratchDir } from '../importers/setup.js';
import { addUser, type Client, signIn, type TestApp } from './client.js';
import { type Batch, settled, started, upload } from './uploads.js';

/** The batch once settled, however long a busy machine takes to start the import's processes. */
async function finished(client: Client, id: number): Promise<Batch> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await settled(client, id);
    } catch (error) {
      if (attempt >= 10 || !String(error).includes('still running')) throw error;
    }
  }
}

/** What the server's connection wrote: the tables of its inserts and updates, and the text of its raw statements. */
function writesSeen(): { plugin: KyselyPlugin; writes: Set<string> } {
  const writes = new Set<string>();
  const plugin: KyselyPlugin = {
    transformQuery({ node }) {
      if (node.kind === 'InsertQueryNode') writes.add(node.into?.table.identifier.name ?? '');
      if (node.kind === 'UpdateQueryNode' && node.table && TableNode.is(node.table))
        writes.add(node.table.table.identifier.name);
      if (node.kind === 'RawNode') writes.add(node.sqlFragments.join('?'));
      return node;
    },
    transformResult: async ({ result }) => result,
  };
  return { plugin, writes };
}

describe.each(DIALECTS)('uploads store outside the server (%s)', (dialect) => {
  let ctx: Awaited<ReturnType<typeof openTestContext>>;
  let app: TestApp;
  let branch: Organization;
  let channel: string;
  let editor: Client;
  let login: string;
  const seen = writesSeen();
  const dir = scratchDir();

  beforeAll(async () => {
    ctx = await openTestContext(dialect);
    app = await buildApp({
      context: { ...ctx, db: { ...ctx.db, kysely: ctx.db.kysely.withPlugin(seen.plugin) } },
    });
    const { regions } = await buildTree(ctx, {
      regions: 1,
      branches: 1,
      primariesPerBranch: 1,
      directPrimaries: 0,
    });
    branch = regions[0]?.branches[0]?.org as Organization;
    channel = await buildChannel(ctx, branch, 'telegram');
    login = await addUser(ctx, 'editor', branch.code);
    editor = await signIn(app, login);
  });
  afterAll(async () => {
    await app.close();
    await ctx.close();
  });

  it("stores an upload's publications through a connection other than the server's", async () => {
    const file = join(dir, 'channel.json');
    const { posts } = await writeTelegramExport(file, { messages: 1_200 });
    seen.writes.clear();
    const batch = await finished(
      editor,
      await started(await upload(editor, { channel }, { name: 'channel.json', content: readFileSync(file) })),
    );
    expect(batch).toMatchObject({ status: 'done', new: posts });
    const stored = await ctx.db.kysely
      .selectFrom('publication')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(stored.n)).toBe(posts);
    // The server made the batch and the audit log's entry; the import's rows came from the import process.
    expect(seen.writes).toContain('import_batch');
    expect([...seen.writes].filter((write) => /publication|import_change/.test(write))).toEqual([]);
  });

  itUnless(
    dialect === 'sqlite' ? undefined : 'SQLite only, whose write lock another process can hold',
    'answers reads while a sign-out waits for the write lock another process holds',
    async () => {
      const leaving = await signIn(app, login);
      const other = new SQLite(ctx.target);
      other.exec('begin immediate');
      // Its session is read, then deleted: the delete waits for the lock (it blocked the thread for 5 s, then failed).
      let ended: number | undefined;
      const signingOut = leaving.delete('/api/v1/session').then((response) => (ended = response.statusCode));
      try {
        for (let read = 0; read < 20; read++) {
          expect((await app.inject({ method: 'GET', url: '/readyz' })).statusCode).toBe(200);
          expect((await editor.get('/api/v1/imports')).statusCode).toBe(200);
        }
        expect(ended).toBeUndefined();
      } finally {
        other.exec('commit');
        other.close();
      }
      await signingOut;
      expect(ended).toBe(204);
      expect((await leaving.get('/api/v1/imports')).statusCode).toBe(401);
    },
  );
});
