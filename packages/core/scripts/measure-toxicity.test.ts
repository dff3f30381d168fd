import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { fnv1a, isTest } from './measure-toxicity.ts';

describe('measure-toxicity: the train/test split is fixed by the text', () => {
  it('hashes to an unsigned 32-bit integer, the same on every call', () => {
    fc.assert(
      fc.property(fc.string(), (s) => {
        const h = fnv1a(s);
        assert.ok(Number.isInteger(h) && h >= 0 && h <= 0xffffffff);
        assert.equal(fnv1a(s), h);
        assert.equal(isTest(s), isTest(s));
      }),
    );
  });

  it('matches the published FNV-1a values', () => {
    assert.equal(fnv1a(''), 0x811c9dc5);
    assert.equal(fnv1a('a'), 0xe40c292c);
    assert.equal(fnv1a('foobar'), 0xbf9cf968);
  });

  it('puts about 30 % of distinct texts in the test split', () => {
    let n = 0;
    for (let i = 0; i < 10_000; i++) if (isTest(`message numéro ${i}`)) n++;
    assert.ok(n > 2700 && n < 3300, `test share ${n / 100} %`);
  });
});
