import { createReadStream, createWriteStream } from 'node:fs';
import { access, rename, rm } from 'node:fs/promises';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import type { Command } from 'commander';
import { DomainError } from '../../domain/errors.js';
import {
  analysisSettings,
  type AnalysisSettings,
  classifyLines,
  loadModel,
} from '../../services/analysis.service.js';
import type { PublicationReasons } from '../../shared/dashboard.js';
import { reasonGroups } from '../../shared/reason-phrases.js';
import type { UiLang } from '../../shared/vocabulary.js';
import { type CommonOptions, langOf, runCommand, say, withCommonOptions } from '../options.js';

interface ClassifyOptions extends CommonOptions {
  in: string;
  out: string;
  lexiconsOnly?: boolean;
  inWords?: boolean;
}

/**
 * A line with its reasons in words too, in the command's language (`reasonsInWords`); `reasons` stay as tools
 * read them. Only when asked: parsing each line again and writing the phrases made 50,000 demo posts take 6.4–6.8 s
 * instead of 3.9–5.5 s, and their output twice the bytes.
 */
function withWords(line: string, lang: UiLang): string {
  const value = JSON.parse(line) as { reasons: PublicationReasons };
  return JSON.stringify({ ...value, reasonsInWords: reasonGroups(value.reasons, lang) });
}

type Model = Awaited<ReturnType<typeof loadModel>>;

/** Streams the input through the classifier into a partial file, renamed only once every line is done. */
async function classifyFile(
  options: ClassifyOptions,
  model: Model,
  settings?: AnalysisSettings,
): Promise<number> {
  try {
    await access(options.in);
  } catch (error) {
    throw new DomainError('import_source_unavailable', {
      file: options.in,
      detail: (error as Error).message,
    });
  }
  const partial = `${options.out}.partial`;
  const output = createWriteStream(partial, 'utf8');
  let failure: Error | undefined;
  output.on('error', (error) => (failure ??= error));
  const lines = createInterface({ input: createReadStream(options.in, 'utf8'), crlfDelay: Infinity });
  let count = 0;
  try {
    const lang = langOf(options);
    for await (const line of classifyLines(lines, options.in, { model, ...(settings ? { settings } : {}) })) {
      const written = options.inWords ? withWords(line, lang) : line;
      if (!output.write(`${written}\n`)) await once(output, 'drain');
      count++;
    }
  } catch (error) {
    failure = error as Error;
  }
  output.end();
  await once(output, 'close');
  if (failure) {
    await rm(partial, { force: true });
    throw failure;
  }
  await rename(partial, options.out);
  return count;
}

export function classifyCommand(program: Command): void {
  withCommonOptions(
    program
      .command('classify')
      .description('label posts: language, topics, concreteness, declarative flag, with the reasons')
      .requiredOption('--in <file>', 'JSON lines, each {"id", "text"}')
      .requiredOption('--out <file>', 'JSON lines, each {"id", "language", "primaryTopic", "topics", …}')
      .option('--lexicons-only', "use the lexicons alone, not the installation's trained model (no database)")
      .option(
        '--in-words',
        'add reasonsInWords to each line: the reasons as phrases in the --lang language (reasons stay as they are)',
      ),
  ).action(async (options: ClassifyOptions) => {
    const lang = langOf(options);
    const done = (count: number) => console.log(say(lang, 'classifyDone', { count, out: options.out }));
    if (options.lexiconsOnly) {
      done(await classifyFile(options, undefined));
      return;
    }
    await runCommand(options, async (ctx) => {
      done(await classifyFile(options, await loadModel(ctx), await analysisSettings(ctx)));
    });
  });
}
