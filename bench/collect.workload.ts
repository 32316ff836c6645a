/**
 * Collection at scale, in `npm run bench` (`--only collection`) or alone: `npx tsx bench/collect.workload.ts
 * [--db sqlite|postgres] [--channels 2000] [--posts 20] [--latency 50] [--concurrency 16]`, in a process of its own
 * so that its peak RSS is the collection's. A local fake t.me answers each request after `latency` ms: each channel's
 * page (its subscribers) and one page of `posts` new posts (no older page). The product collects every channel
 * into a new database (collectChannels: the fetcher, the parser, the import runner with its analysis, the run
 * records) `concurrency` channels at a time; the baseline only fetches the same pages, as many at a time. Prints
 * the time of each, their ratio and the product's peak RSS (sampled every 100 ms), and checks every post stored.
 * Targets (issue 21): 2,000 channels × 20 posts in at most 5 minutes on 2 cores at at most 300 MB RSS.
 */
import { execFileSync } from 'node:child_process';
import { once } from 'node:events';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Command } from 'commander';
import { collectChannels } from '../src/services/collect.service.js';
import { collectPolicyOf } from '../src/services/collect/collector.js';
import { openContext } from '../src/services/context.js';
import { addChannel } from '../src/services/records.service.js';
import { buildOrg } from '../test/factories/org.factory.js';
import { createTestDatabase, type DialectName } from '../test/helpers/databases.js';
import { type Result, resultOf } from './figures.js';

/** Words a post's text is drawn from: each post its own text, as posts of different channels are. */
const WORDS = (
  'профсоюз работник договор зарплата охрана труда собрание комитет отрасль школа больница завод шахта ' +
  'учитель врач горняк студент пенсия отпуск смена премия индексация переговоры работодатель комиссия ' +
  'семинар конкурс спорт молодёжь ветеран помощь консультация юрист инспекция безопасность здоровье ' +
  'коллектив решение заседание отчёт выборы председатель делегат конференция акция поддержка льгота'
).split(' ');

/** A text of a dozen words chosen by a small generator seeded with the channel and the post. */
function textOf(seed: number): string {
  let state = seed || 1;
  const words: string[] = [];
  for (let index = 0; index < 12; index++) {
    state = (state * 1103515245 + 12345) % 2147483648;
    words.push(WORDS[state % WORDS.length] ?? '');
  }
  return words.join(' ');
}

/** A t.me/s page of `posts` posts of channel `name`, oldest first as Telegram lists them, one a minute. */
function postsPage(name: string, posts: number): string {
  const start = Date.parse('2026-12-06T08:00:00Z');
  const channel = Number(name.replace(/\D/g, ''));
  const messages = Array.from({ length: posts }, (_, index) => {
    const id = index + 1;
    const at = new Date(start + index * 60_000).toISOString();
    return `<div class="tgme_widget_message" data-post="${name}/${id}">
<div class="tgme_widget_message_text">${textOf(channel * 1000 + id)}</div>
<span class="tgme_widget_message_views">${100 + id}</span><a class="tgme_widget_message_date"><time datetime="${at}"></time></a></div>`;
  });
  return `<html><body><section class="tgme_channel_history">${messages.join('\n')}</section></body></html>`;
}

const channelPage = (name: string, followers: number) =>
  `<html><body><div class="tgme_page_title"><span>${name}</span></div><div class="tgme_page_extra">${followers} subscribers</div></body></html>`;

async function fakeTelegram(posts: number, latencyMs: number) {
  const server: Server = createServer((request, response) => {
    const path = request.url ?? '/';
    const name = /^\/(?:s\/)?(union_channel_\d+)$/.exec(path)?.[1];
    setTimeout(() => {
      if (!name) return void response.writeHead(404).end();
      const body = path.startsWith('/s/')
        ? postsPage(name, posts)
        : channelPage(name, 1000 + Number(name.replace(/\D/g, '')));
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(body);
    }, latencyMs);
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** The peak RSS while `work` runs, sampled every 100 ms. */
async function withPeakRss<T>(work: () => Promise<T>): Promise<{ value: T; peakMb: number }> {
  let peak = process.memoryUsage.rss();
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage.rss())), 100);
  try {
    const value = await work();
    return { value, peakMb: Math.max(peak, process.memoryUsage.rss()) / 1e6 };
  } finally {
    clearInterval(sampler);
  }
}

async function timed<T>(work: () => Promise<T>): Promise<{ value: T; seconds: number }> {
  const started = performance.now();
  const value = await work();
  return { value, seconds: (performance.now() - started) / 1000 };
}

/** Fetches the pages a collection of these channels reads, `concurrency` channels at a time, bodies read. */
async function fetchOnly(url: string, names: readonly string[], concurrency: number): Promise<number> {
  let next = 0;
  let bytes = 0;
  const worker = async () => {
    while (next < names.length) {
      const name = names[next++];
      for (const path of [`/${name}`, `/s/${name}`])
        bytes += (await (await fetch(`${url}${path}`)).text()).length;
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return bytes;
}

export const COLLECTION = 'collection';

export interface CollectionSize {
  channels: number;
  posts: number;
  latencyMs: number;
  concurrency: number;
}

/** The size, and a small one for a quick check. */
export const COLLECTION_SIZES = {
  national: { channels: 2000, posts: 20, latencyMs: 50, concurrency: 16 },
  tiny: { channels: 50, posts: 20, latencyMs: 50, concurrency: 16 },
} satisfies Record<string, CollectionSize>;

interface Figures {
  productSeconds: number;
  baselineSeconds: number;
  peakRssMb: number;
  stored: number;
}

/** Collects the channels into a new database; the figures, after checking that every post was stored. */
async function collectAtScale(db: DialectName, size: CollectionSize): Promise<Figures> {
  const fake = await fakeTelegram(size.posts, size.latencyMs);
  const database = await createTestDatabase(db);
  const ctx = await openContext({ db: database.target, env: { AQPARAT_LOG_LEVEL: 'error' } });
  try {
    const org = await buildOrg(ctx, 'region');
    const names = Array.from({ length: size.channels }, (_, index) => `union_channel_${index}`);
    for (const name of names)
      await addChannel(ctx, {
        code: name,
        org: org.code,
        platform: 'telegram',
        name,
        url: `https://t.me/${name}`,
      });
    const baseline = await timed(() => fetchOnly(fake.url, names, size.concurrency));
    const policy = { ...collectPolicyOf({ AQPARAT_TELEGRAM_WEB_URL: fake.url }), delayMs: 0 };
    const product = await withPeakRss(() =>
      timed(() => collectChannels(ctx, { policy, concurrency: size.concurrency })),
    );
    const failed = product.value.value.filter((result) => result.error !== null || result.skipped !== null);
    const stored = await ctx.db.kysely
      .selectFrom('publication')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    if (Number(stored.n) !== size.channels * size.posts || failed.length > 0)
      throw new Error(
        `stored ${stored.n} of ${size.channels * size.posts} posts, ${failed.length} channels failed`,
      );
    return {
      productSeconds: product.value.seconds,
      baselineSeconds: baseline.seconds,
      peakRssMb: product.peakMb,
      stored: Number(stored.n),
    };
  } finally {
    await ctx.db.close();
    await database.drop();
    await fake.close();
  }
}

/** The workload's results, measured in a child process: the collection's time against the baseline's, its RSS. */
export function measureCollection(db: DialectName, size: CollectionSize): Result[] {
  const args = ['--db', db, '--channels', String(size.channels), '--posts', String(size.posts)];
  args.push('--latency', String(size.latencyMs), '--concurrency', String(size.concurrency));
  const output = execFileSync(
    process.execPath,
    ['--import', 'tsx', fileURLToPath(import.meta.url), ...args],
    {
      encoding: 'utf8',
      env: process.env,
    },
  );
  const figures = JSON.parse(output.trim().split('\n').at(-1) ?? '{}') as Figures;
  const label = `${COLLECTION} ${size.channels} channels × ${size.posts} posts`;
  const notes = { stored: figures.stored, concurrency: size.concurrency, latencyMs: size.latencyMs };
  const seconds = (value: number) => value * 1000;
  return [
    resultOf(
      label,
      'ms',
      { text: '≤ 5 min for 2,000 channels', check: (own) => size.channels < 2000 || own.median <= 300_000 },
      [seconds(figures.productSeconds)],
      [seconds(figures.baselineSeconds)],
      notes,
    ),
    resultOf(
      `${label}, peak RSS`,
      'MB',
      { text: '≤ 300 MB', check: (own) => own.median <= 300 },
      [figures.peakRssMb],
      null,
    ),
  ];
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const options = new Command()
    .option('--db <kind>', 'sqlite or postgres (DATABASE_URL)', 'sqlite')
    .option('--channels <n>', 'channels', '2000')
    .option('--posts <n>', 'new posts per channel', '20')
    .option('--latency <ms>', "the fake's latency", '50')
    .option('--concurrency <n>', 'channels collected at once', '16')
    .parse()
    .opts<{ db: DialectName; channels: string; posts: string; latency: string; concurrency: string }>();
  const size = {
    channels: Number(options.channels),
    posts: Number(options.posts),
    latencyMs: Number(options.latency),
    concurrency: Number(options.concurrency),
  };
  const figures = await collectAtScale(options.db, size);
  console.log(
    JSON.stringify({
      ...figures,
      ...size,
      db: options.db,
      ratio: figures.productSeconds / figures.baselineSeconds,
      loadAverage: loadavg(),
    }),
  );
}
