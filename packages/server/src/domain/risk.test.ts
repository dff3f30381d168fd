import assert from 'node:assert/strict';
import { it } from 'node:test';
import { computeRiskProfile } from './risk.ts';

const now = new Date('2026-06-01T00:00:00Z');
const daysAgo = (d: number) => new Date(now.getTime() - d * 86_400_000);

it('weighs incidents by severity and compares the last 30 days with the 30 before', () => {
  const cases: [string, { kind: string; severity: number; createdAt: Date }[], string, string][] = [
    ['no history', [], 'none', 'none'],
    [
      'one mild, long ago',
      [{ kind: 'abuse.profanity', severity: 1, createdAt: daysAgo(400) }],
      'none',
      'none',
    ],
    ['one mild, recent', [{ kind: 'abuse.profanity', severity: 1, createdAt: daysAgo(3) }], 'low', 'rising'],
    [
      'threat and insults, calming down',
      [
        { kind: 'abuse.threat', severity: 3, createdAt: daysAgo(45) },
        { kind: 'abuse.insult', severity: 2, createdAt: daysAgo(40) },
        { kind: 'abuse.insult', severity: 2, createdAt: daysAgo(10) },
      ],
      'high',
      'falling',
    ],
  ];
  for (const [label, incidents, level, trend] of cases) {
    const p = computeRiskProfile({ incidents, now });
    assert.equal(p.level, level, label);
    assert.equal(p.trend, trend, label);
  }
  const p = computeRiskProfile({
    incidents: [
      { kind: 'abuse.insult', severity: 2, createdAt: daysAgo(1) },
      { kind: 'abuse.insult', severity: 3, createdAt: daysAgo(2) },
    ],
    now,
  });
  assert.deepEqual(p.byKind, { 'abuse.insult': 2 });
  assert.deepEqual(p.bySeverity, { '1': 0, '2': 1, '3': 1 });
  assert.equal(p.score, 9);
  assert.equal(p.lastIncidentAt, daysAgo(1).toISOString());
});
