/**
 * --into-server end to end: the embedded database (a temporary DATA_DIR) for idempotence and
 * resuming, and the real PostgreSQL (TEST_DATABASE_URL, set by CI) with two queue workers.
 */
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { test } from 'node:test';
import { type Database, type JobQueue, openDatabase, openJobQueue, QUEUES } from '@sangfroid/server';
import { sql } from 'kysely';
import pg from 'pg';
import { generateMessages } from '../../../../scripts/bench/import-data.ts';
import { resolveEngine } from './engine.ts';
import { openIntoServer } from './into-server.ts';
import { runImport } from './run.ts';
import { enqueueBatch, startImportWorker, withoutStored } from './server-store.ts';

const quiet = new Writable({ write: (_c, _e, done) => done() });
const dir = mkdtempSync(join(tmpdir(), 'sangfroid-into-'));

function writeExport(name: string, messages: number): string {
  const path = join(dir, name);
  const lines = [...generateMessages(messages, 3)].map((m) =>
    JSON.stringify({
      id: m.id,
      conversation: m.conversation,
      role: m.role,
      author: m.author,
      client: m.client,
      text: m.text,
      at: m.at,
    }),
  );
  writeFileSync(path, `${lines.join('\n')}\n`);
  return path;
}

async function seedOrg(database: Database): Promise<string> {
  const id = crypto.randomUUID();
  await database.db
    .insertInto('organisations')
    .values({ id, name: `Import ${id.slice(0, 4)}`, created_at: new Date() })
    .execute();
  return id;
}

async function counts(database: Database, orgId: string) {
  const n = async (table: 'messages' | 'conversations' | 'imported_messages') =>
    Number(
      (
        await database.db
          .selectFrom(table)
          .select(sql<number>`count(*)::int`.as('n'))
          .where('org_id', '=', orgId)
          .executeTakeFirstOrThrow()
      ).n,
    );
  return {
    conversations: await n('conversations'),
    messages: await n('messages'),
    keys: await n('imported_messages'),
  };
}

test('embedded database: an import killed half-way resumes where it stopped; importing again adds nothing', async () => {
  const dataDir = join(dir, 'data');
  const env = { DATA_DIR: dataDir };
  const seed = await openDatabase({ dataDir });
  const orgId = await seedOrg(seed);
  await seed.close();
  const input = writeExport('history.jsonl', 600);

  // First run: stopped (as if killed) after two stored batches.
  let into = await openIntoServer({ env });
  let batches = 0;
  await assert.rejects(
    runImport({
      input,
      workers: 0,
      batchMessages: 100,
      stderr: quiet,
      ...into.options,
      onResults: async (results) => {
        if (batches++ === 2) throw new Error('killed');
        await into.options.onResults?.(results);
      },
    }),
    /killed/,
  );
  await into.close();

  // Second run: only what was not stored is analysed.
  into = await openIntoServer({ env, org: orgId });
  let analysed = 0;
  const second = await runImport({
    input,
    workers: 0,
    batchMessages: 100,
    stderr: quiet,
    ...into.options,
    onResults: async (results) => {
      for (const r of results) analysed += r.messages;
      await into.options.onResults?.(results);
    },
  });
  assert.equal(second.exitCode, 0);
  assert.ok(analysed < 600 && analysed >= 600 - 250, `resumed with ${analysed} messages`);
  assert.equal(into.stats.alreadyStored, 0, 'stored batches were not even analysed again');
  await into.close();

  // Third run: nothing new.
  into = await openIntoServer({ env });
  const third = await runImport({ input, workers: 0, stderr: quiet, ...into.options });
  assert.equal(third.summary.totals.messages, 0);
  assert.equal(into.stats.stored, 0);
  await into.close();

  const check = await openDatabase({ dataDir });
  const c = await counts(check, orgId);
  assert.equal(c.messages, 600);
  assert.equal(c.keys, 600);
  assert.equal(c.conversations, new Set([...generateMessages(600, 3)].map((m) => m.conversation)).size);
  await check.close();
});

const url = process.env.TEST_DATABASE_URL;

test('PostgreSQL: two workers share the queued jobs and every message is analysed exactly once', {
  skip: !url,
}, async () => {
  const schema = `imp_${randomBytes(5).toString('hex')}`;
  const bossSchema = `boss_${randomBytes(5).toString('hex')}`;
  const opened: Database[] = [];
  const queues: JobQueue[] = [];
  const open = async () => {
    const d = await openDatabase({ databaseUrl: url as string, schema, poolSize: 3 });
    opened.push(d);
    return d;
  };
  try {
    const producerDb = await open();
    const orgId = await seedOrg(producerDb);
    const producer = await openJobQueue({ connectionString: url as string, schema: bossSchema });
    queues.push(producer);
    const input = writeExport('queued.jsonl', 1500);
    const target = { database: producerDb, orgId, source: 'jsonl', format: 'jsonl' as const };
    const queued = await runImport({
      input,
      batchMessages: 100,
      stderr: quiet,
      filterBatch: (batch) => withoutStored(target, batch),
      dispatch: (batch) =>
        enqueueBatch(producer, { orgId, source: 'jsonl', format: 'jsonl', conversations: batch }),
    });
    assert.equal(queued.dispatched?.messages, 1500);
    const jobs = queued.dispatched?.batches ?? 0;
    assert.ok(jobs >= 10);

    // Two "machines": each its own database pool, queue connection and engine.
    const analysedBy = new Map<string, number>();
    const countingEngine = (who: string) => {
      const engine = resolveEngine();
      return {
        ...engine,
        get hasRecommend() {
          return engine.hasRecommend;
        },
        get hasCheckDraft() {
          return engine.hasCheckDraft;
        },
        analyze: (text: string, role: 'client' | 'agent', lang: 'fr' | 'en' | undefined) => {
          analysedBy.set(who, (analysedBy.get(who) ?? 0) + 1);
          return engine.analyze(text, role, lang);
        },
      };
    };
    const workers = await Promise.all(
      ['a', 'b'].map(async (who) => {
        const database = await open();
        const queue = await openJobQueue({ connectionString: url as string, schema: bossSchema });
        queues.push(queue);
        const stats = await startImportWorker({
          database,
          queue,
          engine: countingEngine(who),
          pollingIntervalSeconds: 0.5,
        });
        return { queue, stats };
      }),
    );
    const deadline = Date.now() + 120_000;
    while ((await producer.counts(QUEUES.importBatch)).completed < jobs) {
      if (Date.now() > deadline) throw new Error('the workers did not finish in time');
      await new Promise((r) => setTimeout(r, 250));
    }
    const done = await producer.counts(QUEUES.importBatch);
    assert.deepEqual([done.completed, done.failed, done.queued, done.active], [jobs, 0, 0, 0]);
    assert.equal(
      [...analysedBy.values()].reduce((s, n) => s + n, 0),
      1500,
      'each message analysed once, across both workers',
    );
    assert.equal(analysedBy.size, 2, 'both workers took jobs');
    assert.equal(
      workers.reduce((s, w) => s + w.stats.jobs, 0),
      jobs,
      'each job processed once',
    );
    const c = await counts(producerDb, orgId);
    assert.deepEqual([c.messages, c.keys], [1500, 1500]);
  } finally {
    await Promise.all(queues.map((q) => q.stop({ timeoutMs: 5000 })));
    for (const d of opened) await d.close();
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    await client.query(`drop schema if exists ${schema} cascade`);
    await client.query(`drop schema if exists ${bossSchema} cascade`);
    await client.end();
  }
});
