/**
 * The HTTP workload (issue 8): `GET /api/v1/measures/dashboard` of an organization under load from autocannon,
 * against a bare Fastify answering the same body. Each server runs in a child process of its own, the load
 * generator in this one; the runs alternate, so that the machine's load moves both sides alike. Before the load,
 * each side's first request after a start is timed: what a reader waits after a restart.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import type { Actor } from '../src/policies/actor.js';
import type { Context } from '../src/services/context.js';
import { createApiToken, createUser, listUsers, revokeOwnApiToken } from '../src/services/user.service.js';
import { type Running, startChild } from './children.js';
import { type Result, resultOf } from './figures.js';
import { BRIEF_PERIOD } from './workloads.js';

export const PATH = '/api/v1/measures/dashboard';
export const CONNECTIONS = 64;
/**
 * Seconds of warming before the timed runs (JIT, the database's cache, the server's lazy imports): requests one
 * after another for the product, load for the constant server.
 */
export const WARM_UP_SECONDS = 2;
/** A server whose p99 under load was above this still has that much work in hand when the load stops. */
const SLOW_P99_MS = 1_000;
/** Servers started anew to time their first request: cold JIT, lazy imports and caches, the data on disk warm. */
const COLD_STARTS = 3;

export interface LoadOptions {
  /** Seconds of each timed run. */
  seconds: number;
  runs: number;
  connections?: number;
  warmUpSeconds?: number;
  coldStarts?: number;
}

/** A viewer of the organization, as a reader of its dashboard signs in: made once, kept in the database. */
export async function viewerOf(ctx: Context, org: string): Promise<Actor> {
  const login = `bench-${org}`;
  const existing = (await listUsers(ctx)).find((user) => user.login === login);
  const user = existing ?? (await createUser(ctx, { login, role: 'viewer', org })).user;
  return { kind: 'user', userId: user.id, login: user.login, role: user.role, orgId: user.orgId };
}

async function fetchBody(url: string, token: string): Promise<string> {
  const response = await fetch(url, { headers: { authorization: `Bearer ${token}` } });
  const body = await response.text();
  if (response.status !== 200) throw new Error(`${url} answered ${response.status}: ${body.slice(0, 500)}`);
  return body;
}

/** The time of a request and its body. */
async function timed(url: string, token: string): Promise<{ ms: number; body: string }> {
  const started = performance.now();
  const body = await fetchBody(url, token);
  return { ms: performance.now() - started, body };
}

/**
 * Requests one at a time for `seconds` (and `atLeast` of them), warming a freshly started server without leaving it
 * work in hand; returns how long the last one took: what a single reader waits, the load aside.
 */
export async function warm(url: string, token: string, seconds: number, atLeast: number): Promise<number> {
  const until = performance.now() + seconds * 1000;
  let last = 0;
  for (let done = 0; done < atLeast || performance.now() < until; done++) last = (await timed(url, token)).ms;
  return last;
}

/** The dashboard's query string for the organization: the brief's period, as of its last day. */
export const dashboardQuery = (org: string) =>
  `?org=${org}&period=${BRIEF_PERIOD.from}..${BRIEF_PERIOD.to}&asOf=${BRIEF_PERIOD.to}`;

export interface Load {
  rps: number;
  p50: number;
  p99: number;
  requests: number;
  /** Answers that were not 2xx, and connection errors (timeouts included). */
  failures: number;
}

export async function load(url: string, token: string, seconds: number, connections: number): Promise<Load> {
  const result = await autocannon({
    url,
    connections,
    duration: seconds,
    headers: { authorization: `Bearer ${token}` },
  });
  return {
    rps: result.requests.average,
    // Nothing answered within the run: its latency is beyond it, not zero.
    p50: result.requests.total > 0 ? result.latency.p50 : Infinity,
    p99: result.requests.total > 0 ? result.latency.p99 : Infinity,
    requests: result.requests.total,
    failures: result.non2xx + result.errors,
  };
}

/**
 * Loads the dashboard of the organization `org` (the `label` of the results) on the database `target`, which
 * `ctx` is open on, and the constant server, each for `runs` timed runs; returns the requests per second and the
 * p99 latency, with the bodies' sizes and the failures as notes.
 */
export async function measureDashboardLoad(
  ctx: Context,
  target: string,
  { label, org }: { label: string; org: string },
  options: LoadOptions,
): Promise<Result[]> {
  const connections = options.connections ?? CONNECTIONS;
  const viewer = { ...ctx, actor: await viewerOf(ctx, org) };
  const { id: tokenId, token } = await createApiToken(viewer, { name: 'npm run bench' });
  const dir = mkdtempSync(join(tmpdir(), 'aqparat-bench-http-'));
  const query = dashboardQuery(org);
  const urlOf = (server: Running<{ url: string }>) =>
    new URL(`${PATH}${query}`, server.answer.url).toString();
  const warmUp = options.warmUpSeconds ?? WARM_UP_SECONDS;
  let constant: Running<{ url: string }> | undefined;
  let product: { server: Running<{ url: string }>; url: string; warm: boolean } | undefined;
  try {
    // A slow product's server still has requests in hand when the load stops; they would weigh on the baseline's
    // run that follows, so such a server is killed after its run and started anew for the next.
    const startProduct = async () => {
      const server = await startChild<{ url: string }>('http.product.ts', { db: target });
      return { server, url: urlOf(server), warm: false };
    };
    // The first request to each side's server just started, the servers alternately; the last ones stay.
    const coldStarts = options.coldStarts ?? COLD_STARTS;
    const coldOwn: number[] = [];
    const coldRaw: number[] = [];
    let body = '';
    let constantBody = '';
    const bodyFile = join(dir, 'dashboard.json');
    for (let start = 0; start < coldStarts; start++) {
      await product?.server.stop();
      product = await startProduct();
      const own = await timed(product.url, token);
      coldOwn.push(own.ms);
      body = own.body;
      if (start === 0) writeFileSync(bodyFile, body);
      await constant?.stop();
      constant = await startChild<{ url: string }>('http.baseline.ts', { bodyFile, path: PATH });
      const raw = await timed(urlOf(constant), token);
      coldRaw.push(raw.ms);
      constantBody = raw.body;
    }
    if (!product || !constant) throw new Error('the HTTP workload needs a cold start at least');
    const constantUrl = urlOf(constant);
    if (warmUp > 0) await load(constantUrl, token, warmUp, connections);

    const own: Load[] = [];
    const raw: Load[] = [];
    /** What a single reader waits: the last warm request to the first server. */
    let oneRequestMs: number | undefined;
    for (let run = 0; run < options.runs; run++) {
      product ??= await startProduct();
      if (!product.warm) {
        // The first server's last warm request is timed alone; a server started anew is only warmed.
        const last = await warm(product.url, token, warmUp, oneRequestMs === undefined ? 2 : 1);
        oneRequestMs ??= Math.round(last);
        product.warm = true;
      }
      const measured = await load(product.url, token, options.seconds, connections);
      own.push(measured);
      if (measured.p99 > SLOW_P99_MS) {
        await product.server.stop('SIGKILL');
        product = undefined;
      }
      raw.push(await load(constantUrl, token, options.seconds, connections));
    }
    const sum = (loads: Load[], key: 'requests' | 'failures') => loads.reduce((n, l) => n + l[key], 0);
    const notes = {
      oneRequestMs: oneRequestMs ?? NaN,
      bodyBytes: Buffer.byteLength(body),
      baselineBodyBytes: Buffer.byteLength(constantBody),
      connections,
      seconds: options.seconds,
      requests: sum(own, 'requests'),
      failures: sum(own, 'failures'),
      baselineRequests: sum(raw, 'requests'),
      baselineFailures: sum(raw, 'failures'),
    };
    const name = `http dashboard ${label}`;
    // A figure counts only if every request was answered, and answered 200.
    const answered = notes.requests > 0 && notes.failures === 0;
    return [
      resultOf(
        name,
        'req/s',
        { text: '≥ 2,000 req/s', check: (figure) => answered && figure.median >= 2_000 },
        own.map((l) => l.rps),
        raw.map((l) => l.rps),
        notes,
      ),
      resultOf(
        `${name} p99`,
        'ms',
        { text: 'p99 ≤ 50 ms', check: (figure) => answered && figure.median <= 50 },
        own.map((l) => l.p99),
        raw.map((l) => l.p99),
      ),
      // Not a target of the issue: what the first reader after a restart waits.
      resultOf(`${name} first request`, 'ms', { text: '—' }, coldOwn, coldRaw),
    ];
  } finally {
    await product?.server.stop('SIGKILL');
    await constant?.stop();
    await revokeOwnApiToken(viewer, tokenId);
    rmSync(dir, { recursive: true, force: true });
  }
}
