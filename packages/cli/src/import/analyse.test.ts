import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Analysis, AnalyzeOptions, Finding, SignalId } from '@sangfroid/core';
import { analyseConversation, type WireConversation } from './analyse.ts';
import { Assembler } from './assemble.ts';
import { resolveEngine } from './engine.ts';
import { SummaryBuilder } from './summary.ts';

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
    lang: 'fr',
    findings,
    scores: { anger: 0, anxiety: 0, disappointment: 0, escalationRisk: findings.length > 0 ? 0.5 : 0 },
    truncated: false,
  };
}

const seen: { turns: number; reused: number }[] = [];
const engine = resolveEngine({
  analyze: fakeAnalyze,
  recommend: (conversation: { turns: unknown[] }, options: { analyzer: typeof fakeAnalyze }) => {
    let reused = 0;
    const turns = conversation.turns as { role: 'client' | 'agent'; text: string }[];
    for (const t of turns) if (options.analyzer(t.text, { role: t.role }).findings.length >= 0) reused++;
    seen.push({ turns: turns.length, reused });
    return { action: turns.some((t) => t.text.includes('idiots')) ? 'set_boundary' : 'clarify', reasons: [] };
  },
});

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
  assert.equal(r.action, 'set_boundary');
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

test('recommend is handed the analyses already made instead of analysing again', () => {
  seen.length = 0;
  analyseConversation(conv, engine);
  assert.deepEqual(seen, [{ turns: 4, reused: 4 }]);
});

test('without a protocol engine there is no action, and it says so', () => {
  const bare = resolveEngine({ analyze: fakeAnalyze });
  const r = analyseConversation(conv, bare);
  assert.equal(r.action, undefined);
  assert.equal(bare.hasRecommend, false);
  assert.equal(bare.hasCheckDraft, false);
});

test('a draft checker, when exported, gives the agent findings', () => {
  const withChecker = resolveEngine({
    analyze: fakeAnalyze,
    checkDraft: (text: string) => ({
      findings: [
        { id: 'risk.overpromise', severity: 2, start: 0, end: 2, evidence: text.slice(0, 2), message: '' },
      ],
    }),
  });
  const r = analyseConversation(conv, withChecker);
  assert.equal(withChecker.hasCheckDraft, true);
  assert.deepEqual(r.agents.Léa?.counts, { 'risk.overpromise': 2 });
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
  assert.equal(s.actions.set_boundary, 1);
  assert.equal(s.actions.clarify, 1);
  assert.equal(s.agents.team.replies, 3);
  assert.equal(s.agents.team.skills['reply.thanks'], 0.667);
  assert.equal(s.agents.byAgent.find((a) => a.agent === 'Marc')?.skills['reply.empathy'], 1);
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
