/** Options every command shares, and how the CLI turns failures into messages. */
import type { Command } from 'commander';
import { DomainError } from '../domain/errors.js';
import { envelope } from '../http/errors.js';
import { openContext } from '../services/context.js';
import { describeError, interpolate } from '../shared/messages.js';
import { UI_LANGS, type UiLang } from '../shared/vocabulary.js';
import { CLI_TEXTS, type CliText } from './texts.js';

export interface CommonOptions {
  db?: string;
  lang: UiLang;
}

/** `--db`: a SQLite file or a postgres:// URL. */
export function withDbOption(command: Command): Command {
  return command.option(
    '--db <file>',
    'SQLite file or postgres:// URL (default: DATABASE_URL, AQPARAT_DB, ./data/aqparat.sqlite)',
  );
}

/** Every command takes `--db` and `--lang` for its messages. */
export function withCommonOptions(command: Command): Command {
  return withDbOption(command).option(
    '--lang <lang>',
    `language of messages: ${UI_LANGS.join(', ')}`,
    process.env['AQPARAT_LANG'] ?? 'ru',
  );
}

export function langOf(options: { lang?: string }): UiLang {
  return (UI_LANGS as readonly string[]).includes(options.lang ?? '') ? (options.lang as UiLang) : 'ru';
}

/**
 * The language of the messages, read before the command line is parsed (commander's own errors are told in it):
 * `--lang X` or `--lang=X`, the first of a list (`report --lang kk,ru`), else AQPARAT_LANG, else Russian.
 */
export function cliLang(argv: readonly string[], env: NodeJS.ProcessEnv = process.env): UiLang {
  const index = argv.indexOf('--lang');
  const given =
    index >= 0 ? argv[index + 1] : argv.find((arg) => arg.startsWith('--lang='))?.slice('--lang='.length);
  return langOf({ lang: (given ?? env['AQPARAT_LANG'])?.split(',')[0] });
}

export function say(lang: UiLang, key: CliText, params: Record<string, string | number> = {}): string {
  return interpolate(CLI_TEXTS[lang][key], params);
}

/** Opens the database for one command, runs it, closes it; domain errors become a message and exit code 2. */
export async function runCommand(
  options: CommonOptions,
  work: (ctx: Awaited<ReturnType<typeof openContext>>) => Promise<void>,
) {
  const ctx = await openContext(options.db ? { db: options.db } : {});
  try {
    await work(ctx);
  } finally {
    await ctx.db.close();
  }
}

/** The value if it is one of the allowed ones; otherwise an error naming the option and what it may be. */
export function oneOf<T extends string>(option: string, value: string, allowed: readonly T[]): T {
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw new DomainError('option_invalid', { option, value, values: allowed.join(', ') });
}

/**
 * Tells a failure on stderr in the user's language, and with `--json` also on stdout as the API's error envelope
 * (`{"error": {"code", "message", …}}`), so that a script reading stdout learns why; the exit code (2 for an
 * input the command could not accept, 1 otherwise).
 */
export function reportFailure(error: unknown, lang: UiLang, json = false): number {
  const message =
    error instanceof DomainError
      ? describeError(error, lang)
      : error instanceof Error
        ? error.message
        : String(error);
  process.stderr.write(`${say(lang, 'failed')}: ${message}\n`);
  if (json) {
    const body =
      error instanceof DomainError
        ? envelope(lang, error.code, error.params, error.record, error.fields)
        : { error: { code: 'internal_error', message } };
    process.stdout.write(`${JSON.stringify(body)}\n`);
  }
  return error instanceof DomainError ? 2 : 1;
}

/** A command line the parser refused (an unknown option, a missing argument): told as JSON with `--json`. */
export function reportUsage(message: string): void {
  process.stdout.write(`${JSON.stringify({ error: { code: 'usage', message } })}\n`);
}
