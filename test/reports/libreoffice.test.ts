import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { skippedBecause } from '../helpers/real-files.js';
import type { ReportModel } from '../../src/reports/model.js';
import { renderDocx } from '../../src/reports/render/docx.js';
import { buildBrief } from '../../src/services/brief.service.js';
import { buildDemo } from '../../src/services/demo.service.js';
import { REPORT_LANGS, type ReportLang } from '../../src/shared/vocabulary.js';
import { openTestContext } from '../helpers/databases.js';
import { docxToPdf, hasCommand, pdfFontFamilies, pdfText } from '../helpers/office.js';
import { SEED_BRIEF } from '../helpers/brief.js';

// CI installs LibreOffice and requires this test; a newcomer's machine without it skips it, saying so.
const available =
  (await hasCommand('libreoffice')) && (await hasCommand('pdftotext')) && (await hasCommand('pdffonts'));
const required = process.env['AQPARAT_REQUIRE_LIBREOFFICE'] === '1';

/**
 * The Word file opens in LibreOffice and its PDF says the seed's figures. Runs on SQLite only: the DOCX is built
 * from the report model, which the database tests already prove equal on both engines.
 */
const skipped = !available && !required;
describe.skipIf(skipped)(
  skippedBecause(
    'the Word brief in LibreOffice',
    skipped ? 'LibreOffice or pdftotext is not installed' : undefined,
  ),
  () => {
    let ctx: Awaited<ReturnType<typeof openTestContext>>;
    const briefs = {} as Record<ReportLang, { model: ReportModel; pdf: string }>;

    beforeAll(async () => {
      ctx = await openTestContext('sqlite');
      await buildDemo(ctx);
      for (const lang of REPORT_LANGS) {
        const model = await buildBrief(ctx, { ...SEED_BRIEF, lang });
        briefs[lang] = { model, pdf: await docxToPdf(await renderDocx(model)) };
      }
    }, 240_000);
    afterAll(() => ctx.close());

    it.each(REPORT_LANGS)('converts the %s brief to a PDF that carries the figures', async (lang) => {
      const { text, pages } = await pdfText(briefs[lang].pdf);
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

    it.each(REPORT_LANGS)('%s: no page ends with a heading or a table caption', async (lang) => {
      const { model, pdf } = briefs[lang];
      const alone = new Set(
        model.sections.flatMap((section) => [
          section.number === null ? section.heading : `${section.number}. ${section.heading}`,
          ...section.blocks.flatMap((block) => (block.kind === 'table' ? [block.caption] : [])),
        ]),
      );
      const pages = (await pdfText(pdf)).text.split('\f').slice(0, -1);
      expect(pages.length).toBeGreaterThan(3);
      const lastLines = pages.map((page) => {
        // The last line of a page is its number in the footer; the one before it ends the page's text.
        const lines = page
          .split('\n')
          .map((line) => line.trim())
          .filter(Boolean);
        return lines.at(/^\d+$/.test(lines.at(-1) ?? '') ? -2 : -1) ?? '';
      });
      expect(lastLines.filter((line) => alone.has(line))).toEqual([]);
    });

    it('sets the Kazakh brief in one font family: no Kazakh letter falls back to another font', async () => {
      // Times New Roman holds every Kazakh letter on Windows and macOS; LibreOffice on Linux sets it in Liberation
      // Serif, which holds them from version 2 on (Debian: fonts-liberation2; fonts-liberation 1.07 lacks them).
      expect(
        await pdfFontFamilies(briefs.kk.pdf),
        'Liberation Serif must hold the Kazakh letters: install fonts-liberation2',
      ).toEqual(['LiberationSerif']);
    });
  },
);
