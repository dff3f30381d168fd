import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import { PGlite, protocol } from '@electric-sql/pglite';
import fc from 'fast-check';
import { bindAndRun, PreparedStatements } from './pglite-statements.ts';

let client: PGlite;
before(async () => {
  client = await PGlite.create();
  await client.exec(
    'create table t (id int primary key, label text, at timestamptz, ok boolean, data jsonb)',
  );
});
after(async () => {
  await client.close();
});

const preparedNames = async () =>
  (await client.query<{ name: string }>('select name from pg_prepared_statements order by name')).rows.map(
    (r) => r.name,
  );

it('runs a statement as one prepared statement reused by its text, with the results of query()', async () => {
  const statements = new PreparedStatements(client);
  const insert = 'insert into t (id, label, at, ok, data) values ($1, $2, $3, $4, $5) returning *';
  const at = new Date('2026-03-02T09:00:00.000Z');
  const first = await statements.run(insert, [1, 'un', at, true, '{"a":[1,2]}']);
  const second = await statements.run(insert, [2, null, null, false, null]);
  assert.equal(statements.size, 1);
  assert.equal((await preparedNames()).length, 1);
  assert.deepEqual(first?.rows, [{ id: 1, label: 'un', at, ok: true, data: { a: [1, 2] } }]);
  assert.deepEqual(second?.rows, [{ id: 2, label: null, at: null, ok: false, data: null }]);
  const select = 'select id, label, at, ok, data from t where id = any(array[$1::int, $2::int]) order by id';
  assert.deepEqual((await statements.run(select, [1, 2n]))?.rows, (await client.query(select, [1, 2])).rows);
  const update = await statements.run('update t set label = $1 where id > $2', ['x', 0]);
  assert.equal(update?.affectedRows, 2);
  // without parameters: run as the unnamed statement, nothing kept
  assert.deepEqual((await statements.run('select count(*)::int as n from t', []))?.rows, [{ n: 2 }]);
  assert.equal(statements.size, 3);
});

it('leaves parameters it cannot send as text to query()', async () => {
  const statements = new PreparedStatements(client);
  assert.equal(await statements.run('select $1::bytea as b', [new Uint8Array([1, 2])]), undefined);
  assert.equal(await statements.run('select $1::jsonb as j', [{ a: 1 }]), undefined);
  assert.equal(statements.size, 0);
});

it('throws the database error with its code, and keeps no statement that failed to parse', async () => {
  const statements = new PreparedStatements(client);
  await assert.rejects(statements.run('select nope from t where id = $1', [1]), { code: '42703' });
  assert.equal(statements.size, 0);
  // parsed, then failed at execution: the statement stays prepared and is reused
  const insert = 'insert into t (id, label) values ($1, $2)';
  await assert.rejects(statements.run(insert, [1, 'dup']), { code: '23505' });
  assert.equal(statements.size, 1);
  await statements.run(insert, [3, 'trois']);
  assert.deepEqual((await statements.run('select label from t where id = $1', [3]))?.rows, [
    { label: 'trois' },
  ]);
});

it('closes the least recently used statement beyond its bound', async () => {
  const before = (await preparedNames()).length;
  const statements = new PreparedStatements(client, 2);
  await statements.run('select 1 as n where $1::int > 0', [1]);
  await statements.run('select 2 as n where $1::int > 0', [1]);
  await statements.run('select 1 as n where $1::int > 0', [1]); // most recent again
  await statements.run('select 3 as n where $1::int > 0', [1]); // evicts « select 2 »
  assert.equal(statements.size, 2);
  await statements.run('select 1 as n where $1::int > 0', [1]); // the next call closes the evicted one
  assert.equal((await preparedNames()).length - before, 2);
});

it('parses afresh a statement whose result shape changed after DDL', async () => {
  const statements = new PreparedStatements(client);
  const select = 'select * from t where id = $1';
  await statements.run(select, [3]);
  await client.exec('alter table t add column extra text');
  const row = (await statements.run<Record<string, unknown>>(select, [3]))?.rows[0];
  assert.ok(row && 'extra' in row, 'the new column is returned');
});

it('keeps statements usable after a rolled-back transaction', async () => {
  const statements = new PreparedStatements(client);
  await client.exec('begin');
  await statements.run('insert into t (id, label) values ($1, $2)', [10, 'rolled back']);
  await client.exec('rollback');
  assert.deepEqual((await statements.run('select count(*)::int as n from t where id = $1', [10]))?.rows, [
    { n: 0 },
  ]);
  await statements.run('insert into t (id, label) values ($1, $2)', [10, 'kept']);
  assert.deepEqual((await statements.run('select label from t where id = $1', [10]))?.rows, [
    { label: 'kept' },
  ]);
});

it('writes the very bytes of PGlite’s own Bind, Describe, Execute and Sync for any text parameters', () => {
  const concat = (parts: readonly Uint8Array[]) => Buffer.concat(parts.map((p) => Buffer.from(p)));
  const text = fc.oneof(fc.string({ unit: 'grapheme' }), fc.string({ unit: 'binary' }), fc.string());
  fc.assert(
    fc.property(
      fc.oneof(fc.constant(''), fc.constant('sf_1z')),
      fc.array(fc.option(text, { nil: null }), { maxLength: 20 }),
      (statement, values) => {
        const expected = concat([
          protocol.serialize.bind({ statement, values }),
          protocol.serialize.describe({ type: 'P' }),
          protocol.serialize.execute({}),
          protocol.serialize.sync(),
        ]);
        assert.deepEqual(bindAndRun(statement, values), expected);
      },
    ),
  );
  // a lone surrogate (text cut inside an emoji) and a long parameter
  const long = [`${'é'.repeat(5000)}\ud83d`, null, '', '{"a":"😡"}'];
  assert.deepEqual(
    bindAndRun('s', long),
    concat([
      protocol.serialize.bind({ statement: 's', values: long }),
      protocol.serialize.describe({ type: 'P' }),
      protocol.serialize.execute({}),
      protocol.serialize.sync(),
    ]),
  );
});
