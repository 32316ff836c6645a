/**
 * Imports over HTTP: a multipart upload of a real export answered 202 with its batch, which fills in the
 * background and is read (also through another server on the same database) with its progress, rejections and
 * error in the reader's language; undo restores the counts; limits of size and type; a sibling's batch is 404;
 * and the blank spreadsheets to fill.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/http/app.js';
import { listAudit } from '../../src/services/audit.service.js';
import { listPublications } from '../../src/services/import/publications.service.js';
import type { Organization } from '../../src/services/org.service.js';
import { IMPORT_LEASE_MS } from '../../src/services/import/lease.js';
import { createUser } from '../../src/services/user.service.js';
import { buildTree, uniqueCode } from '../factories/org.factory.js';
import { buildChannel } from '../factories/publication.factory.js';
import { DIALECTS } from '../helpers/databases.js';
import { zipEntry } from '../helpers/office.js';
import { rowCounts } from '../helpers/tables.js';
import { real } from '../importers/helpers.js';
import { addUser, type Client, openTestServer, PASSWORD, signIn, type TestServer } from './client.js';
import { type Batch, realFile, settled, started, upload } from './uploads.js';
import { itReal } from '../helpers/real-files.js';

const TELEGRAM = real('telegram/htx-erg_private_supergroup_result.json');
const MULTI_CHAT = real('telegram/chat-analytics_MultiChat_2C_6M.json');
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

interface Envelope {
  error: { code: string; message: string; fields?: { path: string; code: string }[] };
}

const fieldPaths = (body: unknown) => ((body as Envelope).error.fields ?? []).map((field) => field.path);

describe.each(DIALECTS)('imports over HTTP (%s)', (dialect) => {
  let server: TestServer;
  let branchA: Organization;
  let branchB: Organization;
  let primaryA: Organization;
  let channelA: string;
  let channelB: string;
  let editorA: Client;
  let editorAKk: Client;
  let viewerA: Client;
  let editorB: Client;

  const publicationsOf = async (channel: string) => (await listPublications(server.ctx, { channel })).length;
  const ids = async (client: Client) =>
    ((await client.get('/api/v1/imports')).json() as { items: Batch[] }).items.map((batch) => batch.id);

  beforeAll(async () => {
    server = await openTestServer(dialect);
    const { ctx, app } = server;
    const { regions } = await buildTree(ctx, {
      regions: 1,
      branches: 2,
      primariesPerBranch: 1,
      directPrimaries: 0,
    });
    const [a, b] = regions[0]?.branches ?? [];
    if (!a || !b) throw new Error('no branches');
    [branchA, branchB, primaryA] = [a.org, b.org, a.primaries[0] as Organization];
    channelA = await buildChannel(ctx, branchA, 'telegram');
    channelB = await buildChannel(ctx, branchB, 'telegram');
    editorA = await signIn(app, await addUser(ctx, 'editor', branchA.code));
    viewerA = await signIn(app, await addUser(ctx, 'viewer', branchA.code));
    editorB = await signIn(app, await addUser(ctx, 'editor', branchB.code));
    const kazakh = uniqueCode('kk-editor');
    await createUser(ctx, {
      login: kazakh,
      role: 'editor',
      org: branchA.code,
      lang: 'kk',
      password: PASSWORD,
    });
    editorAKk = await signIn(app, kazakh);
  });
  afterAll(() => server.close());

  it('refuses without a session, a viewer, a missing file, bad fields and files of other types', async () => {
    const file = realFile(TELEGRAM);
    expect((await upload(server.app, { channel: channelA }, file)).statusCode).toBe(401);
    const viewer = await upload(viewerA, { channel: channelA }, file);
    expect(viewer.statusCode).toBe(403);
    expect(viewer.json()).toMatchObject({ error: { code: 'forbidden' } });

    const none = await upload(editorA, { channel: channelA });
    expect(none.statusCode).toBe(400);
    expect(fieldPaths(none.json())).toEqual(['file']);
    const json = await editorA.post('/api/v1/imports', { channel: channelA });
    expect(json.statusCode).toBe(400);
    expect(fieldPaths(json.json())).toEqual(['file']);

    const fields = await upload(editorA, { channel: 'Not a code', dryRun: 'maybe', colour: 'red' }, file);
    expect(fields.statusCode).toBe(400);
    expect(fieldPaths(fields.json())).toEqual(expect.arrayContaining(['channel', 'dryRun', 'colour']));
    // A sibling's channel is unknown to the caller.
    const sibling = await upload(editorA, { channel: channelB }, file);
    expect(sibling.statusCode).toBe(400);
    expect(sibling.json()).toMatchObject({
      error: { fields: [{ path: 'channel', code: 'unknown_channel' }] },
    });

    const picture = await upload(editorA, { channel: channelA }, { name: 'photo.png', content: 'x' });
    expect(picture.statusCode).toBe(415);
    expect(picture.json()).toMatchObject({ error: { code: 'upload_type' } });
    expect((picture.json() as Envelope).error.message).toContain('«.png»');
    const renamed = await upload(
      editorA,
      { channel: channelA },
      {
        name: 'result.json',
        content: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0]),
      },
    );
    expect(renamed.statusCode).toBe(415);
    expect(await ids(editorA)).toEqual([]);
  });

  it('refuses a file over the limit with 413', async () => {
    const small = await openTestServer(dialect, { uploadLimitMb: 1 });
    try {
      const admin = await signIn(small.app, await addUser(small.ctx, 'admin'));
      const big = `Организация;На дату;Члены профсоюза\n${'x;01.01.2024;1\n'.repeat(100_000)}`;
      const response = await upload(admin, {}, { name: 'membership.csv', content: big });
      expect(response.statusCode).toBe(413);
      expect(response.json()).toMatchObject({
        error: {
          code: 'upload_too_large',
          message: 'Файл больше допустимых 1 МБ; разделите выгрузку на части',
        },
      });
      expect(await rowCounts(small.ctx)).toMatchObject({ importBatch: 0, membershipSnapshot: 0 });
    } finally {
      await small.close();
    }
  });

  it('imports a real Telegram export in the background; another server sees it; a sibling does not; undo restores', async () => {
    const response = await upload(editorA, { channel: channelA, acceptChatType: 'true' }, realFile(TELEGRAM));
    const id = await started(response);
    expect(response.headers['location']).toBe(`/api/v1/imports/${id}`);
    expect(response.json()).toEqual({
      id,
      status: 'running',
      file: 'htx-erg_private_supergroup_result.json',
    });

    const batch = await settled(editorA, id);
    expect(batch).toMatchObject({
      status: 'done',
      format: 'telegram',
      file: 'htx-erg_private_supergroup_result.json',
      channel: channelA,
      new: 15,
      updated: 0,
      rejected: 0,
      skipped: 2,
      progress: 17,
      rejections: [],
    });
    expect(await publicationsOf(channelA)).toBe(15);
    // The summary's link: the publications this import created, whatever their dates.
    const created = await editorA.get(`/api/v1/publications?batch=${id}&period=..2030-12-31&pageSize=50`);
    expect(created.statusCode, created.body).toBe(200);
    const page = created.json<{ total: number; items: { channel: { code: string } }[] }>();
    expect(page.total).toBe(15);
    expect(new Set(page.items.map((item) => item.channel.code))).toEqual(new Set([channelA]));
    const none = await editorA.get(`/api/v1/publications?batch=${id + 1000}&period=..2030-12-31`);
    expect(none.json<{ total: number }>().total).toBe(0);

    // Another server process on the same database: the batch is state in the database, not in memory.
    const other = await buildApp({ context: server.ctx });
    try {
      const there = await signIn(other, await addUser(server.ctx, 'viewer', branchA.code));
      expect((await there.get(`/api/v1/imports/${id}`)).json()).toMatchObject({ status: 'done', new: 15 });
    } finally {
      await other.close();
    }

    expect((await editorB.get(`/api/v1/imports/${id}`)).statusCode).toBe(404);
    expect((await editorB.post(`/api/v1/imports/${id}/undo`)).statusCode).toBe(404);
    expect(await ids(editorB)).toEqual([]);
    expect(await ids(viewerA)).toContain(id);
    expect((await viewerA.post(`/api/v1/imports/${id}/undo`)).statusCode).toBe(403);

    const undone = await editorA.post(`/api/v1/imports/${id}/undo`);
    expect(undone.statusCode).toBe(200);
    expect(undone.json()).toEqual({ id, removed: 15, restored: 0 });
    expect(await publicationsOf(channelA)).toBe(0);
    expect((await editorA.get(`/api/v1/imports/${id}`)).json()).toMatchObject({ status: 'undone' });
    const again = await editorA.post(`/api/v1/imports/${id}/undo`);
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ error: { code: 'import_already_undone' } });

    const entries = await listAudit(server.ctx, { resource: 'imports', recordId: id, limit: 10, offset: 0 });
    expect(entries.map((entry) => [entry.action, entry.orgId])).toEqual([
      ['update', branchA.id],
      ['create', branchA.id],
    ]);
    expect(entries[1]?.after).toMatchObject({
      file: 'htx-erg_private_supergroup_result.json',
      channel: channelA,
    });
    expect(entries[0]?.after).toMatchObject({ status: 'undone', removed: 15 });
  });

  itReal(
    ['telegram/chat-analytics_MultiChat_2C_6M.json'],
    "shows a failed import's error in the reader's language; with the chat chosen it completes",
    async () => {
      const id = await started(
        await upload(editorA, { channel: channelA, acceptChatType: 'true' }, realFile(MULTI_CHAT)),
      );
      const failed = await settled(editorAKk, id);
      expect(failed).toMatchObject({ status: 'failed', new: 0, error: { code: 'import_chat_choice' } });
      expect(failed.error?.message).toContain('файлында бірнеше чат бар');
      expect(failed.error?.message).toContain('Chat One (700000001); Chat Two (700000002)');
      expect((await editorA.get(`/api/v1/imports/${id}`)).json()).toMatchObject({
        error: { message: expect.stringContaining('несколько чатов') },
      });
      expect((await editorB.get(`/api/v1/imports/${id}`)).statusCode).toBe(404);

      const chosen = await started(
        await upload(
          editorA,
          { channel: channelA, chat: '700000001', acceptChatType: 'true' },
          realFile(MULTI_CHAT),
        ),
      );
      expect(await settled(editorA, chosen)).toMatchObject({ status: 'done', new: 2 });
      expect(await publicationsOf(channelA)).toBe(2);
    },
  );

  it('takes a spreadsheet without a channel: a dry run answers at once, strict fails with the rejections, then it is stored in the subtree', async () => {
    const csv = `Организация;На дату;Члены профсоюза\n${branchA.code};01.01.2024;1200\n${primaryA.code};31.12.2023;много\n`;
    const file = { name: 'membership.csv', content: csv };
    const before = await rowCounts(server.ctx);

    const dry = await upload(editorA, { dryRun: 'true' }, file);
    expect(dry.statusCode).toBe(200);
    expect(dry.json()).toMatchObject({
      dryRun: true,
      stored: false,
      new: 1,
      rejected: 1,
      rejections: [
        {
          record: { kind: 'row', index: 3 },
          message:
            'membership.csv, строка 3, поле «Члены профсоюза»: не целое неотрицательное число: «много»',
        },
      ],
    });
    expect(await rowCounts(server.ctx)).toEqual(before);

    const strict = await started(await upload(editorAKk, { strict: 'true' }, file));
    const failed = await settled(editorAKk, strict);
    expect(failed).toMatchObject({
      status: 'failed',
      new: 1,
      rejected: 1,
      error: { code: 'import_strict_rejected' },
    });
    expect(failed.error?.message).toBe(
      'Ештеңе сақталмады: 1 жазба қабылданбады, ал импорт қатаң; оларды түзетіп, файлды қайта жүктеңіз',
    );
    expect(failed.rejections.map((rejection) => rejection.message)).toEqual([
      'membership.csv, 3-жол, өріс «Кәсіподақ мүшелері»: теріс емес бүтін сан емес: «много»',
    ]);
    expect(await rowCounts(server.ctx)).toMatchObject({ membershipSnapshot: before['membershipSnapshot'] });

    const id = await started(await upload(editorA, {}, file));
    expect(await settled(editorA, id)).toMatchObject({
      status: 'done',
      format: 'spreadsheet',
      channel: null,
      new: 1,
      rejected: 1,
    });
    expect(await rowCounts(server.ctx)).toMatchObject({
      membershipSnapshot: Number(before['membershipSnapshot']) + 1,
    });
    // Seen through the uploader's organization: by its subtree, not by a sibling's.
    expect(await ids(viewerA)).toEqual(expect.arrayContaining([id, strict]));
    expect(await ids(editorB)).toEqual([]);
    expect((await editorB.get(`/api/v1/imports/${id}`)).statusCode).toBe(404);

    expect((await editorA.post(`/api/v1/imports/${id}/undo`)).json()).toEqual({
      id,
      removed: 1,
      restored: 0,
    });
    expect(await rowCounts(server.ctx)).toMatchObject({ membershipSnapshot: before['membershipSnapshot'] });
  });

  it('hands out the blank spreadsheets, their lists holding only the subtree', async () => {
    expect((await server.app.inject({ method: 'GET', url: '/api/v1/templates/membership' })).statusCode).toBe(
      401,
    );
    for (const [url, path] of [
      ['/api/v1/templates/photos', 'kind'],
      ['/api/v1/templates/membership?lang=de', 'lang'],
    ]) {
      const bad = await editorA.get(url ?? '');
      expect(bad.statusCode).toBe(400);
      expect(fieldPaths(bad.json())).toEqual([path]);
    }

    const response = await editorB.get('/api/v1/templates/membership?lang=kk');
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe(XLSX);
    expect(response.headers['content-disposition']).toBe(
      `attachment; filename="aqparat-membership-kk.xlsx"; filename*=UTF-8''aqparat-membership-kk.xlsx`,
    );
    const strings = await zipEntry(response.rawPayload, 'xl/sharedStrings.xml');
    expect(strings).toContain(branchB.code);
    expect(strings).not.toContain(branchA.code);
  });

  it('shows a batch whose process died (its lease ran out) as interrupted, which may be undone; a live one may not', async () => {
    const running = (heartbeatAt: string) =>
      server.ctx.db.kysely
        .insertInto('importBatch')
        .values({
          source: 'telegram',
          fileName: 'export.json',
          fileHash: null,
          channelId: null,
          orgId: branchA.id,
          status: 'running',
          startedAt: heartbeatAt,
          heartbeatAt,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
    const silent = Date.now() - IMPORT_LEASE_MS - 60_000;
    const dead = await running(new Date(silent).toISOString());
    const live = await running(new Date(Date.now() - IMPORT_LEASE_MS / 2).toISOString());
    const shown = (await editorA.get(`/api/v1/imports/${dead.id}`)).json() as Record<string, unknown>;
    expect(shown).toMatchObject({ status: 'interrupted', error: { code: 'import_interrupted' } });
    expect((shown['error'] as { message: string }).message).toContain('Импортируйте тот же файл');
    expect((await editorA.get(`/api/v1/imports/${live.id}`)).json()).toMatchObject({ status: 'running' });
    expect((await editorA.post(`/api/v1/imports/${live.id}/undo`)).statusCode).toBe(409);
    expect((await editorB.post(`/api/v1/imports/${dead.id}/undo`)).statusCode).toBe(404);
    expect((await editorA.post(`/api/v1/imports/${dead.id}/undo`)).statusCode).toBe(200);
    // The other tests count the branch's batches.
    await server.ctx.db.kysely.deleteFrom('importBatch').where('id', 'in', [dead.id, live.id]).execute();
  });
});
