/**
 * Answers computed once per state of the data: an answer is remembered under the data version read before it
 * was computed, so it is never older than its key, and any commit, by this process or another on the same
 * database, makes a new version and so a new key. Readers of the same dashboard share one computation, even
 * while it is still running, until something changes.
 */
import type { Context } from './context.js';

/** Enough for the dashboards many readers look at in one state of the data. */
export const DATA_CACHE_ENTRIES = 100;

/**
 * The most recently used answers of one database, in order of use: those of the latest version read only (a
 * failed computation is forgotten at once).
 */
export class DataCache {
  readonly #entries = new Map<string, Promise<unknown>>();
  /** The version read under way, and the one to begin after it for those who asked once it had begun. */
  #reading: Promise<string> | undefined;
  #queued: Promise<string> | undefined;
  #latest: string | undefined;

  constructor(
    private readonly readVersion: () => Promise<string>,
    readonly capacity = DATA_CACHE_ENTRIES,
  ) {}

  /** How many answers are kept. */
  get size(): number {
    return this.#entries.size;
  }

  /**
   * The data version, from a read that begins after this call, so that it reflects every commit made before it;
   * those who ask while a read is under way share the next one: one read at a time however many requests.
   */
  version(): Promise<string> {
    const reading = this.#reading;
    if (!reading) return this.#beginRead();
    // Any read under way once this one has ended began after these callers asked.
    const next = () => this.#reading ?? this.#beginRead();
    this.#queued ??= reading.then(next, next);
    return this.#queued;
  }

  #beginRead(): Promise<string> {
    this.#queued = undefined;
    const read = this.readVersion()
      .then((version) => {
        // Reads run one at a time, so a new version is a later one: no new request asks for the older answers.
        if (version !== this.#latest) this.#entries.clear();
        this.#latest = version;
        return version;
      })
      .finally(() => {
        if (this.#reading === read) this.#reading = undefined;
      });
    this.#reading = read;
    return read;
  }

  remember<T>(key: string, compute: () => Promise<T>): Promise<T> {
    const known = this.#entries.get(key) as Promise<T> | undefined;
    if (known) {
      // A Map keeps insertion order: moved to the end, the first entry is the least recently used.
      this.#entries.delete(key);
      this.#entries.set(key, known);
      return known;
    }
    const computed = compute();
    this.#entries.set(key, computed);
    computed.catch(() => {
      if (this.#entries.get(key) === computed) this.#entries.delete(key);
    });
    for (const oldest of this.#entries.keys()) {
      if (this.#entries.size <= this.capacity) break;
      this.#entries.delete(oldest);
    }
    return computed;
  }

  forget(key: string): void {
    this.#entries.delete(key);
  }
}

/** Remembers answers for one request: at one data version, for one caller. */
export interface Memo {
  remember<T>(parts: readonly unknown[], compute: () => Promise<T>): Promise<T>;
  /** Forgets an answer not worth keeping. */
  forget(parts: readonly unknown[]): void;
}

const UNCACHED: Memo = { remember: (_parts, compute) => compute(), forget: () => undefined };

class VersionMemo implements Memo {
  constructor(
    private readonly cache: DataCache,
    /** The version and the caller, as every key begins. */
    private readonly prefix: string,
  ) {}

  remember<T>(parts: readonly unknown[], compute: () => Promise<T>): Promise<T> {
    return this.cache.remember(this.prefix + JSON.stringify(parts), compute);
  }

  forget(parts: readonly unknown[]): void {
    this.cache.forget(this.prefix + JSON.stringify(parts));
  }
}

/**
 * A memo at the data's current version for the actor: answers depend on their scope and role, so those are part
 * of every key. Inside a transaction nothing is remembered: what it sees is not committed yet.
 */
export async function memoOf({ cache, db, actor }: Context): Promise<Memo> {
  if (db.kysely.isTransaction) return UNCACHED;
  const version = await cache.version();
  const who = actor.kind === 'system' ? ['system'] : [actor.role, actor.orgId];
  return new VersionMemo(cache, JSON.stringify([version, who]));
}
