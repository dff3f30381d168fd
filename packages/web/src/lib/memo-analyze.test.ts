import assert from 'node:assert/strict';
import { test } from 'node:test';
import { type Analysis, type AnalyzeOptions, analyze } from '@sangfroid/core';
import { memoAnalyzer } from './memo-analyze.ts';

test('the same text and options are analysed once; a different role or language is not confused', () => {
  const calls: string[] = [];
  const counting = (text: string, o: AnalyzeOptions): Analysis => {
    calls.push(`${o.role}:${o.lang ?? ''}:${text}`);
    return analyze(text, o);
  };
  const a = memoAnalyzer(counting);
  const first = a('Bande d’incapables', { role: 'client' });
  assert.equal(a('Bande d’incapables', { role: 'client' }), first);
  a('Bande d’incapables', { role: 'agent' });
  a('Bande d’incapables', { role: 'client', lang: 'fr' });
  assert.equal(calls.length, 3);
});

test('the cache is bounded and drops the least recently used entry', () => {
  let n = 0;
  const a = memoAnalyzer((text, o) => {
    n++;
    return analyze(text, o);
  }, 2);
  a('un', { role: 'client' });
  a('deux', { role: 'client' });
  a('un', { role: 'client' }); // refreshes « un »
  a('trois', { role: 'client' }); // evicts « deux »
  a('un', { role: 'client' });
  assert.equal(n, 3);
  a('deux', { role: 'client' });
  assert.equal(n, 4);
});
