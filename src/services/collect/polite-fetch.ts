/**
 * Fetching public pages politely: one request at a time per host (but this machine's), a pause between two
 * requests to it, a 429's `Retry-After` waited out (up to a limit) before the same request is made again, and a
 * transient failure (the connection failed or timed out, HTTP 408 or 5xx but 501) tried again after a pause
 * doubled each time. Each answer is bounded in time and bytes, so that no host can hold a collection or its
 * memory: a page is read only up to `maxBytes`.
 */
import { DomainError } from '../../domain/errors.js';

export interface FetchPolicy {
  /** Pause between the end of one request to a host and the start of the next. */
  delayMs: number;
  /** How long one request may take, its body included. */
  timeoutMs: number;
  /** Bytes of a page read at most (a t.me/s page of 20 posts is ~120 KB). */
  maxBytes: number;
  /** 429 answers waited out, and transient failures tried again, before the request fails. */
  retries: number;
  /** The pause before a transient failure is tried again, doubled at each retry. */
  transientBackoffMs: number;
  /** A longer `Retry-After` than this fails the request rather than hold the run. */
  maxRetryAfterMs: number;
}

export const DEFAULT_FETCH_POLICY: FetchPolicy = {
  delayMs: 1500,
  timeoutMs: 30_000,
  maxBytes: 5 * 1024 * 1024,
  retries: 3,
  transientBackoffMs: 2000,
  maxRetryAfterMs: 5 * 60_000,
};

/** Whether an HTTP status says the server may answer the same request later: a timeout or its own failure. */
export const isTransientStatus = (status: number) => status === 408 || (status >= 500 && status !== 501);

/** The pause before the retry after `attempt` transient failures (0 the first). */
export const transientPause = (policy: FetchPolicy, attempt: number) =>
  policy.transientBackoffMs * 2 ** attempt;

export interface Page {
  /** The address answered, after redirects. */
  url: string;
  body: string;
  /** 200, or 304 (with no body) to a request made conditional by the headers given. */
  status: number;
  headers: Headers;
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** `Retry-After` as seconds or an HTTP date; absent or unreadable means a second. */
export function retryAfterMs(value: string | null, now: number): number {
  if (value === null || value.trim() === '') return 1000;
  const text = value.trim();
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  const at = Date.parse(text);
  return Number.isNaN(at) ? 1000 : Math.max(0, at - now);
}

const failed = (url: string, detail: string) => new DomainError('collect_fetch_failed', { url, detail });

async function bodyOf(response: Response, url: string, maxBytes: number): Promise<string> {
  if (!response.body) return '';
  const chunks: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
    size += chunk.byteLength;
    if (size > maxBytes) throw failed(url, `more than ${maxBytes} bytes`);
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}

const LOCAL_HOSTS: ReadonlySet<string> = new Set(['localhost', '127.0.0.1', '[::1]']);

export class PoliteFetcher {
  /** Per host: the end of the request last queued, and when the host was last answered. */
  private readonly hosts = new Map<string, { tail: Promise<unknown>; last: number }>();

  constructor(
    private readonly policy: FetchPolicy = DEFAULT_FETCH_POLICY,
    private readonly wait: (ms: number) => Promise<void> = sleep,
  ) {}

  /**
   * The page, once the host's earlier requests are answered and its pause has passed. A 404 or 410 is
   * `collect_page_missing`: the address names nothing (any other failure may pass).
   */
  get(url: string, headers: Record<string, string> = {}): Promise<Page> {
    const { host, hostname } = new URL(url);
    // A server on this machine (the tests' and the benchmark's fakes) is owed no politeness: not queued.
    if (LOCAL_HOSTS.has(hostname)) return this.fetchWithRetries(url, headers, { last: 0 });
    const slot = this.hosts.get(host) ?? { tail: Promise.resolve(), last: 0 };
    const run = slot.tail.then(() => this.fetchWithRetries(url, headers, slot));
    slot.tail = run.catch(() => undefined);
    this.hosts.set(host, slot);
    return run;
  }

  private async fetchWithRetries(
    url: string,
    headers: Record<string, string>,
    slot: { last: number },
  ): Promise<Page> {
    for (let attempt = 0; ; attempt++) {
      const pause = slot.last + this.policy.delayMs - Date.now();
      if (slot.last > 0 && pause > 0) await this.wait(pause);
      let response: Response;
      try {
        response = await fetch(url, {
          redirect: 'follow',
          headers: { 'user-agent': 'aqparat (collects public channels of a trade union)', ...headers },
          signal: AbortSignal.timeout(this.policy.timeoutMs),
        });
      } catch (error) {
        slot.last = Date.now();
        if (attempt < this.policy.retries) {
          await this.wait(transientPause(this.policy, attempt));
          continue;
        }
        throw failed(url, error instanceof Error ? error.message : String(error));
      }
      try {
        if (response.status === 429) {
          const waitMs = retryAfterMs(response.headers.get('retry-after'), Date.now());
          await response.body?.cancel();
          if (attempt >= this.policy.retries || waitMs > this.policy.maxRetryAfterMs)
            throw failed(url, `HTTP 429, Retry-After ${Math.ceil(waitMs / 1000)} s`);
          await this.wait(waitMs);
          continue;
        }
        const answered = { url: response.url || url, status: response.status, headers: response.headers };
        if (response.status === 304) {
          await response.body?.cancel();
          return { ...answered, body: '' };
        }
        if (isTransientStatus(response.status) && attempt < this.policy.retries) {
          await response.body?.cancel();
          await this.wait(transientPause(this.policy, attempt));
          continue;
        }
        if (!response.ok) {
          await response.body?.cancel();
          if (response.status === 404 || response.status === 410)
            throw new DomainError('collect_page_missing', { url, status: response.status });
          throw failed(url, `HTTP ${response.status}`);
        }
        return { ...answered, body: await bodyOf(response, url, this.policy.maxBytes) };
      } finally {
        slot.last = Date.now();
      }
    }
  }
}
