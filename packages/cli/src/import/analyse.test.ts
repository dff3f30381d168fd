import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import type { Analysis, AnalyzeOptions, Finding, SignalId, Turn } from '@sangfroid/core';
import * as core from '@sangfroid/core';
import fc from 'fast-check';
import { CASES } from '../../../core/src/protocol/fixtures/conversations.ts';
import { MORE_CASES } from '../../../core/src/protocol/fixtures/more-conversations.ts';
import { analyseConversation, type WireConversation } from './analyse.ts';
import { Assembler } from './assemble.ts';
import { resolveEngine } from './engine.ts';
import { SummaryBuilder } from './summary.ts';
import { analyseBatch } from './worker-thread.ts';

/** A fake engine: finds each listed word as the signal it maps to, so tests know every span. */
const WORDS: Record<string, SignalId> = {
  idiots: 'abuse.insult',
  avocat: 'pressure.legal',
  furieux: 'emotion.anger',
  merci: 'reply.thanks',
  désolé: 'reply.empathy',
  limite: 'reply.boundary',
  faute: 'risk.defensive',
};

function fakeAnalyze(text: string, options: AnalyzeOptions): Analysis {
  const findings: Finding[] = [];
  for (const [word, id] of Object.entries(WORDS)) {
    const at = text.toLowerCase().indexOf(word);
    if (at === -1) continue;
    const isAgentId = id.startsWith('reply.') || id.startsWith('risk.');
    if (isAgentId !== (options.role === 'agent')) continue;
    findings.push({
      id,
      severity: id.startsWith('abuse.') ? 3 : 2,
      start: at,
      end: at + word.length,
      evidence: text.slice(at, at + word.length),
      message: '',
    });
  }
  findings.sort((a, b) => a.start - b.start);
  return {
    role: options.role,
    lang: options.lang ?? 'fr',
    findings,
    scores: { anger: 0, anxiety: 0, disappointment: 0, escalationRisk: findings.length > 0 ? 0.5 : 0 },
    truncated: false,
  };
}

/** The fake analyser, counting its calls. */
let analysed = 0;
function countedAnalyze(text: string, options: AnalyzeOptions): Analysis {
  analysed++;
  return fakeAnalyze(text, options);
}

/** The real protocol (fold, rules, draft checker) over the fake analyses. */
const engine = resolveEngine({ ...core, analyze: countedAnalyze });

const conv: WireConversation = {
  key: 'T-9',
  part: 1,
  client: 'c-1',
  messages: [
    { role: 'client', text: 'Je suis furieux, bande d’idiots !', line: 10, at: '2026-03-01T09:00:00Z' },
    {
      role: 'agent',
      text: 'Merci, mais je pose une limite.',
      line: 11,
      author: 'Léa',
      at: '2026-03-01T09:05:00Z',
    },
    { role: 'client', text: 'Mon avocat vous écrira.', line: 12, at: '2026-03-02T09:00:00Z' },
    { role: 'agent', text: 'Ce n’est pas notre faute.', line: 13, author: 'Léa', at: '2026-03-02T10:00:00Z' },
  ],
};

test('a conversation gives signal counts, the protocol’s action, the incident and per-agent skills', () => {
  const r = analyseConversation(conv, engine);
  assert.equal(r.action, 'escalate_legal', 'the last client turn threatens legal action');
  assert.deepEqual(r.signals, {
    'emotion.anger': 1,
    'abuse.insult': 1,
    'reply.thanks': 1,
    'reply.boundary': 1,
    'pressure.legal': 1,
    'risk.defensive': 1,
  });
  assert.equal(r.abusiveMessages, 1);
  assert.deepEqual(r.incident, {
    conversation: 'T-9',
    index: 0,
    client: 'c-1',
    kinds: ['abuse', 'legal'],
    severity: 3,
    line: 10,
    at: '2026-03-01T09:00:00Z',
    signal: 'abuse.insult',
    evidence: 'idiots',
  });
  assert.deepEqual(r.agents.Léa, {
    replies: 2,
    counts: { 'reply.thanks': 1, 'reply.boundary': 1, 'risk.defensive': 1 },
    afterAbuse: 1,
    boundaryAfterAbuse: 1,
    // the limit after the insult fits its moment but lacks empathy (83); the defensive reply to a
    // legal threat misses the next steps that moment requires (38)
    checked: 2,
    scoreSum: 83 + 38,
    missedRequired: 1,
  });
  assert.deepEqual(r.days, { '2026-03-01': [2, 1], '2026-03-02': [2, 0] });
  const worstClient = r.examples.find((e) => e.role === 'client');
  assert.equal(worstClient?.line, 10);
  assert.deepEqual(
    worstClient?.findings.map((f) => [f.id, f.start, f.end]),
    [
      ['emotion.anger', 8, 15],
      ['abuse.insult', 25, 31],
    ],
  );
  assert.equal(r.examples.find((e) => e.role === 'agent')?.findings[0]?.id, 'risk.defensive');
});

test('the protocol reads the analyses already made: each message is analysed once', () => {
  analysed = 0;
  analyseConversation(conv, engine);
  assert.equal(analysed, conv.messages.length);
});

test('the protocol analyses only what no message covers: trailing bubbles as one turn, another language', () => {
  const bubbles: WireConversation = {
    ...conv,
    messages: [
      ...conv.messages,
      { role: 'client', text: 'Bande d’idiots.', line: 14 },
      { role: 'client', text: 'Je suis furieux.', line: 15, lang: 'en' },
    ],
  };
  analysed = 0;
  const r = analyseConversation(bubbles, engine);
  // six messages, the last one again in the conversation's language, the two bubbles as one turn
  assert.equal(analysed, 6 + 1 + 1);
  assert.equal(r.action, 'end_and_escalate', 'abuse after a limit, read from the merged bubbles');
});

test('each agent reply is checked against its moment, with the scores of the core’s draft checker', () => {
  const r = analyseConversation(conv, engine);
  const turns = conv.messages.map((m) => ({ role: m.role, text: m.text }));
  const expected = conv.messages.flatMap((m, i) =>
    m.role === 'agent'
      ? [core.checkDraft(m.text, { turns: turns.slice(0, i), lang: 'fr' }, { analyzer: fakeAnalyze }).score]
      : [],
  );
  assert.deepEqual(expected, [83, 38]);
  assert.equal(r.agents.Léa?.scoreSum, 83 + 38);
  assert.equal(engine.hasCheckDraft, true);
});

test('without a protocol engine there is no action nor draft check, and it says so', () => {
  const bare = resolveEngine({ analyze: fakeAnalyze });
  const r = analyseConversation(conv, bare);
  assert.equal(r.action, undefined);
  assert.equal(r.agents.Léa?.checked, 0);
  assert.equal(bare.hasRecommend, false);
  assert.equal(bare.hasCheckDraft, false);
});

test('a protocol that throws is switched off, and the import goes on', () => {
  const broken = resolveEngine({
    ...core,
    analyze: fakeAnalyze,
    foldTurn: () => {
      throw new Error('boom');
    },
  });
  const r = analyseConversation(conv, broken);
  assert.equal(r.action, undefined);
  assert.equal(r.messages, 4);
  assert.deepEqual([broken.hasRecommend, broken.hasCheckDraft], [false, false]);
});

test('the summary ranks clients by risk, rates agents per skill and keeps the worst examples', () => {
  const summary = new SummaryBuilder();
  summary.add(analyseConversation(conv, engine));
  const calm: WireConversation = {
    key: 'T-10',
    part: 1,
    client: 'c-2',
    messages: [
      { role: 'client', text: 'Je suis furieux.', line: 20 },
      { role: 'agent', text: 'Désolé, merci.', line: 21, author: 'Marc' },
    ],
  };
  summary.add(analyseConversation(calm, engine));
  const s = summary.build({ name: 'x', format: 'jsonl' }, { recommend: true, checkDraft: false });
  assert.deepEqual(s.totals, {
    conversations: 2,
    messages: 6,
    clientMessages: 3,
    agentMessages: 3,
    abusiveMessages: 1,
    incidents: 1,
    skipped: 0,
    rejected: 0,
  });
  assert.deepEqual(
    s.clients.map((c) => [c.client, c.incidents, c.score]),
    [
      ['c-1', 1, 2.5],
      ['c-2', 0, 0.5],
    ],
  );
  assert.equal(s.actions.escalate_legal, 1);
  assert.equal(s.actions.listen, 1, 'the client is still venting');
  assert.equal(s.agents.team.replies, 3);
  assert.equal(s.agents.team.skills['reply.thanks'], 0.667);
  assert.equal(s.agents.byAgent.find((a) => a.agent === 'Marc')?.skills['reply.empathy'], 1);
  const marc = s.agents.byAgent.find((a) => a.agent === 'Marc');
  assert.equal(s.agents.team.draftScore, Math.round(((83 + 38 + (marc?.draftScore ?? 0)) / 3) * 10) / 10);
  assert.equal(s.agents.team.missedRequired, 0.333);
  assert.equal(s.incidents.byKind.abuse, 1);
  assert.equal(s.worst.client[0]?.line, 10);
  assert.deepEqual(s.timeline, [
    { day: '2026-03-01', messages: 2, abusive: 1 },
    { day: '2026-03-02', messages: 2, abusive: 0 },
  ]);
});

test('the assembler groups interleaved messages, closes the oldest past maxOpen and splits long ones', () => {
  const a = new Assembler({ maxOpen: 2, maxMessages: 3 });
  const m = (conversation: string, line: number) => ({
    conversation,
    role: 'client' as const,
    text: 't',
    line,
  });
  const closed = [
    ...a.add(m('A', 1)),
    ...a.add(m('B', 2)),
    ...a.add(m('A', 3)),
    ...a.add(m('C', 4)), // B is the least recently continued: closed
    ...a.add(m('A', 5)),
    ...a.add(m('A', 6)), // A has 3 messages: closed, continued as part 2
    ...a.flush(),
  ];
  assert.deepEqual(
    closed.map((c) => [c.key, c.part, c.messages.map((x) => x.line)]),
    [
      ['B', 1, [2]],
      ['A', 1, [1, 3, 5]],
      ['C', 1, [4]],
      ['A', 2, [6]],
    ],
  );
});

const DEV = fileURLToPath(new URL('../../../../../shared/corpus/dev/conversations.jsonl', import.meta.url));
const CORE_CASES = [...CASES, ...MORE_CASES].map((k) => k.turns);

test('with the real engines, actions and draft scores are those of recommend() and checkDraft() on each conversation', () => {
  const real = resolveEngine();
  const dev = existsSync(DEV)
    ? readFileSync(DEV, 'utf8')
        .split('\n')
        .filter((l) => l.trim())
        .map((l) => (JSON.parse(l) as { turns: Turn[] }).turns)
    : [];
  const all = [...CORE_CASES, ...dev];
  assert.ok(all.length >= 90);
  for (const [n, turns] of all.entries()) {
    const wire: WireConversation = {
      key: `k-${n}`,
      part: 1,
      messages: turns.map((t, i) => ({ role: t.role, text: t.text, line: i + 1, author: 'A' })),
    };
    const r = analyseConversation(wire, real);
    assert.equal(r.action, core.recommend({ turns }).action, `conversation ${n}`);
    const lang = core.languageOf({ turns });
    const scores = turns.flatMap((t, i) =>
      t.role === 'agent' ? [core.checkDraft(t.text, { turns: turns.slice(0, i), lang }).score] : [],
    );
    assert.equal(
      r.agents.A?.scoreSum ?? 0,
      scores.reduce((a, b) => a + b, 0),
      `conversation ${n}`,
    );
    assert.equal(r.agents.A?.checked ?? 0, scores.length);
  }
  assert.equal(real.hasRecommend && real.hasCheckDraft, true);
});

test('messages are counted per day of their date; dates that are not one are left out, wherever they fall', () => {
  const ats = [
    '2026',
    '2026-03-01T10:00:00Z',
    'hier',
    '2026-03-01T11:00:00Z',
    '2026-03-02T09:00:00Z',
    '2026-03-01',
    '2026-03-0',
  ];
  const dated: WireConversation = {
    key: 'D-1',
    part: 1,
    messages: ats.map((at, i) => ({
      role: i % 2 === 0 ? 'client' : 'agent',
      text: 'Bonjour',
      line: i + 1,
      at,
    })),
  };
  assert.deepEqual(analyseConversation(dated, engine).days, { '2026-03-01': [3, 0], '2026-03-02': [1, 0] });
});

test('with the analyses made beforehand, as a worker makes them, every conversation reads as without them', () => {
  const real = resolveEngine();
  const mixed: Turn[][] = [
    [
      { role: 'client', text: 'Hello, my parcel never came.' },
      { role: 'agent', text: 'Bonjour, je regarde votre commande tout de suite.' },
      { role: 'client', text: 'Merci, mais je suis vraiment en colère !' },
    ],
    [
      { role: 'client', text: 'PASSEZ-MOI VOTRE RESPONSABLE' },
      { role: 'agent', text: 'I understand, let me check this with you.' },
    ],
  ];
  for (const [n, turns] of [...CORE_CASES, ...mixed].entries()) {
    const wire: WireConversation = {
      key: `k-${n}`,
      part: 1,
      messages: turns.map((t, i) => ({ role: t.role, text: t.text, line: i + 1, author: 'A' })),
    };
    const analyses = wire.messages.map((m) => real.analyze(m.text, m.role, undefined));
    assert.deepEqual(
      analyseConversation(wire, real, { analyses }),
      analyseConversation(wire, real),
      `conversation ${n}`,
    );
    assert.equal(
      real.languageOf(wire.messages, analyses),
      real.languageOf(wire.messages),
      `conversation ${n}`,
    );
  }
});

test('summaries gathered apart and merged are the summary of everything added in one place', () => {
  const words = [
    'Je suis furieux',
    'bande d’idiots',
    'mon avocat',
    'merci',
    'désolé',
    'une limite',
    'pas ma faute',
  ];
  const results = Array.from({ length: 24 }, (_, n) =>
    analyseConversation(
      {
        key: `T-${n % 9}`,
        part: n < 9 ? 1 : 2,
        client: `c-${n % 5}`,
        messages: Array.from({ length: 2 + (n % 4) }, (_, i) => ({
          role: i % 2 === 0 ? ('client' as const) : ('agent' as const),
          text: `${words[(n + i) % words.length]}, ${words[(n * 3 + i) % words.length]}.`,
          line: n * 10 + i,
          at: `2026-03-0${1 + ((n + i) % 7)}T10:00:00Z`,
          author: i % 2 === 0 ? `c-${n % 5}` : `agent-${n % 3}`,
        })),
      },
      engine,
    ),
  );
  const whole = new SummaryBuilder();
  for (const r of results) whole.add(r);
  const source = { name: 'x', format: 'jsonl' };
  const flags = { recommend: true, checkDraft: true };
  fc.assert(
    fc.property(fc.array(fc.nat(2), { minLength: results.length, maxLength: results.length }), (parts) => {
      const apart = [new SummaryBuilder(), new SummaryBuilder(), new SummaryBuilder()];
      for (const [i, r] of results.entries()) apart[parts[i] as number]?.add(r);
      const merged = new SummaryBuilder();
      for (const b of apart) merged.merge(structuredClone(b.snapshot()));
      assert.deepEqual(merged.build(source, flags), whole.build(source, flags));
    }),
    { numRuns: 200 },
  );
});

test('a batch is analysed first, then read by the protocol: a conversation an engine throws on is reported in order, the others go on', () => {
  const throwing = resolveEngine({
    ...core,
    analyze: (text: string, options: AnalyzeOptions) => {
      if (text.includes('💥')) throw new Error('boom');
      return fakeAnalyze(text, options);
    },
  });
  const bad = (key: string, line: number): WireConversation => ({
    key,
    part: 1,
    messages: [{ role: 'client', text: 'Je suis furieux 💥', line }],
  });
  const response = analyseBatch({ id: 7, conversations: [bad('A', 1), conv, bad('B', 30)] }, throwing, false);
  assert.deepEqual(
    response.failures.map((f) => [f.key, f.line]),
    [
      ['A', 1],
      ['B', 30],
    ],
  );
  assert.deepEqual(
    response.results.map((r) => r.key),
    ['T-9'],
  );
  assert.equal(response.messages, 4);
  assert.equal(response.results[0]?.action, analyseConversation(conv, engine).action);
});
