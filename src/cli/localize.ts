/**
 * The command line in the user's language: commander's own errors and help, and every command's and option's
 * description. Commands are written with English descriptions; HELP_TEXTS translates them by their English text,
 * so that a command is declared once and a description changed without its translation is caught by a test.
 */
import { type Argument, type Command, Help, type Option } from 'commander';
import type { UiLang } from '../shared/vocabulary.js';
import { HELP_TEXTS } from './help-texts.js';
import { say } from './options.js';

/** A comma-separated list of values in a description, such as `one of: ru, kk, en`. */
const VALUES = /[\w.|-]+(?:, [\w.|-]+)*/.source;

/** The entries with `{values}`, as patterns: their lists are taken from the English text as they are. */
const TEMPLATES = Object.fromEntries(
  Object.entries(HELP_TEXTS).map(([lang, texts]) => [
    lang,
    Object.entries(texts)
      .filter(([english]) => english.includes('{values}'))
      .map(([english, translated]) => {
        const [before = '', after = ''] = english
          .split('{values}')
          .map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
        return { pattern: new RegExp(`^${before}(${VALUES})${after}$`), translated };
      }),
  ]),
) as Record<keyof typeof HELP_TEXTS, { pattern: RegExp; translated: string }[]>;

/** A description in the language, or undefined when HELP_TEXTS lacks it; English as it is. */
export function translateDescription(text: string, lang: UiLang): string | undefined {
  if (lang === 'en' || text === '') return text;
  const exact = HELP_TEXTS[lang][text];
  if (exact !== undefined) return exact;
  for (const { pattern, translated } of TEMPLATES[lang]) {
    const values = pattern.exec(text)?.[1];
    if (values !== undefined) return translated.replace('{values}', values);
  }
  return undefined;
}

/** Commander's error messages, as its version 14 writes them, and the texts saying the same. */
const USAGE_ERRORS = [
  [/^error: missing required argument '(?<name>.+)'$/, 'usageMissingArgument'],
  [/^error: option '(?<option>.+)' argument missing$/, 'usageOptionArgument'],
  [/^error: required option '(?<option>.+)' not specified$/, 'usageRequiredOption'],
  [/^error: unknown option '(?<option>.+?)'(?:\n\(Did you mean (?<names>.+)\?\))?$/, 'usageUnknownOption'],
  [/^error: unknown command '(?<command>.+?)'(?:\n\(Did you mean (?<names>.+)\?\))?$/, 'usageUnknownCommand'],
  [
    /^error: too many arguments(?: for '.+')?\. Expected (?<expected>\d+) arguments? but got (?<got>\d+)\.$/,
    'usageExcessArguments',
  ],
] as const;

/** One of commander's error messages in the language (with its suggestion, if it made one). */
export function usageMessage(message: string, lang: UiLang): string {
  for (const [pattern, key] of USAGE_ERRORS) {
    const groups = pattern.exec(message)?.groups;
    if (!groups) continue;
    const { names, ...params } = groups;
    const text = say(lang, key, params as Record<string, string>);
    return names === undefined ? text : `${text}\n${say(lang, 'usageDidYouMean', { names })}`;
  }
  return message;
}

/** Help's headings and the usage line's words, in the language. */
function localHelp(lang: UiLang): Partial<Help> {
  const words = (text: string) =>
    text
      .replace('[options]', say(lang, 'helpOptionsTerm'))
      .replace('[command]', say(lang, 'helpCommandTerm'));
  const titles: Record<string, string> = {
    'Usage:': say(lang, 'helpUsage'),
    'Arguments:': say(lang, 'helpArguments'),
    'Options:': say(lang, 'helpOptions'),
    'Global Options:': say(lang, 'helpGlobalOptions'),
    'Commands:': say(lang, 'helpCommands'),
  };
  // Each wraps commander's own, which configureHelp leaves on the prototype of the Help it makes.
  return {
    styleTitle: (title: string) => titles[title] ?? title,
    subcommandTerm(this: Help, command: Command) {
      return words(Help.prototype.subcommandTerm.call(this, command));
    },
    commandUsage(this: Help, command: Command) {
      return words(Help.prototype.commandUsage.call(this, command));
    },
    optionDescription(this: Help, option: Option) {
      return Help.prototype.optionDescription
        .call(this, option)
        .replace(/\(default: (?=[^()]*\)$)/, `(${say(lang, 'helpDefault')}: `);
    },
  };
}

function translate<T extends Option | Argument>(item: T, lang: UiLang): void {
  item.description = translateDescription(item.description, lang) ?? item.description;
}

/**
 * Puts the program and every command registered on it into the language: descriptions, help, and commander's
 * errors on stderr. Called once the commands are registered, before the command line is parsed.
 */
export function localize(program: Command, lang: UiLang): void {
  const visit = (command: Command) => {
    command.description(translateDescription(command.description(), lang) ?? command.description());
    command.configureHelp(localHelp(lang));
    command.configureOutput({
      outputError: (text, write) => write(`${usageMessage(text.trimEnd(), lang)}\n`),
    });
    command.helpOption('-h, --help', say(lang, 'helpHelp'));
    if (command.commands.length > 0) command.helpCommand('help [command]', say(lang, 'helpHelp'));
    for (const option of command.options) translate(option, lang);
    for (const argument of command.registeredArguments) translate(argument, lang);
    for (const sub of command.commands) visit(sub);
  };
  visit(program);
}
