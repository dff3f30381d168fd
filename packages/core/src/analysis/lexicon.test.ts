import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { normalize } from '../text/normalize.ts';
import { expandForms, squeeze, TokenLexicon, tokenize } from './lexicon.ts';

function lexicon(): TokenLexicon<string> {
  const lex = new TokenLexicon<string>();
  lex.add('connard/e/s/es', 'insult');
  lex.add('encule/e/s', 'insult');
  lex.add('abruti/e/s', 'insult');
  lex.add('putain', 'profanity');
  lex.add('fucking', 'profanity');
  lex.add('fils de pute', 'insult-phrase');
  lex.add('merde', 'profanity');
  return lex;
}

function first(text: string, lex = lexicon()): { form: string; value: string; evidence: string } | null {
  const n = normalize(text);
  const tokens = tokenize(n);
  for (let i = 0; i < tokens.length; i++) {
    const m = lex.matchAt(n.text, tokens, i);
    if (m) {
      const end = tokens.end(i + m.length - 1);
      return {
        form: m.form,
        value: m.value,
        evidence: text.slice(n.starts[tokens.start(i)], n.ends[end - 1]),
      };
    }
  }
  return null;
}

describe('expandForms and squeeze', () => {
  it('expands suffixes after the base', () => {
    assert.deepEqual(expandForms('abruti/e/s/es'), ['abruti', 'abrutie', 'abrutis', 'abruties']);
    assert.deepEqual(expandForms('fils de pute'), ['fils de pute']);
  });
  it('squeezes doubled letters', () => assert.equal(squeeze('connnard'), 'conard'));
});

describe('TokenLexicon', () => {
  const cases: [string, string, string][] = [
    // [text, expected form, expected evidence]
    ['espèce de connards', 'connards', 'connards'],
    ['enc***é de livreur', 'encule', 'enc***é'],
    ['vous êtes des ab*utis', 'abrutis', 'ab*utis'],
    ['P*tain !', 'putain', 'P*tain'],
    ['get your f***ing act together', 'fucking', 'f***ing'],
    ['merdeeeee alors', 'merde', 'merdeeeee'],
    ['espèce de fils de pute', 'fils de pute', 'fils de pute'],
  ];
  for (const [text, form, evidence] of cases) {
    it(`finds « ${form} » in « ${text} »`, () => {
      const got = first(text);
      assert.equal(got?.form, form);
      assert.equal(got?.evidence, evidence);
    });
  }
  it('does not match masks that only look like emphasis or hide too much', () => {
    assert.equal(first('très* déçu'), null);
    assert.equal(first('***'), null);
    assert.equal(first('c**** de livreur'), null); // one visible letter: the length must fit a form
    assert.equal(first('c****** de livreur')?.form, 'connard');
  });
  it('leaves alone a mask that could hide an everyday word', () => {
    const lex = lexicon();
    lex.add('con', 'coarse');
    lex.add('whore', 'insult');
    lex.addCommon(['can', 'were']);
    assert.equal(first("I c*n't find it", lex), null);
    assert.equal(first('they w*re late', lex), null);
    assert.equal(first('espèce de wh*re', lex)?.form, 'whore');
  });
  it('does not match words that merely contain a form', () => {
    assert.equal(first('un conseiller et un contrat'), null);
    assert.equal(first('les asperges'), null);
  });
  it('stays cheap on a text full of masks (masked lookups are budgeted)', () => {
    const text = 'c*n* '.repeat(5_000);
    const n = normalize(text);
    const tokens = tokenize(n);
    const lex = lexicon();
    const budget = { masked: 32 };
    const t0 = performance.now();
    for (let i = 0; i < tokens.length; i++) lex.matchAt(n.text, tokens, i, budget);
    assert.equal(budget.masked, 0);
    assert.ok(performance.now() - t0 < 2_000);
  });
});
