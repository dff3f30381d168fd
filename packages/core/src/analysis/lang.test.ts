import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { normalize } from '../text/normalize.ts';
import { detectLang, languageScore } from './lang.ts';

const CASES: readonly [string, 'fr' | 'en'][] = [
  ['bjr jsuis dispo mardi', 'fr'],
  ['tkt jvous fais le virement ce soir', 'fr'],
  ['slt, c possible de décaler ? merci bcp', 'fr'],
  ['Ça marche pas', 'fr'],
  ['Merci !', 'fr'],
  ['Où est mon colis ?', 'fr'],
  ["c'est nul", 'fr'],
  ['Formation payable en trois fois ?', 'fr'],
  ['Hello, je voudrais un rdv', 'fr'],
  ['Le meeting de demain est cancelled, sorry', 'fr'],
  ['Je veux parler au manager please', 'fr'],
  ['URGENT !!!', 'fr'],
  ['ok', 'fr'],
  ['pls help asap my order is late', 'en'],
  ['thx u r the best', 'en'],
  ['Thanks!', 'en'],
  ["it's broken", 'en'],
  ['Where is my parcel?', 'en'],
  ['hey, is the 2pm slot still free on friday?', 'en'],
  ["Hi, I'd like to book a table for 2", 'en'],
  ['ALL I WANT IS A STRAIGHT ANSWER', 'en'],
  ['Shit, I forgot my password again.', 'en'],
];

test('detects French and English on short, informal and mixed messages (raw and normalised)', () => {
  for (const [text, lang] of CASES) {
    assert.equal(detectLang(text), lang, `raw « ${text} »`);
    assert.equal(detectLang(normalize(text).text), lang, `normalised « ${text} »`);
  }
});

test('falls back to French when there is no evidence', () => {
  for (const text of ['', '12345', '😊😊', 'AB-1234 / 06 12 34 56 78']) assert.equal(detectLang(text), 'fr');
});

test('reads an ASCII text as its lower-case form, whatever the case of its letters', () => {
  const word = fc.constantFrom(
    'the',
    'LES',
    'Vous',
    'order',
    "I'm",
    "J'ai",
    'pls',
    'BJR',
    'Merci',
    'refund',
    'x',
    '',
  );
  const text = fc
    .array(fc.oneof(word, fc.constantFrom(' ', ', ', '! ', '\n')), { maxLength: 20 })
    .map((p) => p.join(''));
  fc.assert(
    fc.property(text, (t) => {
      assert.equal(detectLang(t), detectLang(t.toLowerCase()), t);
      assert.equal(detectLang(t.toUpperCase()), detectLang(t.toLowerCase()), t);
    }),
    { numRuns: 1500 },
  );
});

test('the evidence of normalised texts adds up: the texts joined by new lines weigh their sum', () => {
  const piece = fc.constantFrom(
    'Merci',
    'the order',
    "J'ai",
    "don't",
    'Où',
    'œuvre',
    'pls',
    '😀',
    'bjr',
    'ça',
    ' ',
    '\n',
    'ment',
    'ing',
  );
  const text = fc
    .array(fc.oneof(piece, fc.string({ maxLength: 4 })), { maxLength: 10 })
    .map((p) => p.join(' '));
  fc.assert(
    fc.property(fc.array(text, { minLength: 1, maxLength: 5 }), (texts) => {
      const normalized = texts.map((t) => normalize(t).text);
      const sum = normalized.reduce((n, t) => n + languageScore(t), 0);
      assert.ok(Math.abs(languageScore(normalized.join('\n')) - sum) < 1e-9, JSON.stringify(normalized));
    }),
    { numRuns: 2000 },
  );
});
