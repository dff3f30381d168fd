import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { analyze, normalizedTextOf } from '../analysis/analyze.ts';
import { compileEntry, findMatches } from '../analysis/patterns.ts';
import { normalize } from '../text/normalize.ts';
import type { Lang } from '../types.ts';
import { CUE_KINDS, type CueKind } from './cue-types.ts';
import { countListItems, detectCues, measureShape } from './cues.ts';
import { CUES_EN } from './data/cues-en.ts';
import { CUES_FR } from './data/cues-fr.ts';
import { CASES } from './fixtures/conversations.ts';
import { MORE_CASES } from './fixtures/more-conversations.ts';

const CUE_CASES: readonly (readonly [Lang, string, CueKind, boolean])[] = [
  ['fr', "D'accord, ça me va.", 'accept', true],
  ['fr', "Je ne suis pas d'accord du tout.", 'accept', false],
  ['fr', 'Non, ça ne me va pas.', 'accept', false],
  ['fr', 'Va pour la visio de jeudi.', 'accept', true],
  ['en', 'Sounds good, let’s do that.', 'accept', true],
  ['en', 'That was never part of the deal.', 'accept', false],
  ['fr', 'Merci beaucoup pour votre aide !', 'thanks', true],
  ['fr', 'Merci de me rappeler avant midi.', 'thanks', false],
  ['en', 'Thanks so much.', 'thanks', true],
  ['en', 'Thanks for nothing.', 'thanks', false],
  ['fr', "C'est réglé, tout fonctionne.", 'resolved', true],
  ['fr', 'Ça ne fonctionne toujours pas.', 'resolved', false],
  ['en', "It's working again.", 'resolved', true],
  ['en', 'Still not working.', 'resolved', false],
  ['fr', "Voilà, c'est tout ce que j'avais à dire.", 'finished', true],
  ['en', "That's all, really.", 'finished', true],
  ['fr', "Oui, c'est exactement ça.", 'confirm', true],
  ['en', "Yes, that's right.", 'confirm', true],
  ['fr', 'Je suis complètement perdue, ça fait beaucoup.', 'overwhelmed', true],
  ['en', 'Give me a moment, I need a minute to think.', 'overwhelmed', true],
  ['fr', 'Je ne peux pas accepter ces insultes.', 'boundary', true],
  ['en', "I won't tolerate that language.", 'boundary', true],
  ['fr', 'Je vous propose un remplacement sans frais.', 'offer', true],
  ['en', "I'm happy to add a third round free of charge.", 'offer', true],
  ['fr', 'Je vous écoute, prenez votre temps.', 'listening', true],
  ['fr', 'Il y a trois problèmes avec la commande.', 'counted', true],
  ['en', 'There are several issues with the invoice.', 'counted', true],
  ['fr', 'La traduction est mauvaise.', 'vague', true],
  ['en', 'The service was awful.', 'vague', true],
];

for (const [lang, text, kind, expected] of CUE_CASES) {
  test(`cues ${lang}: « ${text} » ${expected ? 'has' : 'has no'} ${kind}`, () => {
    assert.equal(detectCues(text, lang).has(kind), expected);
  });
}

test('cues: spans point at the user’s own characters', () => {
  const text = 'Bon. ÇA ME VA, merci.';
  const hit = detectCues(text, 'fr').hits.find((h) => h.kind === 'accept');
  assert.ok(hit);
  assert.equal(text.slice(hit.start, hit.end), hit.evidence);
  assert.equal(hit.evidence, 'ÇA ME VA');
});

test('cues: enumerations are counted, clauses are not', () => {
  assert.equal(countListItems('Trois choses : le bruit, le chauffe-eau et les charges.'), 3);
  assert.equal(countListItems("La facture de mars, l'échéancier, le compteur du garage et le contrat."), 4);
  assert.equal(
    countListItems('Je suis inquiète, je dois payer ce soir et je suis seule ici, que faire ?'),
    0,
  );
});

test('cues: shape of a turn', () => {
  const s = detectCues('OUI, J’AI COMPRIS, JE NE SUIS PAS SOURDE ! Pardon, je… je reprends.', 'fr').shape;
  assert.ok(s.capsWords >= 3);
  assert.equal(s.hesitations >= 1, true);
  assert.equal(s.questions, 0);
});

/** countListItems as it was before it skipped sentences with fewer than two cuts (the reference). */
function countListItemsReference(text: string): number {
  const WORD = /[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu;
  const NOUN_PHRASE =
    /^(?:l['’]|(?:le|la|les|un|une|des|du|mon|ma|mes|son|sa|ses|notre|nos|votre|vos|the|a|an|my|our|your|his|her|their)(?![\p{L}]))/iu;
  let best = 0;
  for (const sentence of text.match(/[^.!?\n]+[.!?\n]*/g) ?? []) {
    const colon = sentence.indexOf(':');
    const body = colon >= 0 ? sentence.slice(colon + 1) : sentence;
    const parts = body
      .split(/\s*(?:[,;]|(?<![\p{L}])(?:et|and)(?![\p{L}]))\s*/u)
      .map((p) => p.trim())
      .filter((p) => (p.match(WORD) ?? []).length >= 1);
    if (colon >= 0) {
      if (parts.filter((p) => (p.match(WORD) ?? []).length >= 2).length >= 3)
        best = Math.max(best, parts.length);
      continue;
    }
    const nounPhrases = parts.filter((p) => NOUN_PHRASE.test(p) && (p.match(WORD) ?? []).length <= 8);
    if (parts.length >= 4 && nounPhrases.length >= Math.ceil(parts.length * 0.75))
      best = Math.max(best, parts.length);
  }
  return best;
}

test('cues: enumerations are counted the same with or without the quick skip, on any text', () => {
  const piece = fc.constantFrom(
    'le bruit',
    'la facture de mars',
    "l'échéancier",
    'the invoice',
    'a refund',
    'je suis seule',
    'et',
    'and',
    'cette',
    'grande',
    ', ',
    ' ; ',
    ' : ',
    ' et ',
    ' and ',
    '. ',
    '\n',
    '?',
    ' ',
  );
  fc.assert(
    fc.property(
      fc.oneof(
        fc.array(piece, { maxLength: 24 }).map((p) => p.join('')),
        fc.string(),
      ),
      (text) => {
        const expected = countListItemsReference(text);
        assert.equal(countListItems(text), expected, JSON.stringify(text));
        // and through a turn's shape, which only looks when a sentence has the cuts for a list
        assert.equal(measureShape(text, normalize(text).text).listItems, expected, JSON.stringify(text));
      },
    ),
    { numRuns: 3000 },
  );
});

/**
 * detectCues' hits by the meaning the cue banks promise (analysis/pattern-bank.ts), without their
 * machinery: each pattern of a kind run alone over the text, the earliest match first and the
 * longest at a position, none overlapping the one kept before, none overlapped by an allow match.
 */
function referenceHits(text: string, lang: Lang): string[] {
  const n = normalize(text);
  const table = lang === 'fr' ? CUES_FR : CUES_EN;
  const alone = (sources: readonly string[] = []) =>
    sources.flatMap((source) => findMatches(compileEntry({ patterns: [source] }), n.text));
  const out: string[] = [];
  for (const kind of CUE_KINDS) {
    const raw = alone(table[kind].patterns).sort((a, b) => a.start - b.start || b.end - a.end);
    const allowed = alone(table[kind].allow);
    let end = -1;
    for (const m of raw) {
      if (m.start < end) continue;
      end = m.end;
      if (allowed.some((a) => a.start < m.end && m.start < a.end)) continue;
      out.push(`${kind}@${n.starts[m.start]}-${n.ends[m.end - 1]}`);
    }
  }
  return out.sort();
}

const gatedHits = (text: string, lang: Lang): string[] =>
  detectCues(text, lang)
    .hits.map((h) => `${h.kind}@${h.start}-${h.end}`)
    .sort();

const DEV = fileURLToPath(new URL('../../../../../shared/corpus/dev/', import.meta.url));

function devTexts(): [Lang, string][] {
  if (!existsSync(DEV)) return [];
  const out: [Lang, string][] = [];
  for (const name of readdirSync(DEV).filter((f) => f.endsWith('.jsonl'))) {
    for (const line of readFileSync(join(DEV, name), 'utf8').split('\n')) {
      if (!line.trim()) continue;
      const o = JSON.parse(line) as { lang: Lang; text?: string; turns?: { text: string }[] };
      for (const text of o.turns ? o.turns.map((t) => t.text) : [o.text ?? '']) out.push([o.lang, text]);
    }
  }
  return out;
}

test('cues: the banks find what each pattern alone finds (fixtures, dev corpus, both languages)', () => {
  const texts: [Lang, string][] = [
    ...[...CASES, ...MORE_CASES].flatMap((k) => k.turns.map((t): [Lang, string] => [k.lang, t.text])),
    ...devTexts(),
    ...CUE_CASES.map(([lang, text]): [Lang, string] => [lang, text]),
  ];
  let found = 0;
  for (const [lang, text] of texts) {
    for (const l of [lang, lang === 'fr' ? 'en' : 'fr'] as const) {
      const expected = referenceHits(text, l);
      found += expected.length;
      assert.deepEqual(gatedHits(text, l), expected, `${l}: ${text}`);
    }
  }
  assert.ok(found > 300, `${found} cues`);
});

test('cues: the banks find what each pattern alone finds, on word salads of the cue phrases', () => {
  // words of the cue phrases themselves, so that the salads hold literals and partial phrases
  const words = (lang: Lang) => {
    const table = lang === 'fr' ? CUES_FR : CUES_EN;
    const all = CUE_KINDS.flatMap((k) => table[k].patterns.join(' ').match(/[a-z']+/g) ?? []);
    return [...new Set(all)];
  };
  for (const lang of ['fr', 'en'] as const) {
    const salad = fc
      .array(fc.oneof(fc.constantFrom(...words(lang)), fc.constantFrom(' ', ', ', '. ', '! ', ' ? ')), {
        maxLength: 16,
      })
      .map((parts) => parts.join(' '));
    fc.assert(
      fc.property(salad, (text) => {
        assert.deepEqual(gatedHits(text, lang), referenceHits(text, lang), text);
      }),
      { numRuns: 1500 },
    );
  }
});

test('cues: the normalised text of the analysis of the same turn gives the cues made without it; another turn’s is ignored', () => {
  const texts = [
    "D'accord, ça me va. Merci beaucoup !",
    'Je vous propose un remplacement sans frais, je vous rappelle jeudi.',
    'Sounds good, thanks so much.',
    'Je suis complètement perdue, ça fait beaucoup.',
  ];
  for (const text of texts) {
    for (const lang of ['fr', 'en'] as const) {
      const own = normalizedTextOf(analyze(text, { role: 'client', lang }));
      assert.ok(own, 'analyze leaves its normalised text');
      const plain = detectCues(text, lang);
      const handed = detectCues(text, lang, own);
      assert.deepEqual(handed.hits, plain.hits, text);
      assert.deepEqual(handed.shape, plain.shape, text);
      for (const kind of CUE_KINDS) assert.equal(handed.has(kind), plain.has(kind), `${kind}: ${text}`);
      const other = normalize('Non merci, rien à voir.');
      assert.deepEqual(detectCues(text, lang, other).hits, plain.hits, text);
    }
  }
});
