import assert from 'node:assert/strict';
import { it } from 'node:test';
import { HistoryCache } from './history-cache.ts';

it('serves turns only for the exact previous sequence number, and evicts the least recent', () => {
  const cache = new HistoryCache(2);
  const turns = [{ role: 'client' as const, text: 'a' }];
  cache.set('c1', 3, turns);
  assert.equal(cache.get('c1', 3), turns);
  assert.equal(cache.get('c1', 4), undefined, 'someone else wrote message 4: reload');
  cache.set('c2', 1, turns);
  cache.get('c1', 3); // c1 is now the most recent
  cache.set('c3', 1, turns);
  assert.equal(cache.get('c2', 1), undefined);
  assert.equal(cache.get('c1', 3), turns);
  cache.clear();
  assert.equal(cache.get('c1', 3), undefined);
});
