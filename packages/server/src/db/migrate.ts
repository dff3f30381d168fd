/**
 * Runs the pending migrations on start, each in its own transaction, under an advisory lock so
 * that several server instances starting together on one PostgreSQL apply each version once.
 * Forward-only: a database newer than this code is refused rather than guessed at.
 */
import { type Kysely, sql } from 'kysely';
import { MIGRATIONS, type Migration } from './migrations.ts';

/** Arbitrary constant key for pg_advisory_xact_lock ("sangfroid" in ASCII digits, trimmed). */
const LOCK_KEY = 5_361_707_267;

export interface MigrationReport {
  readonly applied: readonly number[];
  readonly current: number;
}

export async function migrate(
  // biome-ignore lint/suspicious/noExplicitAny: migrations run before the typed schema exists.
  db: Kysely<any>,
  migrations: readonly Migration[] = MIGRATIONS,
): Promise<MigrationReport> {
  await sql`create table if not exists schema_migrations (
    version integer primary key, name text not null, applied_at timestamptz not null default now())`.execute(
    db,
  );
  const applied: number[] = [];
  for (const m of migrations) {
    const done = await db.transaction().execute(async (trx) => {
      await sql`select pg_advisory_xact_lock(${LOCK_KEY})`.execute(trx);
      const found = await sql<{
        version: number;
      }>`select version from schema_migrations where version = ${m.version}`.execute(trx);
      if (found.rows.length > 0) return false;
      for (const statement of splitStatements(m.sql)) await sql.raw(statement).execute(trx);
      await sql`insert into schema_migrations (version, name) values (${m.version}, ${m.name})`.execute(trx);
      return true;
    });
    if (done) applied.push(m.version);
  }
  const top = await sql<{ v: number | null }>`select max(version)::int as v from schema_migrations`.execute(
    db,
  );
  const current = top.rows[0]?.v ?? 0;
  const known = migrations.at(-1)?.version ?? 0;
  if (current > known) {
    throw new Error(
      `the database is at migration ${current}, newer than this server (${known}): upgrade sangfroid`,
    );
  }
  return { applied, current };
}

/**
 * Splits a migration into statements (PGlite's extended protocol takes one at a time): on `;` at
 * the end of a line, outside `$$ … $$` bodies. Migrations are our own text, so this is enough.
 */
export function splitStatements(text: string): string[] {
  const out: string[] = [];
  let current = '';
  let inBody = false;
  for (const line of text.split('\n')) {
    if (line.trimStart().startsWith('--') && !inBody) continue;
    current += `${line}\n`;
    if ((line.match(/\$\$/g)?.length ?? 0) % 2 === 1) inBody = !inBody;
    if (!inBody && line.trimEnd().endsWith(';')) {
      if (current.trim() !== '') out.push(current.trim());
      current = '';
    }
  }
  if (current.trim() !== '') out.push(current.trim());
  return out;
}
