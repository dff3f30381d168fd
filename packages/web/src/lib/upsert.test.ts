import assert from 'node:assert/strict';
import { test } from 'node:test';
import { upsertById } from './upsert.ts';

test('a new live item goes first, a known one is updated in place', () => {
  const list = [
    { id: 'b', status: 'raised' },
    { id: 'a', status: 'raised' },
  ];
  assert.deepEqual(
    upsertById(list, { id: 'c', status: 'raised' }).map((x) => x.id),
    ['c', 'b', 'a'],
  );
  assert.deepEqual(upsertById(list, { id: 'a', status: 'acknowledged' }), [
    { id: 'b', status: 'raised' },
    { id: 'a', status: 'acknowledged' },
  ]);
  assert.equal(list[1]?.status, 'raised');
});
