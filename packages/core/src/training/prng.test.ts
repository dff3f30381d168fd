import assert from 'node:assert/strict';
import { test } from 'node:test';
import { nextRandom, pick, seedState } from './prng.ts';

test('the same seed gives the same sequence, a different seed another one', () => {
  const run = (seed: number) => {
    let s = seedState(seed);
    const out: number[] = [];
    for (let i = 0; i < 5; i++) {
      const r = nextRandom(s);
      s = r.state;
      out.push(r.value);
    }
    return out;
  };
  assert.deepEqual(run(42), run(42));
  assert.notDeepEqual(run(42), run(43));
  for (const v of run(7)) assert.ok(v >= 0 && v < 1);
});

test('text seeds are hashed to a stable 32-bit state', () => {
  assert.equal(seedState('alice-1'), seedState('alice-1'));
  assert.notEqual(seedState('alice-1'), seedState('alice-2'));
  assert.ok(Number.isInteger(seedState('x')) && seedState('x') >= 0);
});

test('pick spreads over every item of a list', () => {
  let s = seedState(1);
  const seen = new Set<string>();
  for (let i = 0; i < 200; i++) {
    const r = pick(s, ['a', 'b', 'c']);
    s = r.state;
    seen.add(r.item);
  }
  assert.deepEqual([...seen].sort(), ['a', 'b', 'c']);
  assert.throws(() => pick(s, []), RangeError);
});
