import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { normalize } from '../text/normalize.ts';
import { isNegated, isQuotedOrReported, sentenceOf } from './context.ts';

function at(
  text: string,
  word: string,
): { ctx: { normalized: ReturnType<typeof normalize> }; start: number; end: number } {
  const normalized = normalize(text);
  const start = normalized.text.indexOf(word);
  assert.ok(start >= 0, `${word} not found in ${normalized.text}`);
  return { ctx: { normalized }, start, end: start + word.length };
}

describe('sentenceOf', () => {
  it('returns the bounds of the sentence holding an offset', () => {
    const { ctx, start } = at('Bonjour. Vous êtes nul ! Merci', 'nul');
    const s = sentenceOf(ctx, start);
    assert.equal(
      ctx.normalized.text.slice(s.start, s.end),
      'Vous êtes nul ! '.toLowerCase().replace('ê', 'e'),
    );
  });
  it('does not split on decimals or domain names', () => {
    const { ctx, start } = at('Le prix 12.50 sur www.site.fr est faux', 'faux');
    assert.deepEqual(sentenceOf(ctx, start), { start: 0, end: ctx.normalized.text.length });
  });
  it('answers for the text asked about when two texts alternate (sentence starts are memoised)', () => {
    const a = at('Un. Deux trois. Quatre', 'quatre');
    const b = at('Cinq six sept huit neuf dix. Onze', 'onze');
    for (let round = 0; round < 2; round++) {
      assert.deepEqual(sentenceOf(a.ctx, a.start), { start: 16, end: 22 });
      assert.deepEqual(sentenceOf(b.ctx, b.start), { start: 29, end: 33 });
    }
  });
});

describe('isQuotedOrReported', () => {
  const cases: [string, string, boolean][] = [
    ['Un client a traité votre caissière de « grosse vache »', 'vache', true],
    ["Un client m'a traité de connard hier", 'connard', true],
    ['Le technicien m\'a dit "c\'est de la merde"', 'merde', true],
    ["Il m'a dit que vous étiez des escrocs", 'escrocs', true],
    ['Someone called me an idiot on the phone', 'idiot', true],
    ['He told me you were useless', 'useless', true],
    ['Vous êtes un connard', 'connard', false],
    ['You are an idiot', 'idiot', false],
    ['Je vous ai dit hier, vous êtes un incapable', 'incapable', false],
    // quotes alone, no reporting frame
    ['« Grosse vache », voilà ce que je lis', 'vache', true],
    ['Sur l’avis : "service de merde" !', 'merde', true],
    ['« Bonjour » puis vous êtes nul', 'nul', false],
    ['Le "forfait" est cher, vous êtes nuls', 'nuls', false],
  ];
  for (const [text, word, expected] of cases) {
    it(`${expected ? 'sees' : 'does not see'} a quote or report around « ${word} » in « ${text} »`, () => {
      const { ctx, start, end } = at(text, word);
      assert.equal(isQuotedOrReported(ctx, start, end), expected);
    });
  }
});

describe('isNegated', () => {
  const cases: [string, string, boolean][] = [
    ['Je ne dis pas que vous êtes incompétent', 'incompetent', true],
    ['Je ne suis pas du tout déçu', 'decu', true],
    ['Je suis pas en colère', 'colere', true],
    ['I am not angry', 'angry', true],
    ["I don't think you are stupid", 'stupid', true],
    ["Vous n'êtes qu'un incapable", 'incapable', false],
    ['Je ne suis pas content, vous êtes nul', 'nul', false],
    ['Vous êtes vraiment nul', 'nul', false],
    ['Not happy, and you are useless', 'useless', false],
  ];
  for (const [text, word, expected] of cases) {
    it(`${expected ? 'sees' : 'does not see'} a negation before « ${word} » in « ${text} »`, () => {
      const { ctx, start } = at(text, word);
      assert.equal(isNegated(ctx, start), expected);
    });
  }
});

/** isNegated as it was when it split the clause into words and joined the last ones (the reference). */
function isNegatedBySplitting(ctx: { normalized: ReturnType<typeof normalize> }, normStart: number): boolean {
  const t = ctx.normalized.text;
  const window = t.slice(Math.max(sentenceOf(ctx, normStart).start, normStart - 120), normStart);
  let cut = 0;
  for (const m of window.matchAll(
    /[,:;()\u00ab\u00bb"]|\b(?:mais|sinon|pourtant|cependant|et|donc|alors|but|and|so|yet|however|though)\b/gu,
  ))
    cut = (m.index ?? 0) + m[0].length;
  const words = window
    .slice(cut)
    .split(/\s+/u)
    .filter((w) => w.length > 0);
  const tail = words.slice(-7).join(' ');
  let lastEnd = -1;
  for (const m of tail.matchAll(
    /(?:\b(?:ne|n'|pas|jamais|aucun|aucune|nullement|guere|sans|ni|not|never|no|nor|without|hardly|barely|nobody|nothing|neither)\b|\b\w+n't\b|\bn')/gu,
  )) {
    if (m[0] !== 'ne' && m[0] !== "n'") return true;
    lastEnd = (m.index ?? 0) + m[0].length;
  }
  return lastEnd >= 0 && !/\bqu(?:e\b|')/u.test(tail.slice(lastEnd));
}

describe('isNegated, word by word', () => {
  it('reads the last words of the clause as splitting it into words did, whatever the spacing', () => {
    const piece = fc.constantFrom(
      'je',
      'ne',
      "n'",
      'pas',
      'jamais',
      'vous',
      'êtes',
      'que',
      "qu'un",
      'not',
      "don't",
      'never',
      'idiot',
      'nul',
      'mais',
      ',',
      ' ',
      '  ',
      '\n',
      '\u00a0',
      '\t',
      '. ',
      'sans',
      'du',
      'tout',
      'dis',
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 30 }), (pieces) => {
        const ctx = { normalized: normalize(`${pieces.join(' ')} cible`) };
        const start = ctx.normalized.text.lastIndexOf('cible');
        assert.equal(
          isNegated(ctx, start),
          isNegatedBySplitting(ctx, start),
          JSON.stringify(ctx.normalized.text),
        );
      }),
      { numRuns: 3000 },
    );
  });
});
