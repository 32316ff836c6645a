/**
 * Spreadsheets of every kind, XLSX and CSV (UTF-8 and Windows-1251): bad rows rejected by row and column,
 * the rest stored (or nothing with strict); snapshots and records matched by their keys; templates that fill in
 * and import back.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTemplate } from '../../src/services/import/template.service.js';
import { listPublications } from '../../src/services/import/publications.service.js';
import { undoImport } from '../../src/services/import.service.js';
import { addOutlet } from '../../src/services/records.service.js';
import { COLUMN_HEADERS } from '../../src/shared/sheet-columns.js';
import { DIALECTS, openTestContext } from '../helpers/databases.js';
import { rowCounts } from '../helpers/tables.js';
import { uniqueCode } from '../factories/org.factory.js';
import { buildRegion, channelOf, failureOf, importInto, type Region, scratchDir } from './setup.js';

type Cell = ExcelJS.CellValue;

async function writeXlsx(path: string, rows: Cell[][]): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Лист1');
  for (const row of rows) sheet.addRow(row);
  await workbook.xlsx.writeFile(path);
}

describe.each(DIALECTS)('spreadsheets (%s)', (dialect) => {
  let ctx: Awaited<ReturnType<typeof openTestContext>>;
  let org: Region;
  const dir = scratchDir();
  const branch = () => org.branches[0] as Region['region'];

  beforeAll(async () => {
    ctx = await openTestContext(dialect);
    org = await buildRegion(ctx);
  });
  afterAll(() => ctx.close());

  it('stores 97 of 100 publications and reports the 3 bad rows; strict stores none', async () => {
    const file = join(dir, 'publications.xlsx');
    const rows: Cell[][] = [
      ['Дата и время публикации', 'Заголовок', 'Текст', 'Организация-субъект', 'Просмотры'],
    ];
    for (let n = 1; n <= 100; n++) {
      rows.push([
        n === 10 ? '31.02.2024' : new Date(Date.UTC(2024, 2, 1 + (n % 28), 10)),
        n === 90 ? null : `Новость ${n}`,
        n === 90 ? null : `Текст новости ${n}`,
        n === 50 ? 'nowhere — Нет такой' : n % 2 ? `${branch().code} — филиал` : null,
        n * 10,
      ]);
    }
    await writeXlsx(file, rows);
    const channel = await channelOf(ctx, org.region, 'website');
    const before = await rowCounts(ctx);
    const strict = await importInto(ctx, file, channel, { strict: true });
    expect(strict).toMatchObject({
      stored: false,
      batchId: null,
      new: 97,
      rejected: 3,
      sheetKind: 'publications',
    });
    expect(await rowCounts(ctx)).toEqual(before);

    const summary = await importInto(ctx, file, channel);
    expect(summary).toMatchObject({ stored: true, new: 97, rejected: 3 });
    expect(summary.rejections).toEqual([
      {
        file: 'publications.xlsx',
        record: { kind: 'row', index: 11 },
        field: 'publishedAt',
        code: 'invalid_date',
        params: { value: '31.02.2024' },
      },
      {
        file: 'publications.xlsx',
        record: { kind: 'row', index: 51 },
        field: 'subject',
        code: 'unknown_org',
        params: { code: 'nowhere' },
      },
      { file: 'publications.xlsx', record: { kind: 'row', index: 91 }, field: 'title', code: 'empty_post' },
    ]);
    const stored = await listPublications(ctx, { channel });
    expect(stored).toHaveLength(97);
    // A subject given in the sheet is a manual assignment; the others stay with the channel's owner.
    expect(stored.filter((item) => item.subjectManual).map((item) => item.subject.code)).toEqual(
      Array.from({ length: 50 }, () => branch().code),
    );
    expect(stored.find((item) => item.title === 'Новость 2')).toMatchObject({
      localDate: '2024-03-03',
      publishedAt: '2024-03-03T05:00:00.000Z',
      subject: { code: org.region.code },
      subjectManual: false,
    });
    expect(await importInto(ctx, file, channel)).toMatchObject({ batchId: null, unchanged: 97, rejected: 3 });
  });

  it('reads membership from a Windows-1251 CSV; an import that changes a figure is undone to the old one', async () => {
    const write = (members: number) => {
      const file = join(dir, `membership-${members}.csv`);
      const csv = `Организация;На дату;Члены профсоюза;Первичные организации\r\n${org.region.code};01.01.2024;${members};404\r\n${branch().code};01.01.2024;9 000;\r\n`;
      writeFileSync(file, iconv.encode(csv, 'win1251'));
      return file;
    };
    const snapshots = () =>
      ctx.db.kysely
        .selectFrom('membershipSnapshot')
        .select(['orgId', 'members', 'primaries', 'source'])
        .orderBy('orgId')
        .execute();
    expect(await importInto(ctx, write(25116))).toMatchObject({ sheetKind: 'membership', new: 2 });
    const first = await snapshots();
    expect(first).toEqual([
      { orgId: org.region.id, members: 25116, primaries: 404, source: 'import' },
      { orgId: branch().id, members: 9000, primaries: null, source: 'import' },
    ]);
    const changed = await importInto(ctx, write(25200));
    expect(changed).toMatchObject({ new: 0, updated: 1, unchanged: 1 });
    expect((await snapshots())[0]?.members).toBe(25200);
    expect(await undoImport(ctx, changed.batchId ?? 0)).toMatchObject({ removed: 0, restored: 1 });
    expect(await snapshots()).toEqual(first);
  });

  it('reads media mentions with outlets and kinds by their names, rejecting an unknown outlet', async () => {
    const outlet = uniqueCode('abai-news');
    await addOutlet(ctx, { code: outlet, name: 'Абай ақпарат', level: 'regional' });
    const file = join(dir, 'mentions.xlsx');
    await writeXlsx(file, [
      ['Организация', 'СМИ', 'Дата выхода', 'Заголовок', 'Вид материала', 'Ссылка'],
      [
        org.region.code,
        `${outlet} — Абай ақпарат`,
        '15.04.2024',
        'Интервью председателя',
        'Интервью',
        { text: 'https://abai.kz/1', hyperlink: 'https://abai.kz/1' },
      ],
      [branch().code, outlet, new Date(Date.UTC(2024, 4, 2)), 'Статья о семинаре', null, null],
      [branch().code, 'nowhere', '2024-05-03', 'Заметка', 'Новость', null],
    ]);
    const summary = await importInto(ctx, file);
    expect(summary).toMatchObject({ sheetKind: 'media-mentions', new: 2, rejected: 1 });
    expect(summary.rejections[0]).toMatchObject({
      record: { index: 4 },
      field: 'outlet',
      code: 'unknown_outlet',
    });
    const mentions = await ctx.db.kysely
      .selectFrom('mediaMention')
      .select(['orgId', 'publishedOn', 'title', 'kind', 'url'])
      .orderBy('publishedOn')
      .execute();
    expect(mentions).toEqual([
      {
        orgId: org.region.id,
        publishedOn: '2024-04-15',
        title: 'Интервью председателя',
        kind: 'interview',
        url: 'https://abai.kz/1',
      },
      {
        orgId: branch().id,
        publishedOn: '2024-05-02',
        title: 'Статья о семинаре',
        kind: 'article',
        url: null,
      },
    ]);
    expect(await importInto(ctx, file)).toMatchObject({ new: 0, unchanged: 2, rejected: 1 });
  });

  it('reads audience by channel code or by owner and platform, saying when that does not name one channel', async () => {
    const website = await channelOf(ctx, branch(), 'website');
    const other = org.branches[1] as Region['region'];
    await channelOf(ctx, other, 'facebook');
    await channelOf(ctx, other, 'facebook');
    const file = join(dir, 'audience.csv');
    writeFileSync(
      file,
      [
        'Канал,Организация,Платформа,На дату,Подписчики',
        `${website},,,2024-09-01,1250`,
        `,${branch().code},Сайт,2024-10-01,1300`,
        `,${other.code},facebook,2024-09-01,800`,
        `,${other.code},Instagram,2024-09-01,500`,
      ].join('\n'),
    );
    const summary = await importInto(ctx, file);
    expect(summary).toMatchObject({ sheetKind: 'audience', new: 2, rejected: 2 });
    expect(
      summary.rejections.map((rejection) => [rejection.record.index, rejection.field, rejection.code]),
    ).toEqual([
      [4, 'platform', 'ambiguous_channel'],
      [5, 'platform', 'no_channel_on_platform'],
    ]);
    const audience = await ctx.db.kysely
      .selectFrom('audienceSnapshot')
      .select(['asOf', 'followers'])
      .orderBy('asOf')
      .execute();
    expect(audience).toEqual([
      { asOf: '2024-09-01', followers: 1250 },
      { asOf: '2024-10-01', followers: 1300 },
    ]);
  });

  it('reads materials; kinds by their Kazakh names too', async () => {
    const file = join(dir, 'materials.xlsx');
    await writeXlsx(file, [
      ['Ұйым', 'Тақырып', 'Басылым түрі', 'Шыққан күні', 'Тілі', 'Таралымы'],
      [org.region.code, 'Кәсіподақ мүшесіне жадынама', 'Кітапша', '2024-02-01', 'kk', 500],
      [org.region.code, 'Памятка по охране труда', 'recommendation', '2024-03-01', 'ru', null],
      [org.region.code, 'Без вида', 'газета', '2024-03-02', 'ru', null],
    ]);
    const summary = await importInto(ctx, file);
    expect(summary).toMatchObject({ sheetKind: 'materials', new: 2, rejected: 1 });
    expect(summary.rejections[0]).toMatchObject({ field: 'materialKind', code: 'not_one_of' });
    const materials = await ctx.db.kysely
      .selectFrom('material')
      .select(['titleRu', 'titleKk', 'kind', 'copies'])
      .orderBy('issuedOn')
      .execute();
    // A sheet of the earlier template: its one title goes to the column of the row's language.
    expect(materials).toEqual([
      { titleRu: null, titleKk: 'Кәсіподақ мүшесіне жадынама', kind: 'brochure', copies: 500 },
      { titleRu: 'Памятка по охране труда', titleKk: null, kind: 'recommendation', copies: null },
    ]);
  });

  it('refuses a cut-off workbook, storing nothing', async () => {
    const whole = join(dir, 'whole.xlsx');
    await writeXlsx(whole, [
      ['Организация', 'На дату', 'Члены профсоюза'],
      [org.region.code, '2024-06-01', 100],
    ]);
    const file = join(dir, 'cut.xlsx');
    const bytes = readFileSync(whole);
    writeFileSync(file, bytes.subarray(0, Math.floor(bytes.length / 2)));
    const before = await rowCounts(ctx);
    const error = await failureOf(() => importInto(ctx, file));
    expect(error.code).toBe('import_file_unreadable');
    expect(error.params).toMatchObject({ file: 'cut.xlsx', format: 'XLSX' });
    expect(await rowCounts(ctx)).toEqual(before);
  });

  it('writes templates with headers in the language, lists and an example, and reads them back filled in', async () => {
    for (const lang of ['ru', 'kk'] as const) {
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load((await buildTemplate(ctx, 'membership', lang)) as unknown as ArrayBuffer);
      const [data, lists] = workbook.worksheets;
      const headers = COLUMN_HEADERS[lang];
      expect(data?.getRow(1).values).toEqual([
        undefined,
        `${headers.organization} *`,
        `${headers.asOf} *`,
        `${headers.members} *`,
        headers.primaries,
      ]);
      expect(lists?.state).toBe('hidden');
      expect(lists?.getColumn(1).values).toContain(
        `${org.region.code} — ${lang === 'ru' ? org.region.nameRu : org.region.nameKk}`,
      );
      const validation = (
        data as ExcelJS.Worksheet & { dataValidations: { model: Record<string, ExcelJS.DataValidation> } }
      ).dataValidations.model['A2'];
      expect(validation).toMatchObject({
        type: 'list',
        formulae: [expect.stringMatching(/^'(Списки|Тізімдер)'!\$A\$2:\$A\$\d+$/)],
      });
      expect(data?.getRow(2).getCell(3).value).toBe(25116);
      data?.spliceRows(2, 1);
      data?.addRow([
        `${org.primaries[0]?.code} — ${org.primaries[0]?.nameRu}`,
        new Date(Date.UTC(2024, 6, 1)),
        120,
        null,
      ]);
      const file = join(dir, `membership-${lang}.xlsx`);
      await workbook.xlsx.writeFile(file);
      expect(await importInto(ctx, file)).toMatchObject({
        sheetKind: 'membership',
        new: lang === 'ru' ? 1 : 0,
        rejected: 0,
      });
    }
    const publications = new ExcelJS.Workbook();
    await publications.xlsx.load((await buildTemplate(ctx, 'publications', 'kk')) as unknown as ArrayBuffer);
    expect(publications.worksheets[0]?.getRow(1).getCell(2).value).toBe(`${COLUMN_HEADERS.kk.publishedAt} *`);
    expect(publications.worksheets[1]?.getColumn(3).values).toEqual([
      undefined,
      COLUMN_HEADERS.kk.isRepost,
      'иә',
      'жоқ',
    ]);
  });
});
