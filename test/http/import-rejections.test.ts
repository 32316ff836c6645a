/**
 * Every rejection of an import is kept with its batch, however many: the batch shows the first page and the total,
 * the rest is read a page at a time in the file's order. A list cut at 1,000 without a word was what a file of
 * more bad rows got. Over HTTP, on both databases; also a strict import's failed batch and another branch's 404.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Organization } from '../../src/services/org.service.js';
import { buildTree } from '../factories/org.factory.js';
import { DIALECTS } from '../helpers/databases.js';
import { addUser, type Client, openTestServer, signIn, type TestServer } from './client.js';
import { type Batch, settled, started, upload } from './uploads.js';

interface Page {
  items: { record: { kind: string; index: number }; field: string; code: string; message: string }[];
  total: number;
  offset: number;
  limit: number;
}

/** A membership sheet of one good row and `bad` rows whose count is no number (rows 3 …). */
function sheet(org: string, bad: number) {
  const rows = Array.from({ length: bad }, (_, index) => `${org};31.12.2023;много-${index + 3}`);
  return {
    name: 'membership.csv',
    content: `Организация;На дату;Члены профсоюза\n${org};01.01.2024;1200\n${rows.join('\n')}\n`,
  };
}

describe.each(DIALECTS)('rejections of an import, all of them (%s)', (dialect) => {
  let server: TestServer;
  let branchA: Organization;
  let editorA: Client;
  let editorB: Client;

  beforeAll(async () => {
    server = await openTestServer(dialect);
    const { regions } = await buildTree(server.ctx, {
      regions: 1,
      branches: 2,
      primariesPerBranch: 0,
      directPrimaries: 0,
    });
    const [a, b] = regions[0]?.branches ?? [];
    if (!a || !b) throw new Error('no branches');
    branchA = a.org;
    editorA = await signIn(server.app, await addUser(server.ctx, 'editor', branchA.code));
    editorB = await signIn(server.app, await addUser(server.ctx, 'editor', b.org.code));
  });
  afterAll(() => server.close());

  it('keeps 1,500 rejections: the batch shows 100 and the total, the pages hold every one in order', async () => {
    const id = await started(await upload(editorA, {}, sheet(branchA.code, 1500)));
    const batch = (await settled(editorA, id)) as Batch & { rejectionsTotal: number };
    expect(batch).toMatchObject({ status: 'done', new: 1, rejected: 1500, rejectionsTotal: 1500 });
    expect(batch.rejections).toHaveLength(100);

    const read = async (query: string) => {
      const response = await editorA.get(`/api/v1/imports/${id}/rejections${query}`);
      expect(response.statusCode).toBe(200);
      return response.json() as Page;
    };
    const first = await read('');
    expect(first).toMatchObject({ total: 1500, offset: 0, limit: 100 });
    expect(first.items[0]).toMatchObject({
      record: { kind: 'row', index: 3 },
      field: 'members',
      message: 'membership.csv, строка 3, поле «Члены профсоюза»: не целое неотрицательное число: «много-3»',
    });
    const rows: number[] = [];
    for (let offset = 0; offset < 1500; offset += 1000) {
      const page = await read(`?offset=${offset}&limit=1000`);
      rows.push(...page.items.map((item) => item.record.index));
    }
    expect(rows).toEqual(Array.from({ length: 1500 }, (_, index) => index + 3));
    expect((await read('?offset=1500')).items).toEqual([]);
    expect((await editorA.get(`/api/v1/imports/${id}/rejections?limit=5000`)).statusCode).toBe(400);
    // Another branch's editor does not see the batch.
    expect((await editorB.get(`/api/v1/imports/${id}/rejections`)).statusCode).toBe(404);
  });

  it('keeps every rejection that stopped a strict import with its failed batch; a dry run says the total', async () => {
    const id = await started(await upload(editorA, { strict: 'true' }, sheet(branchA.code, 1200)));
    const failed = (await settled(editorA, id)) as Batch & { rejectionsTotal: number };
    expect(failed).toMatchObject({ status: 'failed', rejected: 1200, rejectionsTotal: 1200 });
    const last = (await editorA.get(`/api/v1/imports/${id}/rejections?offset=1199&limit=10`)).json() as Page;
    expect(last.items.map((item) => item.record.index)).toEqual([1202]);

    const dry = await upload(editorA, { dryRun: 'true' }, sheet(branchA.code, 1200));
    expect(dry.statusCode).toBe(200);
    const summary = dry.json() as { rejectionsTotal: number; rejections: unknown[] };
    expect(summary.rejectionsTotal).toBe(1200);
    expect(summary.rejections).toHaveLength(1000);
  });
});
