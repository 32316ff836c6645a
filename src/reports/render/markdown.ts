/** The brief as Markdown: for review and for diffs between two runs. */
import type { Block, ReportModel, TableBlock } from '../model.js';
import { cellText, cellUrl, chartAsTable, evidenceText, sectionHeading } from './cells.js';

/** User text must not break the table or turn into markup. */
function escape(text: string): string {
  return text.replace(/([\\`*_[\]|<>#])/g, '\\$1').replace(/\r?\n/g, ' ');
}

function table(block: TableBlock, lang: ReportModel['lang']): string {
  const row = (cells: string[]) => `| ${cells.join(' | ')} |`;
  const align = block.columns.map((column) => (column.kind === 'text' ? '---' : '---:'));
  const body = [...block.rows, ...(block.total ? [block.total] : [])].map((cells, index) =>
    row(
      cells.map((cell) => {
        const text = escape(cellText(cell, lang));
        const url = cellUrl(cell);
        const linked = url ? `[${text}](${encodeURI(url)})` : text;
        return block.total && index === block.rows.length ? `**${linked}**` : linked;
      }),
    ),
  );
  return [
    `*${escape(block.caption)}*`,
    '',
    row(block.columns.map((column) => escape(column.label))),
    row(align),
    ...body,
  ].join('\n');
}

function block(item: Block, model: ReportModel): string {
  const lang = model.lang;
  switch (item.kind) {
    case 'paragraph':
      return escape(item.text);
    case 'list':
      return item.items.map((entry) => `- ${escape(entry)}`).join('\n');
    case 'table':
      return table(item, lang);
    case 'chart':
      // A chart whose figures a table beside it already holds would print them twice.
      return item.table ? '' : table(chartAsTable(item, ''), lang);
    case 'finding':
      return [
        `**${escape(item.title)}**`,
        '',
        escape(item.text),
        '',
        `${escape(model.findingLabels.recommendation)}: ${escape(item.recommendation)}`,
        '',
        `*${escape(item.reference)}*`,
      ].join('\n');
    case 'grounds': {
      const labels = model.findingLabels;
      const evidence = item.evidence.map((record) => {
        const label = escape(evidenceText(record, lang));
        return `  - ${record.url ? `[${label}](${encodeURI(record.url)})` : label}`;
      });
      return [
        `**${escape(item.title)}**`,
        '',
        `${escape(labels.rule)}: \`${item.ruleId}\` · ${escape(labels.threshold)}: ${escape(item.threshold)}`,
        ...(evidence.length ? ['', `${escape(labels.evidence)}:`, ...evidence] : []),
      ].join('\n');
    }
  }
}

export function renderMarkdown(model: ReportModel): string {
  const parts = [
    `# ${escape(model.title)}`,
    `**${escape(model.subtitle)}**`,
    `**${escape(model.orgName)}**`,
    escape(model.periodText),
  ];
  for (const section of model.sections) {
    parts.push(`## ${escape(sectionHeading(section))}`);
    for (const item of section.blocks) {
      const text = block(item, model);
      if (text) parts.push(text);
    }
  }
  parts.push(`*${escape(model.signature)}*`);
  return `${parts.join('\n\n')}\n`;
}
