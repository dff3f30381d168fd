import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
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
