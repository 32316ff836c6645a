/**
 * The dashboard under uploads (issue 18): the HTTP workload's dashboard loaded by autocannon while ten Telegram
 * exports are imported through `POST /api/v1/imports` on the same server, against the same load without imports in
 * the same run. The server runs in a child process as in the HTTP workload; each import reads in a process of its
 * own (the product's reader) and stores in the server's process, as an installation imports. An editor of the
 * region signs in and uploads the exports, each into a channel of its own in the region; a viewer's API token loads
 * the dashboard. The imports change the database: the benchmark runs this on a scratch copy of the national demo.
 */
import { existsSync, mkdirSync, mkdtempSync, openAsBlob, renameSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import type { Context } from '../src/services/context.js';
import { addChannel } from '../src/services/records.service.js';
import { createApiToken, createUser, revokeOwnApiToken } from '../src/services/user.service.js';
import { writeTelegramExport } from '../test/factories/telegram-export.factory.js';
import { type Running, startChild } from './children.js';
import { MB, type Result, resultOf } from './figures.js';
import {
  CONNECTIONS,
  dashboardQuery,
  type Load,
  load,
  PATH,
  viewerOf,
  WARM_UP_SECONDS,
  warm,
} from './http.workload.js';

export const UPLOADS = 'http dashboard region under uploads';
/** Imports running at once, and the p99 the dashboard must keep meanwhile (issue 18). */
export const IMPORTS = 10;
const TARGET_P99_MS = 100;
/** Characters of each post's text, as in the import workload's export. */
const TEXT_LENGTH = 100;
/** How long the uploads may take to begin storing: ten readers start at once on a busy machine. */
const START_TIMEOUT_MS = 180_000;
const PASSWORD = 'bench uploads under load';

/**
 * `count` synthetic Telegram exports of `messages` messages each in `dir`, written the first time they are asked
 * for: each a channel of its own (name and id), the generator's texts (so the channels' posts are near-copies of
 * one another's, which the imports' copy search finds and marks).
 */
export async function uploadExports(dir: string, count: number, messages: number): Promise<string[]> {
  mkdirSync(dir, { recursive: true });
  const files: string[] = [];
  for (let at = 1; at <= count; at++) {
    const file = join(dir, `telegram-upload-${at}-${messages}x${TEXT_LENGTH}.json`);
    if (!existsSync(file)) {
      // Written under another name first: an interrupted run leaves no half export to be taken for a whole one.
      const partial = `${file}.partial`;
      await writeTelegramExport(partial, {
        messages,
        textLength: TEXT_LENGTH,
        name: `Профсоюзный канал № ${at}`,
        id: 1_900_000_000 + at,
      });
      renameSync(partial, file);
    }
    files.push(file);
  }
  return files;
}

interface Batch {
  id: number;
  status: string;
  progress: number;
}

/** An editor's session on the server: its cookie and CSRF token, as a browser sends them. */
async function signIn(base: string, login: string): Promise<Record<string, string>> {
  const response = await fetch(new URL('api/v1/session', base), {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ login, password: PASSWORD }),
  });
  const body = await response.text();
  if (response.status !== 200) throw new Error(`sign-in answered ${response.status}: ${body.slice(0, 500)}`);
  const cookie = response.headers
    .getSetCookie()
    .map((line) => line.split(';')[0] ?? '')
    .find((pair) => pair.startsWith('aqparat_session='));
  if (!cookie) throw new Error('sign-in set no session cookie');
  const { csrfToken } = JSON.parse(body) as { csrfToken: string };
  return { cookie, 'x-csrf-token': csrfToken };
}

/** Uploads the export into the channel; the server answers 202 with the batch, which imports in the background. */
async function upload(base: string, session: Record<string, string>, file: string, channel: string) {
  const form = new FormData();
  form.append('channel', channel);
  form.append('file', await openAsBlob(file), basename(file));
  const response = await fetch(new URL('api/v1/imports', base), {
    method: 'POST',
    headers: session,
    body: form,
  });
  const body = await response.text();
  if (response.status !== 202) throw new Error(`upload answered ${response.status}: ${body.slice(0, 500)}`);
  return (JSON.parse(body) as { id: number }).id;
}

async function batches(base: string, session: Record<string, string>, ids: readonly number[]) {
  return Promise.all(
    ids.map(async (id): Promise<Batch> => {
      const response = await fetch(new URL(`api/v1/imports/${id}`, base), { headers: session });
      const body = await response.text();
      if (response.status !== 200)
        throw new Error(`batch ${id} answered ${response.status}: ${body.slice(0, 500)}`);
      const { status, progress } = JSON.parse(body) as Batch;
      return { id, status, progress };
    }),
  );
}

const progressOf = (list: readonly Batch[]) => list.reduce((sum, batch) => sum + batch.progress, 0);

export interface UploadsOptions {
  /** The exports to upload, one per channel: IMPORTS of them in the benchmark. */
  exports: readonly string[];
  /** Seconds of each timed run. */
  seconds: number;
  /** Timed runs under the imports, and as many without them before. */
  runs: number;
  connections?: number;
  warmUpSeconds?: number;
}

/**
 * Loads the dashboard of `org` on the database `target` (which `ctx` is open on, and which the imports change):
 * `runs` timed runs without imports, then the uploads, then up to `runs` timed runs while every import still runs,
 * then, on a server started anew (the imports it left are over: its batches end interrupted), one more run
 * without imports. Returns the p99, p50 and requests per second under the imports against those without.
 */
export async function measureDashboardUnderUploads(
  ctx: Context,
  target: string,
  { org }: { org: string },
  options: UploadsOptions,
): Promise<Result[]> {
  const connections = options.connections ?? CONNECTIONS;
  const warmUp = options.warmUpSeconds ?? WARM_UP_SECONDS;
  const viewer = { ...ctx, actor: await viewerOf(ctx, org) };
  const { id: tokenId, token } = await createApiToken(viewer, { name: 'npm run bench' });
  const editor = `bench-uploads-${org}`;
  await createUser(ctx, { login: editor, role: 'editor', org, password: PASSWORD });
  const channels = options.exports.map((_, at) => `bench-upload-${at + 1}`);
  for (const [at, code] of channels.entries()) {
    await addChannel(ctx, {
      code,
      org,
      platform: 'telegram',
      name: `Профсоюзный канал № ${at + 1}`,
      url: `https://t.me/bench_upload_${at + 1}`,
    });
  }
  const uploads = mkdtempSync(join(tmpdir(), 'aqparat-bench-uploads-'));
  const start = () => startChild<{ url: string }>('http.product.ts', { db: target, tmpDir: uploads });
  let server: Running<{ url: string }> | undefined;
  try {
    server = await start();
    const base = server.answer.url;
    const url = new URL(`${PATH}${dashboardQuery(org)}`, base).toString();
    await warm(url, token, warmUp, 2);
    const without: Load[] = [];
    for (let run = 0; run < options.runs; run++)
      without.push(await load(url, token, options.seconds, connections));

    const session = await signIn(base, editor);
    const uploadStarted = performance.now();
    // All at once, as ten editors would: one after another, each upload waits for the imports already running.
    const ids = await Promise.all(
      options.exports.map((file, at) => upload(base, session, file, channels[at]!)),
    );
    const uploadSeconds = (performance.now() - uploadStarted) / 1000;
    // Timed once every import stores: each reader process started, its first chunk stored.
    let state = await batches(base, session, ids);
    while (state.some((batch) => batch.status === 'running' && batch.progress === 0)) {
      if (performance.now() - uploadStarted > START_TIMEOUT_MS) throw new Error('the imports did not begin');
      await new Promise((resolve) => setTimeout(resolve, 250));
      state = await batches(base, session, ids);
    }
    const startSeconds = (performance.now() - uploadStarted) / 1000;
    const failed = state.filter((batch) => batch.status !== 'running');
    if (failed.length > 0) throw new Error(`imports ended before the load: ${JSON.stringify(failed)}`);

    const under: Load[] = [];
    /** Records the imports read (stored, passed over or rejected) during the timed runs, and those runs' seconds. */
    let records = 0;
    let importSeconds = 0;
    // A run counts only if every import was still running at its end, so ran through it.
    for (let run = 0; run < options.runs; run++) {
      const before = state;
      const runStarted = performance.now();
      const measured = await load(url, token, options.seconds, connections);
      state = await batches(base, session, ids);
      if (state.some((batch) => batch.status !== 'running')) break;
      under.push(measured);
      records += progressOf(state) - progressOf(before);
      importSeconds += (performance.now() - runStarted) / 1000;
    }
    const finished = state.filter((batch) => batch.status !== 'running').length;

    // A server with ten imports under way stops only once they are done (it lets them finish): killed instead.
    await server.stop('SIGKILL');
    server = await start();
    const again = new URL(`${PATH}${dashboardQuery(org)}`, server.answer.url).toString();
    await warm(again, token, warmUp, 2);
    without.push(await load(again, token, options.seconds, connections));

    const sum = (loads: Load[], key: 'requests' | 'failures') => loads.reduce((n, l) => n + l[key], 0);
    const notes = {
      imports: options.exports.length,
      exportMb: Math.round(
        options.exports.reduce((total, file) => total + statSync(file).size, 0) / options.exports.length / MB,
      ),
      connections,
      seconds: options.seconds,
      uploadSeconds: Number(uploadSeconds.toFixed(1)),
      /** From the first upload until every import had stored its first chunk. */
      startSeconds: Number(startSeconds.toFixed(1)),
      /** Timed runs under imports that ended with every import still running; one that did not is left out. */
      runsUnderImports: under.length,
      importsFinishedDuringLoad: finished,
      importRecordsPerSecond: importSeconds > 0 ? Math.round(records / importSeconds) : 0,
      /** Timed runs under imports in which no request was answered: their latencies are infinite (null in JSON). */
      runsWithNoAnswer: under.filter((l) => l.requests === 0).length,
      requests: sum(under, 'requests'),
      failures: sum(under, 'failures'),
      baselineRequests: sum(without, 'requests'),
      baselineFailures: sum(without, 'failures'),
    };
    // A figure counts only if it was taken under imports and every request was answered, and answered 200.
    const answered = under.length > 0 && notes.failures === 0;
    return [
      resultOf(
        `${UPLOADS} p99`,
        'ms',
        {
          text: `p99 ≤ ${TARGET_P99_MS} ms`,
          check: (figure) => answered && figure.median <= TARGET_P99_MS,
        },
        under.map((l) => l.p99),
        without.map((l) => l.p99),
        notes,
      ),
      resultOf(
        `${UPLOADS} p50`,
        'ms',
        { text: '—' },
        under.map((l) => l.p50),
        without.map((l) => l.p50),
      ),
      resultOf(
        UPLOADS,
        'req/s',
        { text: '—' },
        under.map((l) => l.rps),
        without.map((l) => l.rps),
      ),
    ];
  } finally {
    await server?.stop('SIGKILL');
    await revokeOwnApiToken(viewer, tokenId);
    rmSync(uploads, { recursive: true, force: true });
  }
}
