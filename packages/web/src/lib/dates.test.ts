import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  dateInDays,
  defaultDueAt,
  formatWeek,
  fromLocalInput,
  isOverdue,
  minutesBetween,
  toLocalInput,
} from './dates.ts';

test('datetime-local values round-trip through ISO', () => {
  const d = new Date(2026, 11, 1, 9, 5);
  assert.equal(toLocalInput(d), '2026-12-01T09:05');
  assert.equal(fromLocalInput('2026-12-01T09:05'), d.toISOString());
  assert.equal(fromLocalInput('demain'), null);
});

test('the default due time of a commitment is tomorrow at ten', () => {
  const due = defaultDueAt(new Date(2026, 11, 31, 18, 30));
  assert.deepEqual([due.getFullYear(), due.getMonth(), due.getDate(), due.getHours()], [2027, 0, 1, 10]);
});

test('only open items past their due time are overdue', () => {
  const now = new Date('2026-12-01T12:00:00Z');
  assert.equal(isOverdue('2026-12-01T11:59:00Z', now, true), true);
  assert.equal(isOverdue('2026-12-01T11:59:00Z', now, false), false);
  assert.equal(isOverdue('2026-12-01T12:01:00Z', now, true), false);
  assert.equal(isOverdue('n/a', now, true), false);
});

test('review dates and durations', () => {
  assert.equal(dateInDays(new Date(2026, 11, 25), 30), '2027-01-24');
  assert.equal(minutesBetween('2026-12-01T10:00:00Z', '2026-12-01T10:42:00Z'), 42);
  assert.equal(minutesBetween(null, '2026-12-01T10:42:00Z'), null);
});

test('week labels are short and localised', () => {
  assert.equal(formatWeek('2026-11-30', 'fr'), '30 nov.');
  assert.equal(formatWeek('2026-11-30', 'en'), '30 Nov');
});
