/** The brief as one self-contained, printable HTML file: styles inline, charts as inline SVG. */
import type { Block, ReportModel, TableBlock } from '../model.js';
import { cellText, cellUrl, evidenceText, sectionHeading } from './cells.js';
import { renderChartSvg } from './charts.js';

const ESCAPES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Every text from records is escaped: a post saying `<script>` shows as text. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => ESCAPES[char] ?? char);
}

/** Only web links become links. */
function safeUrl(url: string): string | null {
  return /^https?:\/\//i.test(url) ? escapeHtml(url) : null;
}

const STYLE = `
@page { size: A4; margin: 2cm 1.5cm 2cm 2.5cm; }
body { font-family: 'Times New Roman', 'DejaVu Serif', serif; font-size: 14pt; line-height: 1.35; color: #111;
  max-width: 48rem; margin: 2rem auto; padding: 0 1rem; }
h1 { text-align: center; font-size: 16pt; margin: 0; letter-spacing: 0.08em; }
.subtitle, .org, .period { text-align: center; margin: 0.2rem 0; }
.org { font-weight: bold; }
h2 { font-size: 14pt; margin-top: 1.6rem; }
p { text-align: justify; margin: 0.4rem 0; }
table { border-collapse: collapse; width: 100%; margin: 0.6rem 0 1rem; font-size: 12pt; }
caption { caption-side: top; text-align: left; font-style: italic; padding-bottom: 0.2rem; }
th, td { border: 1px solid #555; padding: 0.2rem 0.4rem; vertical-align: top; }
th { background: #e8edf3; }
td.number { text-align: right; white-space: nowrap; }
tr.total td { font-weight: bold; }
figure { margin: 1rem 0; text-align: center; page-break-inside: avoid; }
figure svg { max-width: 100%; height: auto; }
.finding { border-left: 4px solid #c55a11; padding: 0.3rem 0.8rem; margin: 0.8rem 0; page-break-inside: avoid; }
.finding .reference { font-style: italic; font-size: 12pt; }
.grounds { margin: 0.8rem 0; page-break-inside: avoid; }
.grounds .rule { font-family: monospace; font-size: 10pt; color: #555; }
.grounds ul { font-size: 11pt; }
#grounds { page-break-before: always; }
h2, caption { page-break-after: avoid; }
tr { page-break-inside: avoid; }
thead { display: table-header-group; }
.signature { margin-top: 2rem; font-style: italic; font-size: 11pt; }
`;

function table(block: TableBlock, lang: ReportModel['lang']): string {
  const head = block.columns.map((column) => `<th scope="col">${escapeHtml(column.label)}</th>`).join('');
  const row = (cells: TableBlock['rows'][number], total = false) =>
    `<tr${total ? ' class="total"' : ''}>${cells
      .map((cell, index) => {
        const text = escapeHtml(cellText(cell, lang));
        const url = cellUrl(cell);
        const href = url ? safeUrl(url) : null;
        const kind = block.columns[index]?.kind ?? 'text';
        return `<td${kind === 'text' ? '' : ' class="number"'}>${href ? `<a href="${href}">${text}</a>` : text}</td>`;
      })
      .join('')}</tr>`;
  const body = [...block.rows.map((cells) => row(cells)), ...(block.total ? [row(block.total, true)] : [])];
  return `<table><caption>${escapeHtml(block.caption)}</caption><thead><tr>${head}</tr></thead><tbody>${body.join('')}</tbody></table>`;
}

function block(item: Block, model: ReportModel): string {
  const lang = model.lang;
  switch (item.kind) {
    case 'paragraph':
      return `<p>${escapeHtml(item.text)}</p>`;
    case 'list':
      return `<ul>${item.items.map((entry) => `<li>${escapeHtml(entry)}</li>`).join('')}</ul>`;
    case 'table':
      return table(item, lang);
    case 'chart':
      return `<figure>${renderChartSvg(item)}<figcaption>${escapeHtml(item.title)}</figcaption></figure>`;
    case 'finding':
      return [
        `<div class="finding"><p><strong>${escapeHtml(item.title)}</strong></p>`,
        `<p>${escapeHtml(item.text)}</p>`,
        `<p>${escapeHtml(model.findingLabels.recommendation)}: ${escapeHtml(item.recommendation)}</p>`,
        `<p class="reference">${escapeHtml(item.reference)}</p>`,
        '</div>',
      ].join('');
    case 'grounds': {
      const evidence = item.evidence.map((record) => {
        const label = escapeHtml(evidenceText(record, lang));
        const href = record.url ? safeUrl(record.url) : null;
        return `<li>${href ? `<a href="${href}">${label}</a>` : label}</li>`;
      });
      const labels = model.findingLabels;
      return [
        `<div class="grounds"><p><strong>${escapeHtml(item.title)}</strong></p>`,
        `<p class="rule">${escapeHtml(labels.rule)}: ${escapeHtml(item.ruleId)} · ${escapeHtml(labels.threshold)}: ${escapeHtml(item.threshold)}</p>`,
        evidence.length ? `<p>${escapeHtml(labels.evidence)}:</p><ul>${evidence.join('')}</ul>` : '',
        '</div>',
      ].join('');
    }
  }
}

export function renderHtml(model: ReportModel): string {
  const sections = model.sections
    .map(
      (section) =>
        `<section id="${escapeHtml(section.id)}"><h2>${escapeHtml(sectionHeading(section))}</h2>${section.blocks
          .map((item) => block(item, model))
          .join('\n')}</section>`,
    )
    .join('\n');
  return `<!doctype html>
<html lang="${model.lang}">
<head>
<meta charset="utf-8">
<title>${escapeHtml(`${model.title} — ${model.orgName}`)}</title>
<style>${STYLE}</style>
</head>
<body>
<h1>${escapeHtml(model.title)}</h1>
<p class="subtitle">${escapeHtml(model.subtitle)}</p>
<p class="org">${escapeHtml(model.orgName)}</p>
<p class="period">${escapeHtml(model.periodText)}</p>
${sections}
<p class="signature">${escapeHtml(model.signature)}</p>
</body>
</html>
`;
}
