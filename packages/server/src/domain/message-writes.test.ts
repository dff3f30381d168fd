import assert from 'node:assert/strict';
import { it } from 'node:test';
import { defaultConfig } from '../config.ts';
import type { Db } from '../db/schema.ts';
import { createApp } from '../http/app.ts';
import { silentLogger } from '../logger.ts';
import { call, makeTestApp, seedOrg, TestClock, testAnalyzer } from '../testing/app.ts';
import { describeStorage } from '../testing/storage.ts';
import { newId } from './common.ts';
import { type CalmMessageRow, groupByConversation, MessageWriteGroup } from './message-writes.ts';
import { recommendFor } from './protocol.ts';

/** A view of `db` that counts the statements inserting messages. */
function countingInserts(db: Db) {
  const counter = { inserts: 0 };
  const counted = db.withPlugin({
    transformQuery: (args) => {
      const node = args.node as { kind: string; sqlFragments?: readonly string[] };
      if (node.kind === 'RawNode' && node.sqlFragments?.some((f) => f.includes('insert into messages')))
        counter.inserts++;
      return args.node;
    },
    transformResult: async (args) => args.result,
  });
  return { db: counted, counter };
}

it('groups writes without two for one conversation in a group, and at most maxRows', () => {
  const w = (conversationId: string, n: number) => ({ row: { conversationId }, n });
  const groups = groupByConversation([w('a', 1), w('b', 2), w('a', 3), w('c', 4), w('a', 5), w('d', 6)], 3);
  assert.deepEqual(
    groups.map((g) => g.map((x) => x.n)),
    [[1, 2, 4], [3, 6], [5]],
  );
});

it('starts a group holding a later write of a conversation only once its earlier write completed', async () => {
  // one row a statement, as on PostgreSQL, and the first statement slow, as on a busy pool: the
  // statement of a's second write must wait for it, those of b and c need not
  const log: string[] = [];
  let releaseFirst = () => {};
  const firstDone = new Promise<void>((resolve) => {
    releaseFirst = resolve;
  });
  const writeRows = async (_db: unknown, rows: readonly CalmMessageRow[]) => {
    const texts = rows.map((r) => r.text).join('+');
    log.push(`start ${texts}`);
    if (texts.includes('a1')) await firstDone;
    log.push(`end ${texts}`);
    return rows.map((r) => ({ seq: r.lastSeq + 1, channel: 'chat' }));
  };
  const group = new MessageWriteGroup({} as Db, 1, writeRows);
  const row = (conversationId: string, lastSeq: number, text: string) =>
    ({ conversationId, lastSeq, text }) as CalmMessageRow;
  const written = Promise.all([
    group.write(row('a', 0, 'a1')),
    group.write(row('b', 0, 'b1')),
    group.write(row('a', 1, 'a2')),
    group.write(row('c', 0, 'c1')),
  ]);
  await new Promise((resolve) => setTimeout(resolve, 20));
  assert.deepEqual(log, ['start a1', 'start b1', 'end b1', 'start c1', 'end c1'], 'a2 waits');
  releaseFirst();
  assert.deepEqual(
    (await written).map((w) => w?.seq),
    [1, 1, 2, 1],
  );
  assert.deepEqual(log.slice(5), ['end a1', 'start a2', 'end a2']);
});

describeStorage('group commit of calm messages', (getDb) => {
  async function fixture() {
    const database = getDb();
    const { app } = makeTestApp(database);
    const org = await seedOrg(app);
    const conversation = async () =>
      (await call(app, org.agent, 'POST', '/conversations', { channel: 'chat' })).body.id as string;
    const rowFor = (conversationId: string, lastSeq: number, text: string): CalmMessageRow => ({
      id: newId(),
      orgId: org.orgId,
      conversationId,
      lastSeq,
      historyVersion: 0,
      recommendation: '{"action":"test"}',
      direction: 'inbound',
      channel: null,
      authorName: null,
      authorUserId: null,
      text,
      lang: 'fr',
      analysis: '{"findings":[]}',
      maxSeverity: 0,
      sentAt: null,
      now: new Date('2026-03-02T09:00:00.000Z'),
    });
    const stored = async (conversationId: string) =>
      (
        await database.db
          .selectFrom('messages')
          .select(['seq', 'text', 'channel'])
          .where('conversation_id', '=', conversationId)
          .orderBy('seq')
          .execute()
      ).map((m) => `${m.seq}:${m.text}:${m.channel}`);
    return { database, app, org, conversation, rowFor, stored };
  }

  it('writes the messages of one turn for different conversations in one statement', async () => {
    const { database, conversation, rowFor, stored } = await fixture();
    const ids = [await conversation(), await conversation(), await conversation()];
    const { db, counter } = countingInserts(database.db);
    const group = new MessageWriteGroup(db);
    const written = await Promise.all(ids.map((id, i) => group.write(rowFor(id, 0, `m${i}`))));
    assert.deepEqual(written, [
      { seq: 1, channel: 'chat' },
      { seq: 1, channel: 'chat' },
      { seq: 1, channel: 'chat' },
    ]);
    assert.equal(counter.inserts, 1, 'one statement for the three');
    for (const [i, id] of ids.entries()) assert.deepEqual(await stored(id), [`1:m${i}:chat`]);
  });

  it('gives null to a row whose conversation moved on, writes the others, and orders one conversation’s rows', async () => {
    const { database, conversation, rowFor, stored } = await fixture();
    const [a, b] = [await conversation(), await conversation()];
    const group = new MessageWriteGroup(database.db);
    const written = await Promise.all([
      group.write(rowFor(a, 0, 'a1')),
      group.write(rowFor(a, 1, 'a2')), // chained after a1: the next statement, written
      group.write(rowFor(b, 5, 'stale')), // b is at 0
      group.write(rowFor(b, 0, 'b1')),
      group.write(rowFor(newId(), 0, 'nowhere')), // no such conversation
    ]);
    assert.deepEqual(written, [
      { seq: 1, channel: 'chat' },
      { seq: 2, channel: 'chat' },
      null,
      { seq: 1, channel: 'chat' },
      null,
    ]);
    assert.deepEqual(await stored(a), ['1:a1:chat', '2:a2:chat']);
    assert.deepEqual(await stored(b), ['1:b1:chat']);
  });

  it('fails only the row the database refuses', async () => {
    const { database, conversation, rowFor, stored } = await fixture();
    const ids = [await conversation(), await conversation(), await conversation()];
    const group = new MessageWriteGroup(database.db);
    const bad = { ...rowFor(ids[1] as string, 0, 'bad'), direction: 'sideways' as 'inbound' };
    const outcomes = await Promise.allSettled([
      group.write(rowFor(ids[0] as string, 0, 'good 1')),
      group.write(bad),
      group.write(rowFor(ids[2] as string, 0, 'good 2')),
    ]);
    assert.deepEqual(
      outcomes.map((o) => o.status),
      ['fulfilled', 'rejected', 'fulfilled'],
    );
    assert.match(String((outcomes[1] as PromiseRejectedResult).reason), /check constraint|violates/);
    assert.deepEqual(await stored(ids[0] as string), ['1:good 1:chat']);
    assert.deepEqual(await stored(ids[1] as string), []);
    assert.deepEqual(await stored(ids[2] as string), ['1:good 2:chat']);
  });

  it('stores the same rows, numbers and recommendations for concurrent ingests as for sequential ones', async () => {
    const { database, app, org, conversation } = await fixture();
    const texts = [
      'Bonjour, ma commande n’est pas arrivée.',
      'Pouvez-vous me donner un délai ?',
      'Merci, j’attends votre réponse.',
      'Toujours rien reçu, c’est long.',
    ];
    const ingest = (id: string, text: string, i: number) =>
      call(app, org.agent, 'POST', `/conversations/${id}/messages`, {
        direction: i % 3 === 2 ? 'outbound' : 'inbound',
        text,
      });
    const sequential = [await conversation(), await conversation(), await conversation()];
    const concurrent = [await conversation(), await conversation(), await conversation()];
    const busy = await conversation();
    for (const [i, text] of texts.entries())
      for (const id of sequential) assert.equal((await ingest(id, text, i)).status, 201);
    for (const [i, text] of texts.entries()) {
      // one round: a message to each conversation at once, and two to the busy one
      const round = await Promise.all([
        ...concurrent.map((id) => ingest(id, text, i)),
        ingest(busy, text, i),
        ingest(busy, text, i),
      ]);
      for (const res of round) assert.equal(res.status, 201, res.text);
      assert.deepEqual(
        round.slice(0, 3).map((r) => r.body.message.seq),
        [i + 1, i + 1, i + 1],
      );
    }
    const rowsOf = async (id: string) => {
      const c = await database.db
        .selectFrom('conversations')
        .select(['message_count', 'recommendation'])
        .where('id', '=', id)
        .executeTakeFirstOrThrow();
      const messages = await database.db
        .selectFrom('messages')
        .select([
          'seq',
          'direction',
          'channel',
          'author_name',
          'text',
          'lang',
          'analysis',
          'max_severity',
          'has_abuse',
        ])
        .where('conversation_id', '=', id)
        .orderBy('seq')
        .execute();
      return { ...c, messages };
    };
    const expected = await rowsOf(sequential[0] as string);
    assert.equal(expected.messages.length, texts.length);
    for (const id of [...sequential, ...concurrent]) assert.deepEqual(await rowsOf(id), expected);
    // the busy conversation: every message numbered once, and the recommendation of its turns
    const crowded = await rowsOf(busy);
    assert.deepEqual(
      crowded.messages.map((m) => m.seq),
      [1, 2, 3, 4, 5, 6, 7, 8],
    );
    assert.equal(crowded.message_count, 8);
    const turns = crowded.messages.slice(-30).map((m) => ({
      role: m.direction === 'inbound' ? ('client' as const) : ('agent' as const),
      text: m.text,
    }));
    assert.deepEqual(crowded.recommendation, JSON.parse(JSON.stringify(recommendFor(turns))));
  });

  it('writes each calm message by its own statement without group commit (PostgreSQL in main.ts)', async () => {
    const database = getDb();
    const { db, counter } = countingInserts(database.db);
    const app = createApp(
      {
        db,
        config: defaultConfig(),
        logger: silentLogger,
        clock: new TestClock(),
        analyzer: testAnalyzer,
        groupCommit: false,
      },
      { web: false },
    );
    assert.equal(app.deps.messageWrites, undefined);
    const org = await seedOrg(app);
    const ids: string[] = [];
    for (let i = 0; i < 3; i++)
      ids.push((await call(app, org.agent, 'POST', '/conversations', { channel: 'chat' })).body.id);
    const written = await Promise.all(
      ids.map((id) =>
        call(app, org.agent, 'POST', `/conversations/${id}/messages`, {
          direction: 'inbound',
          text: 'Bonjour',
        }),
      ),
    );
    assert.deepEqual(
      written.map((r) => [r.status, r.body.message.seq]),
      [
        [201, 1],
        [201, 1],
        [201, 1],
      ],
    );
    assert.equal(counter.inserts, 3);
  });
});
