/**
 * A Kysely dialect for embedded PGlite that serialises access to its single connection.
 *
 * Why not kysely-pglite's driver as is: it hands the same PGlite handle to every caller and sends
 * BEGIN/COMMIT as plain queries, so two concurrent HTTP requests interleave — request B's insert
 * runs inside request A's transaction and is rolled back with it, after B was acknowledged. Here a
 * connection is a lease on a FIFO mutex: a transaction owns the database until COMMIT/ROLLBACK.
 * Statements run as prepared statements in one engine call each (./pglite-statements.ts).
 *
 * Statements outside a transaction are run in batches: those submitted during one turn of the
 * event loop are run back to back at its end, each as its own implicit transaction exactly as
 * before (its own commit, its own error), and their callers resumed after the batch. Why: the
 * engine's code and data are large, and the JavaScript each request runs between two statements
 * (analysis, protocol, JSON) evicts them from the CPU caches; the ingest statement costs ~0.85 ms
 * interleaved with that work and ~0.45 ms run right after another (same process, measured).
 */
import type { PGlite } from '@electric-sql/pglite';
import {
  CompiledQuery,
  type DatabaseConnection,
  type Dialect,
  type Driver,
  type Kysely,
  PostgresAdapter,
  PostgresIntrospector,
  PostgresQueryCompiler,
  type QueryResult,
} from 'kysely';
import { PreparedStatements } from './pglite-statements.ts';

/** How long a query waits for the connection before failing loudly (a leaked lease is a bug). */
const LEASE_TIMEOUT_MS = 15_000;

class Mutex {
  #tail: Promise<void> = Promise.resolve();
  acquire(): Promise<() => void> {
    let release!: () => void;
    const next = new Promise<void>((resolve) => {
      release = resolve;
    });
    const prev = this.#tail;
    this.#tail = prev.then(() => next);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error('database busy: connection lease timed out')),
        LEASE_TIMEOUT_MS,
      );
      void prev.then(() => {
        clearTimeout(timer);
        resolve(release);
      });
    });
  }
}

/** A statement waiting for the next batch. */
interface Pending {
  readonly query: CompiledQuery;
  readonly resolve: (result: QueryResult<unknown>) => void;
  readonly reject: (error: unknown) => void;
}

/** Statements of one batch at most (the rest wait for the next). */
const MAX_BATCH = 64;

class PGliteConnection implements DatabaseConnection {
  /** Set while this connection holds the database for a transaction. */
  #release: (() => void) | undefined;
  constructor(readonly driver: PGliteDriver) {}
  async lock(): Promise<void> {
    this.#release = await this.driver.mutex.acquire();
  }
  unlock(): void {
    this.#release?.();
    this.#release = undefined;
  }
  executeQuery<R>(query: CompiledQuery): Promise<QueryResult<R>> {
    return (this.#release ? this.driver.run(query) : this.driver.submit(query)) as Promise<QueryResult<R>>;
  }
  // biome-ignore lint/correctness/useYield: PGlite has no cursor streaming; the method must exist.
  async *streamQuery<R>(): AsyncIterableIterator<QueryResult<R>> {
    throw new Error('PGlite does not support streaming queries');
  }
}

class PGliteDriver implements Driver {
  readonly mutex = new Mutex();
  readonly #statements: PreparedStatements;
  #pending: Pending[] = [];
  #isFlushScheduled = false;
  constructor(readonly client: PGlite) {
    this.#statements = new PreparedStatements(client);
  }
  async init(): Promise<void> {
    await this.client.waitReady;
  }
  async acquireConnection(): Promise<DatabaseConnection> {
    return new PGliteConnection(this);
  }
  async beginTransaction(connection: DatabaseConnection): Promise<void> {
    const c = connection as PGliteConnection;
    await c.lock();
    await c.executeQuery(CompiledQuery.raw('BEGIN'));
  }
  async commitTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('COMMIT'));
  }
  async rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('ROLLBACK'));
  }
  async releaseConnection(connection: DatabaseConnection): Promise<void> {
    (connection as PGliteConnection).unlock();
  }
  async destroy(): Promise<void> {
    await this.client.close();
  }

  /** Runs one statement now; the caller holds the database. */
  async run(query: CompiledQuery): Promise<QueryResult<unknown>> {
    const result =
      (await this.#statements.run(query.sql, query.parameters)) ??
      (await this.client.query(query.sql, [...query.parameters]));
    const affected = result.affectedRows;
    return {
      rows: result.rows,
      ...(affected !== undefined ? { numAffectedRows: BigInt(affected) } : {}),
    };
  }

  /** Queues a statement for the batch run at the end of this turn of the event loop. */
  submit(query: CompiledQuery): Promise<QueryResult<unknown>> {
    return new Promise((resolve, reject) => {
      this.#pending.push({ query, resolve, reject });
      if (!this.#isFlushScheduled) {
        this.#isFlushScheduled = true;
        setImmediate(() => void this.#flush());
      }
    });
  }

  async #flush(): Promise<void> {
    this.#isFlushScheduled = false;
    let release: () => void;
    try {
      release = await this.mutex.acquire();
    } catch (error) {
      for (const p of this.#pending.splice(0)) p.reject(error);
      return;
    }
    const batch = this.#pending.splice(0, MAX_BATCH);
    if (this.#pending.length > 0 && !this.#isFlushScheduled) {
      this.#isFlushScheduled = true;
      setImmediate(() => void this.#flush());
    }
    // run them all, then resume their callers: no caller's work runs between two statements
    const outcomes: (() => void)[] = [];
    try {
      for (const p of batch) {
        try {
          const result = await this.run(p.query);
          outcomes.push(() => p.resolve(result));
        } catch (error) {
          outcomes.push(() => p.reject(error));
        }
      }
    } finally {
      release();
      for (const settle of outcomes) settle();
    }
  }
}

/**
 * PostgreSQL's adapter, marking a Kysely instance (and those made from it by withPlugin or
 * withSchema, which keep their adapter) as one on this dialect: see `isSerialised`.
 */
class PGliteAdapter extends PostgresAdapter {}

/**
 * Whether `db` runs its statements one after the other on PGlite's one connection, nothing of
 * another request between a statement's start and its end: then a statement that reads a row and
 * writes after it cannot be overtaken by another writer. Not a transaction (it has its own
 * rules), nor PostgreSQL.
 */
export function isSerialised(db: {
  readonly isTransaction: boolean;
  getExecutor(): { readonly adapter: unknown };
}): boolean {
  return !db.isTransaction && db.getExecutor().adapter instanceof PGliteAdapter;
}

export function pgliteDialect(client: PGlite): Dialect {
  return {
    createAdapter: () => new PGliteAdapter(),
    createDriver: () => new PGliteDriver(client),
    // biome-ignore lint/suspicious/noExplicitAny: Kysely's own signature.
    createIntrospector: (db: Kysely<any>) => new PostgresIntrospector(db),
    createQueryCompiler: () => new PostgresQueryCompiler(),
  };
}
