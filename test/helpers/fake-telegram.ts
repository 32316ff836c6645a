/**
 * A local fake of t.me serving saved real pages (test/fixtures/real/telegram-web/, MIT): t.me/codecamp's page
 * stands for the channel's own page (82 932 subscribers), t.me/s/topwar_official is its newest page of posts, and
 * t.me/s/habr_com, with its links to older pages taken out (as a channel's first page has none), the older page
 * `?before=70989` leads to: 12 + 20 posts, the last of which has an empty `<time datetime="">` on the saved page and
 * is rejected. Missing names, a group and a bot are their own saved pages.
 */
import { readFileSync } from 'node:fs';
import type { ServerResponse } from 'node:http';
import { real } from './real-files.js';
import { serveLocally } from './local-server.js';

const DIR = 'telegram-web/';
export const TELEGRAM_FILES = {
  channel: `${DIR}statosphere_tme_page_codecamp.html`,
  newest: `${DIR}any2feed_tme_s_topwar_official_full.html`,
  oldest: `${DIR}statosphere_tme_s_habr_com.html`,
  missing: `${DIR}statosphere_tme_page_not_existed_channel.html`,
  missingPreview: `${DIR}statosphere_tme_s_not_existed_channel.html`,
  group: `${DIR}statosphere_tme_page_ru_python_group.html`,
  bot: `${DIR}statosphere_tme_page_botfather.html`,
};
export const TELEGRAM_PATHS = Object.values(TELEGRAM_FILES);
export const readTelegramPage = (path: string) => readFileSync(real(path), 'utf8');

/** The habr page as a channel's first page: without its links to an older one. */
const firstPage = (html: string) =>
  html.replace(/<link rel="prev"[^>]*>/g, '').replace(/ data-before="\d+"/g, '');

export interface Hit {
  url: string;
  at: number;
  status: number;
}

export interface FakeTelegram {
  url: string;
  hits: Hit[];
  /** Answers the next request of a path with 429 and this many seconds of Retry-After. */
  throttle: Map<string, number>;
  /** The most requests it was answering at once. */
  maxInFlight: () => number;
  close(): Promise<void>;
}

/** A fake t.me: saved pages by path, each answered `latencyMs` after it was asked. */
export async function fakeTelegram(latencyMs = 0): Promise<FakeTelegram> {
  const routes = new Map<string, string>([
    ['/topwar_official', readTelegramPage(TELEGRAM_FILES.channel)],
    ['/s/topwar_official', readTelegramPage(TELEGRAM_FILES.newest)],
    ['/s/topwar_official?before=70989', firstPage(readTelegramPage(TELEGRAM_FILES.oldest))],
    ['/not_existed_channel', readTelegramPage(TELEGRAM_FILES.missing)],
    ['/s/not_existed_channel', readTelegramPage(TELEGRAM_FILES.missingPreview)],
    ['/ru_python', readTelegramPage(TELEGRAM_FILES.group)],
    ['/botfather', readTelegramPage(TELEGRAM_FILES.bot)],
  ]);
  const hits: Hit[] = [];
  const throttle = new Map<string, number>();
  let inFlight = 0;
  let maxInFlight = 0;
  const server = await serveLocally((request, response) => {
    inFlight++;
    maxInFlight = Math.max(maxInFlight, inFlight);
    response.on('finish', () => inFlight--);
    if (latencyMs > 0) setTimeout(() => answer(request.url ?? '/', response), latencyMs);
    else answer(request.url ?? '/', response);
  });
  const answer = (url: string, response: ServerResponse) => {
    const seconds = throttle.get(url);
    if (seconds !== undefined) {
      throttle.delete(url);
      hits.push({ url, at: Date.now(), status: 429 });
      response.writeHead(429, { 'retry-after': String(seconds) }).end('Too Many Requests');
      return;
    }
    const body = routes.get(url);
    hits.push({ url, at: Date.now(), status: body === undefined ? 404 : 200 });
    if (body === undefined) response.writeHead(404).end();
    else response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(body);
  };
  return {
    url: server.url,
    hits,
    throttle,
    maxInFlight: () => maxInFlight,
    close: server.close,
  };
}
