import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import {
  countCapsWords,
  countDigitGroups,
  countEllipses,
  countQuestions,
  countSentences,
  countStutters,
  countWords,
} from './shape.ts';

/** The regular expressions each count is defined by (what cues.ts used before the loops). */
const REFERENCE: readonly (readonly [string, (text: string) => number, (text: string) => number])[] = [
  ['words', countWords, (t) => (t.match(/[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu) ?? []).length],
  [
    'sentences',
    countSentences,
    (t) => (t.match(/[^.!?\n]+[.!?\n]*/g) ?? []).filter((s) => /\p{L}/u.test(s)).length,
  ],
  ['digits', countDigitGroups, (t) => t.match(/\d+(?:[ ,.]\d+)*/g)?.length ?? 0],
  ['ellipses', countEllipses, (t) => t.match(/…|\.\.\./g)?.length ?? 0],
  ['questions', countQuestions, (t) => t.match(/\?/g)?.length ?? 0],
  ['capsWords', countCapsWords, (t) => t.match(/(?<![\p{L}])\p{Lu}{3,}(?![\p{L}])/gu)?.length ?? 0],
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
    fc.constantFrom('', 'a', ' ', '.', '\u0301'),
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
  assert.equal(countWords(text), 18); // « 12,5 » is two words, one digit group
  assert.equal(countSentences(text), 3); // « … » ends no sentence
  assert.equal(countCapsWords(text), 5);
  assert.equal(countDigitGroups(text), 2);
  assert.equal(countQuestions(text), 1);
  assert.equal(countEllipses('Bon... euh… voilà......'), 4);
  assert.equal(countStutters('je. je crois. euh... euh non. je. jeudi'), 2);
  assert.deepEqual([countStutters('abcdef. abcdef'), countStutters('abcdefg. abcdefg')], [1, 0]);
});
