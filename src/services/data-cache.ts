/**
 * Answers computed once per state of the data: an answer is remembered under the data version read before it
 * was computed, so it is never older than its key, and any commit, by this process or another on the same
 * database, makes a new version and so a new key. Readers of the same dashboard share one computation, even
 * while it is still running, until something changes.
 */
import type { Context } from './context.js';
import type { MeasuresApart } from './measures-apart.js';

/** Enough for the dashboards many readers look at in one state of the data. */
export const DATA_CACHE_ENTRIES = 100;

/**
 * While imports store in the background, a lagging answer (Memo.recent) may be this old: it reflects every commit
 * made before its computation began, so no commit is missing from an answer given more than LAG_MS after it.
 */
export const LAG_MS = 5_000;
/** A lagging answer younger than this is not computed anew, however many chunks were stored since. */
export const REFRESH_AFTER_MS = 1_000;

/** The latest answer of a lagging key: the version it was computed at, and when its computation began. */
interface Recent {
  version: string;
  began: number;
  answer: Promise<unknown>;
}

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
  /** Lagging answers by key without the version, and the computations under way to replace them. */
  readonly #recent = new Map<string, Recent>();
  readonly #refreshing = new Map<string, Recent>();
  /** Imports storing in the background (see lagWhile). */
  #background = 0;

  constructor(
    private readonly readVersion: () => Promise<string>,
    readonly capacity = DATA_CACHE_ENTRIES,
    /** Where lagging answers are computed off this thread (SQLite files only; see measures-apart.ts). */
    readonly apart?: MeasuresApart,
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

  /**
   * Lets lagging answers lag until the work (an import storing in another process) settles: each of its chunks is
   * a commit, and computing the dashboard anew at each would keep every reader waiting for the next computation.
   */
  lagWhile(work: Promise<unknown>): void {
    this.#background += 1;
    this.apart?.start();
    const done = () => {
      this.#background -= 1;
      if (this.#background === 0) this.#recent.clear();
    };
    work.then(done, done);
  }

  /**
   * The answer at this version; while imports store in the background, the latest one at an earlier version
   * instead, when its computation began less than LAG_MS ago. One is then computed anew in the background, once
   * the latest is REFRESH_AFTER_MS old, one at a time per key: by `apart` where given (off this thread, the
   * same answer as `compute`'s), else by `compute`. Both must read at the version given or later.
   */
  recent<T>(key: string, version: string, compute: () => Promise<T>, apart?: () => Promise<T>): Promise<T> {
    if (this.#background === 0) return this.remember(version + key, compute);
    const lagging = apart ?? compute;
    const now = Date.now();
    const kept = this.#recent.get(key);
    if (kept?.version === version) return kept.answer as Promise<T>;
    const refreshing = this.#refreshing.get(key);
    if (kept && now - kept.began < LAG_MS) {
      if (!refreshing && now - kept.began >= REFRESH_AFTER_MS) this.#begin(key, version, lagging);
      return kept.answer as Promise<T>;
    }
    if (refreshing && now - refreshing.began < LAG_MS) return refreshing.answer as Promise<T>;
    return this.#begin(key, version, lagging).answer as Promise<T>;
  }

  #begin<T>(key: string, version: string, compute: () => Promise<T>): Recent {
    const next: Recent = { version, began: Date.now(), answer: compute() };
    this.#refreshing.set(key, next);
    next.answer.then(
      () => {
        if (this.#refreshing.get(key) === next) this.#refreshing.delete(key);
        const kept = this.#recent.get(key);
        if (!kept || kept.began < next.began) this.#recent.set(key, next);
        for (const oldest of this.#recent.keys()) {
          if (this.#recent.size <= this.capacity) break;
          this.#recent.delete(oldest);
        }
      },
      () => {
        if (this.#refreshing.get(key) === next) this.#refreshing.delete(key);
      },
    );
    return next;
  }
}

/** Remembers answers for one request: at one data version, for one caller. */
export interface Memo {
  remember<T>(parts: readonly unknown[], compute: () => Promise<T>): Promise<T>;
  /**
   * As remember, but while imports store in the background the answer may lag them by up to LAG_MS (see
   * DataCache.recent): for figures, never for what decides access. `apart`, where given, computes the same
   * answer off this thread, and is used for lagging answers.
   */
  recent<T>(parts: readonly unknown[], compute: () => Promise<T>, apart?: () => Promise<T>): Promise<T>;
  /** Forgets an answer not worth keeping. */
  forget(parts: readonly unknown[]): void;
}

const UNCACHED: Memo = {
  remember: (_parts, compute) => compute(),
  recent: (_parts, compute) => compute(),
  forget: () => undefined,
};

class VersionMemo implements Memo {
  constructor(
    private readonly cache: DataCache,
    private readonly version: string,
    /** The caller, as every key begins after the version. */
    private readonly who: string,
  ) {}

  #key(parts: readonly unknown[]): string {
    return this.who + JSON.stringify(parts);
  }

  remember<T>(parts: readonly unknown[], compute: () => Promise<T>): Promise<T> {
    return this.cache.remember(this.version + this.#key(parts), compute);
  }

  recent<T>(parts: readonly unknown[], compute: () => Promise<T>, apart?: () => Promise<T>): Promise<T> {
    return this.cache.recent(this.#key(parts), this.version, compute, apart);
  }

  forget(parts: readonly unknown[]): void {
    this.cache.forget(this.version + this.#key(parts));
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
  return new VersionMemo(cache, JSON.stringify(version), JSON.stringify(who));
}
