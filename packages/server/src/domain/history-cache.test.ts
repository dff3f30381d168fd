import assert from 'node:assert/strict';
import { it } from 'node:test';
import { HistoryCache } from './history-cache.ts';

it('keeps the most recently used conversations and evicts the least recent', () => {
  const cache = new HistoryCache(2);
  const head = (lastSeq: number) => ({
    lastSeq,
    historyVersion: 0,
    lastMessageId: `m${lastSeq}`,
  });
  cache.set('c1', head(3));
  cache.set('c2', head(1));
  assert.equal(cache.peek('c1')?.lastSeq, 3); // c1 is now the most recent
  cache.set('c3', head(1));
  assert.equal(cache.peek('c2'), undefined);
  assert.equal(cache.peek('c1')?.lastSeq, 3);
  cache.set('c1', head(4));
  assert.equal(cache.peek('c1')?.lastSeq, 4, 'a write replaces the entry');
  cache.clear();
  assert.equal(cache.peek('c1'), undefined);
});
