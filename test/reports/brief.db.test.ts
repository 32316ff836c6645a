import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ReportModel } from '../../src/reports/model.js';
import { renderDocx } from '../../src/reports/render/docx.js';
import { renderMarkdown } from '../../src/reports/render/markdown.js';
import { renderXlsx } from '../../src/reports/render/xlsx.js';
import { layOutBrief, prepareBrief, type PreparedBrief } from '../../src/services/brief.service.js';
import { buildDemo } from '../../src/services/demo.service.js';
import { DIALECTS, openTestContext } from '../helpers/databases.js';
import { SEED_BRIEF, tableOf } from '../helpers/brief.js';
import { russianOnlyFragments } from '../helpers/catalog-fragments.js';
import { docxText } from '../helpers/office.js';

describe.each(DIALECTS)('the Abai brief from the demo records (%s)', (dialect) => {
  let ctx: Awaited<ReturnType<typeof openTestContext>>;
  let prepared: PreparedBrief;
  let ru: ReportModel;
  let kk: ReportModel;

  beforeAll(async () => {
    ctx = await openTestContext(dialect, { clock: () => new Date('2024-09-02T06:00:00Z') });
    await buildDemo(ctx);
    prepared = await prepareBrief(ctx, SEED_BRIEF);
    ru = layOutBrief(ctx, prepared, 'ru');
    kk = layOutBrief(ctx, prepared, 'kk');
  });
  afterAll(() => ctx.close());

  it('follows the seed section by section', () => {
    expect(ru.sections.map((section) => section.id)).toEqual([
      'organization',
      'decisions',
      'website',
      'social',
      'branches',
      'materials',
      'content',
      'media',
      'subscriptions',
      'app',
      'conclusions',
      'grounds',
    ]);
    const first = ru.sections[0]!.blocks[0];
    expect(first).toEqual({
      kind: 'paragraph',
      text: 'Областная организация: первичных профсоюзных организаций — 404, филиалов — 9, членов профсоюза — 25\u00a0116 (на 1 сентября 2024 г.).',
    });
  });

  it("puts the seed's figures in their tables", () => {
    expect(tableOf(ru, 'website').rows).toEqual([
      ['2021', 20],
      ['2022', 36],
      ['2023', 46],
      ['2024 (по 01.09)', 28],
    ]);
    const page = tableOf(ru, 'pages').rows[0]!;
    expect(page[3]).toBe(261);
    expect((page[4] as { percent: number }).percent).toBeCloseTo(261 / 25_116, 6);
    const split = Object.fromEntries(
      tableOf(ru, 'social-by-subject').rows.map((row) => [row[0], row.slice(1)]),
    );
    expect(split).toEqual({
      'Областная организация': [25, 17],
      Абайская: [0, 0],
      Аксуатская: [1, 2],
      Аягозская: [1, 0],
      Бескарагайская: [2, 0],
      Бородулихинская: [3, 0],
      Жарминская: [2, 1],
      Кокпектинская: [3, 0],
      Урджарская: [2, 0],
      'Городская организация': [9, 10],
      'Непосредственные ППО': [0, 3],
    });
    expect(tableOf(ru, 'social-by-subject').total).toEqual(['Всего', 48, 33]);
    expect(tableOf(ru, 'media').rows).toEqual([
      ['Республиканские', 'Білімді Ел', 1, 1, 0, 0],
      ['Республиканские', 'Қазақстан кәсіподағы', 1, 5, 2, 0],
      ['Областные', 'Семей вести', 0, 0, 1, 0],
      ['Областные', 'Семей таңы', 1, 0, 1, 1],
      ['Районные', 'Бесқарағай тынысы', 0, 0, 1, 3],
      ['Районные', 'Жаңа уақыт', 0, 0, 2, 2],
      ['Районные', 'Уақыт тынысы', 1, 1, 1, 0],
    ]);
    // Totals are sums of records: 2022 has the 7 items the seed lists, not its stated 6.
    expect(tableOf(ru, 'media').total).toEqual(['Всего', null, 4, 7, 8, 6]);
    expect(tableOf(ru, 'materials').rows).toHaveLength(5);
    const presence = tableOf(ru, 'presence').rows.filter((row) => row.slice(1).every((cell) => cell === '—'));
    expect(presence.map((row) => row[0])).toEqual([
      'Аягозская',
      'Жарминская',
      'Кокпектинская',
      'Городская организация',
    ]);
  });

  it("ends with the seed's four recommendations, each with its evidence", () => {
    const findings = prepared.findings;
    const byRule = new Map(findings.map((finding) => [finding.ruleId, finding]));
    expect([...byRule.keys()]).toEqual(
      expect.arrayContaining(['declarative_dominant', 'low_reach', 'platform_missing', 'legal_share_low']),
    );
    expect(byRule.get('legal_share_low')?.records.map((record) => record.label)).toEqual([
      'Семинар по работе согласительных комиссий',
      expect.stringContaining('аттестат'),
    ]);
    expect(byRule.get('low_reach')?.params['followers']).toEqual({ number: 261 });
    const conclusions = ru.sections.find((section) => section.id === 'conclusions')!;
    const recommendations = conclusions.blocks.at(-1);
    expect(recommendations).toMatchObject({
      kind: 'list',
      items: expect.arrayContaining([
        'Усилить внимание на содержание контента: конкретные факты, цифры, результаты.',
        'Провести работу над увеличением количества подписчиков.',
        'Создать иные страницы социальных сетей: Instagram, Telegram.',
        'Акцентировать внимание на проведении семинаров на правовую тему и освещении правозащитной работы.',
      ]),
    });
  });

  it('writes the same figures into the Markdown and the Word text', async () => {
    const markdown = renderMarkdown(ru);
    for (const line of [
      '| 2021 | 20 |',
      '| 2024 (по 01.09) | 28 |',
      '| Городская организация | 9 | 10 |',
      '| **Всего** | **48** | **33** |',
      '| Республиканские | Қазақстан кәсіподағы | 1 | 5 | 2 | 0 |',
      '| **Всего** | **—** | **4** | **7** | **8** | **6** |',
      '25\u00a0116',
      '| 261 | 1,0\u00a0% |',
    ]) {
      expect(markdown).toContain(line);
    }
    const word = await docxText(await renderDocx(ru));
    for (const lines of [
      ['2021', '20'],
      ['2022', '36'],
      ['2023', '46'],
      ['2024 (по 01.09)', '28'],
      ['Городская организация', '9', '10'],
      ['Всего', '48', '33'],
      ['Республиканские', 'Қазақстан кәсіподағы', '1', '5', '2', '0'],
      ['Всего', '—', '4', '7', '8', '6'],
      ['261', '1,0\u00a0%'],
    ]) {
      expect(word).toContain(lines.join('\n'));
    }
    expect(word).toContain('Статистическая отчетность в организациях профсоюза');
  });

  it('stores numbers as numbers in Excel, one sheet a table, header row frozen', async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await renderXlsx(ru)) as unknown as ExcelJS.Buffer);
    const website = workbook.worksheets.find((sheet) => sheet.getCell('B1').value === 'Материалов');
    expect(website?.name).toBe('Материалы на сайте отраслево');
    expect(website?.getCell('B2').value).toBe(20);
    expect(website?.getCell('B5').value).toBe(28);
    expect(website?.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    const pages = workbook.worksheets.find((sheet) => sheet.getCell('A1').value === 'Страница');
    expect(pages?.getCell('E2').value).toBeCloseTo(261 / 25_116, 6);
    expect(pages?.getCell('E2').numFmt).toBe('0.0%');
    expect(workbook.worksheets.length).toBeGreaterThanOrEqual(10);
  });

  it('leaves no Russian label in the Kazakh brief', () => {
    // Names of people and pages stay as they were written: take them out first.
    const facts = prepared.facts;
    const records = [
      ...facts.people.map((person) => person.fullName),
      ...facts.pages.map((page) => page.name),
      ...[...facts.legalItems, ...facts.declarativeSamples].map((record) => record.label),
    ].filter(Boolean);
    let markdown = renderMarkdown(kk).replace(/\\/g, '');
    for (const text of records) markdown = markdown.split(text).join('');
    const left = russianOnlyFragments().filter((fragment) => markdown.includes(fragment));
    expect(left).toEqual([]);
    // And the check bites: the Russian brief is full of them.
    expect(
      russianOnlyFragments().filter((fragment) => renderMarkdown(ru).includes(fragment)).length,
    ).toBeGreaterThan(30);
  });

  it('writes the Kazakh brief with the same figures', () => {
    expect(tableOf(kk, 'website').rows.map((row) => row[1])).toEqual([20, 36, 46, 28]);
    expect(tableOf(kk, 'social-by-subject').total).toEqual(['Барлығы', 48, 33]);
    expect(kk.sections[0]!.heading).toBe('Ұйымдық құрылым және кадрлар');
  });

  it('names the organizations behind a finding in the brief language', async () => {
    const ayagoz = await ctx.db.kysely
      .selectFrom('organization')
      .select(['nameRu', 'nameKk'])
      .where('code', '=', 'abai-ayagoz')
      .executeTakeFirstOrThrow();
    const evidence = (model: ReportModel) => renderMarkdown(model).replace(/\\/g, '');
    expect(evidence(kk)).toContain(ayagoz.nameKk);
    expect(evidence(kk)).not.toContain(ayagoz.nameRu);
    expect(evidence(ru)).toContain(ayagoz.nameRu);
  });
});
