import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyze } from './analyze.ts';
import { LastMemo } from './last-memo.ts';

test('a last-message memo answers for its last key only', () => {
  const memo = new LastMemo<object, number>();
  const a = {};
  const b = {};
  assert.equal(memo.get(a), undefined);
  memo.set(a, 1);
  assert.equal(memo.get(a), 1);
  assert.equal(memo.get(b), undefined);
  memo.set(b, 2);
  assert.equal(memo.get(a), undefined, 'the earlier key is forgotten');
  assert.equal(memo.get(b), 2);
});

test('messages analysed in turn, one role then the other, read as each alone', () => {
  const texts = [
    "Espèce d'abruti, je vais porter plainte !",
    'Ce n’est pas de notre faute, vous auriez dû lire les conditions.',
    'Merci pour votre patience, je vous rappelle jeudi avec une solution.',
    'You are useless idiots, I want a refund now!!!',
  ];
  const alone = new Map(
    texts.flatMap((text) =>
      (['client', 'agent'] as const).map((role) => [`${role}:${text}`, analyze(text, { role })]),
    ),
  );
  for (let round = 0; round < 2; round++) {
    for (const text of [...texts].reverse()) {
      for (const role of ['agent', 'client'] as const) {
        assert.deepEqual(analyze(text, { role }), alone.get(`${role}:${text}`), `${role}: ${text}`);
      }
    }
  }
});
