/**
 * SQLite's write lock, shared by processes, waited for without blocking the thread. Imports store in a process of
 * their own while the server answers, both on the same file: in WAL mode readers never wait, but writers take
 * turns. better-sqlite3 waits for a busy lock synchronously (`busy_timeout`), which would stop every request of
 * the server for as long as an import's chunk holds the lock. So the lock is asked for without a timeout, and a
 * busy answer is retried after an asynchronous pause, with the connection free for other queries meanwhile.
 *
 * Every transaction begins IMMEDIATE, taking the write lock at once: a deferred one that read first and then
 * wrote after another process's commit would fail at its first write (SQLITE_BUSY_SNAPSHOT) rather than wait.
 * And a connection that held the lock for a long transaction leaves it free for a tenth of that time before
 * beginning the next, so that writers polling for it (a sign-in while imports store) get their turn.
 */
import {
  CompiledQuery,
  type DatabaseConnection,
  type Driver,
  type QueryResult,
  SqliteDialect,
  type TransactionSettings,
} from 'kysely';

/** How long a statement waits for another process's write lock before failing (`SQLITE_BUSY`). */
export const LOCK_WAIT_MS = 30_000;
/** Pauses between attempts: short at first, then often enough to catch the turn a long writer leaves. */
const RETRY_MS = [1, 2, 5];
const RETRY_EVERY_MS = 5;
/** A writer leaves the lock free for this share of the time it held it, up to LEAVE_MAX_MS. */
const LEAVE_SHARE = 0.1;
const LEAVE_MAX_MS = 25;

const isBusy = (error: unknown) =>
  error instanceof Error && String((error as { code?: unknown }).code).startsWith('SQLITE_BUSY');

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

class LockWaitingDriver implements Driver {
  /** Whether the connection is inside a transaction: a busy statement there cannot let the connection go. */
  #inTransaction = false;
  #lockedAt = 0;
  /** Not before this time does the next transaction begin (see LEAVE_SHARE). */
  #nextBeginAt = 0;

  constructor(private readonly inner: Driver) {}

  init(): Promise<void> {
    return this.inner.init();
  }

  async acquireConnection(): Promise<DatabaseConnection> {
    const connection = await this.inner.acquireConnection();
    return {
      executeQuery: <R>(query: CompiledQuery) =>
        this.#waiting(connection, () => connection.executeQuery<R>(query)),
      streamQuery: <R>(query: CompiledQuery, chunkSize?: number) =>
        connection.streamQuery<R>(query, chunkSize),
    };
  }

  /**
   * Runs the statement, retried while another process holds the lock; outside a transaction, the connection is
   * released during each pause (the statement did nothing), so that reads of this process go on meanwhile.
   */
  async #waiting<T>(connection: DatabaseConnection, run: () => Promise<QueryResult<T>>) {
    const started = Date.now();
    for (let attempt = 0; ; attempt++) {
      try {
        return await run();
      } catch (error) {
        if (!isBusy(error) || this.#inTransaction || Date.now() - started > LOCK_WAIT_MS) throw error;
      }
      await this.inner.releaseConnection(connection);
      await pause(RETRY_MS[attempt] ?? RETRY_EVERY_MS);
      await this.inner.acquireConnection();
    }
  }

  async beginTransaction(connection: DatabaseConnection, _settings: TransactionSettings): Promise<void> {
    const wait = this.#nextBeginAt - Date.now();
    if (wait > 0) await pause(wait);
    await connection.executeQuery(CompiledQuery.raw('begin immediate'));
    this.#inTransaction = true;
    this.#lockedAt = Date.now();
  }

  async commitTransaction(connection: DatabaseConnection): Promise<void> {
    await this.#end(connection, 'commit');
  }

  async rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    await this.#end(connection, 'rollback');
  }

  async #end(connection: DatabaseConnection, statement: 'commit' | 'rollback'): Promise<void> {
    try {
      await connection.executeQuery(CompiledQuery.raw(statement));
    } finally {
      this.#inTransaction = false;
      const held = Date.now() - this.#lockedAt;
      this.#nextBeginAt = Date.now() + Math.min(held * LEAVE_SHARE, LEAVE_MAX_MS);
    }
  }

  async savepoint(...args: Parameters<NonNullable<Driver['savepoint']>>): Promise<void> {
    await this.inner.savepoint?.(...args);
  }

  async rollbackToSavepoint(...args: Parameters<NonNullable<Driver['rollbackToSavepoint']>>): Promise<void> {
    await this.inner.rollbackToSavepoint?.(...args);
  }

  async releaseSavepoint(...args: Parameters<NonNullable<Driver['releaseSavepoint']>>): Promise<void> {
    await this.inner.releaseSavepoint?.(...args);
  }

  releaseConnection(connection: DatabaseConnection): Promise<void> {
    return this.inner.releaseConnection(connection);
  }

  destroy(): Promise<void> {
    return this.inner.destroy();
  }
}

/** Kysely's SQLite dialect with its write lock waited for as above; the connection needs `busy_timeout = 0`. */
export class LockWaitingSqliteDialect extends SqliteDialect {
  override createDriver(): Driver {
    return new LockWaitingDriver(super.createDriver());
  }
}
