import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { foldCodePoint, foldWord, normalize, toOriginalSpan } from './normalize.ts';

/** The original characters a normalised substring came from. */
function back(original: string, word: string): string {
  const n = normalize(original);
  const at = n.text.indexOf(word);
  assert.ok(at >= 0, `« ${word} » not in « ${n.text} »`);
  const span = toOriginalSpan(n, at, at + word.length);
  return original.slice(span.start, span.end);
}

describe('normalize', () => {
  const cases: [string, string, string, string][] = [
    // [label, input, normalised word expected inside, original characters it maps back to]
    ['drops accents and lowers case', 'Vous êtes NUL', 'vous etes nul', 'Vous êtes NUL'],
    ['undoes leetspeak between letters', 'espèce de c0nnard', 'connard', 'c0nnard'],
    ['undoes a leading symbol', 'quelle $alope', 'salope', '$alope'],
    ['keeps prices', 'total 12,90 €', '12,90 €', '12,90 €'],
    ['joins dotted letters', 'le c.o.n qui', 'con', 'c.o.n'],
    ['joins spaced letters', 'espèce de c o n n a r d !', 'connard', 'c o n n a r d'],
    ['leaves « il y a à » alone', 'il y a à peine', 'il y a a peine', 'il y a à peine'],
    ['shortens letter runs', 'connnnnard', 'connard', 'connnnnard'],
    ['folds Cyrillic look-alikes', 'сοnnаrd', 'connard', 'сοnnаrd'],
    ['drops zero-width characters', 'con\u200bnard', 'connard', 'con\u200bnard'],
    ['straightens apostrophes', 'l’agence', "l'agence", 'l’agence'],
    ['expands ligatures', 'cœur', 'coeur', 'cœur'],
    ['keeps masks', 'enc***é de livreur', 'enc***e', 'enc***é'],
    // the passes start compacting at the first run they change: what comes after still moves back
    [
      'joins letters after other text',
      'merci. mais c o n n a r d et 1 2 3',
      'connard et 1 2 3',
      'c o n n a r d et 1 2 3',
    ],
    ['shortens a run after a spelled word', 'le c.o.n connnnard', 'con connard', 'c.o.n connnnard'],
    ['undoes leetspeak after an order number', 'commande #104573, c0nnard', 'connard', 'c0nnard'],
  ];
  for (const [label, input, word, original] of cases) {
    it(label, () => assert.equal(back(input, word), original));
  }

  it('keeps emoji and lone surrogates without crashing', () => {
    const n = normalize('a😀b\ud800c');
    assert.equal(n.text.length, n.starts.length);
    assert.equal(n.text, 'a😀b\ud800c'); // a lone half is kept as it is, not replaced by U+FFFD
    assert.equal(normalize('É\udc00\ufeffé').text, 'e\udc00e');
    assert.equal(back('a😀b', '😀'), '😀');
  });

  it('returns independent offset arrays across calls', () => {
    const a = normalize('premier message');
    const b = normalize('second');
    assert.equal(a.starts[0], 0);
    assert.equal(a.starts[a.starts.length - 1], 'premier message'.length - 1);
    assert.equal(b.ends[b.ends.length - 1], 'second'.length);
  });
});

describe('normalize properties', () => {
  const anyText = fc.string({ unit: 'binary', maxLength: 200 });
  const mixed = fc.string({
    unit: fc.constantFrom(
      'a',
      'E',
      'é',
      'ç',
      ' ',
      '.',
      '*',
      '0',
      '3',
      '@',
      '$',
      '€',
      'œ',
      'ß',
      'с',
      '\u200b',
      '😀',
      '\ud800',
      "'",
      '’',
      'n',
      'N',
    ),
    maxLength: 120,
  });

  it('never maps a span outside the text and keeps start ≤ end', () => {
    fc.assert(
      fc.property(fc.oneof(anyText, mixed), fc.nat(), fc.nat(), (text, x, y) => {
        const n = normalize(text);
        const len = n.text.length;
        const a = len === 0 ? 0 : x % (len + 1);
        const b = len === 0 ? 0 : y % (len + 1);
        const span = toOriginalSpan(n, Math.min(a, b), Math.max(a, b));
        assert.ok(span.start >= 0 && span.start <= span.end && span.end <= text.length);
        for (let i = 0; i < len; i++) {
          const s = n.starts[i] as number;
          const e = n.ends[i] as number;
          assert.ok(s < e && e <= text.length);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('produces at most twice as many code units as it reads', () => {
    fc.assert(
      fc.property(fc.oneof(anyText, mixed), (text) => {
        assert.ok(normalize(text).text.length <= 2 * text.length);
      }),
      { numRuns: 300 },
    );
  });

  it('maps spans of ASCII-letter-only text identically', () => {
    const letters = fc
      .string({
        unit: fc.constantFrom(...'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ'),
        maxLength: 80,
      })
      .filter((t) => !/(.)\1\1/i.test(t));
    fc.assert(
      fc.property(letters, fc.nat(), fc.nat(), (text, x, y) => {
        const n = normalize(text);
        assert.equal(n.text, text.toLowerCase());
        const a = x % (text.length + 1);
        const b = y % (text.length + 1);
        const s = Math.min(a, b);
        const e = Math.max(a, b);
        if (s < e) assert.deepEqual(toOriginalSpan(n, s, e), { start: s, end: e });
      }),
      { numRuns: 300 },
    );
  });

  it('folds a word as foldCodePoint folds each of its code points', () => {
    fc.assert(
      fc.property(fc.oneof(anyText, mixed), (word) => {
        let expected = '';
        for (const ch of word) expected += foldCodePoint(ch);
        assert.equal(foldWord(word), expected);
      }),
      { numRuns: 300 },
    );
  });

  it('is deterministic whatever was normalised before', () => {
    fc.assert(
      fc.property(mixed, mixed, (first, second) => {
        const alone = normalize(second);
        normalize(first);
        const after = normalize(second);
        assert.equal(after.text, alone.text);
        assert.deepEqual([...after.starts], [...alone.starts]);
      }),
      { numRuns: 200 },
    );
  });
});
