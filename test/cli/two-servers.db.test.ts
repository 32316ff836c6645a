/**
 * Two server processes on one PostgreSQL database, started together on an empty database: the migrations run
 * once under their lock, a session made through one is honoured by the other, and an import uploaded to one is
 * seen through the other; their schedulers run each due collection once (against the local fake t.me) and publish
 * each due post of the content plan once (against the local fake Bot API).
 * PostgreSQL only: several processes on one SQLite file are not a deployment we offer.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { realAbsent, skippedBecause } from '../helpers/real-files.js';
import { openContext, type Context } from '../../src/services/context.js';
import { addChannel } from '../../src/services/records.service.js';
import { createUser } from '../../src/services/user.service.js';
import { buildOrg } from '../factories/org.factory.js';
import { createTestDatabase, type TestDatabase } from '../helpers/databases.js';
import { type FakeTelegram, fakeTelegram, TELEGRAM_PATHS } from '../helpers/fake-telegram.js';
import { real } from '../importers/helpers.js';
import { setChannelToken } from '../../src/services/channel-token.js';
import { approvedDuePost } from '../factories/plan-post.factory.js';
import { BOT_SEND_FILES, BOT_TOKEN, fakeBotSender } from '../helpers/fake-bot-send.js';

const BIN = fileURLToPath(new URL('../../bin/aqparat.js', import.meta.url));
const PASSWORD = 'two servers one base';

interface Server {
  process: ChildProcess;
  url: string;
}

/** Starts `aqparat serve` on a free port; resolves with its URL once it says it is listening. */
function serve(database: string, env: NodeJS.ProcessEnv = { AQPARAT_SCHEDULER: 'off' }): Promise<Server> {
  const child = spawn(
    process.execPath,
    [BIN, 'serve', '--db', database, '--port', '0', '--host', '127.0.0.1'],
    {
      env: { PATH: process.env['PATH'], AQPARAT_LOG_LEVEL: 'warn', ...env },
    },
  );
  return new Promise((resolve, reject) => {
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const url = /(http:\/\/127\.0\.0\.1:\d+\/)/.exec(output)?.[1];
      if (url) resolve({ process: child, url });
    });
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('exit', (code) => reject(new Error(`serve exited with ${code}: ${output}`)));
  });
}

async function signIn(server: Server, login: string) {
  const response = await fetch(`${server.url}api/v1/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ login, password: PASSWORD }),
  });
  expect(response.status).toBe(200);
  const cookie = (response.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  const { csrfToken } = (await response.json()) as { csrfToken: string };
  return { cookie, 'x-csrf-token': csrfToken };
}

const noPostgres = process.env['DATABASE_URL'] ? undefined : 'DATABASE_URL names no PostgreSQL';
describe.skipIf(noPostgres !== undefined)(skippedBecause('two servers on one PostgreSQL', noPostgres), () => {
  let database: TestDatabase;
  let servers: Server[];
  let ctx: Context;

  beforeAll(async () => {
    database = await createTestDatabase('postgres');
    servers = await Promise.all([serve(database.target), serve(database.target)]);
    ctx = await openContext({ db: database.target, env: {} });
  });
  afterAll(async () => {
    for (const server of servers ?? []) server.process.kill('SIGTERM');
    await ctx?.db.close();
    await database.drop();
  });

  it('migrated once and made one administrator', async () => {
    const migrations = await ctx.db.kysely
      .selectFrom('kysely_migration' as never)
      .selectAll()
      .execute();
    expect(new Set(migrations.map((row) => (row as { name: string }).name)).size).toBe(migrations.length);
    const admins = await ctx.db.kysely
      .selectFrom('appUser')
      .select('login')
      .where('role', '=', 'admin')
      .execute();
    expect(admins.map((row) => row.login)).toEqual(['admin']);
  });

  it('shares sessions and sees an import made through the other server', async () => {
    const org = await buildOrg(ctx, 'region');
    await addChannel(ctx, { code: 'shared-telegram', org: org.code, platform: 'telegram', name: 'Канал' });
    await createUser(ctx, { login: 'editor-two', role: 'editor', org: org.code, password: PASSWORD });
    const [first, second] = servers as [Server, Server];
    const headers = await signIn(first, 'editor-two');

    const me = await fetch(`${second.url}api/v1/session`, { headers });
    expect(me.status).toBe(200);

    const form = new FormData();
    form.append('channel', 'shared-telegram');
    form.append('acceptChatType', 'true');
    const file = real('telegram/htx-erg_private_supergroup_result.json');
    form.append('file', new Blob([readFileSync(file)]), 'export.json');
    const upload = await fetch(`${first.url}api/v1/imports`, { method: 'POST', headers, body: form });
    expect(upload.status).toBe(202);
    const { id } = (await upload.json()) as { id: number };

    let batch: { status: string; new: number } = { status: 'running', new: 0 };
    for (let attempt = 0; attempt < 200 && batch.status === 'running'; attempt++) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      batch = (await (await fetch(`${second.url}api/v1/imports/${id}`, { headers })).json()) as typeof batch;
    }
    expect(batch.status).toBe('done');
    const listed = (await (
      await fetch(`${second.url}api/v1/publications?channel=shared-telegram`, { headers })
    ).json()) as { total: number };
    expect(listed.total).toBe(batch.new);
    expect(listed.total).toBeGreaterThan(0);
  });
});

const noPages = noPostgres ?? realAbsent(...TELEGRAM_PATHS);
describe.skipIf(noPages !== undefined)(skippedBecause('two servers collecting on schedule', noPages), () => {
  const CHANNELS = 6;
  let database: TestDatabase;
  let servers: Server[];
  let ctx: Context;
  let fake: FakeTelegram;

  beforeAll(async () => {
    fake = await fakeTelegram();
    database = await createTestDatabase('postgres');
    ctx = await openContext({ db: database.target, env: {} });
    const org = await buildOrg(ctx, 'region');
    for (let index = 0; index < CHANNELS; index++)
      await addChannel(ctx, {
        code: `scheduled-${index}`,
        org: org.code,
        platform: 'telegram',
        name: 'Канал',
        url: 'https://t.me/topwar_official',
      });
    const env = {
      AQPARAT_TELEGRAM_WEB_URL: fake.url,
      AQPARAT_COLLECT_DELAY_MS: '0',
      AQPARAT_SCHEDULER_TICK_MS: '200',
      AQPARAT_COLLECT_CONCURRENCY: '2',
    };
    servers = await Promise.all([serve(database.target, env), serve(database.target, env)]);
  });
  afterAll(async () => {
    for (const server of servers ?? []) server.process.kill('SIGTERM');
    await fake?.close();
    await ctx?.db.close();
    await database?.drop();
  });

  it('runs each due collection once', async () => {
    const finished = () =>
      ctx.db.kysely
        .selectFrom('collectionRun')
        .innerJoin('channel', 'channel.id', 'collectionRun.channelId')
        .select(['channel.code', 'collectionRun.status', 'collectionRun.trigger', 'collectionRun.new'])
        .where('collectionRun.status', '<>', 'running')
        .execute();
    for (let attempt = 0; attempt < 600 && (await finished()).length < CHANNELS; attempt++)
      await new Promise((resolve) => setTimeout(resolve, 100));
    // Ticks of both servers go on; none runs a channel again (its next run is due in two hours).
    await new Promise((resolve) => setTimeout(resolve, 2000));
    const runs = await finished();
    expect(runs.map((run) => run.code).sort()).toEqual(
      Array.from({ length: CHANNELS }, (_, index) => `scheduled-${index}`),
    );
    expect(runs.every((run) => run.status === 'ok' && run.trigger === 'schedule' && run.new === 31)).toBe(
      true,
    );
    expect(fake.hits.filter((hit) => hit.url === '/topwar_official')).toHaveLength(CHANNELS);
    const publications = await ctx.db.kysely
      .selectFrom('publication')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(publications.n)).toBe(CHANNELS * 31);
  }, 120_000);
});

const noBot = noPostgres ?? realAbsent(...Object.values(BOT_SEND_FILES));
describe.skipIf(noBot !== undefined)(skippedBecause('two servers publishing due posts', noBot), () => {
  const POSTS = 6;
  const SECRET = 'f'.repeat(64);
  let database: TestDatabase;
  let servers: Server[];
  let ctx: Context;
  let bot: Awaited<ReturnType<typeof fakeBotSender>>;
  const texts = Array.from({ length: POSTS }, (_, index) => `Семинар № ${index + 1}: 30 участников`);

  beforeAll(async () => {
    bot = await fakeBotSender();
    database = await createTestDatabase('postgres');
    ctx = await openContext({ db: database.target, env: { AQPARAT_SECRET_KEY: SECRET } });
    const org = await buildOrg(ctx, 'region');
    await addChannel(ctx, {
      code: 'plan-telegram',
      org: org.code,
      platform: 'telegram',
      name: 'Канал',
      url: 'https://t.me/topwar_official',
    });
    const saved = process.env['AQPARAT_SECRET_KEY'];
    process.env['AQPARAT_SECRET_KEY'] = SECRET;
    try {
      await setChannelToken(ctx, 'plan-telegram', { token: BOT_TOKEN });
    } finally {
      if (saved === undefined) delete process.env['AQPARAT_SECRET_KEY'];
      else process.env['AQPARAT_SECRET_KEY'] = saved;
    }
    for (const text of texts) await approvedDuePost(ctx, org.code, 'plan-telegram', text);
    const env = {
      AQPARAT_SECRET_KEY: SECRET,
      AQPARAT_TELEGRAM_BOT_API_URL: bot.url,
      AQPARAT_COLLECT_DELAY_MS: '0',
      AQPARAT_SCHEDULER_TICK_MS: '200',
    };
    servers = await Promise.all([serve(database.target, env), serve(database.target, env)]);
  });
  afterAll(async () => {
    for (const server of servers ?? []) server.process.kill('SIGTERM');
    await bot?.close();
    await ctx?.db.close();
    await database?.drop();
  });

  it('sends each due post once', async () => {
    const published = () =>
      ctx.db.kysely
        .selectFrom('planPostChannel')
        .select(['state', 'externalId'])
        .where('state', '=', 'published')
        .execute();
    for (let attempt = 0; attempt < 600 && (await published()).length < POSTS; attempt++)
      await new Promise((resolve) => setTimeout(resolve, 100));
    // Both schedulers keep ticking; nothing goes out again.
    await new Promise((resolve) => setTimeout(resolve, 2000));
    const sendings = await published();
    expect(sendings).toHaveLength(POSTS);
    expect(new Set(sendings.map((sending) => sending.externalId)).size).toBe(POSTS);
    expect(bot.sent.map((hit) => hit.text).sort()).toEqual([...texts].sort());
  }, 120_000);
});
