/**
 * Lists and tables as XLSX and CSV over HTTP, on the Abai demo: each file read back (exceljs, the CSV's bytes)
 * holds the JSON list's rows and numbers, under headers in the user's language, named for its list,
 * organization and period; a user is refused the export of a subtree or list the list route refuses them.
 */
import ExcelJS from 'exceljs';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDemo } from '../../src/services/demo.service.js';
import { BRANCH_PLACES, REGION_NAME } from '../../src/services/demo/abai.places.js';
import type { PublicationItem } from '../../src/shared/dashboard.js';
import { EXPORT_KINDS } from '../../src/shared/export-lists.js';
import type { Page, RegistryRows } from '../../src/shared/records.schema.js';
import type { SubjectPlatformAnswer } from '../../src/shared/subject-platform.schema.js';
import { DIALECTS } from '../helpers/databases.js';
import { FACEBOOK_2023_BY_SUBJECT } from '../helpers/seed-figures.js';
import { addUser, type Client, openTestServer, signIn, type TestServer } from './client.js';

/** The Semey city organization's Kazakh name, as the demo writes it. */
const BRANCH_NAME_KK = BRANCH_PLACES.find((place) => place.key === 'semey')!.name.kk.nom;

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

async function sheetOf(response: LightMyRequestResponse): Promise<unknown[][]> {
  expect(response.statusCode, response.body).toBe(200);
  expect(response.headers['content-type']).toBe(XLSX_TYPE);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(response.rawPayload as unknown as ArrayBuffer);
  const rows: unknown[][] = [];
  workbook.worksheets[0]!.eachRow((row) => {
    // exceljs' row values start at index 1.
    rows.push((row.values as unknown[]).slice(1));
  });
  return rows;
}

/** A CSV as Excel reads it with `;` between fields (no field of these lists holds a quote or a line break). */
function csvOf(response: LightMyRequestResponse): string[][] {
  expect(response.statusCode, response.body).toBe(200);
  expect(response.headers['content-type']).toBe('text/csv; charset=utf-8');
  const bytes = response.rawPayload;
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const text = bytes.subarray(3).toString('utf8');
  expect(text.endsWith('\r\n')).toBe(true);
  return text
    .slice(0, -2)
    .split('\r\n')
    .map((line) => line.split(';'));
}

/** The file's name as the browser reads it from Content-Disposition's `filename*`. */
function fileNameOf(response: LightMyRequestResponse): string {
  const header = String(response.headers['content-disposition']);
  expect(header.startsWith('attachment;')).toBe(true);
  const encoded = /filename\*=UTF-8''(.+)$/.exec(header)?.[1];
  return decodeURIComponent(encoded ?? '');
}

/** Every item of a JSON list, read page by page as the web application reads it. */
async function allItems<T>(client: Client, url: string): Promise<T[]> {
  const items: T[] = [];
  for (let page = 1; ; page++) {
    const response = await client.get(`${url}${url.includes('?') ? '&' : '?'}page=${page}&pageSize=100`);
    expect(response.statusCode, response.body).toBe(200);
    const body = response.json<Page<T>>();
    items.push(...body.items);
    if (items.length >= body.total) return items;
  }
}

const dateText = (cell: unknown) => (cell instanceof Date ? cell.toISOString().slice(0, 10) : cell);
const orNull = (cell: unknown) => (cell === undefined ? null : cell);

describe.each(DIALECTS)('exports of lists and tables over HTTP (%s)', (dialect) => {
  let server: TestServer;
  let admin: Client;
  let kazakhAdmin: Client;
  let semeyViewer: Client;

  beforeAll(async () => {
    server = await openTestServer(dialect);
    expect(await buildDemo(server.ctx)).toEqual({ built: true });
    admin = await signIn(server.app, await addUser(server.ctx, 'admin'));
    kazakhAdmin = await signIn(server.app, await addUser(server.ctx, 'admin'));
    const kk = await kazakhAdmin.request({
      method: 'PUT',
      url: '/api/v1/session/lang',
      payload: { lang: 'kk' },
    });
    expect(kk.statusCode).toBe(204);
    semeyViewer = await signIn(server.app, await addUser(server.ctx, 'viewer', 'abai-semey'));
  }, 120_000);
  afterAll(() => server.close());

  it("holds the filtered publications list's rows and engagement numbers, named in Russian", async () => {
    const filter = 'org=abai&period=2023&platform=facebook';
    const json = await allItems<PublicationItem>(admin, `/api/v1/publications?${filter}`);
    // The seed's Facebook publications of the region in 2023.
    expect(json).toHaveLength(Object.values(FACEBOOK_2023_BY_SUBJECT).reduce((sum, count) => sum + count, 0));
    const response = await admin.get(`/api/v1/exports/publications?${filter}&format=xlsx`);
    const [headers, ...rows] = await sheetOf(response);
    expect(headers).toEqual([
      'Дата',
      'Название',
      'Текст',
      'Канал',
      'Платформа',
      'Организация-субъект',
      'Тема',
      'Характер',
      'Репост',
      'Просмотры',
      'Реакции',
      'Комментарии',
      'Поделились',
      'Ссылка',
    ]);
    expect(rows).toHaveLength(json.length);
    expect(
      rows.map((row) => [
        dateText(row[0]),
        row[3],
        row[4],
        ...[9, 10, 11, 12, 13].map((index) => orNull(row[index])),
      ]),
    ).toEqual(
      json.map((item) => [
        item.localDate,
        item.channel.name,
        'Facebook',
        item.engagement.views,
        item.engagement.reactions,
        item.engagement.comments,
        item.engagement.shares,
        item.url,
      ]),
    );
    expect(fileNameOf(response)).toBe(`Публикации_${REGION_NAME.ru.nom}_2023.xlsx`);
  });

  it('writes the same publications as CSV for Excel in Kazakh: BOM, `;`, Kazakh headers and name', async () => {
    const filter = 'org=abai-semey&period=2023-H1';
    const json = await allItems<PublicationItem>(kazakhAdmin, `/api/v1/publications?${filter}`);
    expect(json.length).toBeGreaterThan(0);
    const response = await kazakhAdmin.get(`/api/v1/exports/publications?${filter}&format=csv`);
    const [headers, ...rows] = csvOf(response);
    expect(headers?.slice(0, 4)).toEqual(['Күні', 'Атауы', 'Мәтін', 'Арна']);
    expect(headers?.[9]).toBe('Қаралым');
    expect(rows.map((row) => [row[0], row[3], row[9]])).toEqual(
      json.map((item) => [item.localDate, item.channel.name, String(item.engagement.views ?? '')]),
    );
    expect(fileNameOf(response)).toBe(`Жарияланымдар_${BRANCH_NAME_KK}_2023-H1.csv`);
  });

  it("states the subject × platform table's counts: the seed's Facebook column and the totals", async () => {
    const json = (
      await admin.get('/api/v1/measures/publications-by-subject-platform?org=abai&period=2023')
    ).json<SubjectPlatformAnswer>();
    const [headers, ...rows] = await sheetOf(
      await admin.get('/api/v1/exports/publications-by-subject-platform?org=abai&period=2023'),
    );
    const facebook = headers!.indexOf('Facebook');
    const total = headers!.indexOf('Всего');
    expect(facebook).toBeGreaterThan(0);
    // One row per row of the answer, then the totals.
    expect(rows).toHaveLength(json.rows.length + 1);
    const branches = json.rows.flatMap((row, index) =>
      row.org && row.org.code in FACEBOOK_2023_BY_SUBJECT
        ? [[row.org.code, rows[index]![facebook]] as const]
        : [],
    );
    expect(Object.fromEntries(branches)).toEqual(FACEBOOK_2023_BY_SUBJECT);
    expect(rows.map((row) => row[total])).toEqual([...json.rows.map((row) => row.total), json.totals.total]);
    expect(rows.at(-1)![facebook]).toBe(48);
  });

  it("holds each registry list's rows, as many as its JSON list", async () => {
    for (const kind of EXPORT_KINDS) {
      const json = await allItems<{ id: number }>(admin, `/api/v1/${kind}?org=abai`);
      const [headers, ...rows] = await sheetOf(await admin.get(`/api/v1/exports/${kind}?org=abai`));
      expect(headers!.length, kind).toBeGreaterThan(1);
      expect(rows, kind).toHaveLength(json.length);
    }
  });

  it("gives the events' titles, dates and participants in the list's order", async () => {
    const json = await allItems<RegistryRows['events']>(admin, '/api/v1/events?org=abai&period=2023');
    expect(json.length).toBeGreaterThan(0);
    const [headers, ...rows] = await sheetOf(
      await admin.get('/api/v1/exports/events?org=abai&period=2023&format=xlsx'),
    );
    expect(headers).toEqual(['Название', 'Вид', 'Тема', 'Организация', 'Дата проведения', 'Участники']);
    expect(rows.map((row) => [row[0], dateText(row[4]), orNull(row[5])])).toEqual(
      json.map((event) => [
        event.titleRu ?? `${event.titleKk} (на казахском)`,
        event.heldOn,
        event.participants,
      ]),
    );
  });

  it('refuses a subtree or list as the list route does', async () => {
    const asked = [
      'publications?org=abai&period=2023',
      'publications?org=abai-semey&period=2023',
      'publications-by-subject-platform?org=abai',
      'events?org=abai',
      'channels?org=abai-semey',
      'people?org=abai-semey',
    ];
    for (const query of asked) {
      const list = query.startsWith('publications-by') ? `/api/v1/measures/${query}` : `/api/v1/${query}`;
      const listed = await semeyViewer.get(list);
      const exported = await semeyViewer.get(`/api/v1/exports/${query}`);
      expect(exported.statusCode, query).toBe(listed.statusCode);
      if (listed.statusCode === 200 && query.startsWith('publications?')) {
        const [, ...rows] = await sheetOf(exported);
        expect(rows).toHaveLength(listed.json<Page<unknown>>().total);
      }
    }
    // Someone else's subtree is refused, the error in the user's language.
    const refused = await semeyViewer.get('/api/v1/exports/publications?org=abai&format=csv');
    expect(refused.statusCode).toBeGreaterThanOrEqual(403);
    expect(refused.json<{ error: { code: string } }>().error.code).toBeTruthy();
    expect((await server.app.inject({ method: 'GET', url: '/api/v1/exports/events' })).statusCode).toBe(401);
  });
});
