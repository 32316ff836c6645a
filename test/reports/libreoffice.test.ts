import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderDocx } from '../../src/reports/render/docx.js';
import { buildBrief } from '../../src/services/brief.service.js';
import { buildDemo } from '../../src/services/demo.service.js';
import { openTestContext } from '../helpers/databases.js';
import { docxToPdfText, hasCommand } from '../helpers/office.js';
import { SEED_BRIEF } from '../helpers/brief.js';

// CI installs LibreOffice and requires this test; a newcomer's machine without it skips it, saying so.
const available = (await hasCommand('libreoffice')) && (await hasCommand('pdftotext'));
const required = process.env['AQPARAT_REQUIRE_LIBREOFFICE'] === '1';

/**
 * The Word file opens in LibreOffice and its PDF says the seed's figures. Runs on SQLite only: the DOCX is built
 * from the report model, which the database tests already prove equal on both engines.
 */
describe.skipIf(!available && !required)('the Word brief in LibreOffice', () => {
  let ctx: Awaited<ReturnType<typeof openTestContext>>;

  beforeAll(async () => {
    ctx = await openTestContext('sqlite');
    await buildDemo(ctx);
  });
  afterAll(() => ctx.close());

  it.each(['ru', 'kk'] as const)('converts the %s brief to a PDF that carries the figures', async (lang) => {
    const docx = await renderDocx(await buildBrief(ctx, { ...SEED_BRIEF, lang }));
    const { text, pages } = await docxToPdfText(docx);
    expect(pages).toBeGreaterThan(3);
    const flat = text.replace(/\s+/g, ' ');
    expect(flat).toContain(lang === 'ru' ? 'СПРАВКА' : 'АНЫҚТАМА');
    expect(flat).toContain('25 116');
    expect(flat).toMatch(/2021 20 /);
    expect(flat).toMatch(/2022 36 /);
    expect(flat).toMatch(/2023 46 /);
    expect(flat).toMatch(/261 1,0 %/);
    expect(flat).toMatch(lang === 'ru' ? /Всего 48 33/ : /Барлығы 48 33/);
    expect(flat).toMatch(/Қазақстан кәсіподағы 1 5 2 0/);
  });
});
