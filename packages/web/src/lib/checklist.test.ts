import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Analysis, Finding, Role, SignalId } from '@sangfroid/core';
import { applySuggestion, checkDraftLocally, needsBoundary } from './checklist.ts';

function analysis(role: Role, ids: Array<[SignalId, 1 | 2 | 3]>): Analysis {
  const findings: Finding[] = ids.map(([id, severity], i) => ({
    id,
    severity,
    start: i,
    end: i + 1,
    evidence: 'x',
    message: id,
  }));
  return {
    role,
    lang: 'fr',
    findings,
    truncated: false,
    scores: { anger: 0, anxiety: 0, disappointment: 0, escalationRisk: 0 },
  };
}

test('the checklist ticks the qualities present in the draft, in the method order', () => {
  const check = checkDraftLocally(
    analysis('agent', [
      ['reply.empathy', 1],
      ['reply.thanks', 1],
    ]),
  );
  assert.deepEqual(
    check.items.map((i) => [i.id, i.done]),
    [
      ['reply.thanks', true],
      ['reply.empathy', true],
      ['reply.reformulation', false],
      ['reply.solution', false],
      ['reply.next_steps', false],
    ],
  );
  assert.equal(check.score, 40);
});

test('an abusive client adds the boundary to the checklist', () => {
  const client = analysis('client', [['abuse.insult', 2]]);
  assert.equal(needsBoundary(client), true);
  assert.equal(needsBoundary(analysis('client', [['emotion.anger', 2]])), false);
  const check = checkDraftLocally(analysis('agent', [['reply.boundary', 1]]), client);
  assert.deepEqual(check.items.at(-1), { id: 'reply.boundary', done: true });
  assert.equal(check.items.length, 6);
});

test('risks are listed and cost points by severity, never below zero', () => {
  const all: Array<[SignalId, 1 | 2 | 3]> = [
    ['reply.thanks', 1],
    ['reply.empathy', 1],
    ['reply.reformulation', 1],
    ['reply.solution', 1],
    ['reply.next_steps', 1],
  ];
  assert.equal(checkDraftLocally(analysis('agent', all)).score, 100);
  const risky = checkDraftLocally(analysis('agent', [...all, ['risk.dismissive', 2]]));
  assert.deepEqual(
    risky.risks.map((r) => r.id),
    ['risk.dismissive'],
  );
  assert.equal(risky.score, 80);
  assert.equal(checkDraftLocally(analysis('agent', [['risk.aggression', 3]])).score, 0);
});

test('applying a suggestion replaces exactly the finding span', () => {
  assert.equal(
    applySuggestion('Calmez-vous, monsieur.', { start: 0, end: 11 }, 'Je comprends votre colère'),
    'Je comprends votre colère, monsieur.',
  );
});
