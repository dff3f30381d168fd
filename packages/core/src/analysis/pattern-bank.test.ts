/**
 * A pattern bank must find exactly what each pattern, compiled alone and word-bounded as
 * patterns.ts means it, finds: the literal gates, the wake-up index and the hand-checked start
 * boundary are speed, never a change of meaning.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { normalize } from '../text/normalize.ts';
import { PatternBank } from './pattern-bank.ts';
import { compileEntry, findMatches } from './patterns.ts';
import { DATA_DIR, shippedPatterns } from './shipped-patterns.test-helper.ts';

const DATA = DATA_DIR;
const CORPUS = join(DATA, '..', '..', '..', '..', 'shared', 'corpus', 'dev');

function corpusTexts(): string[] {
  const texts = [
    'Vous êtes des incapables, je vais porter plainte !',
    "Je vais te retrouver à la sortie, espèce d'abruti.",
    'Merci pour votre retour, je comprends votre colère. Je vous propose un avoir.',
    "You're useless. My lawyer will be in touch, I want a refund now.",
    "Calm down, it's not our fault. I guarantee it will never happen again.",
  ];
  for (const f of ['client-fr.jsonl', 'client-en.jsonl', 'agent-fr.jsonl', 'agent-en.jsonl']) {
    try {
      for (const line of readFileSync(join(CORPUS, f), 'utf8').split('\n'))
        if (line.trim()) texts.push(JSON.parse(line).text as string);
    } catch {
      // the shared corpus is optional here: the samples and generated texts still run
    }
  }
  return texts;
}

/** Starts of the reference matches (an alternation keeps its first alternative, the bank the longest). */
function referenceStarts(source: string, text: string): number[] {
  return findMatches(compileEntry({ patterns: [source] }), text).map((m) => m.start);
}

for (const lang of ['fr', 'en'] as const) {
  describe(`a bank of every shipped ${lang} pattern`, () => {
    const sources = shippedPatterns(lang);
    const bank = new PatternBank();
    const sets = sources.map((source) => ({ source, set: bank.add({ patterns: [source] }) }));
    const agrees = (raw: string) => {
      const n = normalize(raw);
      for (const { source, set } of sets) {
        const got = bank.match(set, n).map((m) => m.start);
        assert.deepEqual(got, referenceStarts(source, n.text), `/${source}/ on « ${n.text} »`);
      }
    };

    it('finds, pattern by pattern, what the pattern alone finds on the dev corpus', () => {
      assert.ok(sources.length > 300);
      for (const t of corpusTexts()) agrees(t);
    });

    it('finds what the pattern alone finds on random mixes of corpus words', () => {
      const words = corpusTexts().join(' ').split(/\s+/).slice(0, 3000);
      fc.assert(
        fc.property(fc.array(fc.constantFrom(...words), { minLength: 1, maxLength: 30 }), (picked) => {
          agrees(picked.join(' '));
        }),
        { numRuns: 25 },
      );
    });
  });
}

describe('PatternBank', () => {
  it('keeps the earliest, then longest, match and drops overlapping ones', () => {
    const bank = new PatternBank();
    const set = bank.add({ patterns: ['porter plainte', 'je vais porter', 'je vais porter plainte'] });
    const got = bank.match(set, normalize('Je vais porter plainte, oui, porter plainte.'));
    assert.deepEqual(
      got.map((m) => m.text),
      ['je vais porter plainte', 'porter plainte'],
    );
  });

  it('matches only on word starts and word ends', () => {
    const bank = new PatternBank();
    const set = bank.add({ patterns: ['con'] });
    assert.deepEqual(bank.match(set, normalize('un contrat, un concombre, un deconstruit')), []);
    assert.deepEqual(
      bank.match(set, normalize('quel con !')).map((m) => [m.start, m.end]),
      [[5, 8]],
    );
  });

  it('drops a match that an allow pattern overlaps', () => {
    const bank = new PatternBank();
    const set = bank.add({ patterns: ['tuer'], allow: ['tuer le temps'] });
    assert.deepEqual(bank.match(set, normalize('Je lis pour tuer le temps.')), []);
    assert.equal(bank.match(set, normalize('Je vais vous tuer.')).length, 1);
  });

  it('gates on every required set: a text holding only some of the words finds nothing', () => {
    const bank = new PatternBank();
    const set = bank.add({ patterns: ['(?:porter|deposer) plainte contre (?:vous|toi)'] });
    assert.deepEqual(bank.match(set, normalize('Je vais porter plainte. Contre qui ? Vous savez.')), []);
    assert.equal(bank.match(set, normalize('Je vais déposer plainte contre vous.')).length, 1);
  });

  it('runs patterns without a requirement on every text', () => {
    const bank = new PatternBank();
    const set = bank.add({ patterns: ['[0-9]{5}'] });
    assert.deepEqual(
      bank.match(set, normalize('code postal 75011')).map((m) => m.text),
      ['75011'],
    );
  });

  it('accepts sets added after it has matched, and matches them on the same text', () => {
    const bank = new PatternBank();
    const first = bank.add({ patterns: ['merci'] });
    const n = normalize('Merci, et bonjour !');
    assert.equal(bank.match(first, n).length, 1);
    const second = bank.add({ patterns: ['bonjour'] });
    assert.equal(bank.match(second, n).length, 1);
    assert.equal(bank.match(first, n).length, 1);
  });

  it('answers per text, whatever the order texts are matched in', () => {
    const bank = new PatternBank();
    const set = bank.add({ patterns: ['remboursez[- ]moi'] });
    const a = normalize('Remboursez-moi !');
    const b = normalize('Bonjour.');
    assert.equal(bank.match(set, a).length, 1);
    assert.equal(bank.match(set, b).length, 0);
    assert.equal(bank.match(set, a).length, 1);
  });

  it('finds the same matches where an opening stands too often to be tried place by place', () => {
    const bank = new PatternBank();
    const source = '(?:le|la) (?:chat|chien)(?: noir)?';
    const set = bank.add({ patterns: [source] });
    for (const count of [1, 3, 15, 16, 17, 40]) {
      const text = Array.from({ length: count }, (_, i) => (i % 3 === 0 ? 'le chat noir' : 'la table')).join(
        ', ',
      );
      const n = normalize(`${text}, la chienne, le chien`);
      assert.deepEqual(
        bank.match(set, n).map((m) => [m.start, m.end]),
        findMatches(compileEntry({ patterns: [source] }), n.text).map((m) => [m.start, m.end]),
        `${count} openings`,
      );
    }
  });

  it('refuses a set of another bank', () => {
    const set = new PatternBank().add({ patterns: ['merci'] });
    assert.throws(() => new PatternBank().match(set, normalize('merci')), /another bank/);
  });
});
