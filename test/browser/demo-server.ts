/**
 * The real server for browser tests: the web built (when web/dist is missing or older than web/src), the Abai
 * demo in a fresh SQLite database, users of each kind, and the app listening on a free port.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildApp } from '../../src/http/app.js';
import { WEB_ROOT } from '../../src/http/web.js';
import { buildDemo } from '../../src/services/demo.service.js';
import { createUser } from '../../src/services/user.service.js';
import type { Role } from '../../src/shared/vocabulary.js';
import { openTestContext } from '../helpers/databases.js';

const REPO = fileURLToPath(new URL('../../', import.meta.url));
const WEB_SOURCES = [join(REPO, 'web/src'), join(REPO, 'web/index.html'), join(REPO, 'src/shared')];

function newestChange(path: string): number {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(stat.mtimeMs, ...readdirSync(path).map((name) => newestChange(join(path, name))));
}

/** Builds the web unless web/dist is newer than every source it is built from. */
export function ensureWebBuilt(): void {
  const index = join(WEB_ROOT, 'index.html');
  if (existsSync(index) && statSync(index).mtimeMs > Math.max(...WEB_SOURCES.map(newestChange))) return;
  // The bundle users get: vitest's NODE_ENV=test would make React and Ant Design build their development code
  // (in which every dialog's title id is "test-id", so no dialog has its name).
  execFileSync('npm', ['run', 'build:web'], {
    cwd: REPO,
    stdio: 'ignore',
    env: { ...process.env, NODE_ENV: 'production' },
  });
}

export const PASSWORD = 'browser test password';

/** The users the scenarios sign in as. */
export const USERS = {
  admin: { role: 'admin' },
  editor: { role: 'editor', org: 'abai' },
  /** A viewer of one branch: no sibling branch may show anywhere. */
  branchViewer: { role: 'viewer', org: 'abai-semey' },
} as const satisfies Record<string, { role: Role; org?: string }>;

export type DemoUser = keyof typeof USERS;

export interface DemoServer {
  url: string;
  ctx: Awaited<ReturnType<typeof openTestContext>>;
  close(): Promise<void>;
}

export async function startDemoServer(): Promise<DemoServer> {
  ensureWebBuilt();
  const ctx = await openTestContext('sqlite');
  await buildDemo(ctx);
  for (const [login, user] of Object.entries(USERS)) {
    await createUser(ctx, {
      login,
      role: user.role,
      ...('org' in user ? { org: user.org } : {}),
      password: PASSWORD,
    });
  }
  const app = await buildApp({ context: ctx });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}`,
    ctx,
    close: async () => {
      await app.close();
      await ctx.close();
    },
  };
}
