import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import { PGlite } from '@electric-sql/pglite';
import { Kysely, sql } from 'kysely';
import { pgliteDialect } from './pglite-dialect.ts';

let client: PGlite;
// biome-ignore lint/suspicious/noExplicitAny: a scratch table outside the typed schema.
let db: Kysely<any>;
const events: string[] = [];
before(async () => {
  client = await PGlite.create();
  await client.exec('create table t (id int primary key, label text)');
  const execProtocol = client.execProtocol.bind(client);
  client.execProtocol = (message, options) => {
    events.push('statement');
    return execProtocol(message, options);
  };
  db = new Kysely({ dialect: pgliteDialect(client) });
});
after(async () => {
  await db.destroy();
});

it('runs statements submitted together back to back, then resumes their callers', async () => {
  events.length = 0;
  const insert = (id: number) =>
    db
      .insertInto('t')
      .values({ id, label: `n${id}` })
      .returning('id')
      .executeTakeFirstOrThrow()
      .then((row) => events.push(`resumed ${row.id}`));
  await Promise.all([insert(1), insert(2), insert(3)]);
  assert.deepEqual(events, ['statement', 'statement', 'statement', 'resumed 1', 'resumed 2', 'resumed 3']);
});

it('keeps each statement of a batch its own transaction: one failing leaves the others written', async () => {
  const outcomes = await Promise.allSettled([
    db.insertInto('t').values({ id: 10, label: 'a' }).execute(),
    db.insertInto('t').values({ id: 1, label: 'duplicate' }).execute(),
    db.insertInto('t').values({ id: 11, label: 'b' }).execute(),
  ]);
  assert.deepEqual(
    outcomes.map((o) => o.status),
    ['fulfilled', 'rejected', 'fulfilled'],
  );
  assert.equal((outcomes[1] as PromiseRejectedResult).reason.code, '23505');
  const rows = await db.selectFrom('t').select('id').where('id', 'in', [1, 10, 11]).orderBy('id').execute();
  assert.deepEqual(
    rows.map((r) => r.id),
    [1, 10, 11],
  );
  assert.equal(
    (await db.selectFrom('t').select('label').where('id', '=', 1).executeTakeFirst())?.label,
    'n1',
  );
});

it('runs a statement submitted during a transaction after it, never inside it', async () => {
  let outside: Promise<unknown> | undefined;
  await assert.rejects(
    db.transaction().execute(async (trx) => {
      await trx.insertInto('t').values({ id: 20, label: 'rolled back' }).execute();
      outside = db.insertInto('t').values({ id: 21, label: 'kept' }).execute();
      await new Promise((r) => setTimeout(r, 10));
      assert.equal(
        (await sql<{ n: number }>`select count(*)::int as n from t where id = 21`.execute(trx)).rows[0]?.n,
        0,
        'not run while the transaction holds the database',
      );
      throw new Error('boom');
    }),
    /boom/,
  );
  await outside;
  const rows = await db.selectFrom('t').select('id').where('id', 'in', [20, 21]).execute();
  assert.deepEqual(
    rows.map((r) => r.id),
    [21],
  );
});
