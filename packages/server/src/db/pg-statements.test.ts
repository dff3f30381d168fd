import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { CompiledQuery, Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import { testDatabaseUrl } from '../testing/storage.ts';
import { type PreparingPool, preparingPool } from './pg-statements.ts';

const url = testDatabaseUrl();

describe('prepared statements on PostgreSQL', { skip: url ? false : 'needs TEST_DATABASE_URL' }, () => {
  const schema = `t_${randomBytes(6).toString('hex')}`;
  let raw: pg.Pool;
  let pool: PreparingPool;
  // biome-ignore lint/suspicious/noExplicitAny: a scratch table outside the typed schema.
  let db: Kysely<any>;
  before(async () => {
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`create schema ${schema}`);
    await admin.end();
    raw = new pg.Pool({ connectionString: url, max: 1, options: `-c search_path=${schema}` });
    pool = preparingPool(raw, 3);
    db = new Kysely({ dialect: new PostgresDialect({ pool }) });
    await sql`create table t (id int primary key, label text, at timestamptz)`.execute(db);
  });
  after(async () => {
    await sql.raw(`drop schema ${schema} cascade`).execute(db);
    await db.destroy();
  });

  const prepared = async () =>
    (await sql<{ n: number }>`select count(*)::int as n from pg_prepared_statements`.execute(db)).rows[0]?.n;

  it('prepares a statement with parameters once per connection and reuses it', async () => {
    const at = new Date('2026-03-02T09:00:00.000Z');
    for (const id of [1, 2, 3])
      await db
        .insertInto('t')
        .values({ id, label: `n${id}`, at })
        .execute();
    assert.equal(pool.namedStatements, 1);
    assert.equal(await prepared(), 1);
    const rows = await db.selectFrom('t').selectAll().where('id', '>', 1).orderBy('id').execute();
    assert.deepEqual(rows, [
      { id: 2, label: 'n2', at },
      { id: 3, label: 'n3', at },
    ]);
    await db.executeQuery(CompiledQuery.raw('select 1'));
    assert.equal(pool.namedStatements, 2, 'a statement without parameters is not named');
  });

  it('runs statements beyond its bound unnamed', async () => {
    await db.selectFrom('t').select('id').where('label', '=', 'n1').execute();
    await db.selectFrom('t').select('label').where('id', '=', 1).execute();
    assert.equal(pool.namedStatements, 3);
    assert.deepEqual(await db.selectFrom('t').select('at').where('id', '=', 2).execute(), [
      { at: new Date('2026-03-02T09:00:00.000Z') },
    ]);
    assert.equal(pool.namedStatements, 3);
  });

  it('parses afresh a statement whose result shape changed after DDL, and keeps transactions whole', async () => {
    const select = () => db.selectFrom('t').selectAll().where('id', '>', 1).orderBy('id').execute();
    await select();
    await sql`alter table t add column extra text`.execute(db);
    const rows = await select();
    assert.ok(rows[0] && 'extra' in rows[0], 'the new column is returned');
    await sql`alter table t drop column extra`.execute(db);
    // inside a transaction the error aborts it: the caller sees it, nothing is half-written
    await assert.rejects(
      db.transaction().execute(async (trx) => {
        await trx.updateTable('t').set({ label: 'changed' }).where('id', '=', 1).execute();
        await trx.selectFrom('t').selectAll().where('id', '>', 1).orderBy('id').execute();
      }),
      { code: '0A000' },
    );
    assert.deepEqual(await db.selectFrom('t').select('label').where('id', '=', 1).execute(), [
      { label: 'n1' },
    ]);
    assert.ok((await select())[0], 'and afterwards the statement works again');
  });
});
