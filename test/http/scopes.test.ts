/**
 * What a user of a subtree may create and refer to, and what answers disclose, across the organization tree: a
 * branch manager adds organizations only under their own; a mention or subscription names only an outlet in
 * reach (shared, the subtree's, or above it), in the API, the spreadsheet template and the spreadsheet import;
 * only those who see the whole tree add shared outlets, and an outlet one adds one may change; a publication's
 * repost fields never name another subtree's post; every link is http(s), from users and from files.
 */
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reclassifyPublications } from '../../src/services/analysis.service.js';
import type { Organization } from '../../src/services/org.service.js';
import { createRecord } from '../../src/services/registry.service.js';
import { buildOrg, uniqueCode } from '../factories/org.factory.js';
import { buildChannel, buildPublication } from '../factories/publication.factory.js';
import { DIALECTS } from '../helpers/databases.js';
import { addUser, type Client, formOf, openTestServer, signIn, type TestServer } from './client.js';

interface ErrorBody {
  error: { code: string; message: string; fields?: { path: string; code: string; message?: string }[] };
}

interface Rejection {
  field: string;
  code: string;
  message: string;
}

const fieldsOf = (body: unknown) =>
  ((body as ErrorBody).error.fields ?? []).map(({ path, code }) => ({ path, code }));
const fieldMessage = (body: unknown) => (body as ErrorBody).error.fields?.[0]?.message ?? '';

const SECTOR_TEXT =
  'Отраслевой профсоюз провел республиканский конкурс «Лучшая первичная профсоюзная организация». Из 312 конкурсантов в финал вышли 17, победителем стала первичная организация школы-гимназии № 38 Астаны.';
const NEAR_COPY = `${SECTOR_TEXT.replace('организация».', 'организация»!')} Поздравляем победителей!`;

describe.each(DIALECTS)('scopes of records over HTTP (%s)', (dialect) => {
  let server: TestServer;
  let union: Organization;
  let region: Organization;
  let semey: Organization;
  let beskaragai: Organization;
  let admin: Client;
  let regionManager: Client;
  let manager: Client;
  let editor: Client;
  const outlets = { shared: '', region: '', semey: '', beskaragai: '' };

  const parentOf = async (code: string) =>
    (
      await server.ctx.db.kysely
        .selectFrom('organization as o')
        .leftJoin('organization as p', 'p.id', 'o.parentId')
        .select('p.code')
        .where('o.code', '=', code)
        .executeTakeFirst()
    )?.code;

  const upload = async (client: Client, fields: Record<string, string>, name: string, content: string) =>
    client.request({ method: 'POST', url: '/api/v1/imports', ...(await formOf(fields, { name, content })) });

  beforeAll(async () => {
    server = await openTestServer(dialect);
    const { ctx, app } = server;
    union = await buildOrg(ctx, 'union');
    region = await buildOrg(ctx, 'region', union, 'abai');
    semey = await buildOrg(ctx, 'branch', region, 'semey');
    beskaragai = await buildOrg(ctx, 'branch', region, 'beskaragai');
    for (const [key, org] of [
      ['shared', undefined],
      ['region', region],
      ['semey', semey],
      ['beskaragai', beskaragai],
    ] as const) {
      outlets[key] = uniqueCode(`${key}-news`);
      await createRecord(ctx, 'outlets', {
        code: outlets[key],
        name: `Газета ${key}`,
        level: 'district',
        ...(org ? { org: org.code } : {}),
      });
    }
    admin = await signIn(app, await addUser(ctx, 'admin'));
    regionManager = await signIn(app, await addUser(ctx, 'manager', region.code));
    manager = await signIn(app, await addUser(ctx, 'manager', semey.code));
    editor = await signIn(app, await addUser(ctx, 'editor', semey.code));
  });
  afterAll(async () => server.close());

  describe('organizations', () => {
    const orgBody = (kind: string, parent?: string) => {
      const code = uniqueCode(kind);
      return { code, kind, ...(parent ? { parent } : {}), nameRu: `Новая ${code}`, nameKk: `Жаңа ${code}` };
    };

    it('a branch manager adds no root union nor region, nor anything outside the branch', async () => {
      for (const body of [orgBody('union'), orgBody('region')]) {
        const response = await manager.post('/api/v1/organizations', body);
        expect(response.statusCode).toBe(400);
        expect(fieldsOf(response.json())).toEqual([{ path: 'parent', code: 'root_admin_only' }]);
        expect(fieldMessage(response.json())).toContain('укажите как вышестоящую');
        expect(await parentOf(body.code)).toBeUndefined();
        expect(
          await server.ctx.db.kysely
            .selectFrom('organization')
            .select('id')
            .where('code', '=', body.code)
            .executeTakeFirst(),
        ).toBeUndefined();
      }
      for (const body of [orgBody('region', union.code), orgBody('branch', region.code)]) {
        const response = await manager.post('/api/v1/organizations', body);
        expect(response.statusCode).toBe(400);
        expect(fieldsOf(response.json())).toEqual([{ path: 'parent', code: 'unknown_org' }]);
      }
      const inside = orgBody('primary', semey.code);
      expect((await manager.post('/api/v1/organizations', inside)).statusCode).toBe(201);
      expect(await parentOf(inside.code)).toBe(semey.code);
    });

    it('an administrator of the whole tree adds a root', async () => {
      const body = orgBody('union');
      expect((await admin.post('/api/v1/organizations', body)).statusCode).toBe(201);
      expect(
        await server.ctx.db.kysely
          .selectFrom('organization')
          .select('parentId')
          .where('code', '=', body.code)
          .executeTakeFirstOrThrow(),
      ).toEqual({ parentId: null });
    });

    it('no one moves an organization: a change naming a parent is refused and the tree stays', async () => {
      for (const [client, code, parent] of [
        [manager, semey.code, union.code],
        [regionManager, semey.code, region.code],
        [admin, beskaragai.code, union.code],
      ] as const) {
        const response = await client.patch(`/api/v1/organizations/${code}`, { parent });
        expect(response.statusCode).toBe(400);
        expect(fieldsOf(response.json())).toEqual([{ path: 'parent', code: 'unknown_field' }]);
      }
      expect(await parentOf(semey.code)).toBe(region.code);
      expect(await parentOf(beskaragai.code)).toBe(region.code);
    });
  });

  describe('outlets referred to by mentions and subscriptions', () => {
    const mention = (outlet: string) => ({
      org: semey.code,
      outlet,
      publishedOn: '2024-05-02',
      title: uniqueCode('Статья'),
    });

    it("a Semey editor links a mention to a shared, the region's or Semey's outlet, never Beskaragai's", async () => {
      const refused = await editor.post('/api/v1/mentions', mention(outlets.beskaragai));
      expect(refused.statusCode).toBe(400);
      expect(fieldsOf(refused.json())).toEqual([{ path: 'outlet', code: 'unknown_outlet' }]);
      for (const outlet of [outlets.shared, outlets.region, outlets.semey]) {
        expect((await editor.post('/api/v1/mentions', mention(outlet))).statusCode).toBe(201);
      }
      const subscription = { org: semey.code, outlet: outlets.beskaragai, year: 2024, copies: 5 };
      const refusedSubscription = await manager.post('/api/v1/subscriptions', subscription);
      expect(fieldsOf(refusedSubscription.json())).toEqual([{ path: 'outlet', code: 'unknown_outlet' }]);
      const allowed = { ...subscription, outlet: outlets.region };
      expect((await manager.post('/api/v1/subscriptions', allowed)).statusCode).toBe(201);
    });

    it('the outlets listed are those a mention may name; an outlet above the branch is read, not changed', async () => {
      const listed = (await editor.get('/api/v1/outlets?pageSize=500')).json() as {
        items: { id: number; code: string }[];
      };
      const codes = listed.items.map((item) => item.code);
      expect(codes).toEqual(expect.arrayContaining([outlets.shared, outlets.region, outlets.semey]));
      expect(codes).not.toContain(outlets.beskaragai);
      const regional = listed.items.find((item) => item.code === outlets.region);
      expect(
        (await manager.patch(`/api/v1/outlets/${regional?.id}`, { name: 'Переименована' })).statusCode,
      ).toBe(403);
      expect((await manager.delete(`/api/v1/outlets/${regional?.id}`)).statusCode).toBe(403);
      expect(
        (await regionManager.patch(`/api/v1/outlets/${regional?.id}`, { language: 'kk' })).statusCode,
      ).toBe(200);
    });

    it("the mentions template lists Semey's outlets in reach, not Beskaragai's", async () => {
      const response = await editor.get('/api/v1/templates/media-mentions?lang=ru');
      expect(response.statusCode).toBe(200);
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(response.rawPayload as unknown as ArrayBuffer);
      const texts: string[] = [];
      workbook.eachSheet((sheet) =>
        sheet.eachRow((row) =>
          row.eachCell((cell) => {
            texts.push(String(cell.value));
          }),
        ),
      );
      const all = texts.join('\n');
      for (const outlet of [outlets.shared, outlets.region, outlets.semey]) expect(all).toContain(outlet);
      expect(all).not.toContain(outlets.beskaragai);
    });

    it("a spreadsheet of mentions naming Beskaragai's outlet is rejected on that row", async () => {
      const csv = [
        'Организация;СМИ;Дата выхода;Заголовок',
        `${semey.code};${outlets.beskaragai};02.05.2024;Статья у соседей`,
        `${semey.code};${outlets.region};03.05.2024;Статья в областной газете`,
      ].join('\n');
      const response = await upload(editor, { dryRun: 'true' }, 'mentions.csv', `${csv}\n`);
      expect(response.statusCode).toBe(200);
      const batch = response.json() as { new: number; rejected: number; rejections: Rejection[] };
      expect(batch).toMatchObject({ new: 1, rejected: 1 });
      expect(batch.rejections).toMatchObject([{ field: 'outlet', code: 'unknown_outlet' }]);
    });
  });

  describe('who adds shared outlets', () => {
    const outletBody = (org?: string) => {
      const code = uniqueCode('outlet');
      return { code, name: `Газета ${code}`, level: 'district', ...(org ? { org } : {}) };
    };

    it('a manager adds no outlet shared by the installation; one of their subtree they add and then change', async () => {
      const shared = outletBody();
      const refused = await manager.post('/api/v1/outlets', shared);
      expect(refused.statusCode).toBe(400);
      expect(fieldsOf(refused.json())).toEqual([{ path: 'org', code: 'shared_outlet_admin_only' }]);
      expect(
        await server.ctx.db.kysely
          .selectFrom('outlet')
          .select('id')
          .where('code', '=', shared.code)
          .executeTakeFirst(),
      ).toBeUndefined();

      const own = await manager.post('/api/v1/outlets', outletBody(semey.code));
      expect(own.statusCode).toBe(201);
      const { id } = own.json() as { id: number };
      expect((await manager.patch(`/api/v1/outlets/${id}`, { name: 'Семей таңы' })).json()).toMatchObject({
        name: 'Семей таңы',
      });
      expect((await manager.delete(`/api/v1/outlets/${id}`)).statusCode).toBe(204);
    });

    it('an administrator adds a shared outlet and changes it', async () => {
      const created = await admin.post('/api/v1/outlets', outletBody());
      expect(created.statusCode).toBe(201);
      const { id, orgId } = created.json() as { id: number; orgId: number | null };
      expect(orgId).toBeNull();
      expect((await admin.patch(`/api/v1/outlets/${id}`, { language: 'ru' })).statusCode).toBe(200);
    });
  });

  describe("a publication's repost fields", () => {
    let own: number;
    let sibling: number;
    const SOURCE = 'https://beskaragai-kasipodak.kz/news/contest';

    beforeAll(async () => {
      const ctx = server.ctx;
      sibling = await buildPublication(ctx, await buildChannel(ctx, beskaragai, 'website'), {
        publishedAt: '2024-03-01T06:00:00Z',
        text: SECTOR_TEXT,
        url: SOURCE,
      });
      own = await buildPublication(ctx, await buildChannel(ctx, semey, 'facebook'), {
        publishedAt: '2024-03-05T06:00:00Z',
        text: NEAR_COPY,
      });
      await reclassifyPublications(ctx, {});
      // The analysis compares the whole installation: the Semey post is found to copy Beskaragai's.
      expect(
        await ctx.db.kysely
          .selectFrom('publication')
          .select(['repostOfId', 'repostSource'])
          .where('id', '=', own)
          .executeTakeFirstOrThrow(),
      ).toEqual({ repostOfId: sibling, repostSource: SOURCE });
    });

    it("do not disclose a sibling's post to a reader of Semey, in the detail or the list", async () => {
      expect((await editor.get(`/api/v1/publications/${sibling}`)).statusCode).toBe(404);
      const detail = await editor.get(`/api/v1/publications/${own}`);
      expect(detail.statusCode).toBe(200);
      expect(detail.json()).toMatchObject({
        repostOfId: null,
        repostBy: 'near_duplicate',
        labels: { isRepost: true, repostSource: null },
      });
      expect(detail.body).not.toContain('beskaragai-kasipodak');
      const list = await editor.get(`/api/v1/publications?org=${semey.code}&pageSize=100`);
      expect(list.statusCode).toBe(200);
      const item = (list.json() as { items: { id: number; labels: unknown }[] }).items.find(
        (entry) => entry.id === own,
      );
      expect(item?.labels).toMatchObject({ isRepost: true, repostSource: null });
      expect(list.body).not.toContain('beskaragai-kasipodak');
    });

    it('name the source to a reader who may read it', async () => {
      const detail = await regionManager.get(`/api/v1/publications/${own}`);
      expect(detail.json()).toMatchObject({ repostOfId: sibling, labels: { repostSource: SOURCE } });
      expect(detail.body).toContain(`near_duplicate:${SOURCE}`);
    });
  });

  describe('links', () => {
    it('the API takes http(s) links only, and says so on the field', async () => {
      const bad = ['javascript:alert(1)', 'data:text/html,<script>alert(1)</script>', 'ftp://example.kz/a'];
      for (const url of bad) {
        const channel = await manager.post('/api/v1/channels', {
          code: uniqueCode('ch'),
          org: semey.code,
          platform: 'website',
          name: 'Сайт',
          url,
        });
        expect(channel.statusCode).toBe(400);
        expect(fieldsOf(channel.json())).toEqual([{ path: 'url', code: 'not_http_url' }]);
        expect(fieldMessage(channel.json())).toContain('http:// или https://');
        const mention = await editor.post('/api/v1/mentions', {
          org: semey.code,
          outlet: outlets.semey,
          publishedOn: '2024-06-01',
          title: uniqueCode('Статья'),
          url,
        });
        expect(fieldsOf(mention.json())).toEqual([{ path: 'url', code: 'not_http_url' }]);
        const material = await manager.post('/api/v1/materials', {
          org: semey.code,
          titleRu: uniqueCode('Памятка'),
          kind: 'manual',
          issuedOn: '2024-01-10',
          url,
        });
        expect(fieldsOf(material.json())).toEqual([{ path: 'url', code: 'not_http_url' }]);
      }
      const channel = await manager.post('/api/v1/channels', {
        code: uniqueCode('ch'),
        org: semey.code,
        platform: 'website',
        name: 'Сайт',
        url: 'https://semey.example.kz/',
      });
      expect(channel.statusCode).toBe(201);
      const { id } = channel.json() as { id: number };
      const changed = await manager.patch(`/api/v1/channels/${id}`, { url: 'javascript:alert(1)' });
      expect(fieldsOf(changed.json())).toEqual([{ path: 'url', code: 'not_http_url' }]);
      expect((await manager.get(`/api/v1/channels/${id}`)).json()).toMatchObject({
        url: 'https://semey.example.kz/',
      });
    });

    it('a spreadsheet row with a javascript: link is rejected on its link, saying what to fix', async () => {
      const csv = [
        'Организация;СМИ;Дата выхода;Заголовок;Ссылка',
        `${semey.code};${outlets.semey};02.06.2024;Статья со ссылкой;javascript:alert(1)`,
        `${semey.code};${outlets.semey};03.06.2024;Статья с адресом;https://semey.example.kz/1`,
      ].join('\n');
      const response = await upload(editor, { dryRun: 'true' }, 'mentions.csv', `${csv}\n`);
      const batch = response.json() as { new: number; rejected: number; rejections: Rejection[] };
      expect(batch).toMatchObject({ new: 1, rejected: 1 });
      expect(batch.rejections).toMatchObject([{ field: 'url', code: 'not_http_url' }]);
      expect(batch.rejections[0]?.message).toContain('http:// или https://');
    });

    it('a feed item whose link is javascript: is rejected on its link, the others stored', async () => {
      const item = (guid: string, link: string) =>
        `<item><title>Новость ${guid}</title><link>${link}</link><guid>${guid}</guid><pubDate>Mon, 04 Mar 2024 10:00:00 +0000</pubDate><description>Текст новости ${guid}</description></item>`;
      const rss = `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Семей</title>${item(
        'a',
        'javascript:alert(1)',
      )}${item('b', 'data:text/html,x')}${item('c', 'https://semey.example.kz/c')}</channel></rss>`;
      const channel = await buildChannel(server.ctx, semey, 'website');
      const response = await upload(editor, { channel, dryRun: 'true' }, 'feed.xml', rss);
      expect(response.statusCode).toBe(200);
      const batch = response.json() as { new: number; rejected: number; rejections: Rejection[] };
      expect(batch).toMatchObject({ new: 1, rejected: 2 });
      expect(batch.rejections).toMatchObject([
        { field: 'url', code: 'not_http_url' },
        { field: 'url', code: 'not_http_url' },
      ]);
    });
  });
});
