import type { Command } from 'commander';
import { DEFAULT_PORT, listen, untilStopped } from '../../http/server.js';
import { describeDatabase, type Context } from '../../services/context.js';
import { sweepInterrupted } from '../../services/import/lease.js';
import { schedulerSettingsOf, startScheduler } from '../../services/schedule/loop.js';
import { ensureAdmin } from '../../services/user.service.js';
import type { UiLang } from '../../shared/vocabulary.js';
import { type CommonOptions, langOf, runCommand, say, withCommonOptions } from '../options.js';

export interface ServeOptions {
  port?: string;
  host: string;
}

export function withServeOptions(command: Command): Command {
  return command
    .option('--port <port>', `port to listen on (default: PORT or ${DEFAULT_PORT})`)
    .option('--host <host>', 'address to listen on', '0.0.0.0');
}

/**
 * Serves until stopped: an administrator made first if there are no users, imports left running by a process that
 * died marked interrupted, then the URL printed; the scheduler runs what is due in the background (unless
 * AQPARAT_SCHEDULER=off, or unless `scheduling` is false and AQPARAT_SCHEDULER=on is not set) and is stopped
 * before the server closes.
 */
export async function serveUntilStopped(
  ctx: Context,
  options: ServeOptions,
  lang: UiLang,
  scheduling = true,
): Promise<void> {
  await sweepInterrupted(ctx);
  const admin = await ensureAdmin(ctx);
  const port = Number(options.port ?? process.env['PORT'] ?? DEFAULT_PORT);
  const server = await listen(ctx, { port, host: options.host });
  console.log(say(lang, 'serving', { url: server.url, db: describeDatabase(ctx) }));
  console.log(admin ? say(lang, 'adminCreated', admin) : say(lang, 'adminLogin', { login: 'admin' }));
  const scheduler = schedulerSettingsOf(process.env, scheduling);
  const running = scheduler.enabled ? startScheduler(ctx, scheduler.tickMs) : undefined;
  await untilStopped(server, async () => running?.stop());
}

export function serveCommand(program: Command): void {
  withServeOptions(
    withCommonOptions(
      program.command('serve').description('start the web server and its API (/api/v1, /api/docs)'),
    ),
  ).action(async (options: CommonOptions & ServeOptions) => {
    await runCommand(options, (ctx) => serveUntilStopped(ctx, options, langOf(options)));
  });
}
