import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { countShape, countStutters } from './shape.ts';

/** Whether a sentence has the cuts countListItems needs: two after its first colon, else three. */
function sentenceMayHoldList(sentence: string): boolean {
  const colon = sentence.indexOf(':');
  const body = colon >= 0 ? sentence.slice(colon + 1) : sentence;
  const cuts = (body.match(/[,;]|(?<![\p{L}])(?:et|and)(?![\p{L}])/gu) ?? []).length;
  return cuts >= (colon >= 0 ? 2 : 3);
}

/** The regular expressions each count is defined by (what cues.ts used before the loops). */
const REFERENCE: readonly (readonly [string, (text: string) => number, (text: string) => number])[] = [
  [
    'words',
    (t) => countShape(t).words,
    (t) => (t.match(/[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu) ?? []).length,
  ],
  [
    'sentences',
    (t) => countShape(t).sentences,
    (t) => (t.match(/[^.!?\n]+[.!?\n]*/g) ?? []).filter((s) => /\p{L}/u.test(s)).length,
  ],
  ['digits', (t) => countShape(t).digits, (t) => t.match(/\d+(?:[ ,.]\d+)*/g)?.length ?? 0],
  ['ellipses', (t) => countShape(t).ellipses, (t) => t.match(/…|\.\.\./g)?.length ?? 0],
  ['questions', (t) => countShape(t).questions, (t) => t.match(/\?/g)?.length ?? 0],
  [
    'capsWords',
    (t) => countShape(t).capsWords,
    (t) => t.match(/(?<![\p{L}])\p{Lu}{3,}(?![\p{L}])/gu)?.length ?? 0,
  ],
  [
    'mayHoldList',
    (t) => Number(countShape(t).mayHoldList),
    (t) => Number((t.match(/[^.!?\n]+[.!?\n]*/g) ?? []).some(sentenceMayHoldList)),
  ],
  ['stutters', countStutters, (t) => t.match(/(?<![\p{L}])(\p{L}{1,6})\.+ \1(?![\p{L}])/gu)?.length ?? 0],
];

/**
 * Characters that exercise every branch: ASCII letters and digits, accented and upper-case
 * letters, a combining mark, a title-case and a caseless letter, an astral letter and digit,
 * lone surrogates, joiners and every separator the counts look at.
 */
const ALPHABET = [
  'a',
  'e',
  'j',
  'x',
  'A',
  'E',
  'Z',
  'É',
  'é',
  'ç',
  'Ç',
  'ǅ',
  'ª',
  '漢',
  'ß',
  '\u0301',
  '𝐀',
  '𝟘',
  '\ud800',
  '\udc00',
  '0',
  '7',
  '٣',
  '½',
  "'",
  '’',
  '-',
  ' ',
  ',',
  '.',
  '!',
  '?',
  '\n',
  '…',
  ':',
  ';',
];

const texts = fc
  .array(fc.constantFrom(...ALPHABET), { maxLength: 60 })
  .map((cs) => cs.join(''))
  .filter((t) => t.length > 0);

/** Texts built from words that repeat, so that stutters and shouted words actually occur. */
const wordy = fc
  .array(
    fc.oneof(
      fc.constantFrom('je', 'JE', 'euh', 'NON', 'oui', 'Ça', 'ÇA', 'x', 'abcdefg', '𝐀𝐁𝐂', '12', '3'),
      fc.constantFrom(' ', '. ', '... ', '.. ', ', ', '!', '?', '\n', '’', '-', '…', ' 4,5 ', '.'),
    ),
    { maxLength: 30 },
  )
  .map((parts) => parts.join(''));

/** A word, dots, a space and a word again (or nearly): the stutter's edge cases. */
const repeats = fc
  .tuple(
    fc.constantFrom('', 'a', 'x', ' ', '.'),
    fc.constantFrom('je', 'abcdef', 'abcdefg', 'é', '𝐀', 'ǅa'),
    fc.constantFrom('.', '..', '...', '. '),
    fc.constantFrom(' ', ''),
    fc.constantFrom('je', 'abcdef', 'abcdefg', 'é', '𝐀', 'ǅa', 'jeu'),
    fc.constantFrom('', 'a', ' ', '.', '\u0301', '. je', '. abcdef', '... je. je'),
  )
  .map((parts) => parts.join(''));

for (const [name, fast, reference] of REFERENCE) {
  test(`shape: ${name} counts the matches of its regular expression, on any text`, () => {
    fc.assert(
      fc.property(fc.oneof(texts, wordy, repeats, fc.string({ unit: 'grapheme' }), fc.string()), (text) => {
        assert.equal(fast(text), reference(text), JSON.stringify(text));
      }),
      { numRuns: 3000 },
    );
  });
}

test('shape: counts on a written turn', () => {
  const text = 'OUI, J’AI COMPRIS, JE NE SUIS PAS SOURDE ! Pardon, je… je reprends. Le 12,5 ou le 3 ?';
  assert.deepEqual(countShape(text), {
    words: 18, // « 12,5 » is two words, one digit group
    sentences: 3, // « … » ends no sentence
    questions: 1,
    digits: 2,
    ellipses: 1,
    capsWords: 5,
    mayHoldList: false,
  });
  assert.equal(countShape('Bon... euh… voilà......').ellipses, 4);
  assert.equal(countStutters('je. je crois. euh... euh non. je. jeudi'), 2);
  assert.deepEqual([countStutters('abcdef. abcdef'), countStutters('abcdefg. abcdefg')], [1, 0]);
  assert.equal(countStutters('je. je. je. je'), 2, 'matches do not overlap');
});
