/**
 * The materials template asks for the title in Russian and in Kazakh, and the import reads both: a row may give
 * either or both, not neither, and a later sheet may add the other language to a material already stored.
 */
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTemplate } from '../../src/services/import/template.service.js';
import { COLUMN_HEADERS } from '../../src/shared/sheet-columns.js';
import { DIALECTS, openTestContext } from '../helpers/databases.js';
import { buildRegion, importInto, type Region, scratchDir } from './setup.js';

describe.each(DIALECTS)('materials in two languages from a spreadsheet (%s)', (dialect) => {
  let ctx: Awaited<ReturnType<typeof openTestContext>>;
  let org: Region;
  const dir = scratchDir();

  beforeAll(async () => {
    ctx = await openTestContext(dialect);
    org = await buildRegion(ctx);
  });
  afterAll(() => ctx.close());

  const titles = () =>
    ctx.db.kysely
      .selectFrom('material')
      .select(['titleRu', 'titleKk', 'copies'])
      .where('orgId', '=', org.region.id)
      .orderBy('issuedOn')
      .execute();

  it('fills the Kazakh template with both titles and reads them back', async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await buildTemplate(ctx, 'materials', 'kk')) as unknown as ArrayBuffer);
    const data = workbook.worksheets[0]!;
    const headers = (data.getRow(1).values as unknown[]).slice(1);
    expect(headers.slice(0, 3)).toEqual([
      `${COLUMN_HEADERS.kk.organization} *`,
      COLUMN_HEADERS.kk.titleRu,
      COLUMN_HEADERS.kk.titleKk,
    ]);
    expect(headers).not.toContain(COLUMN_HEADERS.kk.title);
    // The example row shows a title in each language, and the note says either may be empty, not both.
    expect([data.getRow(2).getCell(2).value, data.getRow(2).getCell(3).value]).toEqual([
      'Памятка члену профсоюза',
      'Кәсіподақ мүшесіне жадынама',
    ]);
    expect(String(data.getCell('A1').note)).toContain('екеуі де бос болмайды');

    data.spliceRows(2, 1);
    const code = `${org.region.code} — ${org.region.nameKk}`;
    data.addRow([
      code,
      'Памятка по охране труда',
      'Еңбекті қорғау жөніндегі жадынама',
      'Кітапша',
      '2024-02-01',
    ]);
    data.addRow([code, null, 'Жас мамандарға нұсқаулық', 'Кітапша', '2024-03-01']);
    data.addRow([code, null, null, 'Кітапша', '2024-04-01']);
    const file = join(dir, 'materials-kk.xlsx');
    await workbook.xlsx.writeFile(file);

    const summary = await importInto(ctx, file);
    expect(summary).toMatchObject({ sheetKind: 'materials', new: 2, rejected: 1 });
    expect(summary.rejections[0]).toMatchObject({
      record: { kind: 'row', index: 4 },
      field: 'titleRu',
      code: 'one_language_required',
    });
    expect(await titles()).toEqual([
      { titleRu: 'Памятка по охране труда', titleKk: 'Еңбекті қорғау жөніндегі жадынама', copies: null },
      { titleRu: null, titleKk: 'Жас мамандарға нұсқаулық', copies: null },
    ]);
  });

  it('adds a title in the other language to a stored material, and keeps a title a sheet leaves empty', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Лист1');
    sheet.addRow([
      'Организация',
      'Название на русском',
      'Название на казахском',
      'Вид издания',
      'Дата издания',
      'Тираж',
    ]);
    sheet.addRow([org.region.code, 'Памятка по охране труда', null, 'brochure', '2024-02-01', 500]);
    sheet.addRow([
      org.region.code,
      'Памятка молодому специалисту',
      'Жас мамандарға нұсқаулық',
      'brochure',
      '2024-03-01',
      null,
    ]);
    const file = join(dir, 'materials-ru.xlsx');
    await workbook.xlsx.writeFile(file);
    expect(await importInto(ctx, file)).toMatchObject({ new: 0, updated: 2 });
    expect(await titles()).toEqual([
      { titleRu: 'Памятка по охране труда', titleKk: 'Еңбекті қорғау жөніндегі жадынама', copies: 500 },
      { titleRu: 'Памятка молодому специалисту', titleKk: 'Жас мамандарға нұсқаулық', copies: null },
    ]);
  });
});
