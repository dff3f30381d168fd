import assert from 'node:assert/strict';
import { test } from 'node:test';
import { CUE_KINDS } from './cue-types.ts';
import { CUES_EN } from './data/cues-en.ts';
import { CUES_FR } from './data/cues-fr.ts';
import { MOVE_KEYS } from './draft-types.ts';
import { hashString, PHRASE_BOOKS, renderPhrase } from './phrases.ts';

const ALL_SLOTS = {
  situation: 'x',
  points: 'x',
  request: 'x',
  offers: 'x',
  offer1: 'x',
  offer2: 'x',
  choice: 'x',
  choiceVerb: 'x',
  concession: 'x.',
  supervisor: 'X',
  client: 'X',
  agent: 'X',
  feeling: 'x',
};

test('phrase books: every move has phrasings in both languages, with the same slots', () => {
  for (const move of MOVE_KEYS) {
    const slotsOf = (lang: 'fr' | 'en') =>
      new Set(PHRASE_BOOKS[lang][move].flatMap((p) => [...p.matchAll(/\{(\w+)\}/g)].map((m) => m[1])));
    assert.ok(PHRASE_BOOKS.fr[move].length >= 1 && PHRASE_BOOKS.en[move].length >= 1, move);
    assert.deepEqual([...slotsOf('fr')].sort(), [...slotsOf('en')].sort(), move);
  }
});

test('phrase books: every phrasing renders cleanly in both registers', () => {
  for (const lang of ['fr', 'en'] as const) {
    for (const move of MOVE_KEYS) {
      for (const template of PHRASE_BOOKS[lang][move]) {
        for (const formality of ['vous', 'tu'] as const) {
          const text = renderPhrase(template, formality, ALL_SLOTS);
          assert.ok(text, `${lang}/${move}: ${template}`);
          assert.doesNotMatch(text, /[[\]{}|]/, `${lang}/${move}: ${text}`);
          assert.doesNotMatch(text, /\s{2,}|\s[,.]/, `${lang}/${move}: ${text}`);
        }
      }
    }
  }
});

test('renderPhrase: register, elision, missing slot', () => {
  assert.equal(renderPhrase('Je [vous|t’]aide.', 'vous', {}), 'Je vous aide.');
  assert.equal(renderPhrase('Je [vous|t’]aide.', 'tu', {}), 'Je t’aide.');
  assert.equal(
    renderPhrase('Vous dites que {situation}.', 'vous', { situation: 'il pleut' }),
    'Vous dites qu’il pleut.',
  );
  assert.equal(renderPhrase('Bonjour {client},', 'vous', {}), null);
});

test('hashString: stable values', () => {
  assert.equal(hashString(''), 0x811c9dc5);
  assert.equal(hashString('a'), hashString('a'));
  assert.notEqual(hashString('a'), hashString('b'));
});

test('cue tables: every kind in both languages, no pattern matching the empty string', () => {
  for (const table of [CUES_FR, CUES_EN]) {
    for (const kind of CUE_KINDS) {
      assert.ok(table[kind].patterns.length > 0, kind);
      for (const source of [...table[kind].patterns, ...(table[kind].allow ?? [])]) {
        assert.doesNotMatch('', new RegExp(`^(?:${source})$`, 'u'), `${kind}: ${source}`);
      }
    }
  }
});
