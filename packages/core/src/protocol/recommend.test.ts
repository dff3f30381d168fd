import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ACTION_IDS } from '../types.ts';
import { CASES } from './fixtures/conversations.ts';
import { MORE_CASES } from './fixtures/more-conversations.ts';
import { recommend, redactRecommendation } from './recommend.ts';

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

test('redactRecommendation: no word of the conversation is left, the action and the advice stay', () => {
  for (const [lang, turns] of [
    [
      'fr',
      [
        {
          role: 'client',
          text: 'Vous êtes des incapables, je vais porter plainte contre Zébulon Industries !',
        },
        { role: 'agent', text: "Je comprends, mais c'est de votre faute évidemment." },
        { role: 'client', text: 'Espèce de connard, je sais où tu habites, rue des Zinnias.' },
      ],
    ],
    [
      'en',
      [
        { role: 'client', text: 'You useless lot, I will sue Zebulon Industries!' },
        { role: 'agent', text: 'Calm down, it is your own fault anyway.' },
        { role: 'client', text: 'You idiot, I know where you live on Zinnia Street.' },
      ],
    ],
  ] as const) {
    const r = recommend({ turns: [...turns], lang });
    const quoted = (x: unknown) =>
      JSON.stringify(x).match(/habites|where you live|faute|fault|Calm down|connard|idiot/g) ?? [];
    assert.ok(
      quoted({ reasons: r.reasons, avoid: r.avoid }).length > 0,
      `${lang}: the fixture quotes the turns`,
    );
    const redacted = redactRecommendation(r, '[erased]');
    assert.deepEqual(quoted({ reasons: redacted.reasons, avoid: redacted.avoid }), [], lang);
    assert.equal(redacted.action, r.action);
    assert.deepEqual(
      redacted.reasons.map((x) => [x.rule, x.method, x.evidence.map((e) => [e.turn, e.id])]),
      r.reasons.map((x) => [x.rule, x.method, x.evidence.map((e) => [e.turn, e.id])]),
    );
    assert.equal(redacted.avoid.length, r.avoid.length);
    assert.ok(redacted.reasons.every((x) => x.text.startsWith(x.method)));
    assert.ok(JSON.stringify(redacted).includes('[erased]'));
  }
});
