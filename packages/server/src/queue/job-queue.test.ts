/**
 * The queue against the real PostgreSQL (TEST_DATABASE_URL; CI sets it): two queues opened on the
 * same schema stand for two `sangfroid worker` machines. Skipped without a PostgreSQL.
 */
import assert from 'node:assert/strict';
import { randomBytes, randomUUID } from 'node:crypto';
import { after, test } from 'node:test';
import pg from 'pg';
import { testDatabaseUrl } from '../testing/storage.ts';
import { type JobQueue, openJobQueue, QUEUES } from './job-queue.ts';

const url = testDatabaseUrl();
const schemas: string[] = [];

after(async () => {
  if (!url || schemas.length === 0) return;
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  for (const s of schemas) await client.query(`drop schema if exists ${s} cascade`);
  await client.end();
});

function freshSchema(): string {
  const s = `boss_${randomBytes(5).toString('hex')}`;
  schemas.push(s);
  return s;
}

async function until(check: () => Promise<boolean>, timeoutMs = 30_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 100));
  }
}

test('two workers share the jobs of a queue: each job is handled exactly once', { skip: !url }, async () => {
  const schema = freshSchema();
  const producer = await openJobQueue({ connectionString: url as string, schema });
  const a = await openJobQueue({ connectionString: url as string, schema });
  const b = await openJobQueue({ connectionString: url as string, schema });
  const handled = new Map<number, string[]>();
  const record = (who: string) => async (data: { n: number }) => {
    handled.set(data.n, [...(handled.get(data.n) ?? []), who]);
    await new Promise((r) => setTimeout(r, 5));
  };
  await producer.sendMany(
    QUEUES.importBatch,
    Array.from({ length: 40 }, (_, n) => ({ data: { n } })),
  );
  await a.work(QUEUES.importBatch, record('a'), { pollingIntervalSeconds: 0.5, slots: 2 });
  await b.work(QUEUES.importBatch, record('b'), { pollingIntervalSeconds: 0.5, slots: 2 });
  await until(async () => (await producer.counts(QUEUES.importBatch)).completed === 40);
  assert.equal(handled.size, 40);
  assert.ok(
    [...handled.values()].every((who) => who.length === 1),
    'no job handled twice',
  );
  const workers = new Set([...handled.values()].flat());
  assert.deepEqual([...workers].sort(), ['a', 'b'], 'both workers took jobs');
  await Promise.all([a.stop(), b.stop(), producer.stop()]);
});

test('a failing job is retried, then succeeds; a job sent twice with the same id is queued once', {
  skip: !url,
}, async () => {
  const schema = freshSchema();
  const queue: JobQueue = await openJobQueue({
    connectionString: url as string,
    schema,
    retryDelaySeconds: 1,
  });
  const id = randomUUID();
  await queue.send(QUEUES.notification, { to: 'x' }, { id });
  await queue.send(QUEUES.notification, { to: 'x' }, { id });
  let attempts = 0;
  await queue.work(
    QUEUES.notification,
    async () => {
      attempts++;
      if (attempts === 1) throw new Error('SMTP down');
    },
    { pollingIntervalSeconds: 0.5 },
  );
  await until(async () => (await queue.counts(QUEUES.notification)).completed === 1, 60_000);
  assert.equal(attempts, 2);
  const counts = await queue.counts(QUEUES.notification);
  assert.deepEqual([counts.completed, counts.failed, counts.queued], [1, 0, 0]);
  await queue.stop();
});
