import assert from 'node:assert/strict';
import { it } from 'node:test';
import { analyze } from '@sangfroid/core';
import { type ComputeRequest, IngestEngine } from './ingest-engine.ts';
import { PROTOCOL_WINDOW, recommendFor, type StoredTurn } from './protocol.ts';

const TEXTS = [
  'Bonjour, ma commande n’est toujours pas arrivée.',
  'Je comprends, je regarde tout de suite.',
  'Ça fait trois semaines, c’est inadmissible !',
  'Encore ?',
  'Je vous propose un remboursement ou un renvoi.',
  'Le renvoi, s’il vous plaît.',
];

/** Messages of one conversation, the head each follows named by the previous message's id. */
function conversation(length: number, conversationId = 'c1') {
  const requests: ComputeRequest[] = [];
  for (let i = 0; i < length; i++)
    requests.push({
      conversationId,
      historyVersion: 0,
      lastMessageId: i === 0 ? null : `m${i - 1}`,
      messageId: `m${i}`,
      role: i % 3 === 1 ? 'agent' : 'client',
      text: TEXTS[i % TEXTS.length] as string,
    });
  return requests;
}

/** What each message should get: its analysis and recommendFor of its window. */
function expected(requests: readonly ComputeRequest[]) {
  const turns: StoredTurn[] = [];
  return requests.map((r) => {
    const analysis = analyze(r.text, { role: r.role });
    turns.push({ role: r.role, text: r.text, analysis });
    return { missing: false, analysis, recommendation: recommendFor(turns.slice(-PROTOCOL_WINDOW)) };
  });
}

function checkEngine(engine: IngestEngine) {
  const requests = conversation(PROTOCOL_WINDOW + 5);
  // the first head is unknown to the engine: it asks for the turns (none yet)
  assert.deepEqual(engine.compute(requests[0] as ComputeRequest), { missing: true });
  const got = [engine.compute({ ...(requests[0] as ComputeRequest), turns: [] })];
  // then each message follows the head the previous one made, without sending turns again
  for (const r of requests.slice(1)) got.push(engine.compute(r));
  assert.deepEqual(got, expected(requests));
}

it('gives each message its analysis and the recommendation of its window, from the turns it keeps', () => {
  checkEngine(new IngestEngine(analyze));
});

it('does not take turns computed for a message that was not written, nor those of another history version', () => {
  const engine = new IngestEngine(analyze);
  const [first, second] = conversation(2);
  engine.compute({ ...(first as ComputeRequest), turns: [] });
  // m0's write missed: another message (x0) became the head; the engine has never seen it
  assert.deepEqual(engine.compute({ ...(second as ComputeRequest), lastMessageId: 'x0' }), {
    missing: true,
  });
  // an erasure bumped the version: the turns after m0 are not known at version 1
  assert.deepEqual(engine.compute({ ...(second as ComputeRequest), historyVersion: 1 }), {
    missing: true,
  });
  // the reader sends the turns of the head it read: the same result as from the kept ones
  const turns = [
    {
      role: 'client' as const,
      text: first?.text as string,
      analysis: analyze(first?.text as string, { role: 'client' }),
    },
  ];
  const fromTurns = engine.compute({ ...(second as ComputeRequest), lastMessageId: 'x0', turns });
  assert.deepEqual(fromTurns, expected(conversation(2))[1]);
});

it('keeps the turns of the most recent conversations only', () => {
  const engine = new IngestEngine(analyze, 2);
  for (const id of ['a', 'b', 'c'])
    engine.compute({ ...(conversation(1, id)[0] as ComputeRequest), turns: [] });
  const next = (id: string) => engine.compute(conversation(2, id)[1] as ComputeRequest);
  assert.equal(next('a').missing, true, 'evicted');
  assert.equal(next('c').missing, false);
});

it('forgets every conversation on clear (an erasure): the next message asks for its turns again', () => {
  const engine = new IngestEngine(analyze);
  const [first, second] = conversation(2);
  assert.ok(first && second);
  engine.compute({ ...first, turns: [] });
  assert.equal(engine.compute(second).missing, false, 'known before');
  engine.clear();
  assert.deepEqual(engine.compute(second), { missing: true });
});
