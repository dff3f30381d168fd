import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { normalize } from '../../text/normalize.ts';
import { compileAlternation } from '../patterns.ts';
import { gateOf, gatePasses, requiredLiterals } from './literal-gate.ts';

const DATA = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', 'data');

test('requiredLiterals reads alternations, optional parts and cross products', () => {
  assert.deepEqual(requiredLiterals('porter plainte'), [['porter plainte']]);
  assert.deepEqual(requiredLiterals('(?:le|la) con'), [['le con', 'la con']]);
  assert.deepEqual(requiredLiterals('mon avocat(?: va)?'), [['mon avocat', 'mon avocat va']]);
  assert.deepEqual(requiredLiterals('ab[- ]cd'), [['ab-cd', 'ab cd']]);
  assert.equal(requiredLiterals('[a-z]+'), null);
  assert.equal(requiredLiterals('(?:abc|[0-9]+)'), null, 'a branch without a literal leaves no requirement');
});

/** Every stored pattern of the client families this file's rules use. */
function clientPatterns(): string[] {
  const out: string[] = [];
  for (const lang of ['fr', 'en']) {
    for (const file of readdirSync(join(DATA, lang))) {
      if (!/^(pressure|request|claim|tactic|emotion)\.json$/.test(file)) continue;
      const data = JSON.parse(readFileSync(join(DATA, lang, file), 'utf8')) as Record<
        string,
        { patterns?: string[]; allow?: string[] }
      >;
      for (const entry of Object.values(data)) out.push(...(entry.patterns ?? []), ...(entry.allow ?? []));
    }
  }
  return out;
}

test('a gate never rejects a text its pattern matches (dev corpus and generated texts)', () => {
  const patterns = clientPatterns().map((source) => ({
    source,
    re: compileAlternation([source]),
    gate: gateOf(source),
  }));
  assert.ok(patterns.length > 200);
  const corpus = join(DATA, '..', '..', '..', '..', 'shared', 'corpus', 'dev');
  const texts: string[] = [];
  for (const f of ['client-fr.jsonl', 'client-en.jsonl']) {
    try {
      for (const line of readFileSync(join(corpus, f), 'utf8').split('\n'))
        if (line.trim()) texts.push(JSON.parse(line).text);
    } catch {
      // the shared corpus is optional here; generated texts below still run
    }
  }
  const check = (text: string) => {
    const n = normalize(text);
    for (const p of patterns) {
      p.re.lastIndex = 0;
      if (p.re.test(n.text))
        assert.ok(gatePasses(p.gate, n), `gate rejected a match of /${p.source}/ in « ${text} »`);
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

test('a gate screens out a message holding none of the required words', () => {
  const gate = gateOf('(?:porter|deposer) plainte');
  assert.equal(gatePasses(gate, normalize('Bonjour, le manteau bleu existe-t-il en 40 ?')), false);
  assert.equal(gatePasses(gate, normalize('Je vais porter plainte.')), true);
});
