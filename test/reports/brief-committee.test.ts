/**
 * The Abai brief as the Executive Committee reads it: the body in its words (rule ids and thresholds in the
 * appendix), no table printed twice, and a Word layout that keeps headings and captions with what they introduce.
 * SQLite only: these are properties of the report model and its renderers, which the database tests prove equal
 * on both engines.
 */
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ReportModel } from '../../src/reports/model.js';
import { renderDocx } from '../../src/reports/render/docx.js';
import { renderHtml } from '../../src/reports/render/html.js';
import { renderMarkdown } from '../../src/reports/render/markdown.js';
import { renderXlsx } from '../../src/reports/render/xlsx.js';
import { layOutBrief, prepareBrief, type PreparedBrief } from '../../src/services/brief.service.js';
import { buildDemo } from '../../src/services/demo.service.js';
import { RULE_IDS } from '../../src/shared/finding.js';
import { RULE_TEXTS, THRESHOLD_CLAUSE } from '../../src/shared/rule-texts.js';
import { REPORT_LANGS, type ReportLang } from '../../src/shared/vocabulary.js';
import { openTestContext } from '../helpers/databases.js';
import { SEED_BRIEF } from '../helpers/brief.js';
import { docxText, zipEntry } from '../helpers/office.js';

const APPENDIX: Record<ReportLang, string> = {
  ru: 'Приложение. Основания выводов',
  kk: 'Қосымша. Қорытындылардың негіздері',
};
/** Words of the rules' machinery a committee member should not meet in the body. */
const MACHINERY: Record<ReportLang, RegExp> = {
  ru: /Правило|[Пп]орог/,
  kk: /Ереже:|[Шш]егі/,
};

/** The Markdown's tables, each as its rows' text without the header and the (bold) total row. */
function markdownTables(markdown: string): string[] {
  return markdown
    .split(/\n\n+/)
    .filter((part) => part.startsWith('| '))
    .map((part) =>
      part
        .split('\n')
        .slice(2)
        .filter((line) => !line.startsWith('| **'))
        .join('\n'),
    );
}

describe('the Abai brief for the Executive Committee', () => {
  let ctx: Awaited<ReturnType<typeof openTestContext>>;
  let prepared: PreparedBrief;
  const models = {} as Record<ReportLang, ReportModel>;

  beforeAll(async () => {
    ctx = await openTestContext('sqlite', { clock: () => new Date('2024-09-02T06:00:00Z') });
    await buildDemo(ctx);
    prepared = await prepareBrief(ctx, SEED_BRIEF);
    for (const lang of REPORT_LANGS) models[lang] = layOutBrief(ctx, prepared, lang);
  });
  afterAll(() => ctx.close());

  it.each(REPORT_LANGS)(
    '%s: the body speaks without rule ids and thresholds; the appendix holds them',
    async (lang) => {
      const model = models[lang];
      const markdown = renderMarkdown(model);
      const word = await docxText(await renderDocx(model));
      const ids = prepared.findings.map((finding) => finding.ruleId);
      expect(ids.length).toBeGreaterThan(3);
      for (const text of [markdown, word]) {
        const at = text.indexOf(APPENDIX[lang]);
        expect(at).toBeGreaterThan(0);
        const [body, appendix] = [text.slice(0, at), text.slice(at)];
        for (const id of RULE_IDS) expect(body).not.toContain(id);
        expect(body).not.toMatch(MACHINERY[lang]);
        // Each conclusion points to its grounds, and the grounds are there under the same number.
        ids.forEach((id, index) => {
          expect(body).toContain(
            lang === 'ru' ? `в приложении, п. ${index + 1}.` : `қосымшада, ${index + 1}-тармақ.`,
          );
          expect(appendix).toMatch(new RegExp(`${index + 1}\\. [^\\n]+\\n[\\s\\S]*?${id}`));
        });
        expect(appendix).toContain(lang === 'ru' ? 'Порог: 10,0\u00a0%' : 'Шегі: 10,0\u00a0%');
      }
      // The appendix is last and unnumbered.
      expect(model.sections.at(-1)).toMatchObject({ id: 'grounds', number: null, heading: APPENDIX[lang] });
      expect(markdown).toContain(`## ${APPENDIX[lang]}`);
    },
  );

  it('states every threshold with the one clause the body leaves out', () => {
    for (const lang of REPORT_LANGS) {
      for (const texts of Object.values(RULE_TEXTS[lang])) {
        if (texts.finding.includes('{threshold}')) expect(texts.finding).toContain(THRESHOLD_CLAUSE[lang]);
      }
    }
  });

  it.each(REPORT_LANGS)('%s: prints no table twice, in Markdown, Excel and HTML', async (lang) => {
    const model = models[lang];
    const tables = markdownTables(renderMarkdown(model));
    expect(tables.length).toBeGreaterThan(10);
    expect(new Set(tables).size).toBe(tables.length);

    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await renderXlsx(model)) as unknown as ExcelJS.Buffer);
    const total = lang === 'ru' ? 'Всего' : 'Барлығы';
    const sheets = workbook.worksheets.map((sheet) =>
      JSON.stringify(
        sheet
          .getSheetValues()
          .slice(2)
          .filter((row) => Array.isArray(row) && row[1] !== total),
      ),
    );
    expect(new Set(sheets).size).toBe(sheets.length);

    const html = renderHtml(model);
    const bodies = [...html.matchAll(/<tbody>(.*?)<\/tbody>/g)].map((match) =>
      match[1]!.replace(/<tr class="total">.*$/, ''),
    );
    expect(new Set(bodies).size).toBe(bodies.length);
  });

  it('keeps headings, captions and the words before a table with what follows; rows whole; headers repeated', async () => {
    const xml = await zipEntry(await renderDocx(models.kk), 'word/document.xml');
    const paragraphs = xml.split('</w:p>');
    const text = (paragraph: string) =>
      [...paragraph.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((match) => match[1]).join('');
    const keeps = (wanted: string) => {
      const paragraph = paragraphs.find((entry) => text(entry) === wanted);
      expect(paragraph, wanted).toBeDefined();
      return paragraph?.includes('<w:keepNext/>');
    };
    for (const section of models.kk.sections) {
      expect(keeps(section.number === null ? section.heading : `${section.number}. ${section.heading}`)).toBe(
        true,
      );
      section.blocks.forEach((block, index) => {
        if (block.kind !== 'table') return;
        expect(keeps(block.caption)).toBe(true);
        const before = section.blocks[index - 1];
        if (before?.kind === 'paragraph') expect(keeps(before.text)).toBe(true);
      });
    }
    const tables = xml.split('<w:tbl>').slice(1);
    expect(tables.length).toBeGreaterThan(10);
    for (const table of tables) {
      const rows = table.split('</w:tbl>')[0]!.split('<w:tr>').slice(1);
      expect(rows[0]).toContain('<w:tblHeader/>');
      for (const row of rows) expect(row).toContain('<w:cantSplit/>');
    }
  });
});
