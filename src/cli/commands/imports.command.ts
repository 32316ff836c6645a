import Table from 'cli-table3';
import type { Command } from 'commander';
import {
  getImport,
  type ImportBatch,
  listImportRejections,
  listImports,
  undoImport,
} from '../../services/import.service.js';
import type { Context } from '../../services/context.js';
import { describeNote, toldNotes } from '../../shared/import-notes.js';
import { describeRejection, IMPORT_STATUS_TEXTS, type Rejection } from '../../shared/import-report.js';
import type { ImportStatus, UiLang } from '../../shared/vocabulary.js';
import { type CommonOptions, langOf, runCommand, say, withCommonOptions } from '../options.js';

type Options = CommonOptions & { json?: boolean };

function batchTable(batches: readonly ImportBatch[], lang: UiLang): string {
  const table = new Table({
    head: [
      'colId',
      'colStarted',
      'colFormat',
      'colFile',
      'channel',
      'colStatus',
      'colNew',
      'colUpdated',
      'colUnchanged',
      'colRejected',
      'colSkipped',
    ].map((key) => say(lang, key as Parameters<typeof say>[1])),
    style: { head: [], border: [], compact: true },
  });
  for (const batch of batches) {
    table.push([
      batch.id,
      batch.startedAt.slice(0, 16).replace('T', ' '),
      batch.format,
      batch.file ?? '',
      batch.channel ?? '',
      IMPORT_STATUS_TEXTS[lang][batch.status as ImportStatus],
      batch.new,
      batch.updated,
      batch.unchanged,
      batch.rejected,
      batch.skipped,
    ]);
  }
  return table.toString();
}

const idOf = (text: string) => {
  const id = Number(text);
  return Number.isInteger(id) && id > 0 ? id : -1;
};

/** Every rejection of a batch, read a page at a time. */
async function allRejections(ctx: Context, batch: ImportBatch): Promise<Rejection[]> {
  const all: Rejection[] = [];
  while (all.length < batch.rejectionsTotal) {
    const page = await listImportRejections(ctx, batch.id, { offset: all.length, limit: 1000 });
    if (page.items.length === 0) break;
    all.push(...page.items);
  }
  return all;
}

export function importsCommand(program: Command): void {
  const imports = program.command('imports').description('imports done so far: list, show, undo');
  withCommonOptions(
    imports.command('list').description('the latest imports').option('--json', 'print JSON'),
  ).action(async (options: Options) => {
    const lang = langOf(options);
    await runCommand(options, async (ctx) => {
      const batches = await listImports(ctx);
      if (options.json) console.log(JSON.stringify(batches, null, 2));
      else console.log(batches.length === 0 ? say(lang, 'importsNone') : batchTable(batches, lang));
    });
  });
  withCommonOptions(
    imports
      .command('show')
      .description('one import with its rejections')
      .argument('<id>')
      .option('--json', 'print JSON'),
  ).action(async (id: string, options: Options) => {
    const lang = langOf(options);
    await runCommand(options, async (ctx) => {
      const batch = await getImport(ctx, idOf(id));
      // All of them, not the batch's first page.
      const all = await allRejections(ctx, batch);
      if (options.json) {
        const rejections = all.map((rejection) => ({
          ...rejection,
          message: describeRejection(rejection, lang),
        }));
        const notes = toldNotes(batch.notes, lang);
        console.log(JSON.stringify({ ...batch, rejections, notes }, null, 2));
        return;
      }
      console.log(batchTable([batch], lang));
      for (const note of batch.notes) console.log(describeNote(note, lang));
      if (all.length > 0) console.log(say(lang, 'importRejections'));
      for (const rejection of all) console.log(`  ${describeRejection(rejection, lang)}`);
    });
  });
  withCommonOptions(
    imports
      .command('undo')
      .description('remove what an import created and restore what it updated')
      .argument('<id>')
      .option('--json', 'print JSON'),
  ).action(async (id: string, options: Options) => {
    const lang = langOf(options);
    await runCommand(options, async (ctx) => {
      const result = await undoImport(ctx, idOf(id));
      console.log(options.json ? JSON.stringify(result, null, 2) : say(lang, 'importUndone', { ...result }));
    });
  });
}
