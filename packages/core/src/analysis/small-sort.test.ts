import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { sortInPlace } from './small-sort.ts';

const byStart = (a: { start: number; tag: number }, b: { start: number; tag: number }) => a.start - b.start;

test('sortInPlace orders like Array.prototype.sort, ties in their first order, short and long arrays alike', () => {
  fc.assert(
    fc.property(fc.array(fc.integer({ min: 0, max: 12 }), { maxLength: 60 }), (starts) => {
      const items = starts.map((start, tag) => ({ start, tag }));
      const expected = [...items].sort(byStart);
      const got = sortInPlace(items, byStart);
      assert.equal(got, items, 'sorted in place');
      assert.deepEqual(got, expected);
    }),
    { numRuns: 2000 },
  );
});
