import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { NormalizedMatch } from '../patterns.ts';
import type { RuleContext } from '../rule.ts';
import { keepMatches } from './phrase-rule.ts';

const ctx = {} as RuleContext;
const match = (start: number): NormalizedMatch => ({ start, end: start + 2, text: 'ab' });

test('keepMatches keeps the accepted matches in order and hands back the list itself when all are kept', () => {
  const matches = [match(0), match(5), match(9), match(14)];
  const even = keepMatches(ctx, matches, (_ctx, m) => m.start % 2 === 0);
  assert.deepEqual(
    even.map((m) => m.start),
    [0, 14],
  );
  assert.notEqual(even, matches, 'a new list when some are dropped');
  assert.equal(
    keepMatches(ctx, matches, () => true),
    matches,
  );
  assert.deepEqual(
    keepMatches(ctx, matches, () => false),
    [],
  );
  assert.deepEqual(
    keepMatches(ctx, matches, (_ctx, m) => m.start !== 0).map((m) => m.start),
    [5, 9, 14],
    'the first one dropped',
  );
});
