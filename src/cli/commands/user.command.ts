import { createInterface } from 'node:readline';
import { Writable } from 'node:stream';
import Table from 'cli-table3';
import type { Command } from 'commander';
import { createUser, listUsers, resetPassword } from '../../services/user.service.js';
import { ROLES, type Role } from '../../shared/vocabulary.js';
import { type CommonOptions, langOf, oneOf, runCommand, say, withCommonOptions } from '../options.js';

/** Asks for a password on the terminal without echoing it; undefined when there is no terminal to ask on. */
async function askPassword(prompt: string): Promise<string | undefined> {
  if (!process.stdin.isTTY) return undefined;
  process.stdout.write(prompt);
  const silent = new Writable({ write: (_chunk, _encoding, done) => done() });
  const reader = createInterface({ input: process.stdin, output: silent, terminal: true });
  const answer = await new Promise<string>((resolve) => reader.question('', resolve));
  reader.close();
  process.stdout.write('\n');
  return answer;
}

type AddOptions = CommonOptions & {
  login: string;
  role: string;
  org?: string;
  password?: string;
  name?: string;
};
type PasswordOptions = CommonOptions & { login: string; password?: string };

export function userCommand(program: Command): void {
  const user = program.command('user').description('users who sign in to the server');

  withCommonOptions(
    user
      .command('add')
      .description('add a user; without --password one is asked for, or generated and printed once')
      .requiredOption('--login <login>', 'login')
      .requiredOption('--role <role>', `role: ${ROLES.join(', ')}`)
      .option('--org <code>', 'organization whose subtree the user works in (not needed for admin)')
      .option('--password <password>', 'password (at least 12 characters, not a common one)')
      .option('--name <name>', 'full name'),
  ).action(async (options: AddOptions) => {
    const lang = langOf(options);
    const role: Role = oneOf('--role', options.role, ROLES);
    const password =
      options.password ?? (await askPassword(say(lang, 'passwordPrompt', { login: options.login })));
    await runCommand(options, async (ctx) => {
      const created = await createUser(ctx, {
        login: options.login,
        role,
        lang,
        ...(options.org ? { org: options.org } : {}),
        ...(options.name ? { name: options.name } : {}),
        ...(password ? { password } : {}),
      });
      console.log(
        say(lang, 'userAdded', { login: created.user.login, role, org: created.user.orgCode ?? '—' }),
      );
      if (created.generatedPassword) {
        console.log(
          say(lang, 'userPassword', { login: created.user.login, password: created.generatedPassword }),
        );
      }
    });
  });

  withCommonOptions(
    user
      .command('password')
      .description('set a new password; without --password one is asked for, or generated and printed once')
      .requiredOption('--login <login>', 'login')
      .option('--password <password>', 'new password (at least 12 characters, not a common one)'),
  ).action(async (options: PasswordOptions) => {
    const lang = langOf(options);
    const password =
      options.password ?? (await askPassword(say(lang, 'passwordPrompt', { login: options.login })));
    await runCommand(options, async (ctx) => {
      const result = await resetPassword(ctx, options.login, password || undefined);
      console.log(say(lang, 'passwordChanged', { login: options.login }));
      if (result.generatedPassword) {
        console.log(say(lang, 'userPassword', { login: options.login, password: result.generatedPassword }));
      }
    });
  });

  withCommonOptions(user.command('list').description('list the users')).action(
    async (options: CommonOptions) => {
      const lang = langOf(options);
      await runCommand(options, async (ctx) => {
        const users = await listUsers(ctx);
        if (users.length === 0) return console.log(say(lang, 'usersNone'));
        const table = new Table({
          head: [say(lang, 'colLogin'), say(lang, 'colRole'), say(lang, 'organization')],
          style: { head: [], border: [], compact: true },
        });
        for (const row of users) table.push([row.login, row.role, row.orgCode ?? '—']);
        console.log(table.toString());
      });
    },
  );
}
