import v8 from 'node:v8';
import cliProgress from 'cli-progress';
import type { Command } from 'commander';
import { importFile, type ImportSummary } from '../../services/import.service.js';
import { describeNote, toldNotes } from '../../shared/import-notes.js';
import { describeRejection, SKIP_REASON_TEXTS, type SkipReason } from '../../shared/import-report.js';
import type { UiLang } from '../../shared/vocabulary.js';
import { type CommonOptions, langOf, runCommand, say, withCommonOptions } from '../options.js';

interface ImportOptions extends CommonOptions {
  channel?: string;
  chat?: string;
  acceptChatType?: boolean;
  dryRun?: boolean;
  strict?: boolean;
  /** False with `--no-analyze`. */
  analyze: boolean;
  json?: boolean;
}

/** Rejections printed under the summary; `aqparat imports show` and `--json` give them all. */
const SHOWN_REJECTIONS = 20;
const MB = 1024 * 1024;

/** A progress bar on stderr, in megabytes read; silent when stderr is not a terminal. */
function progressBar(): { update(done: number, total: number): void; stop(): void } {
  const bar = new cliProgress.SingleBar(
    { stream: process.stderr, format: '{bar} {percentage}% | {value}/{total} MB', hideCursor: true },
    cliProgress.Presets.shades_classic,
  );
  let started = false;
  return {
    update(done, total) {
      const [value, of] = [Math.round(done / MB), Math.max(Math.round(total / MB), 1)];
      if (!started) bar.start(of, value);
      else bar.update(value);
      started = true;
    },
    stop: () => started && bar.stop(),
  };
}

function printSummary(summary: ImportSummary, lang: UiLang): void {
  const params = {
    id: summary.batchId ?? '',
    format: summary.sheetKind ? `${summary.format}: ${summary.sheetKind}` : summary.format,
    file: summary.file,
    new: summary.new,
    updated: summary.updated,
    unchanged: summary.unchanged,
    rejected: summary.rejected,
  };
  if (summary.strict && summary.rejected > 0) console.log(say(lang, 'importStrictRejected', params));
  else if (summary.dryRun) console.log(say(lang, 'importDryRun', params));
  else if (summary.batchId === null) console.log(say(lang, 'importNothingChanged', params));
  else console.log(say(lang, 'importDone', params));
  const { analysis } = summary;
  if (analysis && analysis.publications > 0) {
    console.log(
      say(lang, 'reclassifyDone', {
        count: analysis.publications,
        reposts: analysis.reposts,
        copies: analysis.nearCopies,
        declarative: analysis.declarative,
        corrected: analysis.corrected,
      }),
    );
  }
  if (summary.previousBatchId !== undefined && summary.batchId === null && !summary.dryRun) {
    console.log(say(lang, 'importSameFile', { id: summary.previousBatchId }));
  }
  if (summary.skipped > 0) {
    const reasons = Object.entries(summary.skippedByReason)
      .map(([reason, count]) => `${SKIP_REASON_TEXTS[lang][reason as SkipReason]} ${count}`)
      .join(', ');
    console.log(say(lang, 'importSkipped', { count: summary.skipped, reasons }));
  }
  for (const note of summary.notes) console.log(describeNote(note, lang));
  if (summary.rejections.length === 0) return;
  console.log(say(lang, 'importRejections'));
  for (const rejection of summary.rejections.slice(0, SHOWN_REJECTIONS)) {
    console.log(`  ${describeRejection(rejection, lang)}`);
  }
  const total = summary.rejectionsTotal;
  const more = total - Math.min(summary.rejections.length, SHOWN_REJECTIONS);
  if (more > 0) console.log(`  ${say(lang, 'importMoreRejections', { count: more, total })}`);
  // A kept batch holds every rejection; `imports show` lists them.
  if (more > 0 && summary.batchId !== null) {
    console.log(`  ${say(lang, 'importAllRejections', { id: summary.batchId })}`);
  }
}

export function importCommand(program: Command): void {
  withCommonOptions(
    program
      .command('import')
      .description(
        'import a Telegram, Facebook or Instagram export, a feed or a spreadsheet (file, folder, ZIP or URL)',
      )
      .argument('<file>', 'file, folder, ZIP archive or http(s) URL')
      .option('--channel <code>', 'the channel the publications (or followers) belong to')
      .option('--chat <name-or-id>', "a Telegram full export's chat")
      .option(
        '--accept-chat-type',
        "import a Telegram group's or personal chat's export as the channel's posts (refused otherwise)",
      )
      .option('--dry-run', 'read and check everything, store nothing')
      .option('--strict', 'store nothing if any record is rejected')
      .option('--no-analyze', 'store without content analysis (`aqparat reclassify` labels the posts later)')
      .option('--json', 'print the counts and rejections as JSON'),
  ).action(async (file: string, options: ImportOptions) => {
    // An import allocates far more than it keeps. V8 would let the heap triple between collections; growing it by
    // a fifth keeps a 1 GB export well under 256 MB of memory, for a little more time spent collecting.
    v8.setFlagsFromString('--heap-growing-percent=20');
    const lang = langOf(options);
    await runCommand(options, async (ctx) => {
      const progress = progressBar();
      let summary: ImportSummary;
      try {
        summary = await importFile(ctx, {
          file,
          ...(options.channel ? { channel: options.channel } : {}),
          ...(options.chat ? { chat: options.chat } : {}),
          ...(options.acceptChatType ? { acceptChatType: true } : {}),
          dryRun: options.dryRun === true,
          strict: options.strict === true,
          analyze: options.analyze,
          onProgress: progress.update,
        });
      } finally {
        progress.stop();
      }
      if (options.json) {
        const rejections = summary.rejections.map((rejection) => ({
          ...rejection,
          message: describeRejection(rejection, lang),
        }));
        const notes = toldNotes(summary.notes, lang);
        console.log(JSON.stringify({ ...summary, rejections, notes }, null, 2));
      } else printSummary(summary, lang);
      if (summary.strict && summary.rejected > 0) process.exitCode = 2;
    });
  });
}
