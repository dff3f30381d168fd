import assert from 'node:assert/strict';
import { it } from 'node:test';
import { sql } from 'kysely';
import { describeStorage } from '../testing/storage.ts';
import { migrate, splitStatements } from './migrate.ts';
import { MIGRATIONS } from './migrations.ts';

it('splits a migration on statement ends but keeps $$ bodies whole', () => {
  const parts = splitStatements(
    'create table a (x int);\ncreate function f() returns trigger as $$\nbegin\n  x;\nend $$;\n-- c;\nselect 1;',
  );
  assert.equal(parts.length, 3);
  assert.match(parts[1] ?? '', /begin\n {2}x;\nend \$\$;/);
});

describeStorage('database', (getDb) => {
  it('applies every migration once and records its version', async () => {
    const { db } = getDb();
    const again = await migrate(db);
    assert.deepEqual(again.applied, []);
    assert.equal(again.current, MIGRATIONS.at(-1)?.version);
    const rows = await sql<{
      version: number;
    }>`select version from schema_migrations order by version`.execute(db);
    assert.deepEqual(
      rows.rows.map((r) => r.version),
      MIGRATIONS.map((m) => m.version),
    );
  });

  it('refuses a database newer than the code (forward-only)', async () => {
    const { db } = getDb();
    await sql`insert into schema_migrations (version, name) values (9999, 'future')`.execute(db);
    await assert.rejects(migrate(db), /newer than this server/);
    await sql`delete from schema_migrations where version = 9999`.execute(db);
  });

  it('keeps the audit log append-only at the database level', async () => {
    const { db } = getDb();
    const org = crypto.randomUUID();
    await db.insertInto('organisations').values({ id: org, name: 'o', created_at: new Date() }).execute();
    await db
      .insertInto('audit_log')
      .values({
        org_id: org,
        at: new Date(),
        actor_id: null,
        entity_type: 'x',
        entity_id: org,
        action: 'a',
        data: '{}',
        prev_hash: '',
        hash: 'h',
      })
      .execute();
    await assert.rejects(
      db.updateTable('audit_log').set({ action: 'b' }).where('org_id', '=', org).execute(),
      /append-only/,
    );
    await assert.rejects(db.deleteFrom('audit_log').where('org_id', '=', org).execute(), /append-only/);
  });

  it("does not let a concurrent write land inside another request's rolled-back transaction", async () => {
    const { db } = getDb();
    const a = crypto.randomUUID();
    const b = crypto.randomUUID();
    const failing = db.transaction().execute(async (trx) => {
      await trx.insertInto('organisations').values({ id: a, name: 'a', created_at: new Date() }).execute();
      await new Promise((r) => setTimeout(r, 20));
      throw new Error('boom');
    });
    // observe the rejection at once: under load it may come before the assertion below
    const outcome = failing.then(
      () => 'committed',
      (e: Error) => e.message,
    );
    await new Promise((r) => setTimeout(r, 5));
    await db.insertInto('organisations').values({ id: b, name: 'b', created_at: new Date() }).execute();
    assert.equal(await outcome, 'boom');
    const found = await db.selectFrom('organisations').select('id').where('id', 'in', [a, b]).execute();
    assert.deepEqual(
      found.map((r) => r.id),
      [b],
    );
  });
});

it('refuses a second process on the same embedded data directory, takes over a dead one’s lock', async () => {
  const { mkdtempSync, writeFileSync, rmSync, existsSync } = await import('node:fs');
  const { join } = await import('node:path');
  const { tmpdir } = await import('node:os');
  const { lockDataDir, LOCK_FILE } = await import('./database.ts');
  const dir = mkdtempSync(join(tmpdir(), 'sangfroid-lock-'));
  try {
    // pid 1 is alive and is not us
    writeFileSync(join(dir, LOCK_FILE), '1');
    assert.throws(() => lockDataDir(dir), /in use by process 1/);
    // a pid that cannot exist: the lock is stale
    writeFileSync(join(dir, LOCK_FILE), '2147483646');
    const unlock = lockDataDir(dir);
    assert.equal((await import('node:fs')).readFileSync(join(dir, LOCK_FILE), 'utf8'), String(process.pid));
    unlock();
    assert.equal(existsSync(join(dir, LOCK_FILE)), false);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
