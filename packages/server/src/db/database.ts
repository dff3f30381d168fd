/**
 * Opens the storage: embedded PGlite in a data directory by default, PostgreSQL when a
 * postgres:// URL is given, both behind the same Kysely<DB> and the same migrations. On both,
 * statements with parameters run as prepared statements (./pglite-statements.ts, ./pg-statements.ts).
 *
 * Durability (PGlite): every committed transaction's WAL is written to the data directory with
 * ordinary write() calls before the query resolves, so an acknowledged write survives the process
 * being killed (kill -9), which the crash test proves. PGlite runs PostgreSQL with fsync off (-F),
 * so a power cut or kernel crash may lose the last commits: use PostgreSQL for that guarantee.
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { migrate } from './migrate.ts';
import { preparingPool } from './pg-statements.ts';
import { pgliteDialect } from './pglite-dialect.ts';
import type { DB } from './schema.ts';

export interface OpenDatabaseOptions {
  /** postgres://… ; when absent the embedded database is used. */
  readonly databaseUrl?: string | undefined;
  /** Data directory of the embedded database; `memory://` keeps it in memory (tests). */
  readonly dataDir?: string;
  /** PostgreSQL schema to work in (tests use one fresh schema per file); created if missing. */
  readonly schema?: string;
  /** Run pending migrations (default true). */
  readonly migrate?: boolean;
  /** Pool size for PostgreSQL (default 10). */
  readonly poolSize?: number;
}

export interface Database {
  readonly db: Kysely<DB>;
  readonly kind: 'pglite' | 'postgres';
  /** Where the data lives: an absolute directory, `memory://` or the URL without its password. */
  readonly location: string;
  close(): Promise<void>;
}

const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

export async function openDatabase(options: OpenDatabaseOptions = {}): Promise<Database> {
  const { databaseUrl, schema } = options;
  if (schema !== undefined && !SCHEMA_NAME.test(schema)) throw new Error(`invalid schema name: ${schema}`);
  let database: Database;
  if (databaseUrl) {
    if (schema) {
      const admin = new pg.Client({ connectionString: databaseUrl });
      await admin.connect();
      await admin.query(`create schema if not exists ${schema}`);
      await admin.end();
    }
    const pool = new pg.Pool({
      connectionString: databaseUrl,
      max: options.poolSize ?? 10,
      ...(schema ? { options: `-c search_path=${schema}` } : {}),
    });
    const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool: preparingPool(pool) }) });
    const url = new URL(databaseUrl);
    url.password = '';
    database = { db, kind: 'postgres', location: url.toString(), close: () => db.destroy() };
  } else {
    const dataDir = options.dataDir ?? '.sangfroid/data';
    const inMemory = dataDir.startsWith('memory://');
    const location = inMemory ? dataDir : resolve(dataDir);
    if (!inMemory) mkdirSync(location, { recursive: true });
    const unlock = inMemory ? () => {} : lockDataDir(location);
    let client: PGlite;
    try {
      client = await PGlite.create(inMemory ? {} : { dataDir: location });
    } catch (error) {
      unlock();
      throw error;
    }
    const db = new Kysely<DB>({ dialect: pgliteDialect(client) });
    database = {
      db,
      kind: 'pglite',
      location,
      close: async () => {
        await db.destroy();
        unlock();
      },
    };
  }
  if (options.migrate !== false) await migrate(database.db);
  return database;
}

export const LOCK_FILE = 'sangfroid.lock';

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * PGlite is one process's database: two processes on one data directory would corrupt it. A lock
 * file holds the owner's pid; a lock left by a dead process (kill -9) is taken over.
 */
export function lockDataDir(dir: string): () => void {
  const path = join(dir, LOCK_FILE);
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      writeFileSync(path, String(process.pid), { flag: 'wx' });
      return () => rmSync(path, { force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const pid = Number(readFileSync(path, 'utf8').trim());
      if (Number.isInteger(pid) && pid > 0 && pid !== process.pid && isAlive(pid))
        throw new Error(
          `the data directory ${dir} is in use by process ${pid} (a running sangfroid serve?): stop it first, or use the API`,
        );
      rmSync(path, { force: true }); // stale: its owner is gone
    }
  }
  throw new Error(`could not lock the data directory ${dir}`);
}
