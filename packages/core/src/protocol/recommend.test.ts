import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ACTION_IDS } from '../types.ts';
import { CASES } from './fixtures/conversations.ts';
import { MORE_CASES } from './fixtures/more-conversations.ts';
import { recommend } from './recommend.ts';

// Through the real analysis engine: the method on conversations written for these tests.
for (const k of [...CASES, ...MORE_CASES]) {
  test(`recommend (real engine): ${k.name} → ${k.action}`, () => {
    const r = recommend({ turns: k.turns, lang: k.lang });
    assert.equal(r.action, k.action, r.reasons.map((x) => x.rule).join(', '));
    assert.equal(r.lang, k.lang);
    assert.ok(r.reasons.length > 0);
  });
}

test('recommend: the own conversations reach every action in each language', () => {
  for (const lang of ['fr', 'en'] as const) {
    const reached = new Set(CASES.filter((k) => k.lang === lang).map((k) => k.action));
    assert.deepEqual(
      [...ACTION_IDS].filter((a) => !reached.has(a)),
      [],
      lang,
    );
  }
});

test('recommend: the language is detected from the client when not given', () => {
  const r = recommend({
    turns: [
      { role: 'client', text: "I'm really worried, the payment hasn't gone through and rent is due today." },
    ],
  });
  assert.equal(r.lang, 'en');
  assert.match(r.avoid[0] ?? '', /[a-z]/);
});

test('recommend: an empty conversation is answered, not thrown', () => {
  const r = recommend({ turns: [] });
  assert.ok((ACTION_IDS as readonly string[]).includes(r.action));
});
