import { describe, expect, it } from 'vitest';
import type { ChartBlock, ReportModel } from '../../src/reports/model.js';
import {
  CHART_SIZE,
  CHART_WIDTH_PX,
  renderChartPng,
  renderChartSvg,
} from '../../src/reports/render/charts.js';
import { renderDocx } from '../../src/reports/render/docx.js';
import { renderHtml } from '../../src/reports/render/html.js';
import { renderMarkdown } from '../../src/reports/render/markdown.js';
import { docxText, zipEntry } from '../helpers/office.js';

const HOSTILE = '<script>alert(1)</script><img src=x onerror=alert(2)> | *bold*';

/** A small model with text from records that tries to break out of every format. */
const model: ReportModel = {
  lang: 'kk',
  title: 'АНЫҚТАМА',
  subtitle: 'ақпараттық жұмыстың жай-күйі туралы',
  orgName: 'Сынақ ұйымы',
  periodText: '2024 ж. 1 қаңтар – 2024 ж. 31 желтоқсан кезеңі',
  signature: 'aqparat',
  findingLabels: {
    rule: 'Ереже',
    finding: 'Қорытынды',
    recommendation: 'Ұсыныс',
    threshold: 'Шегі',
    evidence: 'Негізі',
  },
  sections: [
    {
      id: 'content',
      number: 1,
      heading: 'Контент',
      blocks: [
        { kind: 'paragraph', text: HOSTILE },
        {
          kind: 'table',
          id: 'posts',
          caption: 'Жарияланымдар',
          columns: [
            { label: 'Атауы', kind: 'text' },
            { label: 'Саны', kind: 'number' },
            { label: 'Үлесі', kind: 'percent' },
          ],
          rows: [
            [{ text: HOSTILE, url: 'javascript:alert(3)' }, 25116, { percent: 0.0104 }],
            [{ text: 'Сілтеме', url: 'https://example.org/a?b=1&c=2' }, 7, null],
          ],
          total: ['Барлығы', 25123, { percent: 1 }],
        },
        {
          kind: 'chart',
          id: 'chart',
          title: 'Әғқңөұүһі диаграммасы',
          type: 'bar',
          categories: ['Қарауыл', 'Үржар'],
          series: [{ name: '2024', values: [3, 5] }],
        },
        {
          kind: 'finding',
          title: 'Құқықтық қорғау туралы материалдар аз',
          text: 'Мәтін',
          recommendation: 'Ұсыныс мәтіні',
          reference: 'Негіздері — қосымшада, 1-тармақ.',
        },
      ],
    },
    {
      id: 'grounds',
      number: null,
      heading: 'Қосымша. Қорытындылардың негіздері',
      blocks: [
        {
          kind: 'grounds',
          title: '1. Құқықтық қорғау туралы материалдар аз',
          ruleId: 'legal_share_low',
          threshold: '15,0 %',
          evidence: [
            { kind: 'publication', id: 1, label: HOSTILE, date: '2024-03-20', url: 'https://example.org/p' },
          ],
        },
      ],
    },
  ],
};

describe('renderers', () => {
  it('HTML shows text from records as text, never as markup, and links only to the web', () => {
    const html = renderHtml(model);
    expect(html).not.toContain('<script>alert');
    expect(html).not.toContain('<img src=x');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;&lt;img src=x onerror=alert(2)&gt;');
    expect(html).not.toContain('javascript:');
    expect(html).toContain('<a href="https://example.org/a?b=1&amp;c=2">Сілтеме</a>');
    expect(html).toContain('<td class="number">25\u00a0116</td><td class="number">1,0\u00a0%</td>');
    expect(html).toContain('<svg');
    expect(html).toContain('20.03.2024');
  });

  it('Markdown keeps table cells in their columns', () => {
    const markdown = renderMarkdown(model);
    expect(markdown).toContain('\\<script\\>alert(1)\\</script\\>');
    expect(markdown).toContain('\\| \\*bold\\*');
    expect(markdown).toContain('| **Барлығы** | **25\u00a0123** | **100,0\u00a0%** |');
  });

  it('Word: A4, Times New Roman 14, header rows that repeat, page numbers, the chart as a picture', async () => {
    const docx = await renderDocx(model);
    const document = await zipEntry(docx, 'word/document.xml');
    expect(document).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
    expect(document).toContain('<w:tblHeader');
    expect(await zipEntry(docx, 'word/styles.xml')).toMatch(
      /w:ascii="Times New Roman"[^>]*\/>[\s\S]*?<w:sz w:val="28"/,
    );
    expect(await zipEntry(docx, 'word/footer1.xml')).toContain('PAGE');
    expect((await zipEntry(docx, 'word/media/image1.png')).length).toBeGreaterThan(10_000);
    const text = await docxText(docx);
    expect(text).toContain(HOSTILE);
    expect(text).toContain('25\u00a0116');
  });

  it('draws charts with the Kazakh letters in the picture', () => {
    const chart = model.sections[0]!.blocks[2] as ChartBlock;
    const svg = renderChartSvg(chart);
    expect(svg).toContain('Әғқңөұүһі диаграммасы');
    expect(svg).toContain('Үржар');
    const withText = renderChartPng(chart, 1);
    const withoutText = renderChartPng({ ...chart, title: '' }, 1);
    // PNG signature, and the title's glyphs are really drawn: the picture differs when they are absent.
    expect(withText.subarray(1, 4).toString()).toBe('PNG');
    expect(withText.equals(withoutText)).toBe(false);
  });

  it('draws a chart for print: at least 200 dpi at the width the document shows it', () => {
    const png = renderChartPng(model.sections[0]!.blocks[2] as ChartBlock);
    // The PNG header's width, after the signature and the header chunk's length and type.
    const width = png.readUInt32BE(16);
    expect(width / (CHART_WIDTH_PX / 96)).toBeGreaterThanOrEqual(200);
    expect(png.readUInt32BE(20) / width).toBeCloseTo(CHART_SIZE.height / CHART_SIZE.width, 2);
  });
});
