import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { WordTable } from './word-table.ts';

describe('WordTable', () => {
  it('finds a word by a span of a larger text, and nothing for other spans', () => {
    const table = new WordTable<number>();
    table.set('vous', 2);
    table.set('the', -2);
    const text = 'merci à vous, the end';
    assert.equal(table.get(text, 8, 12), 2);
    assert.equal(table.get(text, 14, 17), -2);
    assert.equal(table.get(text, 8, 11), undefined, 'a prefix is another word');
    assert.equal(table.get(text, 0, 5), undefined);
    assert.equal(table.get(text, 3, 3), undefined, 'the empty span');
  });

  it('keeps the last value set for a word', () => {
    const table = new WordTable<string>();
    table.set('a', 'first');
    table.set('a', 'second');
    assert.equal(table.get('a', 0, 1), 'second');
    assert.equal(table.size, 1);
  });

  it('answers like a Map of the same words, through every growth of the table', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.string({ minLength: 1, maxLength: 6 }), { maxLength: 300 }),
        fc.array(fc.string({ maxLength: 6 }), { maxLength: 50 }),
        (words, probes) => {
          const table = new WordTable<number>();
          const map = new Map<string, number>();
          words.forEach((w, i) => {
            table.set(w, i);
            map.set(w, i);
          });
          assert.equal(table.size, map.size);
          for (const p of [...words, ...probes]) {
            const padded = `«${p}»`;
            assert.equal(table.get(padded, 1, 1 + p.length), map.get(p), JSON.stringify(p));
          }
        },
      ),
      { numRuns: 200 },
    );
  });
});
