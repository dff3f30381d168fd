/**
 * Runs a storage test suite on every backend: embedded PGlite (in memory) always, and PostgreSQL
 * too when TEST_DATABASE_URL is set (CI sets it). Each test file gets a fresh database — a new
 * PGlite, or a new schema `t_<random>` on PostgreSQL, dropped afterwards — so parallel test files
 * never collide.
 */
import { randomBytes } from 'node:crypto';
import { after, before, describe } from 'node:test';
import pg from 'pg';
import { type Database, openDatabase } from '../db/database.ts';

export type Backend = 'pglite' | 'postgres';

export function testDatabaseUrl(): string | undefined {
  const url = process.env.TEST_DATABASE_URL;
  return url && url.length > 0 ? url : undefined;
}

export function backends(): Backend[] {
  return testDatabaseUrl() ? ['pglite', 'postgres'] : ['pglite'];
}

export async function openTestDatabase(backend: Backend): Promise<Database> {
  if (backend === 'pglite') return openDatabase({ dataDir: 'memory://' });
  const url = testDatabaseUrl();
  if (!url) throw new Error('TEST_DATABASE_URL is not set');
  const schema = `t_${randomBytes(6).toString('hex')}`;
  const database = await openDatabase({ databaseUrl: url, schema, poolSize: 4 });
  return {
    ...database,
    close: async () => {
      await database.close();
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      await client.query(`drop schema if exists ${schema} cascade`);
      await client.end();
    },
  };
}

/**
 * `describeStorage('incidents', (getDb) => { it(...) })` declares the suite once per backend;
 * inside, `getDb()` returns that backend's open database.
 */
export function describeStorage(
  title: string,
  body: (getDb: () => Database, backend: Backend) => void,
): void {
  for (const backend of backends()) {
    describe(`${title} [${backend}]`, () => {
      let database: Database | undefined;
      before(async () => {
        database = await openTestDatabase(backend);
      });
      after(async () => {
        await database?.close();
      });
      body(() => {
        if (!database) throw new Error('database not open yet');
        return database;
      }, backend);
    });
  }
}
