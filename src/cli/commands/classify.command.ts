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
import { type CommonOptions, langOf, runCommand, say, withCommonOptions } from '../options.js';

interface ClassifyOptions extends CommonOptions {
  in: string;
  out: string;
  lexiconsOnly?: boolean;
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
    for await (const line of classifyLines(lines, options.in, { model, ...(settings ? { settings } : {}) })) {
      if (!output.write(`${line}\n`)) await once(output, 'drain');
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
      .option(
        '--lexicons-only',
        "use the lexicons alone, not the installation's trained model (no database)",
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
