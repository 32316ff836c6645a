import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Command } from 'commander';
import { BRIEF_FORMATS, type RenderedBrief, renderBrief } from '../../services/brief.service.js';
import { REPORT_LANGS, type ReportLang } from '../../shared/vocabulary.js';
import { oneOf, runCommand, say, withDbOption } from '../options.js';

interface ReportOptions {
  db?: string;
  org: string;
  from: string;
  to: string;
  asOf?: string;
  compareYears?: string;
  lang: string;
  format: string;
  out: string;
}

const list = (value: string) =>
  value
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean);

export async function writeBriefFiles(files: readonly RenderedBrief[], dir: string): Promise<string[]> {
  await mkdir(dir, { recursive: true });
  const paths: string[] = [];
  for (const file of files) {
    const path = join(dir, file.fileName);
    await writeFile(path, file.content);
    paths.push(path);
  }
  return paths;
}

export function reportCommand(program: Command): void {
  withDbOption(
    program
      .command('report')
      .description('write the brief of an organization for a period: Word, Excel, HTML, Markdown')
      .requiredOption('--org <code>', 'organization code, e.g. abai')
      .requiredOption('--from <date>', 'first local date YYYY-MM-DD')
      .requiredOption('--to <date>', 'last local date YYYY-MM-DD')
      .option('--as-of <date>', 'date of members and followers (default: --to)')
      .option('--compare-years <n>', 'earlier whole years beside the period in year-by-year tables')
      .option('--lang <langs>', `language(s) of the brief: ${REPORT_LANGS.join(', ')}, comma-separated`, 'ru')
      .option(
        '--format <formats>',
        `formats, comma-separated: ${BRIEF_FORMATS.join(', ')}`,
        BRIEF_FORMATS.join(','),
      )
      .option('--out <dir>', 'folder to write into', './out'),
  ).action(async (options: ReportOptions) => {
    const langs = list(options.lang).map((lang) => oneOf('--lang', lang, REPORT_LANGS));
    const formats = list(options.format).map((format) => oneOf('--format', format, BRIEF_FORMATS));
    const messages: ReportLang = langs[0] ?? 'ru';
    await runCommand({ ...options, lang: messages }, async (ctx) => {
      const files = await renderBrief(
        ctx,
        {
          org: options.org,
          from: options.from,
          to: options.to,
          ...(options.asOf ? { asOf: options.asOf } : {}),
          ...(options.compareYears ? { compareYears: Number(options.compareYears) } : {}),
        },
        langs,
        formats,
      );
      for (const path of await writeBriefFiles(files, options.out))
        console.log(say(messages, 'written', { path }));
    });
  });
}
