/**
 * The command line speaks the language it is given (`--lang`, else AQPARAT_LANG, else Russian) in everything it
 * prints: commander's own errors about the command line, and help with every command's and option's description.
 */
import { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { COMMANDS } from '../../src/cli/commands.js';
import { translateDescription } from '../../src/cli/localize.js';
import { runCli } from '../helpers/cli.js';

/** Every command of the program, with its path, as help lists them. */
async function everyCommand(): Promise<{ path: string; command: Command }[]> {
  const program = new Command('aqparat');
  for (const { load } of COMMANDS) (await load())(program);
  const found: { path: string; command: Command }[] = [];
  const visit = (command: Command, path: string) => {
    found.push({ path, command });
    for (const sub of command.commands) visit(sub, `${path} ${sub.name()}`);
  };
  for (const command of program.commands) visit(command, command.name());
  return found;
}

/**
 * What is left of a translated description once what is typed as it is has been taken out: options and their
 * placeholders, quoted or code text, names of variables and paths, lists of values, and names every language
 * writes the same way.
 */
const prose = (text: string) =>
  text
    .replace(/\bmacro-F1\b/g, '')
    .replace(/--?[\w-]+/g, '')
    .replace(/<[^>]*>|`[^`]*`|'[^']*'|«[^»]*»|\{[^}]*\}/g, '')
    .replace(/:\s*[\w.|-]+(?:, [\w.|-]+)*\)?$/, '')
    .replace(/\S*[/._:]\S*|\b[A-Z][A-Z0-9_]+\b/g, '')
    .replace(
      /\b(SQLite|JSON|XLSX|ZIP|URL|API|Telegram|Facebook|Instagram|Graph|Word|Excel|HTML|Markdown|F1)\b/g,
      '',
    )
    .replace(/\b(aqparat|abai|set|publications|http|s)\b/g, '');

describe('the language of the command line', () => {
  it('tells a missing option in Kazakh', async () => {
    const run = await runCli(['report', '--lang', 'kk']);
    expect(run.code).toBe(1);
    expect(run.stderr).toBe('қате: міндетті «--org <code>» параметрі көрсетілмеген\n');
  });

  it('tells an unknown command in Russian, from AQPARAT_LANG, with the command it may have meant', async () => {
    const run = await runCli(['reprot'], { AQPARAT_LANG: 'ru' });
    expect(run.code).toBe(1);
    expect(run.stderr).toBe(
      'ошибка: неизвестная команда «reprot»; список команд: aqparat --help\n(Возможно, имелось в виду report?)\n',
    );
  });

  it.each([
    [['import', '--lang', 'kk'], 'қате: міндетті «file» аргументі көрсетілмеген'],
    [['report', '--org', '--lang=ru'], 'ошибка: не указан обязательный параметр «--from <date>»'],
    [['report', '--lang', 'kk,ru', '--org'], 'қате: «--org <code>» параметрінің мәні көрсетілмеген'],
    [
      ['channel', 'list', '--lang', 'kk', '--orgg', 'abai'],
      'қате: «--orgg» параметрі белгісіз\n(--org деген болуы мүмкін бе?)',
    ],
    [['migrate', 'now', '--lang', 'ru'], 'ошибка: лишние аргументы: ожидается 0, получено 1'],
    [['migrate', 'now', '--lang', 'en'], 'error: too many arguments: expected 0, got 1'],
  ])('%j: %s', async (args, message) => {
    const run = await runCli(args);
    expect(run.code).toBe(1);
    expect(run.stderr).toBe(`${message}\n`);
  });

  it('tells a refused command line as JSON in the language too', async () => {
    const run = await runCli(['report', '--json', '--lang', 'kk']);
    expect(run.code).toBe(1);
    expect(JSON.parse(run.stdout)).toEqual({
      error: { code: 'usage', message: 'қате: міндетті «--org <code>» параметрі көрсетілмеген' },
    });
  });

  it('gives help in Kazakh: headings, usage and the commands', async () => {
    const root = await runCli(['--help', '--lang', 'kk']);
    expect(root.code).toBe(0);
    expect(root.stdout).toContain('Қолданылуы: aqparat [параметрлер] [команда]');
    expect(root.stdout).toContain('Командалар:');
    expect(root.stdout).toMatch(/report \[параметрлер\]\s+ұйымның кезеңдегі анықтамасын жазу/);
    expect(root.stdout).toMatch(/help \[команда\]\s+команда бойынша анықтаманы көрсету/);
  });

  it("gives a command's help in Kazakh: its options and their defaults", async () => {
    const report = await runCli(['report', '--help', '--lang', 'kk']);
    expect(report.stdout).toContain('Параметрлер:');
    expect(report.stdout).toMatch(/--from <date>\s+бірінші жергілікті күн ЖЖЖЖ-АА-КК/);
    expect(report.stdout).toMatch(/--out <dir>\s+жазылатын қалта \(әдепкі: "\.\/out"\)/);
    expect(report.stdout).not.toMatch(/\b(Usage|Options|default|display help)\b/);
  });

  it('keeps the lists of values as they are, and a group without its subcommand shows its help', async () => {
    const stats = await runCli(['stats', '--help'], { AQPARAT_LANG: 'ru' });
    expect(stats.stdout).toMatch(/--platform <platform>\s+одно из: website, facebook/);
    // On stderr, ending with 1, in the language.
    const group = await runCli(['channel'], { AQPARAT_LANG: 'kk' });
    expect(group.code).toBe(1);
    expect(group.stderr).toMatch(/list \[параметрлер\]\s+арналар тізімі/);
  });

  it('has every description of every command in Russian and Kazakh, with no English left', async () => {
    const missing: string[] = [];
    const english: string[] = [];
    for (const { path, command } of await everyCommand()) {
      const items = [
        { name: path, text: command.description() },
        ...command.options.map((option) => ({ name: `${path} ${option.flags}`, text: option.description })),
        ...command.registeredArguments.map((argument) => ({
          name: `${path} <${argument.name()}>`,
          text: argument.description,
        })),
      ];
      for (const { name, text } of items) {
        for (const lang of ['ru', 'kk'] as const) {
          const translated = translateDescription(text, lang);
          if (translated === undefined) missing.push(`${lang}: ${name}: ${text}`);
          else if (/[A-Za-z]{2,}/.test(prose(translated))) english.push(`${lang}: ${name}: ${translated}`);
        }
      }
    }
    expect(missing).toEqual([]);
    expect(english).toEqual([]);
  });
});
