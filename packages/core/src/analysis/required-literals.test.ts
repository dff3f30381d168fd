import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import fc from 'fast-check';
import { normalize } from '../text/normalize.ts';
import { compileAlternation } from './patterns.ts';
import { openingLiterals, requiredLiterals } from './required-literals.ts';
import { DATA_DIR, shippedPatterns } from './shipped-patterns.test-helper.ts';

const DATA = DATA_DIR;

test('requiredLiterals reads alternations, optional parts and cross products', () => {
  assert.deepEqual(requiredLiterals('porter plainte'), [['porter plainte']]);
  assert.deepEqual(requiredLiterals('(?:le|la) con'), [['le con', 'la con']]);
  assert.deepEqual(requiredLiterals('mon avocat(?: va)?'), [['mon avocat', 'mon avocat va']]);
  assert.deepEqual(requiredLiterals('ab[- ]cd'), [['ab-cd', 'ab cd']]);
  assert.equal(requiredLiterals('[a-z]+'), null);
  assert.equal(requiredLiterals('(?:abc|[0-9]+)'), null, 'a branch without a literal leaves no requirement');
});

test('openingLiterals spells out how every match starts, stepping over lookarounds', () => {
  assert.deepEqual(openingLiterals('(?:je|nous) (?:vais|allons) porter'), [
    'je vais porter',
    'je allons porter',
    'nous vais porter',
    'nous allons porter',
  ]);
  assert.deepEqual(openingLiterals('(?<=faute[^.]{0,80})(?:vous avez|tu as) (?:[a-z]+ ){0,3}raison'), [
    'tu as ',
    'vous avez ',
  ]);
  assert.deepEqual(openingLiterals('\\bmerci(?: beaucoup)?'), ['merci'], 'a longer opening adds nothing');
  assert.deepEqual(openingLiterals('(?:a|b)?c'), ['c', 'ac', 'bc']);
  assert.deepEqual(openingLiterals('ab+c'), ['ab']);
  assert.deepEqual(openingLiterals('(?:mon|mes (?:potes|freres)) va'), ['mon', 'mes ']);
  assert.deepEqual(
    openingLiterals('(?:every|each) (?:time|day)'),
    ['each ', 'every '],
    'an opening long enough to be rare is not multiplied',
  );
  assert.equal(openingLiterals('[a-z]+ merci'), null, 'a class opens it');
  assert.equal(openingLiterals('x*y'), null, 'it may open with nothing known');
  assert.equal(openingLiterals('(?:merci|[0-9]+)'), null, 'one branch opens with anything');
});

test('every match of a shipped pattern starts with one of its openings (dev corpus)', () => {
  const texts = devTexts();
  let withOpenings = 0;
  for (const source of shippedPatterns()) {
    const openings = openingLiterals(source);
    if (!openings) continue;
    withOpenings++;
    const re = compileAlternation([source]);
    for (const text of texts) {
      const n = normalize(text).text;
      re.lastIndex = 0;
      for (let m = re.exec(n); m !== null; m = re.exec(n)) {
        const at = m.index;
        assert.ok(
          openings.some((o) => n.startsWith(o, at)),
          `/${source}/ matched « ${m[0]} » that opens with none of ${JSON.stringify(openings)}`,
        );
        if (m[0].length === 0) re.lastIndex++;
      }
    }
  }
  assert.ok(withOpenings > 500, `most shipped patterns have openings (${withOpenings})`);
});

function devTexts(): string[] {
  const corpus = join(DATA, '..', '..', '..', '..', 'shared', 'corpus', 'dev');
  const texts: string[] = [];
  for (const f of ['client-fr.jsonl', 'client-en.jsonl', 'agent-fr.jsonl', 'agent-en.jsonl']) {
    try {
      for (const line of readFileSync(join(corpus, f), 'utf8').split('\n'))
        if (line.trim()) texts.push(JSON.parse(line).text);
    } catch {
      // the shared corpus is optional here
    }
  }
  return texts;
}

/** Does the text hold one literal of every set? */
function holds(req: string[][] | null, text: string): boolean {
  return req === null || req.every((set) => set.some((lit) => text.includes(lit)));
}

test('no shipped pattern matches a text that lacks its required literals (dev corpus, generated texts)', () => {
  const patterns = shippedPatterns().map((source) => ({
    source,
    re: compileAlternation([source]),
    req: requiredLiterals(source),
  }));
  assert.ok(patterns.length > 1000);
  assert.ok(
    patterns.filter((p) => p.req !== null).length > 0.95 * patterns.length,
    'nearly every pattern has a requirement',
  );
  // the shared corpus is optional here; generated texts below still run
  const texts = devTexts();
  const check = (text: string) => {
    const n = normalize(text);
    for (const p of patterns) {
      p.re.lastIndex = 0;
      if (p.re.test(n.text))
        assert.ok(holds(p.req, n.text), `/${p.source}/ matched « ${text} » without its literals`);
    }
  };
  for (const t of texts) check(t);
  const words = [
    'je',
    'vais',
    'porter',
    'plainte',
    'vous',
    'etes',
    'des',
    'incapables',
    'remboursez-moi',
    'jamais',
    'personne',
    "n'",
    'ne',
    'marche',
    'avocat',
    'my',
    'lawyer',
    'will',
    'be',
    'in',
    'touch',
    'refund',
    '!!',
    '?',
    'et',
    'toi',
    ',',
  ];
  fc.assert(
    fc.property(fc.array(fc.constantFrom(...words), { maxLength: 12 }), (ws) => {
      check(ws.join(' '));
    }),
    { numRuns: 300 },
  );
});
