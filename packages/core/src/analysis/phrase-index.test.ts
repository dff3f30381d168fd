import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { normalize } from '../text/normalize.ts';
import { compileAlternation, findMatches } from './patterns.ts';
import {
  compilePhraseIndex,
  compilePhraseSet,
  firstChars,
  matchPhraseSet,
  matchPhrases,
} from './phrase-index.ts';

describe('firstChars', () => {
  const cases: [string, string | null][] = [
    ['porter plainte', 'p'],
    ["(?:je|j')? ?vais", ' jv'], // may start with a space: scanned
    ['(?:vous|tu) (?:es|etes)', 'tv'],
    ['[bc]ouffon', 'bc'],
    ['\\S+ de merde', null],
    ['(?<=x)abc', 'a'],
    ['a?b', 'ab'],
    ['(?:mon|ma)? ?chat', ' cm'],
  ];
  for (const [source, expected] of cases) {
    it(`reads the first characters of /${source}/`, () => {
      const got = firstChars(source);
      assert.equal(got === null ? null : [...got].sort().join(''), expected);
    });
  }
});

/** Every pattern list of the shipped data files, to compare the index with a plain alternation. */
function shippedPatternLists(): string[][] {
  const dataDir = join(fileURLToPath(import.meta.url), '..', '..', '..', 'data');
  const lists: string[][] = [];
  const walk = (v: unknown): void => {
    if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object') {
      for (const [k, child] of Object.entries(v)) {
        if (
          (k === 'patterns' || k === 'allow' || k.endsWith('Patterns')) &&
          Array.isArray(child) &&
          child.every((s) => typeof s === 'string')
        )
          lists.push(child as string[]);
        else walk(child);
      }
    }
  };
  for (const lang of ['fr', 'en']) {
    for (const f of readdirSync(join(dataDir, lang)))
      if (f.endsWith('.json')) walk(JSON.parse(readFileSync(join(dataDir, lang, f), 'utf8')));
  }
  return lists.filter((l) => l.length > 0);
}

describe('matchPhrases', () => {
  const lists = shippedPatternLists();
  const corpusDir = join(
    fileURLToPath(import.meta.url),
    '..',
    '..',
    '..',
    '..',
    '..',
    '..',
    'shared',
    'corpus',
    'dev',
  );
  let texts: string[] = ['vous etes des incapables', 'je vais vous tuer', "l'eau c'est de la merde"];
  try {
    for (const f of ['client-fr.jsonl', 'client-en.jsonl', 'agent-fr.jsonl', 'agent-en.jsonl']) {
      for (const line of readFileSync(join(corpusDir, f), 'utf8').split('\n'))
        if (line.trim()) texts.push(JSON.parse(line).text);
    }
  } catch {
    /* the shared corpus is optional here: the property below still runs */
  }
  texts = texts.slice(0, 60).map((t) => normalize(t).text);

  it('finds exactly what one alternation finds, for every shipped pattern list', () => {
    assert.ok(lists.length > 0);
    for (const list of lists) {
      const index = compilePhraseIndex(list);
      const plain = { match: compileAlternation(list), allow: null };
      for (const t of texts)
        assert.deepEqual(matchPhrases(index, t), findMatches(plain, t), `${list[0]} on « ${t} »`);
    }
  });

  it('agrees with one alternation on random text made of pattern words (letter-led patterns)', () => {
    // letter-led patterns only: with scanned ones, a tie at one start goes to the letter-led one
    const list = [
      'vous (?:etes|etiez) (?:des )?nuls?',
      'nul(?:le)?s?',
      'de merde',
      'merde',
      "bande d(?:e |')\\w+",
      'x+ ?1',
    ];
    const index = compilePhraseIndex(list);
    const plain = { match: compileAlternation(list), allow: null };
    const word = fc.constantFrom(
      'vous',
      'etes',
      'des',
      'nul',
      'nulle',
      'de',
      'merde',
      'bande',
      "d'",
      'x',
      ' ',
      ',',
      '1',
    );
    fc.assert(
      fc.property(fc.array(word, { maxLength: 30 }), (words) => {
        const t = words.join(' ');
        assert.deepEqual(matchPhrases(index, t), findMatches(plain, t));
      }),
      { numRuns: 300 },
    );
  });
});

describe('matchPhraseSet', () => {
  it('gives, list by list, what each list gives alone', () => {
    const lists = {
      threat: ['je vais (?:vous|te) tuer', '(?:vous|tu) (?:allez|vas) prendre cher', '\\S+ de merde'],
      allow: ['tuer le temps', 'prendre cher (?:en|au)'],
      insult: ["(?:vous etes|t'es) (?:des |un |une )?nuls?", "bande d(?:e |')incapables"],
    };
    const set = compilePhraseSet(lists);
    const texts = [
      'je vais vous tuer, vous allez prendre cher',
      "bande d'incapables, vous etes nuls, je vais te tuer le temps",
      'service de merde, tu vas prendre cher au tribunal',
      '',
      'rien a signaler',
    ];
    for (const t of texts) {
      const got = matchPhraseSet(set, t);
      for (const [name, list] of Object.entries(lists)) {
        assert.deepEqual(
          got.get(name),
          findMatches({ match: compileAlternation(list), allow: null }, t),
          `${name} on « ${t} »`,
        );
      }
    }
  });
});
