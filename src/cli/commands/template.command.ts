import { writeFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { buildTemplate } from '../../services/import/template.service.js';
import { SHEET_KINDS } from '../../shared/vocabulary.js';
import { type CommonOptions, langOf, oneOf, runCommand, say, withCommonOptions } from '../options.js';

export function templateCommand(program: Command): void {
  withCommonOptions(
    program
      .command('template')
      .description('write a blank XLSX to fill and import, with headers in the --lang language')
      .argument('<kind>', `one of: ${SHEET_KINDS.join(', ')}`)
      .option('--out <file>', 'where to write it (default: aqparat-<kind>-<lang>.xlsx)'),
  ).action(async (kind: string, options: CommonOptions & { out?: string }) => {
    const lang = langOf(options);
    const sheetKind = oneOf('<kind>', kind, SHEET_KINDS);
    const path = options.out ?? `aqparat-${sheetKind}-${lang}.xlsx`;
    await runCommand(options, async (ctx) => {
      await writeFile(path, await buildTemplate(ctx, sheetKind, lang));
      console.log(say(lang, 'templateWritten', { kind: sheetKind, path }));
    });
  });
}
