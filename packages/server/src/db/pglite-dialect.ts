/**
 * A Kysely dialect for embedded PGlite that serialises access to its single connection.
 *
 * Why not kysely-pglite's driver as is: it hands the same PGlite handle to every caller and sends
 * BEGIN/COMMIT as plain queries, so two concurrent HTTP requests interleave — request B's insert
 * runs inside request A's transaction and is rolled back with it, after B was acknowledged. Here a
 * connection is a lease on a FIFO mutex: a transaction owns the database until COMMIT/ROLLBACK.
 * Statements run as prepared statements in one engine call each (./pglite-statements.ts).
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

class PGliteConnection implements DatabaseConnection {
  constructor(
    readonly client: PGlite,
    readonly statements: PreparedStatements,
    readonly release: () => void,
  ) {}
  async executeQuery<R>(query: CompiledQuery): Promise<QueryResult<R>> {
    const result =
      (await this.statements.run<R>(query.sql, query.parameters)) ??
      (await this.client.query<R>(query.sql, [...query.parameters]));
    const affected = result.affectedRows;
    return {
      rows: result.rows,
      ...(affected !== undefined ? { numAffectedRows: BigInt(affected) } : {}),
    };
  }
  // biome-ignore lint/correctness/useYield: PGlite has no cursor streaming; the method must exist.
  async *streamQuery<R>(): AsyncIterableIterator<QueryResult<R>> {
    throw new Error('PGlite does not support streaming queries');
  }
}

class PGliteDriver implements Driver {
  readonly #mutex = new Mutex();
  readonly #statements: PreparedStatements;
  constructor(readonly client: PGlite) {
    this.#statements = new PreparedStatements(client);
  }
  async init(): Promise<void> {
    await this.client.waitReady;
  }
  async acquireConnection(): Promise<DatabaseConnection> {
    const release = await this.#mutex.acquire();
    return new PGliteConnection(this.client, this.#statements, release);
  }
  async beginTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('BEGIN'));
  }
  async commitTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('COMMIT'));
  }
  async rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('ROLLBACK'));
  }
  async releaseConnection(connection: DatabaseConnection): Promise<void> {
    (connection as PGliteConnection).release();
  }
  async destroy(): Promise<void> {
    await this.client.close();
  }
}

export function pgliteDialect(client: PGlite): Dialect {
  return {
    createAdapter: () => new PostgresAdapter(),
    createDriver: () => new PGliteDriver(client),
    // biome-ignore lint/suspicious/noExplicitAny: Kysely's own signature.
    createIntrospector: (db: Kysely<any>) => new PostgresIntrospector(db),
    createQueryCompiler: () => new PostgresQueryCompiler(),
  };
}
