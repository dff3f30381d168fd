import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  bucketByWeek,
  clientsByRisk,
  median,
  percent,
  riskLevel,
  seriesRows,
  weekStart,
  weeksBetween,
} from './stats.ts';

test('weeks start on Monday (UTC)', () => {
  assert.equal(weekStart('2026-12-06T23:00:00Z'), '2026-11-30'); // a Sunday
  assert.equal(weekStart('2026-11-30T00:00:00Z'), '2026-11-30'); // a Monday
  assert.deepEqual(weeksBetween('2026-11-18T10:00:00Z', '2026-12-01T10:00:00Z'), [
    '2026-11-16',
    '2026-11-23',
    '2026-11-30',
  ]);
});

test('items are counted per week and key, biggest series first, out-of-period ignored', () => {
  const items = [
    { at: '2026-11-24T09:00:00Z', kind: 'abuse.insult' },
    { at: '2026-11-25T09:00:00Z', kind: 'abuse.insult' },
    { at: '2026-12-01T09:00:00Z', kind: 'abuse.threat' },
    { at: '2026-12-01T10:00:00Z', kind: 'abuse.insult' },
    { at: '2025-01-01T10:00:00Z', kind: 'abuse.sexual' },
  ];
  const { weeks, series } = bucketByWeek(
    items,
    (x) => x.at,
    (x) => x.kind,
    '2026-11-23T00:00:00Z',
    '2026-12-02T00:00:00Z',
  );
  assert.deepEqual(weeks, ['2026-11-23', '2026-11-30']);
  assert.deepEqual(
    [...series.entries()],
    [
      ['abuse.insult', [2, 1]],
      ['abuse.threat', [0, 1]],
    ],
  );
});

test('median, percent', () => {
  assert.equal(median([]), null);
  assert.equal(median([5, 1, 3]), 3);
  assert.equal(median([4, 1, 3, 10]), 3.5);
  assert.equal(percent(0.666), 67);
  assert.equal(percent(null), null);
});

test('client risk follows the server scale: weights 1, 3, 6; low < 3 ≤ medium < 8 ≤ high', () => {
  assert.equal(riskLevel([]), 'none');
  assert.equal(riskLevel([1, 1]), 'low');
  assert.equal(riskLevel([2]), 'medium');
  assert.equal(riskLevel([3]), 'medium');
  assert.equal(riskLevel([3, 2]), 'high');
  assert.equal(riskLevel([1, 1, 1, 1, 1, 1, 1, 1]), 'high');
  assert.deepEqual(
    clientsByRisk([
      { clientId: 'a', severity: 3 },
      { clientId: 'b', severity: 1 },
      { clientId: null, severity: 3 },
    ]),
    { none: 0, low: 1, medium: 1, high: 0 },
  );
});

test('a weekly series becomes one row per key and week', () => {
  const s = bucketByWeek(
    [{ at: '2026-12-01T09:00:00Z' }],
    (x) => x.at,
    () => 'abuse.insult',
    '2026-11-24T00:00:00Z',
    '2026-12-02T00:00:00Z',
  );
  assert.deepEqual(seriesRows('incidents_by_kind', s), [
    { section: 'incidents_by_kind', key: 'abuse.insult', week: '2026-11-23', value: 0 },
    { section: 'incidents_by_kind', key: 'abuse.insult', week: '2026-11-30', value: 1 },
  ]);
});
